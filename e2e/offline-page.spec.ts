import { expect, request as playwrightRequest, test, type APIResponse } from "@playwright/test";

import { E2E } from "./env";

/**
 * The offline page is the same for everyone but for its nonce and language: the portal renders it once
 * per language and answers every request from that copy, each answer with a nonce of its own
 * (lib/http/shared-documents.ts, issue 19).
 */

const nonceOf = (response: APIResponse) =>
  /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1] ?? "";

/** The document with its nonce taken out: what is the same for everyone. */
async function withoutNonce(response: APIResponse): Promise<string> {
  return (await response.text()).replaceAll(nonceOf(response), "");
}

test("every answer of the offline page has its own nonce, on each of its scripts, and the same document", async ({
  request,
}) => {
  const first = await request.get("/offline");
  const second = await request.get("/offline");
  for (const response of [first, second]) {
    expect(response.status()).toBe(200);
    expect(response.headers()["x-portal-document"]).toBe("copy");
    expect(response.headers()["strict-transport-security"]).toContain("max-age=");
    expect(response.headers()["x-frame-options"]).toBe("DENY");
    const nonce = nonceOf(response);
    expect(nonce).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
    const html = await response.text();
    const scriptNonces = [...html.matchAll(/<script[^>]*\snonce="([^"]*)"/g)].map((match) => match[1]);
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
    // The preloads the Link header names carry it too.
    for (const match of (response.headers()["link"] ?? "").matchAll(/nonce="([^"]*)"/g)) expect(match[1]).toBe(nonce);
    expect(html).toContain("You are offline");
  }
  expect(nonceOf(first)).not.toBe(nonceOf(second));
  expect(await withoutNonce(first)).toBe(await withoutNonce(second));
});

test("the offline page shows nothing of who asks, and speaks the language asked for", async ({ request }) => {
  const signedOut = await playwrightRequest.newContext({ baseURL: E2E.portalUrl, storageState: undefined });
  try {
    const anonymous = await signedOut.get("/offline");
    const dealer = await request.get("/offline");
    expect(await withoutNonce(anonymous)).toBe(await withoutNonce(dealer));

    const byCookie = await signedOut.get("/offline", { headers: { cookie: "NEXT_LOCALE=nl" } });
    const byBrowser = await signedOut.get("/offline", { headers: { "accept-language": "nl-NL,nl;q=0.9,en;q=0.5" } });
    for (const response of [byCookie, byBrowser]) {
      const html = await response.text();
      expect(html).toContain("U bent offline");
      expect(html).toContain('lang="nl"');
      expect(html).not.toContain("You are offline");
    }
  } finally {
    await signedOut.dispose();
  }
});

test("the offline page's scripts run under its policy: Try again loads the page again", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/offline");
  await expect(page.getByRole("heading", { level: 1, name: "You are offline" })).toBeVisible();
  // Hydrated: React has taken the button over, which only the page's own scripts can do.
  const button = page.getByRole("button", { name: "Try again" });
  await expect
    .poll(() => button.evaluate((element) => Object.keys(element).some((key) => key.startsWith("__react"))))
    .toBe(true);
  await Promise.all([page.waitForEvent("load"), button.click()]);
  await expect(page.getByRole("heading", { level: 1, name: "You are offline" })).toBeVisible();
  expect(violations).toEqual([]);
});
