import type { LineReport } from "@/lib/cart/lines";

import type { ImportReport } from "./import";

/** What a list form says after a post: refused (with what was typed), saved, added, imported. */
export type ListError =
  | "invalid"
  | "name-empty"
  | "name-long"
  | "name-characters"
  | "not-found"
  | "no-line"
  | "too-many-lists"
  | "too-many-lines"
  | "unknown-product"
  | "unavailable"
  | "empty"
  | "nothing-ticked"
  | "file-unreadable"
  | "file-too-large"
  | "nothing-to-import";

export type ListFormState =
  | { status: "idle" }
  | { status: "error"; error: ListError; values?: Record<string, string> }
  | { status: "saved"; message: "renamed" | "quantity" | "moved" | "removed"; at: number }
  | { status: "added-to-list"; id: string; name: string; at: number }
  | { status: "to-cart"; reports: LineReport[]; added: number; count: number; at: number }
  | ({ status: "imported"; at: number } & ImportReport);
