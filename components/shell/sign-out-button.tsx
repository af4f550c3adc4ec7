"use client";

import { useTranslations } from "next-intl";
import { useFormStatus } from "react-dom";

import { signOutAction } from "@/lib/auth/actions";

function SubmitButton({ className }: { className: string }) {
  const t = useTranslations("nav");
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      className={`min-h-touch rounded-md px-3 text-sm font-semibold ${className}`}
    >
      {pending ? t("signingOut") : t("signOut")}
    </button>
  );
}

/** Signing out is a form posting to a server action: it works before (or without) JavaScript. */
export function SignOutButton({ className = "" }: { className?: string }) {
  return (
    <form method="post" action={signOutAction}>
      <input type="hidden" name="intent" value="sign-out" />
      <SubmitButton className={className} />
    </form>
  );
}
