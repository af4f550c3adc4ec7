import type { BrowserContext, Page } from "@playwright/test";

import { openProductPage, orderableProduct } from "./catalogue-data";
import { DEMO, E2E } from "./env";
import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";

/**
 * The shell's controls with JavaScript off (the "nojs" project): switching customer and back,
 * language, VAT display, signing out, and pages that show what they found in the first response.
 * Every request of a test is recorded: none carries what was typed in its address, except the GET
 * reads (search, filters, the customer search).
 */

/** Pages whose address may hold a query: reads, and the return paths of the portal's own redirects. */
const READS = [
  /^\/search$/,
  /^\/customers$/,
  /^\/catalogue(\/|$)/,
  /^\/orders$/,
  /^\/admin$/,
  /^\/_next\/image$/,
  /^\/sign-in$/,
  /^\/session-expired$/,
];

/** The addresses the browser navigated to or submitted to (documents: pages and form posts). */
function recordRequests(context: BrowserContext): URL[] {
  const seen: URL[] = [];
  context.on("request", (request) => {
    if (request.resourceType() === "document") seen.push(new URL(request.url()));
  });
  return seen;
}

function expectNoTypedDataInAddresses(seen: URL[], typed: string[]) {
  const portal = new URL(E2E.portalUrl);
  for (const url of seen.filter((entry) => entry.host === portal.host && entry.search)) {
    expect(
      READS.some((pattern) => pattern.test(url.pathname)),
      `${url.pathname}${url.search} is not a read`,
    ).toBe(true);
    for (const value of typed)
      if (!/^\/(search|customers)$/.test(url.pathname))
        expect(decodeURIComponent(url.search), `${url.pathname}${url.search} carries "${value}"`).not.toContain(value);
  }
}

// Every step is a whole page from the server: on this shared machine some take seconds.
test.describe.configure({ timeout: 120_000 });

/** The header's disclosures: a <details> summary opens them without script. */
const disclosure = (page: Page, name: string | RegExp) => page.locator("summary").filter({ hasText: name });

test.describe("staff without JavaScript", () => {
  test.use({ storageState: E2E.adminState });

  test("switch to a customer through the customer search, and back to the own account", async ({ page, context }) => {
    const seen = recordRequests(context);
    await page.goto("/orders");
    await disclosure(page, "Act for a customer").click();
    const search = page.getByRole("search", { name: "Act for a customer" });
    await search.getByLabel("Find a customer by code, name or city").fill("Bakker");
    await search.getByRole("button", { name: "Search" }).click();

    await expect(page).toHaveURL(/\/customers\?/);
    await expect(page.getByRole("heading", { name: "Act for a customer", level: 1 })).toBeVisible();
    await page.getByRole("button", { name: "Act for Bakker Campers (EA00002)" }).click();

    // Back on the page the search started from, now for the customer.
    await expect(page).toHaveURL(/\/orders$/);
    await expect(page.getByTestId("acting-banner")).toHaveText("Ordering for Bakker Campers (EA00002)");
    await page.goto("/cart");
    await expect(page.getByTestId("acting-banner")).toBeVisible();

    await page.getByRole("button", { name: "Back to my own account" }).click();
    await expect(page).toHaveURL(/\/cart$/);
    await expect(page.getByTestId("acting-banner")).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Cart", level: 1 })).toBeVisible();
    expectNoTypedDataInAddresses(seen, ["Bakker"]);
  });
});

test.describe("a dealer without JavaScript", () => {
  test.use({ storageState: E2E.dealerState });

  test("switches the language to Dutch and back, on the same page", async ({ page, context }) => {
    const seen = recordRequests(context);
    await page.goto("/orders");
    await disclosure(page, /Account/).click();
    await page.getByRole("button", { name: "Nederlands" }).click();
    await expect(page).toHaveURL(/\/orders$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    await expect(page.getByRole("heading", { name: "Bestellingen", level: 1 })).toBeVisible();

    await disclosure(page, /Account/).click();
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: "Orders", level: 1 })).toBeVisible();
    expectNoTypedDataInAddresses(seen, []);
  });

  test("switches list prices to including VAT and back", async ({ page, context }) => {
    const seen = recordRequests(context);
    const product = await orderableProduct();
    const word = product.title!.split(/\s+/).find((part) => part.length >= 4) ?? product.sku;
    await page.goto(`/search?q=${encodeURIComponent(word)}`);
    const vat = page.getByRole("switch", { name: "Show prices including VAT" });
    await expect(vat).toHaveAttribute("aria-checked", "false");
    await expect(page.locator("main")).toContainText("excl. VAT");

    await vat.click();
    await expect(page).toHaveURL(new RegExp(`/search\\?q=${encodeURIComponent(word)}$`));
    await expect(vat).toHaveAttribute("aria-checked", "true");
    await expect(page.locator("main")).toContainText("incl. VAT");
    await expect(page.locator("main")).not.toContainText("excl. VAT");

    await vat.click();
    await expect(vat).toHaveAttribute("aria-checked", "false");
    await expect(page.locator("main")).toContainText("excl. VAT");
    expectNoTypedDataInAddresses(seen, []);
  });

  test("search, the catalogue and the dealer's pages show their content in the first response", async ({ page }) => {
    const product = await orderableProduct();
    const word = product.title!.split(/\s+/).find((part) => part.length >= 4) ?? product.sku;

    await page.goto("/search");
    const search = page.getByRole("search", { name: "Search the catalogue" });
    await search.getByRole("combobox", { name: "Search the catalogue" }).fill(word);
    await search.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(new RegExp(`/search\\?q=`));
    await expect(page.getByRole("heading", { name: `Results for “${word}”` })).toBeVisible();
    // The results are in the first response (a word of a title finds a page of products).
    await expect(page.getByRole("main").locator('a[href^="/products/"]').first()).toBeVisible();
    await expect(page.getByText("Loading…")).toHaveCount(0);

    await page.goto("/catalogue");
    await expect(page.getByRole("heading", { name: "Catalogue", level: 1 })).toBeVisible();
    const category = page.getByRole("main").getByRole("listitem").getByRole("link").first();
    await expect(category).toBeVisible();
    await expect(page.getByText("Loading…")).toHaveCount(0);
    await category.click();
    await expect(page).toHaveURL(/\/catalogue\/.+/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByText("Loading…")).toHaveCount(0);

    await openProductPage(page, product.sku);
    for (const path of ["/orders", "/cart"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByText("Loading…")).toHaveCount(0);
    }
  });

  test("every form on the main pages posts, or is a GET read", async ({ page, browser }) => {
    const product = await orderableProduct();
    const word = product.title!.split(/\s+/).find((part) => part.length >= 4) ?? product.sku;
    const pages = [
      "/",
      "/catalogue",
      `/search?q=${encodeURIComponent(word)}`,
      `/products/${encodeURIComponent(product.sku)}`,
      "/cart",
      "/checkout",
      "/orders",
      "/quick-order",
      "/scan",
    ];
    await page.goto("/catalogue");
    const category = await page.getByRole("main").getByRole("listitem").getByRole("link").first().getAttribute("href");
    pages.push(category!);

    const staff = await browser.newContext({ storageState: E2E.adminState, javaScriptEnabled: false });
    const staffPage = await staff.newPage();
    const checks: [Page, string][] = [
      ...pages.map((path) => [page, path] as [Page, string]),
      ...["/admin", "/customers", "/orders"].map((path) => [staffPage, path] as [Page, string]),
    ];
    const problems: string[] = [];
    let count = 0;
    for (const [tab, path] of checks) {
      await tab.goto(path);
      const forms = await tab.locator("form").evaluateAll((elements) =>
        elements.map((form) => ({
          method: form.getAttribute("method"),
          action: form.getAttribute("action"),
          fields: [...(form as HTMLFormElement).elements]
            .map((field) => field.getAttribute("name"))
            .filter(Boolean)
            .join(","),
        })),
      );
      count += forms.length;
      for (const form of forms) {
        const method = form.method?.toLowerCase();
        const where = `${path}: form(${form.fields}) method=${form.method} action=${form.action}`;
        if (method === "post") continue;
        if (method !== "get") {
          problems.push(`${where}: no method (a GET with its fields in the address)`);
          continue;
        }
        const target = form.action ? new URL(form.action, E2E.portalUrl).pathname : new URL(tab.url()).pathname;
        if (!READS.some((pattern) => pattern.test(target)) && target !== "/orders/export")
          problems.push(`${where}: a GET form to ${target}, which is not a read`);
      }
    }
    await staff.close();
    expect(count).toBeGreaterThan(checks.length);
    expect(problems).toEqual([]);
  });
});

test("the sign-in page switches its language and keeps where it leads", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/sign-in?from=%2Forders");
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByRole("heading", { name: "Aanmelden" })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in\?from=%2Forders$/);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await context.close();
});

test("sign out without JavaScript ends the session", async ({ browser }) => {
  // A session of its own (signed in with script), so that the suite's stored sessions stay alive.
  const withScript = await browser.newContext({ storageState: { cookies: [], origins: [] }, javaScriptEnabled: true });
  const signInPage = await withScript.newPage();
  const signIn = new SignInPage(signInPage);
  await signIn.goto();
  await signIn.signIn(DEMO.dealer.email, DEMO.dealer.password);
  await expect(signInPage.getByRole("heading", { name: `Welcome, ${DEMO.dealer.name}` })).toBeVisible();
  const state = await withScript.storageState();
  await withScript.close();

  const context = await browser.newContext({ storageState: state, javaScriptEnabled: false });
  const page = await context.newPage();
  const seen = recordRequests(context);
  await page.goto("/orders");
  await disclosure(page, /Account/).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("status")).toHaveText("You have been signed out.");
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  expectNoTypedDataInAddresses(seen, []);
  await context.close();
});
