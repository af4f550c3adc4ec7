import { activeCustomer } from "@/lib/acting/policy";
import { userKeyOf } from "@/lib/auth/principal";
import type { SessionToken } from "@/lib/auth/session-types";

import type { ListOwner } from "./store";

export type ListSession = Pick<
  SessionToken,
  "email" | "name" | "customerCode" | "activeCustomerCode" | "permissions" | "features"
>;

/**
 * Whose lists: the customer the session acts for (lib/acting/policy.ts), never one the browser
 * names. Every user of that customer, and staff acting for it, see and edit the same lists.
 */
export function listOwnerOf(session: ListSession): ListOwner {
  return { customerCode: activeCustomer(session), userKey: userKeyOf(session) };
}
