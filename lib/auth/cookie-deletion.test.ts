import { NextResponse } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

/**
 * Over https next-auth names its session cookie `__Secure-…` and writes it Secure. A browser replaces
 * such a cookie only with a Set-Cookie that is Secure too, so the deletion that signing out and an
 * expired session send must carry the flag and the cookie's path, or the cookie stays in the browser.
 */

let cookie: typeof import("./cookie");

beforeAll(async () => {
  vi.stubEnv("NEXTAUTH_SECRET", "a-secret-of-the-portal-under-test-0123456789");
  vi.stubEnv("NEXTAUTH_URL", "https://portal.example");
  cookie = await import("./cookie");
});

afterAll(() => {
  vi.unstubAllEnvs();
});

describe("deleting the session cookie over https", () => {
  it("sends a Secure, root-path deletion for the __Secure- session cookie and its chunks", () => {
    const names = cookie.sessionCookieNames();
    expect(names).toContain("__Secure-next-auth.session-token");
    const response = new NextResponse(null);
    for (const name of ["__Secure-next-auth.session-token", "__Secure-next-auth.session-token.1"]) {
      response.cookies.delete(cookie.sessionCookieDeletion(name));
    }
    const sent = response.headers.getSetCookie();
    expect(sent).toHaveLength(2);
    for (const header of sent) {
      expect(header).toMatch(/^__Secure-next-auth\.session-token(\.1)?=;/);
      expect(header).toMatch(/; Secure/i);
      expect(header).toMatch(/; Path=\//);
      expect(header).toMatch(/; Expires=Thu, 01 Jan 1970 00:00:00 GMT/);
    }
  });
});
