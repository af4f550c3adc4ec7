"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

/**
 * The user's menu in the header: a disclosure (<details>) that opens without script, so the
 * language switch and sign-out inside it work before hydration and without JavaScript. After
 * hydration, Escape (back to the summary) or a click elsewhere closes it.
 */
export function AccountMenu({ name, company, children }: { name: string; company: string; children: React.ReactNode }) {
  const t = useTranslations("nav");
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDetailsElement>(null);
  const summary = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = () => {
      if (root.current) root.current.open = false;
    };
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) close();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        close();
        summary.current?.focus();
      }
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  return (
    // ml-auto at every width: when the header's row is full (the Dutch navigation at 1280 px) the menu
    // wraps to the next row at its right end, never its left, so the panel below (anchored to the
    // button's right edge) opens inside the window.
    <details ref={root} className="relative ml-auto" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary
        ref={summary}
        className="flex min-h-touch cursor-pointer list-none items-center gap-2 rounded-md px-2 hover:bg-white/10 [&::-webkit-details-marker]:hidden"
      >
        <span className="sr-only">{t("account")}: </span>
        <span className="flex flex-col text-left leading-tight">
          <span className="max-w-[10rem] truncate text-sm font-semibold">{name}</span>
          <span className="hidden max-w-[12rem] truncate text-xs text-white/80 lg:block">{company}</span>
        </span>
        <span aria-hidden="true">▾</span>
      </summary>
      <div
        data-testid="account-menu-panel"
        className="absolute right-0 z-40 mt-1 w-72 max-w-[calc(100vw-2rem)] rounded-md bg-white p-4 text-slate-900 shadow-lg"
      >
        {children}
      </div>
    </details>
  );
}
