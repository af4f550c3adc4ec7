import type { Page } from "@playwright/test";

import { orderableProduct } from "./catalogue-data";
import { expect, test } from "./fixtures";
import { CheckoutPage } from "./pages/checkout-page";
import { simulator } from "./simulator";

/**
 * Issue 21: "Review order" and "Place order" tapped the moment they are on screen, while the page's
 * scripts are still held back, are not lost: each form posts natively, the server answers with the
 * review step and then the confirmation, and the wholesaler receives the order once.
 */

const HOLD_MS = 60_000;

/** Holds every script chunk back until `release` (or a minute); counts how many were asked for and let through. */
async function holdScripts(page: Page) {
  let open = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
    setTimeout(resolve, HOLD_MS);
  });
  const chunks = { asked: 0, released: 0, release: () => open() };
  await page.route("**/_next/static/**", async (route) => {
    if (route.request().resourceType() !== "script") return route.continue();
    chunks.asked++;
    await gate;
    chunks.released++;
    // The page may have moved on (the native post): the request is gone then.
    await route.continue().catch(() => undefined);
  });
  return chunks;
}

// The portal's service worker would answer the script chunks from its cache, past the hold.
test.use({ serviceWorkers: "block" });

test("Review order and Place order clicked before hydration place the order once", async ({ page, context }) => {
  test.setTimeout(90_000);
  const product = await orderableProduct();
  // The cart is filled in another tab: this page has loaded no script yet, so none comes from a cache.
  const filler = await context.newPage();
  await new CheckoutPage(filler).fillCart([{ sku: product.sku, quantity: product.sales_unit_amount }]);
  await filler.close();
  const checkout = new CheckoutPage(page);

  const chunks = await holdScripts(page);
  await page.goto("/checkout", { waitUntil: "domcontentloaded" });
  await expect(page.getByRole("heading", { name: "Checkout", level: 1 })).toBeVisible();
  const attemptId = await checkout.attemptId();
  const reference = `E2E-EARLY-${Date.now()}`;
  await page.getByLabel("Your order reference").fill(reference);
  await expect.poll(() => chunks.asked).toBeGreaterThan(0);
  expect(chunks.released, "a script chunk was delivered before the click").toBe(0);
  await page.getByRole("button", { name: "Review order" }).click();

  await expect(page.getByRole("heading", { name: "Summary" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(reference);
  expect(chunks.released, "a script chunk was delivered before the click").toBe(0);
  await page.getByRole("button", { name: "Place order" }).click();

  await expect(page.getByRole("heading", { name: "Thank you, your order has been placed" })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/checkout/confirmation/${attemptId}$`));
  const orders = ((await simulator.orders()) as { reference: string }[]).filter(
    (order) => order.reference === reference,
  );
  expect(orders).toHaveLength(1);
  chunks.release();
});
