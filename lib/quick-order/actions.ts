"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { postedForm } from "@/lib/http/posted-form";

import { requireSession } from "@/lib/auth/session";

import { addQuickOrderList, type QuickOrderList } from "./add-list";
import type { QuickOrderFormState } from "./quick-order-form-state";

const rowsSchema = z
  .object({ identifier: z.array(z.string().max(1000)).max(500), quantity: z.array(z.string().max(1000)).max(500) })
  .transform(({ identifier, quantity }) =>
    identifier.map((text, index) => ({ identifier: text, quantity: quantity[index] ?? "" })),
  );

const formSchema = z.discriminatedUnion("source", [
  z.object({ source: z.literal("quick-order"), rows: rowsSchema }),
  z.object({ source: z.literal("paste"), lines: z.string().max(1_000_000) }),
  z.object({ source: z.literal("csv"), file: z.instanceof(Blob) }),
]);

const texts = (form: FormData, name: string) =>
  form.getAll(name).filter((value): value is string => typeof value === "string");

/**
 * The quick order's forms (typed rows, pasted text, a CSV file) posted natively, before hydration
 * or without JavaScript: parse, session, addQuickOrderList (lib/quick-order/add-list.ts). The page
 * answers with the report and the cart holding the lines; nothing typed is put in an address.
 */
export async function quickOrderFormAction(
  _previous: QuickOrderFormState,
  form: FormData,
): Promise<QuickOrderFormState> {
  const posted = postedForm.safeParse(form);
  if (!posted.success) return { source: "paste", outcome: { kind: "invalid" } };
  const fields = posted.data;
  const source = fields.get("source");
  const parsed = formSchema.safeParse({
    source,
    rows: { identifier: texts(fields, "identifier"), quantity: texts(fields, "quantity") },
    lines: fields.get("lines") ?? "",
    file: fields.get("file") ?? undefined,
  });
  if (!parsed.success) {
    const known = source === "quick-order" || source === "paste" || source === "csv" ? source : "paste";
    return { source: known, outcome: { kind: "invalid" } };
  }
  const session = await requireSession();
  const input = parsed.data;
  const list: QuickOrderList =
    input.source === "quick-order"
      ? input
      : input.source === "paste"
        ? { source: "paste", text: input.lines }
        : { source: "csv", bytes: new Uint8Array(await input.file.arrayBuffer()) };
  const outcome = await addQuickOrderList(session, list);
  if (outcome.kind === "added" && outcome.added) revalidatePath("/", "layout");
  return {
    source: input.source,
    outcome,
    rows: input.source === "quick-order" && outcome.kind !== "added" ? input.rows : undefined,
  };
}
