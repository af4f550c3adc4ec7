import type { Page } from "@playwright/test";

import { orderableProduct } from "./catalogue-data";
import { expect, test } from "./fixtures";
import { CartPage } from "./pages/cart-page";

/**
 * Issue 21: a tap on a control the moment it is on screen is not lost. Each test holds the page's
 * script chunks back (several seconds), clicks while React has not hydrated the page, and sees the
 * change done: the form posted natively and the server answered with the page and its message.
 *
 * "Place order" before hydration belongs to the checkout's own spec (e2e/no-javascript.spec.ts and
 * the checkout's tests): the checkout is another part of the work on issue 21.
 */

const HOLD_MS = 6_000;

/** Holds every script chunk back for a while; counts how many were asked for and let through. */
async function holdScripts(page: Page) {
  const chunks = { asked: 0, released: 0 };
  await page.route("**/_next/static/**", async (route) => {
    if (route.request().resourceType() !== "script") return route.continue();
    chunks.asked++;
    await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
    chunks.released++;
    // The page may have moved on (the native post): the request is gone then.
    await route.continue().catch(() => undefined);
  });
  return chunks;
}

/** The page is on screen and its scripts were asked for, none of them delivered: not hydrated. */
async function expectUnhydrated(chunks: { asked: number; released: number }) {
  await expect.poll(() => chunks.asked).toBeGreaterThan(0);
  expect(chunks.released, "a script chunk was delivered before the click").toBe(0);
}

test.describe("controls work before hydration", () => {
  // The portal's service worker would serve the chunks from its cache, past the hold.
  test.use({ serviceWorkers: "block" });

  test.beforeEach(async ({ page }) => {
    await new CartPage(page).empty();
  });

  test.afterEach(async ({ page }) => {
    await page.unrouteAll({ behavior: "ignoreErrors" });
  });

  test("Add to cart on a product page", async ({ page }) => {
    const product = await orderableProduct((item) => item.sales_unit_amount > 1);
    const chunks = await holdScripts(page);
    await page.goto(`/products/${encodeURIComponent(product.sku)}`, { waitUntil: "commit" });
    const add = page.getByRole("button", { name: "Add to cart", exact: true });
    await expect(add).toBeVisible();
    await expectUnhydrated(chunks);
    await add.click();
    await expect(page.getByRole("status").filter({ hasText: `Added ${product.sales_unit_amount} ×` })).toBeVisible();
    await expect(page.getByRole("link", { name: "Cart, 1 line" }).first()).toBeAttached();
  });

  test("Add to cart on a product card", async ({ page }) => {
    const product = await orderableProduct();
    const chunks = await holdScripts(page);
    await page.goto(`/search?q=${encodeURIComponent(product.sku)}`, { waitUntil: "commit" });
    const card = page.getByRole("article").filter({ hasText: product.sku }).first();
    const add = card.getByRole("button", { name: /^Add to cart:/ });
    await expect(add).toBeVisible();
    await expectUnhydrated(chunks);
    await add.click();
    const again = page.getByRole("article").filter({ hasText: product.sku }).first();
    await expect(again.getByRole("status").filter({ hasText: "Added" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Cart, 1 line" }).first()).toBeAttached();
  });

  test("a quantity button in the cart", async ({ page }) => {
    const product = await orderableProduct((item) => item.sales_unit_amount > 1);
    const unit = product.sales_unit_amount;
    await page.goto(`/products/${encodeURIComponent(product.sku)}`);
    await page.getByRole("button", { name: "Add to cart", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Added" })).toBeVisible();

    const chunks = await holdScripts(page);
    await page.goto("/cart", { waitUntil: "commit" });
    const cart = new CartPage(page);
    const increase = cart.line(product.sku).getByRole("button", { name: /^Increase quantity/ });
    await expect(increase).toBeVisible();
    await expect(cart.quantity(product.sku)).toHaveValue(String(unit));
    await expectUnhydrated(chunks);
    await increase.click();
    await expect(cart.quantity(product.sku)).toHaveValue(String(unit * 2));
    await expect(page.getByRole("status").filter({ hasText: `${unit * 2} in the cart now` })).toBeVisible();

    // The server holds it: a fresh page (with its scripts) shows the same.
    await page.unrouteAll({ behavior: "ignoreErrors" });
    await cart.goto();
    await expect(cart.quantity(product.sku)).toHaveValue(String(unit * 2));
  });

  test("lines pasted before hydration are the lines checked after it", async ({ page }) => {
    const product = await orderableProduct((item) => item.sales_unit_amount === 1);
    const chunks = await holdScripts(page);
    await page.goto("/quick-order", { waitUntil: "commit" });
    const lines = page.getByLabel("Lines to check");
    await expect(lines).toBeVisible();
    await expectUnhydrated(chunks);
    await lines.fill(`${product.sku}\t1`);
    // Hydrated: the file's send button is for the page without scripts only.
    await expect(page.getByRole("button", { name: "Add the file's lines to the cart" })).toBeHidden({
      timeout: HOLD_MS + 20_000,
    });
    expect(chunks.released).toBeGreaterThan(0);
    await expect(lines).toHaveValue(`${product.sku}\t1`);
    await page.getByRole("region", { name: "Paste a list" }).getByRole("button", { name: "Check lines" }).click();
    await expect(page.getByRole("button", { name: "Add 1 line to the cart" })).toBeVisible();
  });

  test("a menu of the frame opened before hydration stays open after it", async ({ page }) => {
    const chunks = await holdScripts(page);
    await page.goto("/quick-order", { waitUntil: "commit" });
    const summary = page.locator("summary").filter({ hasText: "Account" });
    await expect(summary).toBeVisible();
    await expectUnhydrated(chunks);
    await summary.click();
    const panel = page.getByTestId("account-menu-panel");
    await expect(panel).toBeVisible();
    // Hydrated (the quick order's file button is for the page without scripts only): still open.
    await expect(page.getByRole("button", { name: "Add the file's lines to the cart" })).toBeHidden({
      timeout: HOLD_MS + 20_000,
    });
    expect(chunks.released).toBeGreaterThan(0);
    await expect(panel).toBeVisible();
    // And it still closes when another page is shown.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Orders" }).first().click();
    await expect(page).toHaveURL(/\/orders$/);
    await expect(panel).toBeHidden();
  });
});
