import "server-only";

import { activeCustomer } from "@/lib/acting/policy";
import type { SessionToken } from "@/lib/auth/session-types";
import { getDb } from "@/lib/db";
import type { OrderId } from "@/lib/domain/order";
import { errorText, log } from "@/lib/observability/logger";
import { findOrder } from "@/lib/orders/show-order";

import { recordedOrderIds } from "./record-order";

/**
 * An order the portal placed, read back from the wholesaler once so its lines (with the prices it
 * settled) are recorded: reading the order through findOrder records them. Called when the placed
 * order is known (the confirmation); an order recorded already is not read again. Never fails.
 */
export async function recordPlacedOrder(session: SessionToken, orderId: OrderId): Promise<void> {
  try {
    const known = await recordedOrderIds(await getDb(), activeCustomer(session), [orderId]);
    if (known.has(orderId)) return;
    await findOrder(session, orderId, "report");
  } catch (error) {
    log().warn({ error: errorText(error) }, "placed order not read back");
  }
}
