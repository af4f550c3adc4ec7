import "server-only";

import { cookies } from "next/headers";

import { usesSecureCookies } from "./cookie";

/**
 * Remembers a preference of the device (language, VAT display) for a year: httpOnly, SameSite=Lax,
 * and Secure whenever the portal is served over https, as the session's cookies are.
 */
export async function setPreferenceCookie(name: string, value: string): Promise<void> {
  (await cookies()).set(name, value, {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    httpOnly: true,
    secure: usesSecureCookies(),
  });
}
