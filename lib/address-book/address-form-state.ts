import type { AddressErrors, AddressField } from "./fields";

/**
 * The address book's server actions, thin shells: parse the form with zod, read the session, call
 * one use case (lib/address-book/book.ts), answer with what the form says back. They work as plain
 * posts before hydration or without JavaScript: a saved or deleted address goes back to the book,
 * a refused one comes back with everything typed and a message per field.
 */

export interface AddressFormState {
  values: Partial<Record<AddressField, string>>;
  fields: AddressErrors;
  error: "" | "invalid" | "limit" | "not-found";
}
