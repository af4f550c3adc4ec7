import type { Browser, Cookie, PlaywrightWorkerArgs } from "@playwright/test";

import { DEMO } from "./env";
import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";
import { simulator } from "./simulator";

/**
 * Issue 16, hole 2: sessions are revocable on the server. Each test signs in in a fresh browser
 * context (never the suite's shared dealer session, which these tests would end).
 */

const fresh = { storageState: { cookies: [], origins: [] } };

async function signedIn(browser: Browser, user: { email: string; password: string; name: string }) {
  const context = await browser.newContext(fresh);
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(user.email, user.password);
  await expect(page.getByRole("heading", { name: `Welcome, ${user.name}` })).toBeVisible();
  return { context, page, signIn };
}

function cookieHeader(cookies: Cookie[]): string {
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

/** Opens `path` with nothing but the saved cookies, as curl would; follows redirects. */
async function replay(
  playwright: PlaywrightWorkerArgs["playwright"],
  baseURL: string,
  cookies: Cookie[],
  path: string,
) {
  const request = await playwright.request.newContext({ baseURL });
  try {
    const response = await request.get(path, { headers: { cookie: cookieHeader(cookies) } });
    return { status: response.status(), url: response.url(), body: await response.text() };
  } finally {
    await request.dispose();
  }
}

test.describe("revocable sessions", () => {
  test.use(fresh);

  test("a session cookie saved before signing out opens nothing afterwards", async ({
    browser,
    playwright,
    baseURL,
  }) => {
    const { context, page, signIn } = await signedIn(browser, DEMO.dealer);
    const saved = await context.cookies();
    const before = await replay(playwright, baseURL!, saved, "/orders");
    expect(before.url).toMatch(/\/orders$/);
    expect(before.body).toContain(DEMO.dealer.name);

    await signIn.signOut();
    const page1 = await replay(playwright, baseURL!, saved, "/orders");
    expect(page1.url).toMatch(/\/sign-in/);
    expect(page1.body).not.toContain(DEMO.dealer.name);
    const api = await replay(playwright, baseURL!, saved, "/api/companies?q=a");
    expect(api.status).toBe(401);
    const nextAuth = await replay(playwright, baseURL!, saved, "/api/auth/session");
    expect(nextAuth.body).not.toContain(DEMO.dealer.name);
    await expect(page).toHaveURL(/\/sign-in/);
    await context.close();
  });

  test("a 401 from the upstream ends the session on the server, not only in this browser", async ({
    browser,
    playwright,
    baseURL,
  }) => {
    const { context, page } = await signedIn(browser, DEMO.limited);
    const saved = await context.cookies();
    // End exactly this session's upstream token (the newest the simulator issued to the user).
    const { tokens } = (await simulator.control("GET", "tokens")) as {
      tokens: { token: string; email: string; expired: boolean }[];
    };
    const mine = tokens.filter((entry) => entry.email === DEMO.limited.email && !entry.expired).at(-1);
    expect(mine).toBeDefined();
    await simulator.control("POST", "tokens/expire", { token: mine!.token });

    await page.goto("/orders");
    await expect(page).toHaveURL(/\/sign-in\?reason=expired/);
    await expect(page.getByRole("status")).toHaveText("Your session has expired. Please sign in again.");
    const again = await replay(playwright, baseURL!, saved, "/");
    expect(again.url).toMatch(/\/sign-in/);
    expect(again.body).not.toContain(`Welcome, ${DEMO.limited.name}`);
    await context.close();
  });

  test("staff who lose the companies permission are signed out at the next re-read of GET /me", async ({ browser }) => {
    test.setTimeout(90_000);
    const { context, page } = await signedIn(browser, DEMO.admin);
    try {
      await simulator.control("POST", "users/access", { email: DEMO.admin.email, permissions: [] });
      // The portal reads GET /me again after SESSION_RECHECK_SECONDS (20 s in this suite).
      await page.waitForTimeout(21_000);
      await page.goto("/");
      await expect(page).toHaveURL(/\/sign-in\?reason=expired/);
      await page.goto("/admin");
      await expect(page).toHaveURL(/\/sign-in/);
    } finally {
      await simulator.control("POST", "users/access", { email: DEMO.admin.email, permissions: ["companies"] });
      await context.close();
    }
  });

  test("the sync's service token is refused by the token form", async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signInWithToken("sim-service-token");
    await signIn.expectError("The wholesaler did not accept this token.");
    await expect(page).toHaveURL(/\/sign-in/);
  });
});

test("a link to /session-expired (from any site) does not end a live session", async ({ page }) => {
  await page.goto("/session-expired?from=/orders");
  await expect(page).toHaveURL(/\/orders$/);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: `Welcome, ${DEMO.dealer.name}` })).toBeVisible();
});
