import { activeCustomer } from "@/lib/acting/policy";
import { userKeyOf } from "@/lib/auth/principal";
import type { SessionToken } from "@/lib/auth/session-types";

import type { CartOwner } from "./store";

/**
 * The cart of a session: the person, for the customer they currently act for (the session's active
 * customer as lib/acting/policy.ts reads it: their own unless staff switched). Carts, checkout
 * attempts and scans kept on a device all belong to this owner.
 */
export function cartOwnerOf(
  session: Pick<SessionToken, "email" | "name" | "customerCode" | "activeCustomerCode" | "permissions">,
): CartOwner {
  return { userKey: userKeyOf(session), customerCode: activeCustomer(session) };
}
