import "server-only";

import { randomBytes } from "node:crypto";

import { and, count, eq, like, sql } from "drizzle-orm";

import type { Database } from "@/lib/db";
import { deliveryAddresses } from "@/lib/db/schema";
import { errorText, log } from "@/lib/observability/logger";

import { addressBookOwnerOf, databaseOf, MAX_ADDRESSES, type AddressBookSession } from "./owner";
import { ADDRESS_FIELDS, type AddressErrors, type AddressField, type DeliveryAddress } from "./fields";
import { ADDRESS_ID, searchTextOf, validateAddress } from "./schema";

/**
 * The customer's drop-ship address book: list and search, read one, save (from its page or from a
 * placed checkout), change and delete. Every read and write is scoped to the session's active
 * customer: another customer's address id is simply not found.
 */

export interface SavedAddress {
  id: string;
  address: DeliveryAddress;
  updatedAt: Date;
}

export interface AddressBookView {
  addresses: SavedAddress[];
  /** All addresses of the customer, whatever the search. */
  total: number;
  limit: number;
}

export type SaveAddressResult =
  | { ok: true; id: string; existed: boolean }
  | { ok: false; error: "invalid"; fields: AddressErrors }
  | { ok: false; error: "limit" }
  | { ok: false; error: "not-found" };

export function newAddressId(): string {
  return randomBytes(16).toString("base64url");
}

function rowToSaved(row: { id: string; address: Record<string, string>; updatedAt: Date }): SavedAddress {
  const address = Object.fromEntries(ADDRESS_FIELDS.map((field) => [field, row.address[field] ?? ""]));
  return { id: row.id, address: address as DeliveryAddress, updatedAt: row.updatedAt };
}

const sortOrder = sql`lower(${deliveryAddresses.address}->>'lastName'), lower(${deliveryAddresses.address}->>'firstName'), ${deliveryAddresses.id}`;

async function countOf(database: Database, customerCode: string): Promise<number> {
  const [row] = await database
    .select({ total: count() })
    .from(deliveryAddresses)
    .where(eq(deliveryAddresses.customerCode, customerCode));
  return row?.total ?? 0;
}

/** The customer's addresses sorted by name; `query` keeps those whose name, company or city holds it. */
export async function listAddresses(
  session: AddressBookSession,
  input: { query?: string } = {},
  db?: Database,
): Promise<AddressBookView> {
  const database = await databaseOf(db);
  const { customerCode } = addressBookOwnerOf(session);
  const words = (input.query ?? "").toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
  const rows = await database
    .select({ id: deliveryAddresses.id, address: deliveryAddresses.address, updatedAt: deliveryAddresses.updatedAt })
    .from(deliveryAddresses)
    .where(
      and(
        eq(deliveryAddresses.customerCode, customerCode),
        ...words.map((word) => like(deliveryAddresses.searchText, `%${word.replace(/[\\%_]/g, "\\$&")}%`)),
      ),
    )
    .orderBy(sortOrder)
    .limit(MAX_ADDRESSES);
  return { addresses: rows.map(rowToSaved), total: await countOf(database, customerCode), limit: MAX_ADDRESSES };
}

/** One address of the customer's book; null for an unknown id or another customer's. */
export async function showAddress(
  session: AddressBookSession,
  input: { id: string },
  db?: Database,
): Promise<SavedAddress | null> {
  if (!ADDRESS_ID.test(input.id)) return null;
  const database = await databaseOf(db);
  const { customerCode } = addressBookOwnerOf(session);
  const [row] = await database
    .select({ id: deliveryAddresses.id, address: deliveryAddresses.address, updatedAt: deliveryAddresses.updatedAt })
    .from(deliveryAddresses)
    .where(and(eq(deliveryAddresses.id, input.id), eq(deliveryAddresses.customerCode, customerCode)));
  return row ? rowToSaved(row) : null;
}

function sameAddress(a: DeliveryAddress, b: Record<string, string>): boolean {
  return ADDRESS_FIELDS.every((field) => (a[field] ?? "").toLowerCase() === (b[field] ?? "").toLowerCase());
}

/**
 * Saves a new address to the customer's book, validated as checkout validates it. The same address
 * saved again is not kept twice; the book holds at most MAX_ADDRESSES.
 */
export async function saveAddress(
  session: AddressBookSession,
  input: Partial<Record<AddressField, string>>,
  db?: Database,
): Promise<SaveAddressResult> {
  const checked = validateAddress(input);
  if (!checked.ok) return { ok: false, error: "invalid", fields: checked.errors };
  const database = await databaseOf(db);
  const owner = addressBookOwnerOf(session);
  const address = checked.address;
  const searchText = searchTextOf(address);
  const candidates = await database
    .select({ id: deliveryAddresses.id, address: deliveryAddresses.address })
    .from(deliveryAddresses)
    .where(and(eq(deliveryAddresses.customerCode, owner.customerCode), eq(deliveryAddresses.searchText, searchText)));
  const same = candidates.find((row) => sameAddress(address, row.address));
  if (same) {
    await database
      .update(deliveryAddresses)
      .set({ updatedAt: new Date() })
      .where(and(eq(deliveryAddresses.id, same.id), eq(deliveryAddresses.customerCode, owner.customerCode)));
    return { ok: true, id: same.id, existed: true };
  }
  if ((await countOf(database, owner.customerCode)) >= MAX_ADDRESSES) return { ok: false, error: "limit" };
  const id = newAddressId();
  await database.insert(deliveryAddresses).values({
    id,
    customerCode: owner.customerCode,
    address,
    searchText,
    createdBy: owner.userKey,
  });
  return { ok: true, id, existed: false };
}

/** Changes an address of the customer's book, validated as checkout validates it. */
export async function updateAddress(
  session: AddressBookSession,
  input: { id: string } & Partial<Record<AddressField, string>>,
  db?: Database,
): Promise<SaveAddressResult> {
  if (!ADDRESS_ID.test(input.id)) return { ok: false, error: "not-found" };
  const checked = validateAddress(input);
  const database = await databaseOf(db);
  const { customerCode } = addressBookOwnerOf(session);
  if (!checked.ok) {
    // An unknown id is said as such before any field: nothing of another customer's is judged.
    return (await showAddress(session, input, database))
      ? { ok: false, error: "invalid", fields: checked.errors }
      : { ok: false, error: "not-found" };
  }
  const updated = await database
    .update(deliveryAddresses)
    .set({ address: checked.address, searchText: searchTextOf(checked.address), updatedAt: new Date() })
    .where(and(eq(deliveryAddresses.id, input.id), eq(deliveryAddresses.customerCode, customerCode)))
    .returning({ id: deliveryAddresses.id });
  return updated.length ? { ok: true, id: input.id, existed: true } : { ok: false, error: "not-found" };
}

/** Deletes an address of the customer's book; another customer's id is not found. */
export async function deleteAddress(
  session: AddressBookSession,
  input: { id: string },
  db?: Database,
): Promise<{ ok: true } | { ok: false; error: "not-found" }> {
  if (!ADDRESS_ID.test(input.id)) return { ok: false, error: "not-found" };
  const database = await databaseOf(db);
  const { customerCode } = addressBookOwnerOf(session);
  const deleted = await database
    .delete(deliveryAddresses)
    .where(and(eq(deliveryAddresses.id, input.id), eq(deliveryAddresses.customerCode, customerCode)))
    .returning({ id: deliveryAddresses.id });
  return deleted.length ? { ok: true } : { ok: false, error: "not-found" };
}

/**
 * Checkout's one call into the address book: after an order with a drop-ship address was placed,
 * keeps that address when the dealer ticked "save this address". Never fails the order: a full
 * book or an address the book cannot take is answered, not thrown.
 */
export async function saveCheckoutAddress(
  session: AddressBookSession,
  input: { delivery: string; saveAddress?: boolean } & Partial<Record<AddressField, string>>,
  db?: Database,
): Promise<SaveAddressResult | null> {
  if (input.delivery !== "dropship" || !input.saveAddress) return null;
  try {
    return await saveAddress(session, input, db);
  } catch (error) {
    log().warn({ err: errorText(error) }, "saving a drop-ship address failed");
    return null;
  }
}
