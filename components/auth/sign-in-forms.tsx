"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { useForm } from "react-hook-form";

import { deferredResolver } from "@/components/forms/deferred-resolver";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { SIGN_IN_ERRORS } from "@/lib/auth/sign-in-form-state";
import type { PasswordSignIn, TokenSignIn } from "@/lib/auth/sign-in-schema";
import { passwordSignIn, signInFormAction, tokenSignIn, tokenSignInFormAction } from "@/lib/auth/actions";
import { safeReturnPath } from "@/lib/auth/return-path";

type Translate = ReturnType<typeof useTranslations<"signIn">>;

/** The forms' checks: the server's schemas, loaded when a form is first used rather than with the page. */
const passwordCheck = deferredResolver(() =>
  import("./sign-in-resolvers").then((module) => module.passwordSignInResolver),
);
const tokenCheck = deferredResolver(() => import("./sign-in-resolvers").then((module) => module.tokenSignInResolver));

function errorText(t: Translate, code: string | undefined | null, fallback: "CredentialsSignin" | "TokenRejected") {
  if (!code) return null;
  if (code === "CredentialsSignin") return t(`errors.${fallback}`);
  return (SIGN_IN_ERRORS as readonly string[]).includes(code)
    ? t(`errors.${code as (typeof SIGN_IN_ERRORS)[number]}`)
    : t("errors.Default");
}

/** After signing in, a full navigation loads the signed-in shell with its session; only ever to a portal path. */
function goTo(path: string) {
  window.location.assign(safeReturnPath(path));
}

export function SignInForms({ returnTo }: { returnTo: string }) {
  const t = useTranslations("signIn");
  // The password form posted natively (before hydration, without JavaScript) is answered by the server action.
  const [posted, signInAction] = useActionState(signInFormAction, null);
  const [failure, setFailure] = useState<string | null>(() => errorText(t, posted?.error, "CredentialsSignin"));
  // The token form likewise: its answer says why, and never gives the token back.
  const [tokenPosted, tokenSignInAction] = useActionState(tokenSignInFormAction, null);
  const [tokenPostedShown, setTokenPostedShown] = useState(true);
  const [tokenFailure, setTokenFailure] = useState<string | null>(() =>
    tokenPosted && !tokenPosted.field ? errorText(t, tokenPosted.error, "TokenRejected") : null,
  );

  const passwordForm = useForm<PasswordSignIn>({
    resolver: passwordCheck.resolver,
    defaultValues: { email: posted?.email ?? "", password: "" },
  });
  const tokenForm = useForm<TokenSignIn>({ resolver: tokenCheck.resolver, defaultValues: { token: "" } });

  const submitPassword = passwordForm.handleSubmit(async (values) => {
    setFailure(null);
    // A failed request (no network) is said as a failure of the sign-in, not thrown.
    const answer = await passwordSignIn(values).catch(() => null);
    if (answer?.ok) return goTo(returnTo);
    setFailure(errorText(t, answer?.error ?? "Default", "CredentialsSignin"));
    passwordForm.setValue("password", "");
    passwordForm.setFocus("password");
  });

  const submitToken = tokenForm.handleSubmit(async (values) => {
    setTokenFailure(null);
    setTokenPostedShown(false);
    const answer = await tokenSignIn(values).catch(() => null);
    if (answer?.ok) return goTo(returnTo);
    setTokenFailure(errorText(t, answer?.error ?? "Default", "TokenRejected"));
  });

  const fieldError = (message: string | undefined) => (message ? t(`errors.${message as "emailRequired"}`) : undefined);
  const tokenFieldError =
    tokenForm.formState.errors.token?.message ?? (tokenPostedShown ? tokenPosted?.field : undefined);

  return (
    <div className="space-y-6">
      <form
        onSubmit={submitPassword}
        onFocus={passwordCheck.preload}
        action={signInAction}
        noValidate
        className="space-y-4"
        aria-describedby={failure ? "sign-in-error" : undefined}
      >
        {failure ? (
          <p
            id="sign-in-error"
            role="alert"
            className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800"
          >
            {failure}
          </p>
        ) : null}
        <input type="hidden" name="from" value={returnTo} />
        <TextField
          label={t("email")}
          defaultValue={posted?.email}
          type="email"
          autoComplete="username"
          inputMode="email"
          autoFocus
          error={fieldError(passwordForm.formState.errors.email?.message)}
          {...passwordForm.register("email")}
        />
        <TextField
          label={t("password")}
          type="password"
          autoComplete="current-password"
          error={fieldError(passwordForm.formState.errors.password?.message)}
          {...passwordForm.register("password")}
        />
        <Button type="submit" className="w-full" disabled={passwordForm.formState.isSubmitting}>
          {passwordForm.formState.isSubmitting ? t("submitting") : t("submit")}
        </Button>
      </form>

      {/* Open again when the page answers a post of the token form, so its message is seen. */}
      <details className="rounded-md border border-slate-200 bg-white p-4" open={tokenPosted ? true : undefined}>
        <summary className="min-h-touch cursor-pointer content-center font-medium text-brand-700">
          {t("withToken")}
        </summary>
        <form
          onSubmit={submitToken}
          onFocus={tokenCheck.preload}
          action={tokenSignInAction}
          noValidate
          className="mt-3 space-y-4"
        >
          <p className="text-sm text-slate-600">{t("tokenIntro")}</p>
          {tokenFailure ? (
            <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
              {tokenFailure}
            </p>
          ) : null}
          <input type="hidden" name="from" value={returnTo} />
          <TextField
            label={t("token")}
            type="password"
            autoComplete="off"
            error={fieldError(tokenFieldError)}
            {...tokenForm.register("token")}
          />
          <Button type="submit" variant="secondary" className="w-full" disabled={tokenForm.formState.isSubmitting}>
            {t("submitToken")}
          </Button>
        </form>
      </details>
    </div>
  );
}
