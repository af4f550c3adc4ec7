"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";

import { SubmitButton } from "@/components/ui/submit-button";
import { MAX_LIST_LINES as MAX_READ_LINES } from "@/lib/cart/line-limit";
import { importListAction } from "@/lib/lists/actions";
import type { ListFormState } from "@/lib/lists/list-form-state";
import { MAX_LINES_PER_LIST } from "@/lib/lists/limits";

import { useListError } from "./use-list-error";

/**
 * Import into a list: pasted lines or a CSV file in one form (multipart, posting without
 * JavaScript), read on the server by the quick order's parser; the report says what became of
 * each line that needs attention.
 */
export function ImportForm({ listId }: { listId: string }) {
  const t = useTranslations("lists.detail");
  const errorText = useListError();
  const [state, action] = useActionState<ListFormState, FormData>(importListAction, { status: "idle" });
  const reportRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== "idle") reportRef.current?.focus();
  }, [state]);

  return (
    <section aria-labelledby="import-title" className="space-y-3">
      <h2 id="import-title" className="text-lg font-semibold">
        {t("importTitle")}
      </h2>
      <p id="import-intro" className="text-sm text-slate-700">
        {t("importIntro")}
      </p>
      <form action={action} method="post" className="space-y-3">
        <input type="hidden" name="id" value={listId} />
        <div>
          <label htmlFor="import-lines" className="block text-sm font-medium">
            {t("importPaste")}
          </label>
          <textarea
            id="import-lines"
            name="text"
            rows={5}
            aria-describedby="import-intro"
            defaultValue={state.status === "error" ? state.values?.text : undefined}
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm"
          />
        </div>
        <div>
          <label htmlFor="import-file" className="block text-sm font-medium">
            {t("importFile")}
          </label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            className="block min-h-touch text-sm"
          />
        </div>
        <SubmitButton label={t("importSubmit")} busyLabel={t("importBusy")} />
      </form>
      <div ref={reportRef} tabIndex={-1} aria-live="polite" className="space-y-2 text-sm outline-none">
        {state.status === "error" ? (
          <p role="alert" className="text-red-800">
            {errorText(state.error)}
          </p>
        ) : null}
        {state.status === "imported" ? (
          <>
            <p role="status" className="font-semibold text-green-800">
              {t("importReport", { read: state.read, added: state.added, updated: state.updated })}
            </p>
            {state.truncated ? <p className="text-amber-900">{t("truncated", { max: MAX_READ_LINES })}</p> : null}
            {state.problemCount ? (
              <>
                <p className="font-semibold text-amber-900">{t("importProblems", { count: state.problemCount })}</p>
                <ul className="max-h-72 list-disc space-y-1 overflow-auto pl-5">
                  {state.problems.map((problem) => (
                    <li key={`${problem.line}-${problem.problem}`} data-problem={problem.problem}>
                      {t("problemLine", { line: problem.line })}:{" "}
                      <span className="font-mono">{problem.identifier}</span> —{" "}
                      {t(`problems.${problem.problem}`, { max: MAX_LINES_PER_LIST })}
                    </li>
                  ))}
                </ul>
                {state.problemCount > state.problems.length ? (
                  <p>{t("importMore", { count: state.problemCount - state.problems.length })}</p>
                ) : null}
              </>
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}
