import "server-only";

import { createHash } from "node:crypto";

import type { SessionToken } from "@/lib/auth/session-types";
import { cartOwnerOf } from "@/lib/cart/owner";

/**
 * Whose cart a scan kept on the device belongs to: the user and the customer
 * they act for, hashed so that no e-mail address is written to the device.
 */
export function scanOwnerKey(
  session: Pick<SessionToken, "email" | "name" | "customerCode" | "activeCustomerCode" | "permissions">,
): string {
  const owner = cartOwnerOf(session);
  return createHash("sha256").update(`${owner.userKey}\n${owner.customerCode}`).digest("hex").slice(0, 32);
}
