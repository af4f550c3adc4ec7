"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";

import { postedForm } from "@/lib/http/posted-form";

import { writeSessionCookie } from "./cookie";
import { signInContext } from "./options";
import { safeReturnPath } from "./return-path";
import type { SignInAnswer, SignInFormState, TokenSignInFormState } from "./sign-in-form-state";
import { tokenSignInSchema } from "./sign-in-schema";
import { signInWithPassword, signInWithToken, type SignInResult } from "./sign-in";
import { signOut } from "./sign-out";

/** The sign-out form: a FormData with its one field. Anything else (a forged call) does nothing. */
const signOutForm = z.instanceof(FormData).refine((form) => form.get("intent") === "sign-out");

/**
 * The sign-out form's action (a POST; Next refuses a server action whose Origin is another
 * site's). Ends the session on the server and goes to the sign-in page.
 */
export async function signOutAction(form: unknown): Promise<void> {
  if (!signOutForm.safeParse(form).success) return;
  await signOut();
  redirect("/sign-in?reason=signed-out");
}

/** What the sign-in forms send, bounded; the sign-in use cases check the rest. */
const passwordInput = z.object({ email: z.string().max(1000), password: z.string().max(1000) });
const tokenInput = z.object({ token: z.string().max(4000) });
/** Posted natively, with the page to return to. */
const returnPath = { from: z.string().max(2000) };
const passwordForm = passwordInput.extend(returnPath);
const tokenForm = tokenInput.extend(returnPath);

/**
 * The password form posted natively (before hydration or without JavaScript; once hydrated the page
 * calls passwordSignIn below): the same sign-in use case as next-auth's `authorize`
 * (limits, upstream, the server's session record), the session cookie written as next-auth writes
 * it, and the return path kept to the portal. A server action: Next refuses another site's Origin.
 */
export async function signInFormAction(_previous: SignInFormState, form: FormData): Promise<SignInFormState> {
  const posted = postedForm.safeParse(form);
  if (!posted.success) return { error: "CredentialsSignin", email: "" };
  const parsed = passwordForm.safeParse({
    email: posted.data.get("email") ?? "",
    password: posted.data.get("password") ?? "",
    from: posted.data.get("from") ?? "/",
  });
  if (!parsed.success) return { error: "CredentialsSignin", email: "" };
  const { email, password, from } = parsed.data;
  const result = await signInWithPassword(await signInContext(await headers()), { email, password });
  if (!result.ok) return { error: result.error, email: email.slice(0, 254) };
  return signedIn(result, from);
}

/** A signed-in result: the session cookie written as next-auth writes it, then the return path. */
async function signedIn(result: Extract<SignInResult, { ok: true }>, from: string): Promise<never> {
  await keepSession(result);
  redirect(safeReturnPath(from));
}

/** The session cookie of a signed-in result, written as next-auth writes it. */
async function keepSession(result: Extract<SignInResult, { ok: true }>): Promise<void> {
  const id = `${result.session.customerCode}:${result.session.email ?? result.session.name}`;
  await writeSessionCookie({ cookies: await cookies() }, { ...result.session, sub: id } as typeof result.session);
}

/** A sign-in's answer to a hydrated page: the session kept when it signed in, else the error alone. */
async function answered(result: SignInResult): Promise<SignInAnswer> {
  if (!result.ok) return { ok: false, error: result.error };
  await keepSession(result);
  return { ok: true };
}

/**
 * The password form once the page has hydrated: the same sign-in use case as the posted form (limits,
 * upstream, the server's session record, the cookie), answered rather than redirected (SignInAnswer).
 * One request, where next-auth's client made three (providers, CSRF token, callback) and a fourth
 * for the session once signed in; and no next-auth code in the page's scripts.
 */
export async function passwordSignIn(input: unknown): Promise<SignInAnswer> {
  const parsed = passwordInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: "CredentialsSignin" };
  return answered(await signInWithPassword(await signInContext(await headers()), parsed.data));
}

/** The token form once the page has hydrated, as passwordSignIn; the token is never given back. */
export async function tokenSignIn(input: unknown): Promise<SignInAnswer> {
  const parsed = tokenInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: "CredentialsSignin" };
  return answered(await signInWithToken(await signInContext(await headers()), parsed.data));
}

/**
 * The token form posted natively (before hydration or without JavaScript): the same sign-in use
 * case as next-auth's "token" provider (limits, the service token refused, the server's session
 * record), then the session cookie and the return path as the password form does.
 */
export async function tokenSignInFormAction(
  _previous: TokenSignInFormState,
  form: FormData,
): Promise<TokenSignInFormState> {
  const posted = postedForm.safeParse(form);
  if (!posted.success) return { error: "CredentialsSignin" };
  const parsed = tokenForm.safeParse({ token: posted.data.get("token") ?? "", from: posted.data.get("from") ?? "/" });
  if (!parsed.success) return { error: "CredentialsSignin", field: "tokenInvalid" };
  const { token, from } = parsed.data;
  if (!tokenSignInSchema.safeParse({ token }).success) return { error: "CredentialsSignin", field: "tokenInvalid" };
  const result = await signInWithToken(await signInContext(await headers()), { token });
  if (!result.ok) return { error: result.error };
  return signedIn(result, from);
}
