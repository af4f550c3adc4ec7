import "server-only";

import { mayPlaceTestOrders } from "@/lib/acting/policy";
import { sessionUpstream } from "@/lib/auth/session";
import type { SessionToken } from "@/lib/auth/session-types";
import { viewCart } from "@/lib/cart/read";
import type { CartView } from "@/lib/cart/view";
import type { Company } from "@/lib/domain/company";
import { getEnv } from "@/lib/env";
import { isUpstreamError } from "@/lib/upstream";

import { newAttemptId } from "./attempts";

export interface CheckoutPageData {
  cart: CartView;
  /** The id this form's order will be sent under: a double click or a retry sends it once. */
  attemptId: string;
  /** The customer ordered for (the session's active customer), null when the upstream cannot say. */
  company: Company | null;
  canPlaceTestOrders: boolean;
}

/** What the checkout page shows: the session's cart, the customer it is for, a fresh attempt id. */
export async function prepareCheckout(session: SessionToken): Promise<CheckoutPageData> {
  const cart = await viewCart(session);
  const canPlaceTestOrders = mayPlaceTestOrders(session, getEnv().DEMO_MODE);
  if (!cart.lines.length) return { cart, attemptId: newAttemptId(), company: null, canPlaceTestOrders };
  const { upstream } = await sessionUpstream(session);
  const company = await upstream.company(session.activeCustomerCode).catch((error: unknown) => {
    if (isUpstreamError(error)) return null;
    throw error;
  });
  return { cart, attemptId: newAttemptId(), company, canPlaceTestOrders };
}
