"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";

import { addLinesToCart } from "@/lib/cart/actions";
import { linesOfQueued } from "@/lib/scan/offline-queue";

import { returnOfflineScans, takeOfflineScans } from "./offline-scans";

type Note = { added: number; notAdded: string[] } | null;

/**
 * On every signed-in page: scans kept on the device while there was no
 * connection go into the cart as soon as there is one (at load and on the
 * browser's `online` event), and a note says what happened.
 */
export function OfflineScanSync({ owner }: { owner: string }) {
  const t = useTranslations("scan.offline");
  const [note, setNote] = useState<Note>(null);
  const busy = useRef(false);

  const flush = useCallback(async () => {
    if (busy.current || !navigator.onLine) return;
    busy.current = true;
    const scans = takeOfflineScans(owner);
    try {
      if (!scans.length) return;
      const result = await addLinesToCart({ lines: linesOfQueued(scans), source: "scan" });
      if (!result.ok) {
        setNote({ added: 0, notAdded: scans.map((scan) => scan.code) });
        return;
      }
      const notAdded = result.reports
        .filter((report) => report.outcome !== "added" && report.outcome !== "rounded")
        .map((report) => report.identifier);
      setNote({ added: scans.length - notAdded.length, notAdded });
    } catch {
      // Still no connection after all: keep them for the next try.
      returnOfflineScans(scans);
    } finally {
      busy.current = false;
    }
  }, [owner]);

  useEffect(() => {
    const onOnline = () => void flush();
    window.addEventListener("online", onOnline);
    const first = setTimeout(onOnline, 0);
    return () => {
      clearTimeout(first);
      window.removeEventListener("online", onOnline);
    };
  }, [flush]);

  return (
    <div
      role="status"
      aria-live="polite"
      className="pointer-events-none fixed inset-x-0 bottom-16 z-40 flex justify-center px-gutter md:bottom-4"
    >
      {note ? (
        <div className="pointer-events-auto flex w-full max-w-md items-start gap-3 rounded-md border border-green-700 bg-green-50 p-3 text-sm text-green-900 shadow-lg">
          <p className="flex-1">
            {note.added ? t("flushed", { count: note.added }) : null}
            {note.notAdded.length ? (
              <span className="block text-red-800">
                {t("notAdded", { count: note.notAdded.length, codes: note.notAdded.join(", ") })}
              </span>
            ) : null}
          </p>
          <button
            type="button"
            onClick={() => setNote(null)}
            className="-m-2 min-h-touch min-w-touch shrink-0 rounded-md font-semibold text-green-900 hover:bg-green-100"
          >
            {t("dismiss")}
          </button>
        </div>
      ) : null}
    </div>
  );
}
