import { zodResolver } from "@hookform/resolvers/zod";

import { passwordSignInSchema, tokenSignInSchema } from "@/lib/auth/sign-in-schema";

/**
 * The sign-in forms' checks in the browser: the schemas the server actions and `authorize` use.
 * Loaded when a form is first used (components/forms/deferred-resolver.ts), not with the page.
 */
export const passwordSignInResolver = zodResolver(passwordSignInSchema);
export const tokenSignInResolver = zodResolver(tokenSignInSchema);
