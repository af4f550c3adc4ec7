import { z } from "zod";

/**
 * A server action's argument as it was posted: anyone may call an action with any payload, so an
 * action taking a form validates that it is one before it reads a field of it.
 */
export const postedForm = z.instanceof(FormData);

/**
 * The text fields of a posted form, for a zod schema of its fields: the first text value of each
 * name (a file or a repeated name keeps its first text value). Anything but a form has none, and
 * fails the schema that reads it.
 */
export function formFields(form: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!(form instanceof FormData)) return fields;
  for (const [name, value] of form.entries()) {
    if (typeof value === "string" && !(name in fields)) fields[name] = value;
  }
  return fields;
}
