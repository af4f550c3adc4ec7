import { userKeyOf } from "@/lib/auth/principal";
import type { SessionToken } from "@/lib/auth/session-types";

import type { CartOwner } from "./store";

/**
 * The cart of a session: the person, for the customer they currently act for (the session's active
 * customer, set only through lib/acting's switch, which asks lib/acting/policy.ts). Carts, checkout
 * attempts and scans kept on a device all belong to this owner.
 */
export function cartOwnerOf(
  session: Pick<SessionToken, "email" | "name" | "customerCode" | "activeCustomerCode">,
): CartOwner {
  return { userKey: userKeyOf(session), customerCode: session.activeCustomerCode };
}
