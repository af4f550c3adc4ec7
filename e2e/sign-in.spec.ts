import { DEMO } from "./env";
import { expect, test } from "./fixtures";
import { dropScriptsAfterHydration, hydrated } from "./hydration";
import { SignInPage } from "./pages/sign-in-page";
import { simulator } from "./simulator";

test.describe("signing in", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the dealer signs in and sees their name and company", async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(DEMO.dealer.email, DEMO.dealer.password);
    await expect(page.getByRole("heading", { name: `Welcome, ${DEMO.dealer.name}` })).toBeVisible();
    await expect(page.getByTestId("active-company")).toHaveText(
      `Ordering for ${DEMO.dealer.company} (${DEMO.dealer.code})`,
    );
    await page.locator("summary").filter({ hasText: "Account" }).click();
    await expect(page.getByTestId("user-company")).toHaveText(`${DEMO.dealer.company} (${DEMO.dealer.code})`);
  });

  test("a wrong password says so without telling whether the account exists", async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(DEMO.dealer.email, "wrong-password");
    await signIn.expectError("The email address or password is not correct.");
    await signIn.signIn("nobody@nowhere.example", "wrong-password");
    await signIn.expectError("The email address or password is not correct.");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("once the page has woken up, a sign-in is one request to the portal, and a refusal is said in place", async ({
    page,
  }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await hydrated(page);
    // What the page sends: posts (a server action carries its id in a header) and any call to next-auth's endpoints.
    const sent: string[] = [];
    page.on("request", (request) => {
      const { pathname } = new URL(request.url());
      if (request.method() === "POST" || pathname.startsWith("/api/auth/"))
        sent.push(`${request.method()} ${pathname}${request.headers()["next-action"] ? " (server action)" : ""}`);
    });
    await signIn.signIn(DEMO.dealer.email, "wrong-password");
    await signIn.expectError("The email address or password is not correct.");
    await expect(page.getByLabel("Password")).toHaveValue("");
    await expect(page.getByLabel("Password")).toBeFocused();
    await expect(page.getByLabel("Email address")).toHaveValue(DEMO.dealer.email);
    expect(sent).toEqual(["POST /sign-in (server action)"]);

    await page.getByLabel("Password").fill(DEMO.dealer.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("heading", { name: `Welcome, ${DEMO.dealer.name}` })).toBeVisible();
    expect(sent).toEqual(["POST /sign-in (server action)", "POST /sign-in (server action)"]);
  });

  test("a form with a malformed email is refused before it is sent", async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn("not-an-email", "x");
    await expect(page.getByText("Enter a valid email address, like name@company.nl.")).toBeVisible();
  });

  test.describe("with the scripts it has", () => {
    // The page's service worker would answer script requests itself; blocked so that the dropped connection is seen.
    test.use({ serviceWorkers: "block" });

    test("a form whose check cannot be loaded leaves it to the server, and signs in", async ({ page }) => {
      const signIn = new SignInPage(page);
      await signIn.goto();
      // The form's check is loaded when the form is first used; the connection drops before that.
      const { asked } = await dropScriptsAfterHydration(page);
      await signIn.signIn("not-an-email", "x");
      // Not checked here: the server refuses it, as it does any sign-in it cannot accept.
      await signIn.expectError("The email address or password is not correct.");
      await expect(page.getByLabel("Email address")).toHaveValue("not-an-email");
      expect(asked.length, "the check was asked for").toBeGreaterThan(0);

      await signIn.signIn(DEMO.dealer.email, DEMO.dealer.password);
      await expect(page.getByRole("heading", { name: `Welcome, ${DEMO.dealer.name}` })).toBeVisible();
    });
  });

  test("an API token of the wholesaler signs in and returns to the page; a wrong one is said", async ({ page }) => {
    const token = await simulator.issueToken(DEMO.limited.email, DEMO.limited.password);
    const signIn = new SignInPage(page);
    await signIn.goto("/orders");
    await signIn.signInWithToken(`${token}x`);
    await signIn.expectError("The wholesaler did not accept this token.");
    await page.getByLabel("API token").fill(token);
    await page.getByRole("button", { name: "Sign in with token" }).click();
    await expect(page).toHaveURL(/\/orders$/);
    await page.goto("/");
    await expect(page.getByRole("heading", { name: `Welcome, ${DEMO.limited.name}` })).toBeVisible();
  });

  test("a deep link without a session goes to sign-in and back after it", async ({ page }) => {
    await page.goto("/orders?status=shipped");
    await expect(page).toHaveURL(/\/sign-in\?from=%2Forders%3Fstatus%3Dshipped/);
    await new SignInPage(page).signIn(DEMO.dealer.email, DEMO.dealer.password);
    await expect(page).toHaveURL(/\/orders\?status=shipped$/);
  });

  test("an expired upstream token signs the user out with a message, and back in returns to the page", async ({
    page,
  }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(DEMO.limited.email, DEMO.limited.password);
    await expect(page.getByRole("heading", { name: `Welcome, ${DEMO.limited.name}` })).toBeVisible();
    await simulator.expireTokensOf(DEMO.limited.email);
    await page.goto("/?from-test=1");
    await expect(page).toHaveURL(/\/sign-in\?reason=expired/);
    await expect(page.getByRole("status")).toHaveText("Your session has expired. Please sign in again.");
    await signIn.signIn(DEMO.limited.email, DEMO.limited.password);
    await expect(page).toHaveURL(/\/\?from-test=1$/);
    await expect(page.getByRole("heading", { name: `Welcome, ${DEMO.limited.name}` })).toBeVisible();
  });

  test("signing out ends the session", async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(DEMO.dealer.email, DEMO.dealer.password);
    await expect(page.getByRole("heading", { name: `Welcome, ${DEMO.dealer.name}` })).toBeVisible();
    await page.locator("summary").filter({ hasText: "Account" }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("status")).toHaveText("You have been signed out.");
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
  });
});

test("the language switch changes the page's text and is remembered", async ({ page }) => {
  // Four page loads and two posts, each answered with the whole page.
  test.setTimeout(90_000);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: `Welcome, ${DEMO.dealer.name}` })).toBeVisible();
  await page.locator("summary").filter({ hasText: "Account" }).click();
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByRole("heading", { name: `Welkom, ${DEMO.dealer.name}` })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await page.reload();
  await expect(page.getByRole("heading", { name: `Welkom, ${DEMO.dealer.name}` })).toBeVisible();
  await page.locator("summary").filter({ hasText: "Account" }).click();
  // Clicked: the open menu lies inside the window in Dutch too (e2e/account-menu.spec.ts).
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${DEMO.dealer.name}` })).toBeVisible();
});

test("the browser's language decides when the dealer has not chosen", async ({ browser }) => {
  const context = await browser.newContext({ locale: "nl-NL", storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Aanmelden" })).toBeVisible();
  await context.close();
});
