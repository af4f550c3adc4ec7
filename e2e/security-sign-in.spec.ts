import http from "node:http";

import { DEMO, E2E } from "./env";
import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";

/**
 * Issue 16, hole 3: the sign-in limits count by the connection's address (the suite's portal is
 * reached directly: TRUSTED_PROXY_HOPS=0), never by X-Forwarded-For, and a stranger's wrong
 * passwords do not lock a dealer out. Other addresses are real ones: requests sent from
 * 127.0.0.x, every one of which reaches the portal on 127.0.0.1.
 */

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function send(
  method: "GET" | "POST",
  path: string,
  options: { from: string; headers?: Record<string, string>; body?: string },
): Promise<Answer> {
  const url = new URL(path, E2E.portalUrl);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { method, host: url.hostname, port: url.port, path: url.pathname + url.search, localAddress: options.from },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    request.on("error", reject);
    for (const [name, value] of Object.entries(options.headers ?? {})) request.setHeader(name, value);
    request.end(options.body);
  });
}

/**
 * One password sign-in through next-auth's credentials endpoint, as a script could send it; the error code
 * next-auth answers, or null on success. The sign-in page's own forms post to server actions that share its
 * limits (the page's tests below).
 */
async function attempt(email: string, password: string, from: string, headers: Record<string, string> = {}) {
  const csrf = await send("GET", "/api/auth/csrf", { from, headers });
  const cookies = (csrf.headers["set-cookie"] ?? []).map((cookie) => cookie.split(";")[0]).join("; ");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const answer = await send("POST", "/api/auth/callback/password", {
    from,
    headers: { ...headers, cookie: cookies, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, csrfToken, json: "true" }).toString(),
  });
  expect(answer.status).toBeLessThan(500);
  const { url } = JSON.parse(answer.body) as { url: string };
  return new URL(url).searchParams.get("error");
}

const randomAddress = () =>
  `${1 + Math.floor(Math.random() * 200)}.${Math.floor(Math.random() * 250)}.0.${1 + Math.floor(Math.random() * 250)}`;

test.describe("sign-in limits", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("rotating X-Forwarded-For does not buy more attempts", async () => {
    const account = "rotating@example.invalid";
    for (let i = 0; i < 5; i++) {
      const forwarded = { "x-forwarded-for": randomAddress(), "x-real-ip": randomAddress() };
      expect(await attempt(account, "wrong-password", "127.0.0.3", forwarded)).toBe("CredentialsSignin");
    }
    expect(await attempt(account, "wrong-password", "127.0.0.3", { "x-forwarded-for": randomAddress() })).toBe(
      "RateLimited",
    );
    // Nor does writing the portal's own internal address header.
    expect(
      await attempt(account, "wrong-password", "127.0.0.3", { "x-portal-client-address": `x ${randomAddress()}` }),
    ).toBe("RateLimited");
  });

  test("five wrong passwords from another address do not lock the dealer out of their own sign-in", async ({
    page,
  }) => {
    for (let i = 0; i < 5; i++) {
      expect(await attempt(DEMO.dealer.email, "wrong-password", "127.0.0.2")).toBe("CredentialsSignin");
    }
    // The stranger's address is held back (even with the right password: a limit never says which guess was right) ...
    expect(await attempt(DEMO.dealer.email, "wrong-password", "127.0.0.2")).toBe("RateLimited");
    // ... the dealer, from their own address, signs in as always.
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(DEMO.dealer.email, DEMO.dealer.password);
    await expect(page.getByRole("heading", { name: `Welcome, ${DEMO.dealer.name}` })).toBeVisible();
  });

  test("the limited attempts show the dealer a plain message", async ({ page }) => {
    const account = "held-back@example.invalid";
    for (let i = 0; i < 5; i++) await attempt(account, "wrong-password", "127.0.0.1");
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(account, "wrong-password");
    await signIn.expectError("Too many attempts. Please wait a few minutes and try again.");
  });
});
