"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";

/** The user's menu in the header: a button that opens a panel; Escape or a click elsewhere closes it. */
export function AccountMenu({ name, company, children }: { name: string; company: string; children: React.ReactNode }) {
  const t = useTranslations("nav");
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        button.current?.focus();
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
    <div ref={root} className="relative ml-auto md:ml-0">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className="flex min-h-touch items-center gap-2 rounded-md px-2 hover:bg-white/10"
      >
        <span className="sr-only">{t("account")}: </span>
        <span className="flex flex-col text-left leading-tight">
          <span className="max-w-[10rem] truncate text-sm font-semibold">{name}</span>
          <span className="hidden max-w-[12rem] truncate text-xs text-white/80 lg:block">{company}</span>
        </span>
        <span aria-hidden="true">▾</span>
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute right-0 z-40 mt-1 w-72 max-w-[calc(100vw-2rem)] rounded-md bg-white p-4 text-slate-900 shadow-lg"
      >
        {children}
      </div>
    </div>
  );
}
