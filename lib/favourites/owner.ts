import { activeCustomer } from "@/lib/acting/policy";
import { userKeyOf } from "@/lib/auth/principal";
import type { SessionToken } from "@/lib/auth/session-types";
import { getDb, type Database } from "@/lib/db";

/** What the favourites' use cases read of a session: the person and the customer they act for. */
export type FavouritesSession = Pick<
  SessionToken,
  "email" | "name" | "customerCode" | "activeCustomerCode" | "permissions"
>;

/**
 * Favourites belong to the customer code, not the person: every user of the customer shares them,
 * and staff acting for a customer see and change that customer's (lib/acting/policy.ts).
 */
export function favouritesOwnerOf(session: FavouritesSession): { customerCode: string; userKey: string } {
  return { customerCode: activeCustomer(session), userKey: userKeyOf(session) };
}

/** The database a use case works on: the process's own unless a test hands one in. */
export async function databaseOf(db?: Database): Promise<Database> {
  return db ?? (await getDb());
}

/** At most this many favourites per customer, said plainly when reached. */
export const MAX_FAVOURITES = 1_000;
