import type { LineReport } from "@/lib/cart/lines";

import type { ReorderResult } from "./reorder";

/** What "Order again" answers the hydrated button: the use case's result, or that the input was refused. */
export type ReorderActionResult = ReorderResult | { ok: false; reason: "invalid" };

/** What the order page shows after "Order again" was posted natively: the report, or that it failed. */
export type ReorderFormState = null | { ok: false } | { ok: true; reports: LineReport[] };
