"use client";

import { useTranslations } from "next-intl";
import { useActionState, useRef, useState } from "react";

import { useHydrated } from "@/components/ui/use-hydrated";
import { Button } from "@/components/ui/button";
import { decodeListFile } from "@/lib/cart/decode-file";
import { MAX_LIST_LINES } from "@/lib/cart/line-limit";
import { quickOrderFormAction } from "@/lib/quick-order/actions";

import { AddedToCart } from "./added-to-cart";
import { LineReportTable } from "./line-report";
import { PostedReport } from "./posted-report";
import { useLineCheck } from "./use-line-check";

const MAX_FILE_BYTES = 2 * 1024 * 1024;

/**
 * Paste a block of lines, or upload a CSV file: every line is checked and reported before anything
 * is added. Both are forms whose action is the server action (the file as multipart form data):
 * posted before hydration or without JavaScript, the lines go into the cart and the page answers
 * with the report. Once hydrated, they are read and checked here, and added on the dealer's word.
 */
export function PasteOrUpload() {
  const t = useTranslations("quickOrder");
  const hydrated = useHydrated();
  const [posted, formAction, postPending] = useActionState(quickOrderFormAction, null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [source, setSource] = useState<"paste" | "csv">("paste");
  const [message, setMessage] = useState<string | null>(null);
  const { rows, progress, added, failed, check, addChecked, reset } = useLineCheck();

  async function run(input: string, from: "paste" | "csv") {
    setMessage(null);
    setSource(from);
    let parseOrderList: typeof import("@/lib/cart/order-list-parser").parseOrderList;
    try {
      // The list reader (and its CSV library) is loaded when a list is first read, not with the page.
      ({ parseOrderList } = await import("@/lib/cart/order-list-parser"));
    } catch {
      setMessage(t("checkFailed"));
      return;
    }
    const parsed = parseOrderList(input);
    if (!parsed.entries.length && !parsed.problems.length) {
      reset();
      setMessage(t("nothingToCheck"));
      return;
    }
    if (parsed.entries.length + parsed.problems.length >= MAX_LIST_LINES)
      setMessage(t("tooMany", { max: MAX_LIST_LINES }));
    await check(parsed.entries, parsed.problems);
  }

  async function upload(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setMessage(t("fileTooLarge"));
      return;
    }
    let content: string | null;
    try {
      // UTF-8, UTF-16 (Excel's "Unicode text") or Windows-1252: decoded by what the bytes are.
      content = decodeListFile(new Uint8Array(await file.arrayBuffer()));
    } catch {
      content = null;
    }
    if (content === null) {
      setMessage(t("fileUnreadable"));
      return;
    }
    await run(content, "csv");
  }

  const addable =
    rows?.filter((row) => row.report && (row.report.outcome === "added" || row.report.outcome === "rounded")).length ??
    0;
  return (
    <div className="space-y-6">
      <section aria-labelledby="paste-title" className="space-y-2">
        <h2 id="paste-title" className="text-lg font-semibold">
          {t("pasteTitle")}
        </h2>
        <p className="text-sm text-slate-700" id="paste-intro">
          {t("pasteIntro")}
        </p>
        <form
          action={formAction}
          onSubmit={(event) => {
            event.preventDefault();
            // Read from the field, not from state: lines pasted before hydration are in the field only.
            const lines = new FormData(event.currentTarget).get("lines");
            void run(typeof lines === "string" ? lines : "", "paste");
          }}
          className="space-y-2"
        >
          <input type="hidden" name="source" value="paste" />
          <label htmlFor="paste-lines" className="block text-sm font-medium">
            {t("pasteLabel")}
          </label>
          <textarea
            id="paste-lines"
            name="lines"
            rows={6}
            aria-describedby="paste-intro"
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm"
          />
          <Button type="submit" disabled={Boolean(progress) || postPending}>
            {t("check")}
          </Button>
        </form>
      </section>

      <section aria-labelledby="upload-title" className="space-y-2">
        <h2 id="upload-title" className="text-lg font-semibold">
          {t("uploadTitle")}
        </h2>
        <p className="text-sm text-slate-700">{t("uploadIntro")}</p>
        <form
          action={formAction}
          onSubmit={(event) => {
            event.preventDefault();
            void upload(fileInput.current?.files?.[0]);
          }}
          className="space-y-2"
        >
          <input type="hidden" name="source" value="csv" />
          <label htmlFor="upload-csv" className="block text-sm font-medium">
            {t("uploadLabel")}
          </label>
          <input
            ref={fileInput}
            id="upload-csv"
            name="file"
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            onChange={(event) => {
              void upload(event.target.files?.[0]);
              event.target.value = "";
            }}
            className="block min-h-touch text-sm"
          />
          {/* Once hydrated a chosen file is read at once; before, it is sent with this button. */}
          <Button type="submit" hidden={hydrated} disabled={postPending}>
            {t("uploadSubmit")}
          </Button>
        </form>
      </section>

      <div aria-live="polite">
        {progress ? (
          <p role="status">
            {t("progress", progress)}
            <progress className="ml-2 align-middle" value={progress.done} max={progress.total} />
          </p>
        ) : null}
        {message ? <p className="text-sm text-amber-900">{message}</p> : null}
        {failed ? (
          <p role="alert" className="text-sm text-red-800">
            {t("checkFailed")}
          </p>
        ) : null}
      </div>

      {!rows && !failed && !message && posted ? <PostedReport state={posted} /> : null}

      {rows ? (
        <div className="space-y-2">
          <LineReportTable rows={rows} />
          {added === null ? (
            <div className="flex flex-wrap gap-2">
              <Button disabled={!addable} onClick={() => void addChecked(source)}>
                {t("confirmAdd", { count: addable })}
              </Button>
              <Button variant="secondary" onClick={reset}>
                {t("cancel")}
              </Button>
            </div>
          ) : (
            <AddedToCart count={added} />
          )}
        </div>
      ) : null}
    </div>
  );
}
