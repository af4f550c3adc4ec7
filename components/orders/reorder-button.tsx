"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, useState, useTransition } from "react";

import { Link } from "@/components/link";
import { Button, buttonClasses } from "@/components/ui/button";
import type { LineReport } from "@/lib/cart/lines";
import { reorderFormAction, reorderOrder } from "@/lib/orders/actions";

type Outcome = { kind: "idle" } | { kind: "failed" } | { kind: "report"; reports: LineReport[] };

const inCart = (report: LineReport) => report.outcome === "added" || report.outcome === "rounded";

/**
 * "Order again": copies the order's lines into the cart (the server reads them from the order,
 * and the cart rounds each quantity to the product's current sales unit). When every line went in
 * as it was, the cart opens at once; otherwise the lines that were rounded, are unknown, blocked
 * or no longer offered are listed first. `titles` are the reorderable lines' titles, in order,
 * to name a line the catalogue no longer knows.
 * The button is a form whose action is the server action: posted before hydration or without
 * JavaScript, the answer is the cart, or this page with the report.
 */
export function ReorderButton({ orderId, titles }: { orderId: string; titles: (string | null)[] }) {
  const t = useTranslations("orders.reorder");
  const router = useRouter();
  const [posted, formAction, postPending] = useActionState(reorderFormAction, null);
  const [sending, startTransition] = useTransition();
  const pending = sending || postPending;
  const [outcome, setOutcome] = useState<Outcome>(
    posted === null ? { kind: "idle" } : posted.ok ? { kind: "report", reports: posted.reports } : { kind: "failed" },
  );
  const reportRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (outcome.kind !== "idle") reportRef.current?.focus();
  }, [outcome]);

  if (!titles.length) return null;

  function reorder(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      try {
        const result = await reorderOrder({ orderId });
        if (!result.ok) {
          setOutcome({ kind: "failed" });
          return;
        }
        if (result.reports.every((report) => report.outcome === "added")) {
          router.push("/cart");
          return;
        }
        setOutcome({ kind: "report", reports: result.reports });
      } catch {
        setOutcome({ kind: "failed" });
      }
    });
  }

  const titleOf = (report: LineReport) => report.title ?? titles[report.line - 1] ?? report.sku ?? report.identifier;
  const reports = outcome.kind === "report" ? outcome.reports : [];
  const problems = reports.filter((report) => report.outcome !== "added");
  const added = reports.filter(inCart).length;
  // Said only once there is a report: its counts are formatted numbers, and a page that has just woken
  // up builds no number formatter (e2e/page-load-work.spec.ts).
  const summary =
    outcome.kind !== "report"
      ? null
      : added === reports.length
        ? t("allAdded", { total: reports.length })
        : added === 0
          ? t("nothing")
          : t("partly", { added, total: reports.length });

  return (
    <div className="no-print">
      <form action={formAction} onSubmit={reorder}>
        <input type="hidden" name="orderId" value={orderId} />
        <Button type="submit" disabled={pending} aria-describedby="reorder-hint">
          <span aria-hidden="true">↻</span>
          {pending ? t("busy") : t("button")}
        </Button>
      </form>
      <p id="reorder-hint" className="sr-only">
        {t("hint")}
      </p>
      {outcome.kind === "failed" ? (
        <div ref={reportRef} tabIndex={-1} role="alert" className="mt-2 text-sm text-red-800">
          {t("failed")}
        </div>
      ) : null}
      {outcome.kind === "report" ? (
        <div
          ref={reportRef}
          tabIndex={-1}
          role="alert"
          className="mt-3 max-w-xl rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
        >
          <p className="font-semibold">{summary}</p>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {problems.map((report) => (
              <li key={report.line}>
                {report.outcome === "rounded"
                  ? t("rounded", {
                      title: titleOf(report),
                      requested: report.requested ?? 0,
                      quantity: report.quantity ?? 0,
                    })
                  : t(report.outcome, { title: titleOf(report), sku: report.sku ?? report.identifier })}
              </li>
            ))}
          </ul>
          <Link href="/cart" className={buttonClasses("primary", "mt-3")}>
            {t("toCart")}
          </Link>
        </div>
      ) : null}
    </div>
  );
}
