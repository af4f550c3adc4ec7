import type { SignInError } from "./sign-in-schema";

/** What the password form shows after a native post that did not sign in: the error, and the email typed. */
export type SignInFormState = null | { error: SignInError; email: string };

/**
 * What the token form shows after a native post that did not sign in: the error, and "tokenInvalid"
 * when what was pasted cannot be a token. The token itself is never given back.
 */
export type TokenSignInFormState = null | { error: SignInError; field?: "tokenInvalid" };
