import { readFileSync } from "node:fs";

import { orderableProduct } from "./catalogue-data";
import { DEMO, E2E } from "./env";
import { expect, test } from "./fixtures";
import { CartPage } from "./pages/cart-page";
import { SignInPage } from "./pages/sign-in-page";
import { simulator } from "./simulator";

const en = JSON.parse(readFileSync("messages/en.json", "utf8")) as { acting: Record<string, unknown> };

interface SimOrder {
  id: number;
  reference: string;
  customer_code: string;
  creator_email: string;
  creator_name: string;
}

test.describe("wholesaler staff act for a customer", () => {
  test.use({ storageState: E2E.adminState });

  test("switch to a customer, see their orders, order for them, switch back", async ({ page }) => {
    await page.goto("/");
    await page.locator("summary").filter({ hasText: "Act for a customer" }).click();
    await page.getByLabel("Find a customer by code, name or city").fill("Bakker");
    await page.getByRole("option", { name: /Bakker Campers \(EA00002\)/ }).click();
    await expect(page.getByTestId("acting-banner")).toHaveText("Ordering for Bakker Campers (EA00002)");

    const theirs = ((await simulator.orders()) as SimOrder[]).find((order) => order.customer_code === "EA00002");
    expect(theirs).toBeDefined();
    await page.goto("/orders");
    await expect(page.getByTestId("acting-banner")).toBeVisible();
    await expect(page.getByText(theirs!.reference).first()).toBeVisible();

    const cart = new CartPage(page);
    await cart.empty();
    const product = await orderableProduct();
    await page.goto(`/products/${product.sku}`);
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Added" })).toBeVisible();
    await page.goto("/checkout");
    await expect(page.getByText("Order for Bakker Campers (EA00002)")).toBeVisible();
    const reference = `STAFF-${Date.now()}`;
    await page.getByLabel("Your order reference").fill(reference);
    await page.getByRole("button", { name: "Review order" }).click();
    await page.getByRole("button", { name: "Place order" }).click();
    await expect(page.getByRole("heading", { name: "Thank you, your order has been placed" })).toBeVisible();
    const placed = ((await simulator.orders()) as SimOrder[]).filter((order) => order.reference === reference);
    expect(placed).toHaveLength(1);
    expect(placed[0]).toMatchObject({
      customer_code: "EA00002",
      creator_email: DEMO.admin.email,
      creator_name: DEMO.admin.name,
    });

    await page.getByRole("button", { name: "Back to my own account" }).click();
    await expect(page.getByTestId("acting-banner")).toHaveCount(0);

    await page.goto("/admin");
    // The catalogue sync's last run in words: its outcome as a word of the language, never the stored code.
    const lastRun = page.getByRole("term").filter({ hasText: "Last run" }).locator("xpath=following-sibling::dd[1]");
    await expect(lastRun).toContainText(
      /^(Full|Incremental) run, (succeeded|partly done|interrupted|failed|still running), started /,
    );
    const audit = page.getByRole("table");
    await expect(audit.getByRole("row").filter({ hasText: "Placed an order" }).first()).toContainText("EA00002");
    await expect(audit.getByRole("row").filter({ hasText: "Switched to customer" }).first()).toContainText("EA00002");
  });

  test("Enter pressed before the list has caught up with the typing searches for what was typed, never acts for the customer the list showed before", async ({
    page,
  }) => {
    await page.goto("/");
    // A recent customer heads the list while nothing is typed: the one a stale Enter would choose.
    await page.evaluate(() =>
      window.localStorage.setItem(
        "portal.recent-customers",
        JSON.stringify([{ code: "EA00001", name: "Acme Corporation", city: "Amsterdam" }]),
      ),
    );
    await page.locator("summary").filter({ hasText: "Act for a customer" }).click();
    await expect(page.getByRole("option", { name: /Acme Corporation \(EA00001\)/ })).toBeVisible();
    const field = page.getByLabel("Find a customer by code, name or city");
    await field.fill("Bakker");
    await field.press("Enter");

    // On a slow machine the list may have caught up first: then Enter rightly chose Bakker Campers.
    const banner = page.getByTestId("acting-banner");
    const searchPage = page.getByRole("heading", { name: "Act for a customer", level: 1 });
    await expect(banner.or(searchPage)).toBeVisible();
    if (await banner.isVisible()) {
      await expect(banner).toHaveText("Ordering for Bakker Campers (EA00002)");
      await page.getByRole("button", { name: "Back to my own account" }).click();
      await expect(banner).toHaveCount(0);
      return;
    }
    expect(new URL(page.url()).searchParams.get("q")).toBe("Bakker");
    await expect(page.getByText("Bakker Campers")).toBeVisible();
    await expect(page.getByText("Acme Corporation")).toHaveCount(0);
    await expect(banner).toHaveCount(0);
  });
});

test.describe("a dealer cannot act for another customer", () => {
  test("has no switcher, and is sent none of its messages", async ({ page }) => {
    const home = await page.goto("/");
    await expect(page.getByRole("heading", { name: `Welcome, ${DEMO.dealer.name}` })).toBeVisible();
    await expect(page.locator("summary").filter({ hasText: "Act for a customer" })).toHaveCount(0);
    // The acting messages come with staff's parts of the shell only (lib/i18n/client-messages.ts).
    const html = await home!.text();
    for (const key of ["switcherLabel", "backToOwn", "switchFailed"]) {
      expect(html, key).not.toContain(en.acting[key] as string);
    }
    expect((await page.goto("/admin"))?.status()).toBe(404);
  });

  test("forged requests with another customer code are refused", async ({ page, browser }) => {
    const switched = await page.request.post("/api/session/customer", { data: { code: "EA00002" } });
    expect(switched.status()).toBe(403);
    expect((await page.request.get("/api/companies?q=a")).status()).toBe(403);
    expect((await page.request.get("/orders?customer_id=EA00002")).status()).toBe(403);

    // A server action called directly with another customer's code changes only the dealer's own cart.
    const product = await orderableProduct();
    await new CartPage(page).empty();
    await page.goto(`/products/${product.sku}`);
    const actionRequest = page.waitForRequest(
      (request) => request.method() === "POST" && Boolean(request.headers()["next-action"]),
    );
    await page.getByRole("button", { name: "Add to cart" }).click();
    const captured = await actionRequest;
    const forged = await page.request.post(captured.url(), {
      headers: {
        origin: new URL(page.url()).origin, // as a browser's post carries it
        "next-action": captured.headers()["next-action"]!,
        "content-type": "text/plain;charset=UTF-8",
        accept: "text/x-component",
      },
      data: JSON.stringify([
        { sku: product.sku, quantity: product.sales_unit_amount, customerCode: "EA00002", userKey: DEMO.limited.email },
      ]),
    });
    expect(forged.status()).toBeLessThan(500);

    const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const otherPage = await other.newPage();
    const signIn = new SignInPage(otherPage);
    await signIn.goto("/cart");
    await signIn.signIn(DEMO.limited.email, DEMO.limited.password);
    await expect(otherPage.getByRole("heading", { name: "Cart", level: 1 })).toBeVisible();
    await expect(otherPage.getByTestId("cart-line").filter({ hasText: product.sku })).toHaveCount(0);
    await other.close();

    await new CartPage(page).goto();
    await expect(page.getByTestId("cart-line").filter({ hasText: product.sku })).toBeVisible();
  });
});
