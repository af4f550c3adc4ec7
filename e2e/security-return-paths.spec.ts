import { DEMO, E2E } from "./env";
import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";

/**
 * Issue 16, hole 4: a return path is only ever a path of this portal, and one that cannot go in a
 * header is dropped, never a 500. (The unit test lib/auth/return-path.test.ts lists the forms.)
 */

const portal = new URL(E2E.portalUrl).origin;

const HOSTILE = [
  "/%09/evil.example",
  "/%0d%0aSet-Cookie:%20hijack=1",
  "/%0d%0a%0d%0a<html>",
  "//evil.example",
  "/%5Cevil.example",
  "/%2F%2Fevil.example",
  "https://evil.example",
  "/.//evil.example",
  "%ED%A0%80",
];

test("a signed-in user opening /sign-in with a hostile return path stays on the portal", async ({ page }) => {
  for (const from of HOSTILE) {
    const response = await page.goto(`/sign-in?from=${from}`);
    expect(response?.status(), from).toBeLessThan(500);
    expect(new URL(page.url()).origin, from).toBe(portal);
    await expect(page.getByRole("heading", { name: `Welcome, ${DEMO.dealer.name}` })).toBeVisible();
  }
});

test("no hostile return path reaches a Location header", async ({ request }) => {
  for (const from of HOSTILE) {
    for (const path of [`/sign-in?from=${from}`, `/session-expired?from=${from}`]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBeLessThan(500);
      const location = response.headers()["location"];
      if (location) expect(new URL(location, portal).origin, path).toBe(portal);
      expect(response.headers()["set-cookie"] ?? "", path).not.toContain("hijack");
    }
  }
});

test.describe("before signing in", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the sign-in form does not send the user off-site after signing in", async ({ page }) => {
    await page.goto("/sign-in?from=/%09/evil.example");
    await new SignInPage(page).signIn(DEMO.limited.email, DEMO.limited.password);
    await expect(page.getByRole("heading", { name: `Welcome, ${DEMO.limited.name}` })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(portal);
    expect(new URL(page.url()).pathname).toBe("/");
  });

  test("a proxy redirect to sign-in carries a clean return path", async ({ request }) => {
    const response = await request.get("/orders?status=shipped", { maxRedirects: 0 });
    expect(response.status()).toBeGreaterThanOrEqual(300);
    expect(response.status()).toBeLessThan(400);
    const location = new URL(response.headers()["location"] ?? "", portal);
    expect(location.pathname).toBe("/sign-in");
    expect(location.searchParams.get("from")).toBe("/orders?status=shipped");
  });
});
