import type { SessionToken } from "@/lib/auth/session-types";

/**
 * The `customer_id` to send with order reads: only when wholesaler staff act
 * for another customer. A dealer's own orders need none (the upstream ignores it anyway).
 */
export function customerIdFilter(
  session: Pick<SessionToken, "activeCustomerCode" | "customerCode">,
): string | undefined {
  return session.activeCustomerCode !== session.customerCode ? session.activeCustomerCode : undefined;
}
