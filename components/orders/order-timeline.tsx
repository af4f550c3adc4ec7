import { useFormatter, useTranslations } from "next-intl";

import type { TimelineEntry } from "@/lib/orders/timeline";

const MARKS = { done: "✓", current: "●", upcoming: "○" } as const;

/** The order's steps as far as the data tells: done, now, and still to come; the parcels in between. */
export function OrderTimeline({ entries }: { entries: TimelineEntry[] }) {
  const t = useTranslations("orders.timeline");
  const ts = useTranslations("orderStatus");
  const format = useFormatter();
  const when = (at: Date | null) =>
    at ? <time dateTime={at.toISOString()}>{format.dateTime(at, "long")}</time> : null;
  return (
    <ol className="relative space-y-3 border-l-2 border-slate-200 pl-5">
      {entries.map((entry, index) => {
        if (entry.kind === "shipment") {
          return (
            <li key={`parcel-${index}`} className="relative text-sm">
              <span aria-hidden="true" className="absolute -left-[1.85rem] rounded-full bg-white px-0.5 text-slate-700">
                ▣
              </span>
              <p className="font-semibold">{t("parcels", { count: entry.pieces, courier: entry.courier })}</p>
              <p className="text-slate-700">{when(entry.at) ?? t("timeUnknown")}</p>
            </li>
          );
        }
        const label = entry.status === "unknown" ? ts("unknown", { raw: entry.statusRaw }) : ts(entry.status);
        const tone =
          entry.state === "current"
            ? "font-semibold text-slate-900"
            : entry.state === "done"
              ? "text-slate-800"
              : "text-slate-500";
        return (
          <li
            key={`${entry.status}-${index}`}
            className="relative text-sm"
            aria-current={entry.state === "current" ? "step" : undefined}
          >
            <span aria-hidden="true" className="absolute -left-[1.85rem] rounded-full bg-white px-0.5 text-slate-700">
              {MARKS[entry.state]}
            </span>
            <p className={tone}>
              {label}
              {entry.state === "current" ? <span className="sr-only"> ({t("now")})</span> : null}
            </p>
            <p className="text-slate-600">
              {entry.state === "current"
                ? (when(entry.at) ?? t("timeUnknown"))
                : entry.state === "done"
                  ? t("done")
                  : t("upcoming")}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
