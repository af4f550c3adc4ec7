"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";

import { formFields, postedForm } from "@/lib/http/posted-form";

import { requireSession } from "@/lib/auth/session";
import { decodeListFile } from "@/lib/cart/decode-file";
import { orderIdSchema } from "@/lib/orders/order-id";

import { importList } from "./import";
import { addToList, moveListLine, removeListLine, setListLineQuantity } from "./lines";
import { createList, deleteList, renameList } from "./manage";
import { saveCartAsList, saveOrderAsList } from "./save-as";
import { listIdSchema, listNameSchema, listQuantitySchema, nameProblem, skuSchema } from "./schemas";
import { addListToCart } from "./to-cart";
import type { ListError, ListFormState } from "./list-form-state";

/**
 * The lists' server actions, each the action of a form (`<form action={…}>`, a POST that works
 * before hydration and without JavaScript): parse the form with zod, read the session, call one
 * use case, answer a state the form says in words. What was typed comes back with an error, so
 * nothing is lost. A list of another customer is "not found", as in the pages.
 */

const MAX_FILE_BYTES = 900 * 1024;
const MAX_PASTED = 900_000;

function typed(form: unknown, names: readonly string[]): Record<string, string> {
  const fields = formFields(form);
  return Object.fromEntries(names.flatMap((name) => (name in fields ? [[name, fields[name]!.slice(0, 200)]] : [])));
}

function nameError(error: z.ZodError): ListError {
  return `name-${nameProblem(error)}` as ListError;
}

function changed(id?: string) {
  revalidatePath("/lists");
  if (id) revalidatePath(`/lists/${id}`);
}

const createInput = z.object({ name: listNameSchema });

/** "New list" on /lists: creates it and opens it. */
export async function createListAction(_previous: unknown, form: unknown): Promise<ListFormState> {
  const parsed = createInput.safeParse(formFields(form));
  if (!parsed.success) return { status: "error", error: nameError(parsed.error), values: typed(form, ["name"]) };
  const result = await createList(await requireSession(), parsed.data);
  if (!result.ok) return { status: "error", error: result.error, values: typed(form, ["name"]) };
  changed();
  redirect(`/lists/${result.id}`);
}

const renameInput = z.object({ id: listIdSchema, name: listNameSchema });

export async function renameListAction(_previous: unknown, form: unknown): Promise<ListFormState> {
  const parsed = renameInput.safeParse(formFields(form));
  if (!parsed.success) {
    const badId = parsed.error.issues.some((issue) => issue.path[0] === "id");
    return { status: "error", error: badId ? "not-found" : nameError(parsed.error), values: typed(form, ["name"]) };
  }
  const result = await renameList(await requireSession(), parsed.data);
  if (!result.ok) return { status: "error", error: result.error };
  changed(parsed.data.id);
  return { status: "saved", message: "renamed", at: Date.now() };
}

const deleteInput = z.object({ id: listIdSchema });

/** Deletes a list and returns to the overview. */
export async function deleteListAction(_previous: unknown, form: unknown): Promise<ListFormState> {
  const parsed = deleteInput.safeParse(formFields(form));
  if (!parsed.success) return { status: "error", error: "not-found" };
  const result = await deleteList(await requireSession(), parsed.data);
  if (!result.ok) return { status: "error", error: result.error };
  changed(parsed.data.id);
  redirect("/lists?deleted=1");
}

const lineInput = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("quantity"), id: listIdSchema, sku: skuSchema, quantity: listQuantitySchema }),
  z.object({ intent: z.enum(["up", "down", "remove"]), id: listIdSchema, sku: skuSchema }),
]);

/** One line's form on a list's page: save its quantity, move it up or down, or remove it. */
export async function editListLineAction(_previous: unknown, form: unknown): Promise<ListFormState> {
  const parsed = lineInput.safeParse(formFields(form));
  if (!parsed.success) {
    const fields = formFields(form);
    return {
      status: "error",
      error: fields.intent === "quantity" ? "invalid" : "not-found",
      values: typed(form, ["sku", "quantity"]),
    };
  }
  const session = await requireSession();
  const input = parsed.data;
  const result =
    input.intent === "quantity"
      ? await setListLineQuantity(session, input)
      : input.intent === "remove"
        ? await removeListLine(session, input)
        : await moveListLine(session, { ...input, direction: input.intent });
  if (!result.ok) return { status: "error", error: result.error };
  changed(input.id);
  const message = input.intent === "quantity" ? "quantity" : input.intent === "remove" ? "removed" : "moved";
  return { status: "saved", message, at: Date.now() };
}

const toCartInput = z.object({
  id: listIdSchema,
  scope: z.enum(["all", "ticked"]),
  skus: z.array(skuSchema).max(1_000),
});

/** "Add whole list to cart" and "Add ticked to cart", with the quick order's line report. */
export async function addListToCartAction(_previous: unknown, form: unknown): Promise<ListFormState> {
  const posted = postedForm.safeParse(form);
  if (!posted.success) return { status: "error", error: "invalid" };
  const skus = posted.data.getAll("sku").filter((value) => typeof value === "string");
  const parsed = toCartInput.safeParse({ ...formFields(posted.data), skus });
  if (!parsed.success) return { status: "error", error: "invalid" };
  const { id, scope } = parsed.data;
  if (scope === "ticked" && !parsed.data.skus.length) return { status: "error", error: "nothing-ticked" };
  const result = await addListToCart(await requireSession(), {
    id,
    skus: scope === "ticked" ? parsed.data.skus : undefined,
  });
  if (!result.ok) return { status: "error", error: result.error };
  revalidatePath("/", "layout");
  return { status: "to-cart", reports: result.reports, added: result.added, count: result.count, at: Date.now() };
}

const importInput = z.object({
  id: listIdSchema,
  text: z.string().max(MAX_PASTED).default(""),
  file: z.instanceof(File).optional(),
});

/** Import pasted lines or a CSV file (UTF-8, UTF-16 or Windows-1252) into a list. */
export async function importListAction(_previous: unknown, form: unknown): Promise<ListFormState> {
  const posted = postedForm.safeParse(form);
  if (!posted.success) return { status: "error", error: "not-found" };
  const file = posted.data.get("file");
  const parsed = importInput.safeParse({
    ...formFields(posted.data),
    file: file instanceof File && file.size > 0 ? file : undefined,
  });
  if (!parsed.success) {
    const tooLong = parsed.error.issues.some((issue) => issue.path[0] === "text");
    return { status: "error", error: tooLong ? "file-too-large" : "not-found" };
  }
  let text = parsed.data.text;
  if (parsed.data.file) {
    if (parsed.data.file.size > MAX_FILE_BYTES) return { status: "error", error: "file-too-large" };
    const decoded = decodeListFile(new Uint8Array(await parsed.data.file.arrayBuffer()));
    if (decoded === null) return { status: "error", error: "file-unreadable" };
    text = text.trim() ? `${text}\n${decoded}` : decoded;
  }
  if (!text.trim()) return { status: "error", error: "nothing-to-import" };
  const result = await importList(await requireSession(), { id: parsed.data.id, text });
  if (!result.ok) {
    return {
      status: "error",
      error: result.error === "empty" ? "nothing-to-import" : result.error,
      values: { text: parsed.data.text.slice(0, 20_000) },
    };
  }
  changed(parsed.data.id);
  const { ok: _ok, ...report } = result;
  return { status: "imported", at: Date.now(), ...report };
}

const addToListInput = z.object({
  sku: skuSchema,
  list: z.union([z.literal("new"), listIdSchema]),
  name: z.string().max(1_000).optional(),
  quantity: listQuantitySchema,
});

/** "Add to list" where a product is shown: into a list of the customer's, or a new one by name. */
export async function addToListAction(_previous: unknown, form: unknown): Promise<ListFormState> {
  const parsed = addToListInput.safeParse(formFields(form));
  const values = typed(form, ["list", "name", "quantity"]);
  if (!parsed.success) {
    const quantity = parsed.error.issues.some((issue) => issue.path[0] === "quantity");
    return { status: "error", error: quantity ? "invalid" : "not-found", values };
  }
  const { sku, list, quantity } = parsed.data;
  let target: { id: string } | { name: string };
  if (list === "new") {
    const name = listNameSchema.safeParse(parsed.data.name ?? "");
    if (!name.success) return { status: "error", error: nameError(name.error), values };
    target = { name: name.data };
  } else target = { id: list };
  const result = await addToList(await requireSession(), { ...target, sku, quantity });
  if (!result.ok) return { status: "error", error: result.error, values };
  changed(result.id);
  return { status: "added-to-list", id: result.id, name: result.name, at: Date.now() };
}

const saveOrderInput = z.object({ orderId: orderIdSchema, name: listNameSchema });

/** "Save as list" on an order's page: a new list of the order's lines, then open it. */
export async function saveOrderAsListAction(_previous: unknown, form: unknown): Promise<ListFormState> {
  const parsed = saveOrderInput.safeParse(formFields(form));
  if (!parsed.success) {
    const badOrder = parsed.error.issues.some((issue) => issue.path[0] === "orderId");
    return { status: "error", error: badOrder ? "not-found" : nameError(parsed.error), values: typed(form, ["name"]) };
  }
  const result = await saveOrderAsList(await requireSession(), parsed.data);
  if (!result.ok) return { status: "error", error: result.error, values: typed(form, ["name"]) };
  changed();
  redirect(`/lists/${result.id}`);
}

const saveCartInput = z.object({ name: listNameSchema });

/** "Save as list" on the cart page: a new list of the cart's lines, then open it. */
export async function saveCartAsListAction(_previous: unknown, form: unknown): Promise<ListFormState> {
  const parsed = saveCartInput.safeParse(formFields(form));
  if (!parsed.success) return { status: "error", error: nameError(parsed.error), values: typed(form, ["name"]) };
  const result = await saveCartAsList(await requireSession(), parsed.data);
  if (!result.ok) return { status: "error", error: result.error, values: typed(form, ["name"]) };
  changed();
  redirect(`/lists/${result.id}`);
}
