import { getFormatter, getTranslations } from "next-intl/server";

import { Link } from "@/components/link";

import { SystemMessage } from "./system-message";
import type { AdminOverview } from "@/lib/audit/admin-overview";

type PendingFailure = AdminOverview["sync"]["nextFailures"][number];

/**
 * The products the catalogue sync could not read and will try again, next in line first: which
 * product, how often it failed, when the next try is, why in the reader's language, and the error's
 * own words (the system's, in English, as in the logs: they tell staff what to look at). A list
 * rather than a table, so that it reads the same at 360 px.
 */
export async function RetryQueue({
  failures,
  pending,
  now,
}: {
  failures: PendingFailure[];
  pending: number;
  now: Date;
}) {
  if (!failures.length) return null;
  const [t, format] = await Promise.all([getTranslations("admin"), getFormatter()]);
  const more = pending - failures.length;
  return (
    <div className="mt-4">
      <h3 id="retry-queue" className="text-base font-semibold">
        {t("retryQueue")}
      </h3>
      <ul aria-labelledby="retry-queue" className="mt-2 divide-y divide-slate-200 text-sm">
        {failures.map((failure) => (
          <li key={failure.sku} className="py-2">
            <Link
              href={`/products/${encodeURIComponent(failure.sku)}`}
              className="inline-flex min-h-touch items-center font-semibold text-blue-800 underline"
            >
              {failure.title ?? t("retryUntitled")}
            </Link>{" "}
            <span className="font-mono text-xs text-slate-600">{failure.sku}</span>
            <span className="block text-slate-700">
              {t("retryAttempts", {
                attempts: failure.attempts,
                due: failure.nextAttemptAt <= now ? "now" : "later",
                next: format.dateTime(failure.nextAttemptAt, "long"),
              })}
            </span>
            {failure.reason ? (
              <span className="block text-slate-700">{t("retryReason", { reason: failure.reason })}</span>
            ) : null}
            <SystemMessage message={failure.lastError} />
          </li>
        ))}
      </ul>
      {more > 0 ? <p className="mt-2 text-sm text-slate-700">{t("retryMore", { count: more })}</p> : null}
    </div>
  );
}
