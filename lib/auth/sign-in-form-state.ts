/** Error codes `authorize` reports to the sign-in page (never whether an account exists). */
export const SIGN_IN_ERRORS = ["CredentialsSignin", "RateLimited", "Unavailable"] as const;
export type SignInError = (typeof SIGN_IN_ERRORS)[number];

/** What the password form shows after a native post that did not sign in: the error, and the email typed. */
export type SignInFormState = null | { error: SignInError; email: string };

/**
 * What the token form shows after a native post that did not sign in: the error, and "tokenInvalid"
 * when what was pasted cannot be a token. The token itself is never given back.
 */
export type TokenSignInFormState = null | { error: SignInError; field?: "tokenInvalid" };

/**
 * What the sign-in actions answer a hydrated page (its fields checked there first): signed in (the
 * session cookie written), or why not. The page shows a refusal in place and, once signed in, loads
 * the return path in full.
 */
export type SignInAnswer = { ok: true } | { ok: false; error: SignInError };
