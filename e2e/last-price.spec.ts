import { orderableProduct } from "./catalogue-data";
import { E2E } from "./env";
import { expect, test } from "./fixtures";
import { CheckoutPage } from "./pages/checkout-page";

/**
 * Issue 17: after an order, the dealer sees beside the list price what they paid last time, with
 * the order linked, on the product page, in the cart and per line in the checkout (with an estimate
 * at those prices); a
 * dealer of another customer sees none of it.
 */
test("after an order the product page, the cart and the checkout's lines show the last price paid, linked; another dealer sees none", async ({
  page,
  browser,
}) => {
  const product = await orderableProduct((candidate) => candidate.sales_unit_amount === 1);
  const checkout = new CheckoutPage(page);
  await checkout.fillCart([{ sku: product.sku, quantity: 2 }]);
  await checkout.goto();
  await checkout.review(`Last price ${Date.now()}`);
  await checkout.place();
  const orderId = await checkout.expectPlaced();

  await page.goto(`/products/${encodeURIComponent(product.sku)}`);
  const paid = page.getByTestId("last-price-paid");
  await expect(paid).toContainText(/You paid €\s?[\d,.]+ excl\. VAT per piece on /);
  await expect(paid.getByRole("link", { name: `order ${orderId}` })).toHaveAttribute(
    "href",
    `/orders/${encodeURIComponent(orderId)}`,
  );
  // The page from its shared copy (lib/http/personal-documents.ts) says the same, in the same words.
  const said = await paid.innerText();
  await expect
    .poll(
      async () =>
        (await page.goto(`/products/${encodeURIComponent(product.sku)}`))?.headers()["x-portal-document"] ?? "",
      { timeout: 60_000, intervals: [200] },
    )
    .toBe("composed");
  await expect(paid).toHaveText(said);
  await expect(paid.getByRole("link", { name: `order ${orderId}` })).toHaveAttribute(
    "href",
    `/orders/${encodeURIComponent(orderId)}`,
  );

  await checkout.fillCart([{ sku: product.sku, quantity: 3 }]);
  await page.goto("/cart");
  await expect(page.getByTestId("last-price-paid").first()).toContainText(`order ${orderId}`);
  const estimate = page.getByTestId("estimate");
  await expect(estimate).toContainText("Estimate at your last prices");
  await expect(estimate).toContainText("An estimate");
  await expect(page.getByText("List price", { exact: false }).first()).toBeVisible();

  // The checkout's review says it per line too: the last price paid, linked, and the line at it as an estimate.
  await checkout.goto();
  await checkout.review(`Estimate ${Date.now()}`);
  const line = page.getByTestId("line-estimate");
  await expect(line).toHaveCount(1);
  await expect(line.getByRole("link", { name: `order ${orderId}` })).toBeVisible();
  await expect(line).toContainText(/Estimate at your last price: €\s?[\d,.]+ excl\. VAT/);
  await expect(line).toContainText("the wholesaler sets your price when the order is placed");

  const other = await browser.newContext({ storageState: E2E.limitedState, baseURL: E2E.portalUrl });
  const otherPage = await other.newPage();
  await otherPage.goto(`/products/${encodeURIComponent(product.sku)}`);
  await expect(otherPage.locator("main").getByRole("heading", { level: 1 }).first()).toBeVisible();
  // The other dealer may have bought this product too (the simulator's own orders): then their price
  // and order are shown, never this dealer's.
  await expect(otherPage.locator("main")).not.toContainText(`order ${orderId}`);
  await other.close();
});
