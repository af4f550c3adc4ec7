import { useTranslations } from "next-intl";

import type { StockColour } from "@/lib/domain/product";

/** Stock in words and colour, with a shape as well: never colour alone. */
export function StockBadge({ colour, size = "sm" }: { colour: StockColour | null; size?: "sm" | "md" }) {
  const t = useTranslations("product.stock");
  const key = colour ?? "unknown";
  const tone =
    colour === "green"
      ? "bg-stock-in-bg text-stock-in border-stock-in/40"
      : colour === "red"
        ? "bg-stock-out-bg text-stock-out border-stock-out/40"
        : "bg-slate-100 text-slate-700 border-slate-300";
  const icon = colour === "green" ? "✓" : colour === "red" ? "✕" : "?";
  return (
    <span
      data-stock={key}
      className={`inline-flex items-center gap-1 rounded-full border font-semibold ${tone} ${size === "md" ? "px-3 py-1 text-sm" : "px-2 py-0.5 text-xs"}`}
    >
      <span aria-hidden="true">{icon}</span>
      {t(key)}
    </span>
  );
}
