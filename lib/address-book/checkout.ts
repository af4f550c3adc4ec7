import "server-only";

import type { CheckoutFormState } from "@/lib/checkout/form-state";
import type { CheckoutInput } from "@/lib/checkout/schema";
import { errorText, log } from "@/lib/observability/logger";

import { listAddresses, showAddress } from "./book";
import type { AddressBookSession } from "./owner";

/**
 * The address book's part of the checkout. `pickedAddressState`: "Use this address" posted without
 * JavaScript — the details come back with the saved address in the drop-ship fields and everything
 * else typed kept; an unknown id (or another customer's) changes nothing.
 */
export async function pickedAddressState(
  session: AddressBookSession,
  kept: CheckoutInput,
  id: FormDataEntryValue | null,
): Promise<CheckoutFormState> {
  const saved = typeof id === "string" && id ? await showAddress(session, { id }) : null;
  const values: CheckoutInput = saved ? { ...kept, ...saved.address, delivery: "dropship" } : kept;
  return { step: "details", values, attemptId: kept.attemptId || null, fields: {}, lines: {}, problem: null };
}

/** The saved addresses the checkout offers (the customer's whole book, sorted by name). */
export async function checkoutAddresses(session: AddressBookSession) {
  try {
    return (await listAddresses(session)).addresses;
  } catch (error) {
    // A nicety beside the drop-ship fields: checkout goes on without it.
    log().warn({ err: errorText(error) }, "the address book could not be read");
    return [];
  }
}
