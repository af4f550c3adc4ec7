"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, type ReactNode } from "react";
import { useFormStatus } from "react-dom";

import { Link } from "@/components/link";
import { LineReportTable } from "@/components/quick-order/line-report";
import { Button, buttonClasses } from "@/components/ui/button";
import { addListToCartAction, editListLineAction } from "@/lib/lists/actions";
import type { ListFormState } from "@/lib/lists/list-form-state";

import { ListMessage } from "./list-message";
import { useListError } from "./use-list-error";

export interface ListLineRow {
  sku: string;
  title: string;
  quantity: number;
  /** Server-rendered: title link, SKU, stock in words, list price, sales unit, notices. */
  details: ReactNode;
}

const IDLE: ListFormState = { status: "idle" };
const SMALL = "min-h-touch min-w-touch rounded-md border border-slate-300 bg-white px-2 text-sm font-semibold";

/** The line form a keyboard user last posted: which line, which button, where the line stood. */
type PostedLine = { sku: string; intent: string; index: number };

/**
 * Where the keyboard goes once a line form's answer is on the page (the line was drawn again, moved
 * or removed, and the button pressed went with it): the same ↑ or ↓ of the same line while it can
 * be pressed again, else (and after Save, or a refused quantity) that line's quantity; after a
 * removal, the quantity of the line that took its place (the one before, when the last went).
 */
function focusAfterLinePost(list: HTMLElement, posted: PostedLine): void {
  const items = [...list.querySelectorAll<HTMLElement>(":scope > li[data-sku]")];
  const quantityOf = (item: HTMLElement | undefined) => item?.querySelector<HTMLInputElement>('input[name="quantity"]');
  if (posted.intent === "remove") {
    if (items.some((item) => item.dataset.sku === posted.sku)) return;
    quantityOf(items[Math.min(posted.index, items.length - 1)])?.focus();
    return;
  }
  const item = items.find((candidate) => candidate.dataset.sku === posted.sku);
  const button = item?.querySelector<HTMLButtonElement>(`button[name="intent"][value="${CSS.escape(posted.intent)}"]`);
  (button && !button.disabled && posted.intent !== "quantity" ? button : quantityOf(item))?.focus();
}

function CartButtons() {
  const t = useTranslations("lists.detail");
  const { pending } = useFormStatus();
  return (
    <div className="flex flex-wrap gap-2">
      <Button type="submit" name="scope" value="ticked" variant="secondary" disabled={pending}>
        {pending ? t("adding") : t("addTicked")}
      </Button>
      <Button type="submit" name="scope" value="all" disabled={pending}>
        {pending ? t("adding") : t("addAll")}
      </Button>
    </div>
  );
}

/**
 * A list's lines, each with its own form (quantity, up, down, remove) posting to one action, and
 * the form that puts the whole list or the ticked lines into the cart (the ticks belong to it by
 * the `form` attribute). Everything posts without JavaScript; after hydration the answers are read
 * out in the live regions.
 */
export function ListLines({ listId, lines }: { listId: string; lines: ListLineRow[] }) {
  const t = useTranslations("lists.detail");
  const errorText = useListError();
  const [lineState, lineAction] = useActionState<ListFormState, FormData>(editListLineAction, IDLE);
  const [cartState, cartAction] = useActionState<ListFormState, FormData>(addListToCartAction, IDLE);
  const reportRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const posted = useRef<PostedLine | null>(null);

  useEffect(() => {
    if (cartState.status !== "idle") reportRef.current?.focus();
  }, [cartState]);

  useEffect(() => {
    const last = posted.current;
    if (!last || lineState.status === "idle" || !listRef.current) return;
    posted.current = null;
    focusAfterLinePost(listRef.current, last);
  }, [lineState, lines]);

  const noteLinePost = (event: React.FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const sku = new FormData(event.currentTarget).get("sku");
    if (typeof sku !== "string") return;
    posted.current = {
      sku,
      intent: submitter?.value ?? "quantity",
      index: lines.findIndex((line) => line.sku === sku),
    };
  };

  const badQuantity = lineState.status === "error" && lineState.error === "invalid" ? lineState.values : undefined;

  return (
    <div className="space-y-4">
      <ListMessage state={lineState} />
      <ol ref={listRef} className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {lines.map((line, index) => {
          const quantityId = `quantity-${index}`;
          const refused = badQuantity?.sku === line.sku;
          return (
            <li
              key={`${line.sku}-${line.quantity}`}
              data-sku={line.sku}
              className="flex flex-col gap-3 p-3 sm:flex-row sm:items-start"
            >
              <div className="flex min-w-0 flex-1 items-start gap-3">
                <input
                  type="checkbox"
                  name="sku"
                  value={line.sku}
                  form="list-to-cart"
                  aria-label={t("tick", { title: line.title })}
                  className="mt-1 size-6 shrink-0"
                />
                <div className="min-w-0 flex-1">{line.details}</div>
              </div>
              <form
                action={lineAction}
                onSubmit={noteLinePost}
                method="post"
                className="flex flex-wrap items-end gap-2"
              >
                <input type="hidden" name="id" value={listId} />
                <input type="hidden" name="sku" value={line.sku} />
                <div>
                  <label htmlFor={quantityId} className="sr-only">
                    {t("quantity", { title: line.title })}
                  </label>
                  <input
                    id={quantityId}
                    name="quantity"
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={100000}
                    step={1}
                    required
                    defaultValue={refused ? badQuantity?.quantity : line.quantity}
                    aria-invalid={refused || undefined}
                    className="block min-h-touch w-24 rounded-md border border-slate-300 bg-white px-2 text-base aria-[invalid=true]:border-red-600"
                  />
                </div>
                <button
                  type="submit"
                  name="intent"
                  value="quantity"
                  aria-label={t("saveLabel", { title: line.title })}
                  className={SMALL}
                >
                  {t("save")}
                </button>
                <button
                  type="submit"
                  name="intent"
                  value="up"
                  formNoValidate
                  disabled={index === 0}
                  aria-label={t("up", { title: line.title })}
                  className={`${SMALL} disabled:opacity-40`}
                >
                  <span aria-hidden="true">↑</span>
                </button>
                <button
                  type="submit"
                  name="intent"
                  value="down"
                  formNoValidate
                  disabled={index === lines.length - 1}
                  aria-label={t("down", { title: line.title })}
                  className={`${SMALL} disabled:opacity-40`}
                >
                  <span aria-hidden="true">↓</span>
                </button>
                <button
                  type="submit"
                  name="intent"
                  value="remove"
                  formNoValidate
                  aria-label={t("remove", { title: line.title })}
                  className={`${SMALL} text-red-800`}
                >
                  <span aria-hidden="true">✕</span>
                </button>
              </form>
            </li>
          );
        })}
      </ol>

      <form id="list-to-cart" action={cartAction} method="post" className="space-y-3">
        <input type="hidden" name="id" value={listId} />
        <CartButtons />
      </form>
      <div ref={reportRef} tabIndex={-1} aria-live="polite" className="space-y-2 outline-none">
        {cartState.status === "error" ? (
          <p role="alert" className="text-sm text-red-800">
            {errorText(cartState.error)}
          </p>
        ) : null}
        {cartState.status === "to-cart" ? (
          <>
            <p role="status" className="font-semibold text-green-800">
              {t("addedToCart", { count: cartState.added })}{" "}
              <Link href="/cart" className={buttonClasses("ghost")}>
                {t("goToCart")}
              </Link>
            </p>
            <LineReportTable
              rows={cartState.reports.map((report) => ({ line: report.line, identifier: report.identifier, report }))}
            />
          </>
        ) : null}
      </div>
    </div>
  );
}
