"use client";

import { useFormStatus } from "react-dom";

import { setLocale } from "@/lib/i18n/actions";

import { useCurrentPath } from "./use-current-path";

/** The buttons' group: disabled while the form is posting, so that one click sets one language. */
function PendingGroup({ label, children }: { label: string; children: React.ReactNode }) {
  const { pending } = useFormStatus();
  return (
    <fieldset aria-label={label} disabled={pending} className="flex gap-1">
      {children}
    </fieldset>
  );
}

/**
 * The form of LanguageSwitch, which renders its buttons on the server (each submits its language):
 * one form posting to a server action, with the page being shown as its `from` field. The server
 * sets the cookie and sends the same page back in that language, before hydration and without
 * JavaScript too.
 */
export function LanguageButtons({ label, children }: { label: string; children: React.ReactNode }) {
  const from = useCurrentPath();
  return (
    <form method="post" action={setLocale}>
      <input type="hidden" name="from" value={from} />
      <PendingGroup label={label}>{children}</PendingGroup>
    </form>
  );
}
