import * as z from "zod/mini";

/**
 * One schema per sign-in form, shared by the form (loaded when it is first used:
 * components/auth/sign-in-resolvers.ts) and `authorize`. Messages are catalogue keys.
 * zod's mini build, which the browser runs: about 17 kB (gzip) there against the full
 * build's 30 (bench/issue-19-experiments.md).
 */
export const passwordSignInSchema = z.object({
  email: z
    .string()
    .check(z.trim(), z.minLength(1, "emailRequired"), z.maxLength(254, "emailInvalid"), z.email("emailInvalid")),
  password: z.string().check(z.minLength(1, "passwordRequired"), z.maxLength(200, "passwordInvalid")),
});

export const tokenSignInSchema = z.object({
  token: z.string().check(z.trim(), z.minLength(8, "tokenInvalid"), z.maxLength(2000, "tokenInvalid")),
});

export type PasswordSignIn = z.infer<typeof passwordSignInSchema>;
export type TokenSignIn = z.infer<typeof tokenSignInSchema>;
