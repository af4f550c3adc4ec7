import { orderableProduct } from "./catalogue-data";
import { DEMO, E2E } from "./env";
import { expect, test } from "./fixtures";
import { CheckoutPage } from "./pages/checkout-page";
import { simulator } from "./simulator";

/**
 * Issue 17, orders told truthfully: the portal's marker (`[portal …]`) never shows on the order
 * page, the list, the CSV or the print view; a drop-shipped order is delivered to the end
 * customer's name and company and billed to the dealer; "Placed on" where the portal placed it.
 */
test("a drop-shipped order placed in the portal: no marker anywhere, the right companies, placed on", async ({
  page,
}) => {
  const product = await orderableProduct(
    (candidate) => Boolean(candidate.dropshipment?.dropshipable) && candidate.sales_unit_amount === 1,
  );
  const checkout = new CheckoutPage(page);
  await checkout.fillCart([{ sku: product.sku, quantity: 1 }]);
  await checkout.goto();
  await page.getByLabel("Notes for the wholesaler").fill("Bel even aan bij de receptie");
  await page.getByLabel("Drop-shipment to my customer").check();
  await page.getByLabel("First name").fill("Sanne");
  await page.getByLabel("Last name").fill("Kreekman");
  await page.getByLabel("Company (optional)").fill("Camping De Kreek");
  await page.getByLabel("Phone").fill("+31 20 123 4567");
  await page.getByLabel("Street").fill("Kreekweg");
  await page.getByLabel("House number", { exact: true }).fill("12");
  await page.getByLabel("Postcode").fill("1234 AB");
  await page.getByLabel("City").fill("Zeeland");
  const reference = `Truth ${Date.now()}`;
  await checkout.review(reference);
  await checkout.place();
  const orderId = await checkout.expectPlaced();

  // The order page.
  await page.goto(`/orders/${encodeURIComponent(orderId)}`);
  const main = page.locator("main");
  await expect(main.getByText("Bel even aan bij de receptie")).toBeVisible();
  await expect(main).not.toContainText("[portal");
  const delivery = main.getByRole("region", { name: "Delivery" });
  await expect(delivery).toContainText("Camping De Kreek");
  await expect(delivery).toContainText("Sanne Kreekman");
  const billing = main.getByRole("region", { name: "Billing address" });
  await expect(billing).toContainText(DEMO.dealer.company);
  await expect(billing).not.toContainText("Camping De Kreek");
  await expect(main.getByTestId("placed-on")).toBeVisible();
  await expect(main.getByText("Placed on")).toBeVisible();
  await expect(main.getByText("Last change")).toBeVisible();

  // The print view.
  await page.emulateMedia({ media: "print" });
  expect(await main.innerText()).not.toContain("[portal");
  await page.emulateMedia({ media: "screen" });

  // The list.
  await page.goto(`/orders?q=${encodeURIComponent(reference)}`);
  const row = main.getByRole("row").filter({ hasText: reference });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("placed-on")).toContainText("Placed on");
  await expect(main).not.toContainText("[portal");

  // The CSV.
  const csv = await (await page.request.get("/orders/export")).text();
  expect(csv).not.toContain("[portal");
  const lines = csv.replace(/^\uFEFF/, "").split("\r\n");
  const header = lines[0]?.split(",") ?? [];
  expect(header).toContain("Placed on");
  const ours = lines.find((line) => line.startsWith(`${orderId},`))?.split(",") ?? [];
  expect(ours[header.indexOf("Placed on")]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
});

for (const [locale, named] of [
  ["en", (id: number) => `Order no. ${id}`],
  ["nl", (id: number) => `Bestelling nr. ${id}`],
] as const) {
  test(`an order without a reference is named by its number on the home page and in the orders list, not by a code sign (${locale})`, async ({
    page,
    context,
  }) => {
    await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: E2E.portalUrl }]);
    const product = await orderableProduct();
    // Placed at the wholesaler without a reference (its shop or an integration may leave it out).
    const { id } = await simulator.placeOrder(DEMO.dealer, {
      products: [{ sku: product.sku, amount: product.sales_unit_amount }],
    });
    await page.goto("/");
    await expect(page.getByRole("link", { name: named(id), exact: true })).toBeVisible();
    await expect(page.locator("main")).not.toContainText(`#${id}`);
    await page.goto("/orders");
    await expect(page.getByRole("link", { name: named(id), exact: true })).toBeVisible();
  });
}
