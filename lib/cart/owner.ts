import type { SessionToken } from "@/lib/auth/session-types";

import type { CartOwner } from "./store";

/** The cart of a session: the person, for the customer they currently act for. */
export function cartOwnerOf(
  session: Pick<SessionToken, "email" | "name" | "customerCode" | "activeCustomerCode">,
): CartOwner {
  const userKey = (session.email ?? `${session.customerCode}:${session.name}`).toLowerCase();
  return { userKey, customerCode: session.activeCustomerCode };
}
