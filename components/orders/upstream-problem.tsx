import { useTranslations } from "next-intl";

import type { LoadProblem } from "@/lib/orders/upstream";

/** Why the wholesaler's data is missing from a page, in words, with a way to try again. */
export function UpstreamProblem({ kind, title, retryHref }: { kind: LoadProblem; title: string; retryHref: string }) {
  const t = useTranslations();
  const reason =
    kind === "timeout"
      ? t("errors.upstreamTimeout")
      : kind === "rate_limited"
        ? t("errors.upstreamRateLimited")
        : kind === "malformed"
          ? t("errors.upstreamMalformed")
          : kind === "forbidden"
            ? t("errors.forbidden")
            : t("errors.upstreamUnavailable");
  return (
    <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950">
      <p className="font-semibold">
        <span aria-hidden="true">⚠ </span>
        {title}
      </p>
      <p className="mt-1 text-sm">{reason}</p>
      <a
        href={retryHref}
        className="mt-3 inline-flex min-h-touch items-center rounded-md border border-amber-400 bg-white px-4 text-sm font-semibold text-amber-950 hover:bg-amber-100"
      >
        {t("errors.retry")}
      </a>
    </div>
  );
}
