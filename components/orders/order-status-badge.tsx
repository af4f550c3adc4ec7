import { useTranslations } from "next-intl";

import type { OrderStatus } from "@/lib/domain/order";

const TONES: Record<OrderStatus, string> = {
  pending: "bg-slate-100 text-slate-800 border-slate-300",
  processing: "bg-blue-50 text-blue-800 border-blue-300",
  "in-m3": "bg-indigo-50 text-indigo-800 border-indigo-300",
  shipped: "bg-amber-50 text-amber-900 border-amber-300",
  complete: "bg-green-50 text-green-800 border-green-300",
  canceled: "bg-slate-200 text-slate-700 border-slate-400",
  error: "bg-red-50 text-red-800 border-red-300",
  "m3-error": "bg-red-50 text-red-800 border-red-300",
  unknown: "bg-slate-100 text-slate-800 border-slate-300",
};

/** An order's status in words, with a colour that only repeats what the words say. */
export function OrderStatusBadge({ status, raw }: { status: OrderStatus; raw: string }) {
  const t = useTranslations("orderStatus");
  return (
    <span className={`inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-semibold ${TONES[status]}`}>
      {status === "unknown" ? t("unknown", { raw }) : t(status)}
    </span>
  );
}
