import { z } from "zod";

/** One schema per sign-in form, shared by the form and `authorize`. Messages are catalogue keys. */
export const passwordSignInSchema = z.object({
  email: z.string().trim().min(1, "emailRequired").max(254, "emailInvalid").email("emailInvalid"),
  password: z.string().min(1, "passwordRequired").max(200, "passwordInvalid"),
});

export const tokenSignInSchema = z.object({
  token: z.string().trim().min(8, "tokenInvalid").max(2000, "tokenInvalid"),
});

export type PasswordSignIn = z.infer<typeof passwordSignInSchema>;
export type TokenSignIn = z.infer<typeof tokenSignInSchema>;

/** Error codes `authorize` reports to the sign-in page (never whether an account exists). */
export const SIGN_IN_ERRORS = ["CredentialsSignin", "RateLimited", "Unavailable"] as const;
export type SignInError = (typeof SIGN_IN_ERRORS)[number];
