"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";

import { useCatalogueSuggestions } from "@/components/catalogue/use-catalogue-suggestions";
import { useHydrated } from "@/components/ui/use-hydrated";
import { Button } from "@/components/ui/button";
import { quickOrderFormAction } from "@/lib/quick-order/actions";

import { AddedToCart } from "./added-to-cart";
import { LineReportTable } from "./line-report";
import { PostedReport } from "./posted-report";
import { useLineCheck } from "./use-line-check";

interface Row {
  key: number;
  identifier: string;
  quantity: string;
}

// The first rows' keys (and so their ids) are the same on the server and in the browser.
const FIRST_ROWS = 3;

const SUGGESTIONS_ID = "quick-order-suggestions";

/**
 * Rows of SKU (or barcode, or part number) and quantity, all by keyboard:
 * Enter in a SKU goes to its quantity, Enter in a quantity to the next row.
 * Suggestions come from the catalogue as the dealer types (`suggest`: an account with the product list;
 * one without it orders by code and is asked nothing).
 * The rows are a form whose action is the server action: posted before hydration or without
 * JavaScript, the lines go into the cart and the page answers with the report. Once hydrated, the
 * lines are checked here first and added on the dealer's word, as before.
 */
export function QuickOrderRows({ suggest }: { suggest: boolean }) {
  const t = useTranslations("quickOrder");
  const hydrated = useHydrated();
  const [posted, formAction, postPending] = useActionState(quickOrderFormAction, null);
  const nextKey = useRef(FIRST_ROWS + 1);
  const emptyRow = (): Row => ({ key: nextKey.current++, identifier: "", quantity: "" });
  const [rows, setRows] = useState<Row[]>(() => {
    const kept = posted?.rows?.length ? posted.rows : Array.from({ length: FIRST_ROWS }, () => null);
    return kept.map((row, index) => ({
      key: index + 1,
      identifier: row?.identifier ?? "",
      quantity: row?.quantity ?? "",
    }));
  });
  const [focused, setFocused] = useState("");
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const pendingFocus = useRef<string | null>(null);
  const { suggestions, probe } = useCatalogueSuggestions(focused, suggest);
  const { rows: report, progress, added, failed, check, addChecked } = useLineCheck();

  useEffect(() => {
    if (pendingFocus.current) {
      inputs.current.get(pendingFocus.current)?.focus();
      pendingFocus.current = null;
    }
  });

  function update(key: number, field: "identifier" | "quantity", value: string) {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, [field]: value } : row)));
    if (field === "identifier") setFocused(value);
  }

  function focusNext(index: number, field: "identifier" | "quantity") {
    if (field === "identifier") {
      inputs.current.get(`${rows[index]?.key}-quantity`)?.focus();
      return;
    }
    const next = rows[index + 1];
    if (next) inputs.current.get(`${next.key}-identifier`)?.focus();
    else {
      const row = emptyRow();
      setRows((current) => [...current, row]);
      pendingFocus.current = `${row.key}-identifier`;
    }
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const lines = rows
      .map((row, index) => ({ row, index }))
      .filter(({ row }) => row.identifier.trim())
      .map(({ row, index }) => {
        const quantity = Number(row.quantity.replace(",", "."));
        return {
          line: index + 1,
          identifier: row.identifier.trim(),
          quantity: row.quantity.trim() && quantity > 0 ? quantity : null,
        };
      });
    if (!lines.length) return;
    await check(lines);
  }

  const canAdd = report?.some(
    (row) => row.report && (row.report.outcome === "added" || row.report.outcome === "rounded"),
  );
  return (
    <section aria-labelledby="quick-rows" className="space-y-3">
      <h2 id="quick-rows" className="text-lg font-semibold">
        {t("rows")}
      </h2>
      <form action={formAction} onSubmit={submit} className="space-y-2">
        <input type="hidden" name="source" value="quick-order" />
        {probe}
        {suggest ? (
          <datalist id={SUGGESTIONS_ID}>
            {suggestions.map((item) => (
              <option key={item.sku} value={item.sku}>
                {item.name}
              </option>
            ))}
          </datalist>
        ) : null}
        <ol className="space-y-2">
          {rows.map((row, index) => (
            <li key={row.key} className="grid grid-cols-[1fr_6rem_2.75rem] items-end gap-2">
              <div>
                <label htmlFor={`qo-${row.key}-identifier`} className="sr-only">
                  {t("identifierRow", { row: index + 1 })}
                </label>
                <input
                  id={`qo-${row.key}-identifier`}
                  ref={(element) => {
                    if (element) inputs.current.set(`${row.key}-identifier`, element);
                    else inputs.current.delete(`${row.key}-identifier`);
                  }}
                  name="identifier"
                  list={suggest ? SUGGESTIONS_ID : undefined}
                  autoComplete="off"
                  enterKeyHint="next"
                  placeholder={t("identifier")}
                  value={row.identifier}
                  maxLength={64}
                  onFocus={() => setFocused(row.identifier)}
                  onChange={(event) => update(row.key, "identifier", event.target.value)}
                  onKeyDown={(event) => {
                    if (event.key === "Enter") {
                      event.preventDefault();
                      focusNext(index, "identifier");
                    }
                  }}
                  className="min-h-touch w-full rounded-md border border-slate-300 bg-white px-3 font-mono text-base"
                />
              </div>
              <div>
                <label htmlFor={`qo-${row.key}-quantity`} className="sr-only">
                  {t("quantityRow", { row: index + 1 })}
                </label>
                <input
                  id={`qo-${row.key}-quantity`}
                  ref={(element) => {
                    if (element) inputs.current.set(`${row.key}-quantity`, element);
                    else inputs.current.delete(`${row.key}-quantity`);
                  }}
                  name="quantity"
                  inputMode="numeric"
                  autoComplete="off"
                  enterKeyHint="next"
                  placeholder="1"
                  value={row.quantity}
                  maxLength={7}
                  onChange={(event) => update(row.key, "quantity", event.target.value)}
                  onKeyDown={(event) => {
                    if (event.key === "Enter") {
                      event.preventDefault();
                      focusNext(index, "quantity");
                    }
                  }}
                  className="min-h-touch w-full rounded-md border border-slate-300 bg-white px-3 text-base"
                />
              </div>
              {/* Adding and removing rows needs script: rendered by it. */}
              <button
                type="button"
                hidden={!hydrated}
                aria-label={t("removeRow", { row: index + 1 })}
                onClick={() =>
                  setRows((current) =>
                    current.length > 1 ? current.filter((item) => item.key !== row.key) : [emptyRow()],
                  )
                }
                className="flex h-11 w-11 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100"
              >
                <span aria-hidden="true">✕</span>
              </button>
            </li>
          ))}
        </ol>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" hidden={!hydrated} onClick={() => setRows((current) => [...current, emptyRow()])}>
            {t("addRow")}
          </Button>
          <Button type="submit" disabled={Boolean(progress) || postPending}>
            {progress || postPending ? t("checking") : t("check")}
          </Button>
        </div>
      </form>
      {failed ? (
        <p role="alert" className="text-sm text-red-800">
          {t("checkFailed")}
        </p>
      ) : null}
      {!report && !failed && posted ? <PostedReport state={posted} /> : null}
      {report ? (
        <div className="space-y-2">
          <LineReportTable rows={report} />
          {added === null ? (
            <Button disabled={!canAdd} onClick={() => void addChecked("quick-order")}>
              {t("confirmAdd", { count: report.filter((row) => row.report?.quantity).length })}
            </Button>
          ) : (
            <AddedToCart count={added} />
          )}
        </div>
      ) : null}
    </section>
  );
}
