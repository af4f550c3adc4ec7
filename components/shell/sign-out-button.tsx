import { getTranslations } from "next-intl/server";

import { SubmitButton } from "@/components/ui/submit-button";
import { signOutAction } from "@/lib/auth/actions";

/** Signing out is a form posting to a server action: it works before (or without) JavaScript. */
export async function SignOutButton() {
  const t = await getTranslations("nav");
  return (
    <form method="post" action={signOutAction}>
      <input type="hidden" name="intent" value="sign-out" />
      <SubmitButton label={t("signOut")} busyLabel={t("signingOut")} variant="ghost" />
    </form>
  );
}
