import { createSecretKey, hkdfSync, type KeyObject } from "node:crypto";

import { jwtDecrypt } from "jose";
import { encode, getToken, type JWT, type JWTDecodeParams } from "next-auth/jwt";
import type { NextRequest } from "next/server";

import { getEnv } from "@/lib/env";

import type { SessionToken } from "./session-types";

/** Session cookies are marked Secure whenever the portal is served over https. */
export function usesSecureCookies(): boolean {
  return getEnv().NEXTAUTH_URL.startsWith("https://");
}

/** The names next-auth gives its cookies, to clear them when a session expires. */
export function sessionCookieNames(): string[] {
  const prefix = usesSecureCookies() ? "__Secure-" : "";
  return [`${prefix}next-auth.session-token`, `${prefix}next-auth.callback-url`];
}

/**
 * What deletes a session cookie: its name with the path and Secure flag next-auth wrote it with. A
 * browser takes a __Secure- cookie only with the Secure flag, its deletion too: without it the cookie
 * stayed in the browser after signing out over https.
 */
export function sessionCookieDeletion(name: string): { name: string; path: string; secure: boolean } {
  return { name, path: "/", secure: usesSecureCookies() };
}

/**
 * Reads and decrypts the session cookie of a request; null when absent, invalid or incomplete.
 * Only the cookie: whether the server still knows the session is `readSession` / `sessionTokenOf`
 * in ./session (the proxy uses this to send visitors without any session to sign in).
 */
export async function decodeSessionCookie(request: NextRequest): Promise<SessionToken | null> {
  const token = await getToken({
    req: request,
    secret: getEnv().NEXTAUTH_SECRET,
    secureCookie: usesSecureCookies(),
    decode: decodeSessionJwt,
  });
  if (!token?.sessionId || !token.upstreamToken || !token.customerCode || !token.activeCustomerCode) return null;
  return token as unknown as SessionToken;
}

/**
 * next-auth's own `decode` (next-auth/jwt: the key from HKDF-SHA-256 of the secret, "dir" with A256GCM,
 * 15 s of clock tolerance), with the key derived once per secret instead of on every request. Every page
 * decodes the cookie twice (proxy and page); a decode cost 95-115 µs of CPU with the derivation, 14-20 without.
 */
export async function decodeSessionJwt({ token, secret }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, encryptionKey(secret), { clockTolerance: 15 });
  return payload as JWT;
}

/** The portal has one secret: its key is derived again only when another secret is given. */
let derived: { secret: string | Buffer; key: KeyObject } | undefined;

function encryptionKey(secret: string | Buffer): KeyObject {
  if (derived?.secret !== secret) {
    const key = hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32);
    derived = { secret, key: createSecretKey(Buffer.from(key)) };
  }
  return derived.key;
}

/** Whether the upstream token behind a session has run out. */
export function isSessionExpired(token: Pick<SessionToken, "upstreamExpiresAt">, now = Date.now()): boolean {
  return token.upstreamExpiresAt !== null && token.upstreamExpiresAt <= now;
}

/** A return path is only ever a path of this portal: see ./return-path. */
export { safeReturnPath } from "./return-path";

/** Writes a changed session back into its cookie, encrypted as next-auth does. */
export async function writeSessionCookie(
  response: { cookies: { set(name: string, value: string, options: Record<string, unknown>): unknown } },
  token: SessionToken,
): Promise<void> {
  const env = getEnv();
  const maxAge = env.SESSION_MAX_AGE_SECONDS;
  const value = await encode({ token: { ...token }, secret: env.NEXTAUTH_SECRET, maxAge });
  response.cookies.set(sessionCookieNames()[0] ?? "next-auth.session-token", value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: usesSecureCookies(),
    expires: new Date(Date.now() + maxAge * 1000),
  });
}
