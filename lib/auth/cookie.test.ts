import { decode, encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { SessionToken } from "./session-types";

/**
 * The session cookie as next-auth writes it (its own `encode`, as sign-in does) must read back through the
 * portal's decode, which derives next-auth's key once instead of per request; anything else reads as no session.
 */

const SECRET = "a-secret-of-the-portal-under-test-0123456789";
const OTHER_SECRET = "another-secret-entirely-abcdefghijklmnopqrstu";

const session = {
  sessionId: "0b6c3f52-1f0e-4a8e-9d57-5d1f4b6f0a11",
  upstreamToken: "upstream-token-of-the-dealer",
  customerCode: "C1001",
  activeCustomerCode: "C1001",
  upstreamExpiresAt: null,
  email: "dealer@acme.example",
} as const;

let cookie: typeof import("./cookie");

beforeAll(async () => {
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
  vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
  cookie = await import("./cookie");
});

afterAll(() => {
  vi.unstubAllEnvs();
});

function requestWith(cookies: Record<string, string>): NextRequest {
  const header = Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join("; ");
  return new NextRequest("http://localhost:3000/catalogue", { headers: { cookie: header } });
}

const written = (secret = SECRET, maxAge = 3600) => encode({ token: { ...session }, secret, maxAge });

describe("the session cookie", () => {
  it("reads back what next-auth's encode wrote, the same as next-auth's own decode", async () => {
    const value = await written();
    const read = await cookie.decodeSessionCookie(requestWith({ "next-auth.session-token": value }));
    expect(read).toMatchObject(session satisfies Partial<SessionToken>);
    expect(await cookie.decodeSessionJwt({ token: value, secret: SECRET })).toEqual(
      await decode({ token: value, secret: SECRET }),
    );
  });

  it("reads a cookie that next-auth split into chunks", async () => {
    const value = await written();
    const half = Math.ceil(value.length / 2);
    const read = await cookie.decodeSessionCookie(
      requestWith({
        "next-auth.session-token.0": value.slice(0, half),
        "next-auth.session-token.1": value.slice(half),
      }),
    );
    expect(read?.sessionId).toBe(session.sessionId);
  });

  it("is no session when encrypted with another secret, changed, expired or absent", async () => {
    const foreign = await written(OTHER_SECRET);
    expect(await cookie.decodeSessionCookie(requestWith({ "next-auth.session-token": foreign }))).toBeNull();

    const value = await written();
    const parts = value.split(".");
    const ciphertext = parts[3] ?? "";
    parts[3] = (ciphertext[0] === "A" ? "B" : "A") + ciphertext.slice(1);
    expect(await cookie.decodeSessionCookie(requestWith({ "next-auth.session-token": parts.join(".") }))).toBeNull();

    // Past its expiry by more than next-auth's 15 s of clock tolerance.
    const expired = await written(SECRET, -60);
    expect(await cookie.decodeSessionCookie(requestWith({ "next-auth.session-token": expired }))).toBeNull();

    expect(await cookie.decodeSessionCookie(requestWith({}))).toBeNull();
  });

  it("keeps each secret's key apart", async () => {
    const mine = await written();
    const theirs = await written(OTHER_SECRET);
    expect(await cookie.decodeSessionJwt({ token: theirs, secret: OTHER_SECRET })).toMatchObject({
      email: session.email,
    });
    expect((await cookie.decodeSessionJwt({ token: mine, secret: SECRET }))?.sessionId).toBe(session.sessionId);
    await expect(cookie.decodeSessionJwt({ token: mine, secret: OTHER_SECRET })).rejects.toThrow();
  });
});
