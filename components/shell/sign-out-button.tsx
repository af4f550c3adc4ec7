"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

export function SignOutButton({ className = "" }: { className?: string }) {
  const t = useTranslations("nav");
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        // Loaded on the click: next-auth's client is needed by no page until then.
        const { signOut } = await import("next-auth/react");
        await signOut({ callbackUrl: "/sign-in?reason=signed-out" });
      }}
      className={`min-h-touch rounded-md px-3 text-sm font-semibold ${className}`}
    >
      {busy ? t("signingOut") : t("signOut")}
    </button>
  );
}
