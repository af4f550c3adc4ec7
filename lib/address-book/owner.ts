import { activeCustomer } from "@/lib/acting/policy";
import { userKeyOf } from "@/lib/auth/principal";
import type { SessionToken } from "@/lib/auth/session-types";
import { getDb, type Database } from "@/lib/db";

/** What the address book's use cases read of a session. */
export type AddressBookSession = Pick<
  SessionToken,
  "email" | "name" | "customerCode" | "activeCustomerCode" | "permissions"
>;

/**
 * The address book belongs to the customer code: every user of the customer shares it, staff
 * acting for a customer see and change that customer's (lib/acting/policy.ts).
 */
export function addressBookOwnerOf(session: AddressBookSession): { customerCode: string; userKey: string } {
  return { customerCode: activeCustomer(session), userKey: userKeyOf(session) };
}

export async function databaseOf(db?: Database): Promise<Database> {
  return db ?? (await getDb());
}

/** At most this many addresses per customer, said plainly when reached. */
export const MAX_ADDRESSES = 200;
