import type { Locator, Page } from "@playwright/test";

import { orderableProduct } from "./catalogue-data";
import { E2E } from "./env";
import { expect, test } from "./fixtures";
import { CartPage } from "./pages/cart-page";
import { simulator } from "./simulator";

/**
 * Issue 17 without JavaScript (the "nojs" project): the checkout form of an order already placed,
 * sent again natively with a new reference (what going back and submitting does), answers with the
 * checkout saying the cart was already ordered as that order, linked, and the new empty cart
 * offered; nothing more reaches the wholesaler.
 */

interface SimOrder {
  id: number | string;
  reference: string;
}

const reviewForm = (page: Page) =>
  page.locator("form").filter({ has: page.getByRole("button", { name: "Place order" }) });

async function hiddenFields(form: Locator): Promise<Record<string, string>> {
  const fields: Record<string, string> = {};
  const inputs = form.locator('input[type="hidden"]');
  for (let index = 0; index < (await inputs.count()); index++) {
    const name = await inputs.nth(index).getAttribute("name");
    if (name) fields[name] = (await inputs.nth(index).getAttribute("value")) ?? "";
  }
  return fields;
}

test("the placed order's form sent again with a new reference says the cart was already ordered; no second order", async ({
  page,
}) => {
  const product = await orderableProduct();
  await new CartPage(page).empty();
  await page.goto(`/products/${encodeURIComponent(product.sku)}`);
  await page.getByRole("button", { name: "Add to cart", exact: true }).click();
  await expect(page.getByRole("link", { name: "Cart, 1 line" }).first()).toBeAttached();
  await page.goto("/checkout");
  await expect(page.getByRole("heading", { name: "Checkout", level: 1 })).toBeVisible();
  const first = `NOJS-ONCE-${Date.now()}`;
  await page.getByLabel("Your order reference").fill(first);
  await page.getByRole("button", { name: "Review order" }).click();
  await expect(page.getByRole("heading", { name: "Summary" })).toBeVisible();
  const form = await hiddenFields(reviewForm(page));
  const checkoutUrl = page.url();
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByRole("heading", { name: "Thank you, your order has been placed" })).toBeVisible();
  const orderId = (await page.getByTestId("confirmed-order-id").innerText()).trim();
  const ordersBefore = ((await simulator.orders()) as SimOrder[]).length;

  const second = `NOJS-AGAIN-${Date.now()}`;
  const answer = await page.request.post(checkoutUrl, {
    multipart: { ...form, reference: second, intent: "place" },
    headers: { origin: E2E.portalUrl },
    maxRedirects: 0,
  });
  expect(answer.status()).toBe(200);
  // The answer drawn in the page, as the browser shows it.
  await page.setContent(await answer.text(), { waitUntil: "domcontentloaded" });
  const said = page.getByTestId("already-ordered");
  await expect(said).toContainText(new RegExp(`This cart was (already )?ordered as order ${orderId}\\b`));
  await expect(said.getByRole("link", { name: `order ${orderId}` })).toHaveAttribute(
    "href",
    `/orders/${encodeURIComponent(orderId)}`,
  );
  await expect(said.getByRole("link", { name: "Open the new cart" })).toHaveAttribute("href", "/cart");
  await expect(page.getByRole("button", { name: "Place order" })).toHaveCount(0);

  const orders = (await simulator.orders()) as SimOrder[];
  expect(orders.length).toBe(ordersBefore);
  expect(orders.filter((order) => order.reference === second)).toHaveLength(0);
  expect(orders.filter((order) => order.reference === first)).toHaveLength(1);
  await new CartPage(page).goto();
  await expect(page.getByText("Your cart is empty.")).toBeVisible();
});
