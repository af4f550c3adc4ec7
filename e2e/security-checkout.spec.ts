import type { Browser, Page } from "@playwright/test";

import { orderableProducts, type SimProduct } from "./catalogue-data";
import { DEMO, E2E } from "./env";
import { expect, test } from "./fixtures";
import { CheckoutPage } from "./pages/checkout-page";
import { simulator } from "./simulator";

/**
 * Issue 16, hole 5: a checkout attempt belongs to its owner. Its id is sent back by the browser;
 * a dealer who submits another user's failed attempt id (or staff who submit one of their own made
 * for another customer) must send their own cart, never the stored lines and reference of that
 * attempt. And the checkout's part of hole 6: NUL and broken UTF-16 in checkout and quick order
 * inputs get messages, never a server error.
 */

interface SimOrder {
  reference: string | null;
  notes: string | null;
  customer_code: string;
  creator_email: string;
  products: { product_sku: string; quantity: number }[];
}

const orders = async () => (await simulator.orders()) as SimOrder[];
const withReference = async (reference: string) => (await orders()).filter((order) => order.reference === reference);
const withMarker = async (attemptId: string) =>
  (await orders()).filter((order) => order.notes?.includes(`[portal ${attemptId}]`));

async function pageAs(browser: Browser, storageState: string): Promise<Page> {
  const context = await browser.newContext({ storageState });
  return context.newPage();
}

/**
 * Leaves the page's owner a failed attempt holding `product` and `reference`: sent while the
 * wholesaler is down (outcome unknown), then settled as "not sent" by the order placed from a
 * second tab (which looks it up first). Returns its id.
 */
async function failedAttempt(page: Page, product: SimProduct, reference: string): Promise<string> {
  const checkout = new CheckoutPage(page);
  await checkout.startWith(product);
  const attemptId = await checkout.attemptId();
  await checkout.review(reference);
  await simulator.setFaults({ errorRate: 1, paths: "^/orders" });
  try {
    await checkout.place();
    await expect(
      page.getByRole("alert").filter({ hasText: "We could not confirm that the wholesaler received your order" }),
    ).toBeVisible();
  } finally {
    await simulator.clearFaults();
  }
  expect(await withMarker(attemptId)).toEqual([]);

  const tab = new CheckoutPage(await page.context().newPage());
  await tab.goto();
  await tab.review(`${reference}-TAB2`);
  await tab.place();
  await tab.expectPlaced();
  await tab.page.close();
  // Looked up before the second tab sent: nothing with the first attempt's marker, so it is failed.
  expect(await withMarker(attemptId)).toEqual([]);
  expect(await withReference(reference)).toEqual([]);
  return attemptId;
}

/** Sends the page's checkout form with `attemptId` in place of the one the server gave it. */
async function placeWithAttemptId(checkout: CheckoutPage, attemptId: string) {
  await checkout.tamperWithNextAction((body) => body.replace(/"attemptId":"[A-Z0-9]+"/, `"attemptId":"${attemptId}"`));
  await checkout.place();
}

test.describe("checkout attempts belong to their owner", () => {
  test("a dealer submitting another dealer's failed attempt id sends their own cart; the other's lines and reference are never sent", async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const [acmeProduct, bakkerProduct] = await orderableProducts(2);
    const secret = `ACME-SECRET-${Date.now()}`;
    const acmeAttempt = await failedAttempt(page, acmeProduct!, secret);

    const bakker = new CheckoutPage(await pageAs(browser, E2E.limitedState));
    await bakker.fillCart([{ sku: bakkerProduct!.sku, quantity: bakkerProduct!.sales_unit_amount }]);
    await bakker.goto();
    const own = `BAKKER-OWN-${Date.now()}`;
    await bakker.review(own);
    await placeWithAttemptId(bakker, acmeAttempt);
    const orderId = await bakker.expectPlaced();

    expect(await withReference(secret)).toEqual([]);
    expect(await withMarker(acmeAttempt)).toEqual([]);
    const sent = await withReference(own);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ customer_code: DEMO.limited.code, creator_email: DEMO.limited.email });
    expect(sent[0]!.products.map((line) => line.product_sku)).toEqual([bakkerProduct!.sku]);
    expect((await orders()).find((order) => String((order as { id?: unknown }).id) === orderId)?.reference).toBe(own);
    // Nor does the other dealer's confirmation page open for this dealer.
    const foreign = await bakker.page.goto(`/checkout/confirmation/${acmeAttempt}`);
    expect(foreign?.status()).toBe(404);
    await bakker.page.context().close();
  });

  test("staff acting for another customer with their own failed attempt id of the first customer send the second customer's cart", async ({
    browser,
  }) => {
    test.setTimeout(150_000);
    const [forAcme, forBakker] = (await orderableProducts(4)).slice(2);
    const page = await pageAs(browser, E2E.adminState);
    expect((await page.request.post("/api/session/customer", { data: { code: DEMO.dealer.code } })).status()).toBe(200);
    const secret = `STAFF-ACME-${Date.now()}`;
    const acmeAttempt = await failedAttempt(page, forAcme!, secret);

    expect((await page.request.post("/api/session/customer", { data: { code: DEMO.limited.code } })).status()).toBe(
      200,
    );
    const checkout = new CheckoutPage(page);
    await checkout.fillCart([{ sku: forBakker!.sku, quantity: forBakker!.sales_unit_amount }]);
    await checkout.goto();
    const own = `STAFF-BAKKER-${Date.now()}`;
    await checkout.review(own);
    await placeWithAttemptId(checkout, acmeAttempt);
    await checkout.expectPlaced();

    expect(await withReference(secret)).toEqual([]);
    expect(await withMarker(acmeAttempt)).toEqual([]);
    const sent = await withReference(own);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.customer_code).toBe(DEMO.limited.code);
    expect(sent[0]!.products.map((line) => line.product_sku)).toEqual([forBakker!.sku]);
    expect((await page.request.post("/api/session/customer", { data: { code: null } })).status()).toBe(200);
    await page.context().close();
  });
});

test.describe("bad input in checkout and quick order: messages, never a server error", () => {
  test("a reference with NUL or a lone surrogate sent to the checkout action is refused on its field; nothing is ordered", async ({
    page,
  }) => {
    const [product] = await orderableProducts(1);
    const checkout = new CheckoutPage(page);
    await checkout.fillCart([{ sku: product!.sku, quantity: product!.sales_unit_amount }]);
    for (const bad of ["\\u0000", "\\ud800"]) {
      await checkout.goto();
      const reference = `NUL-CASE-${Date.now()}`;
      await checkout.review(reference);
      const errors: number[] = [];
      page.on("response", (response) => {
        if (response.status() >= 500) errors.push(response.status());
      });
      await checkout.tamperWithNextAction((body) => body.replace(reference, `${reference}${bad}x`));
      await checkout.place();
      await expect(page.getByRole("alert").filter({ hasText: "Please correct the marked fields." })).toBeVisible();
      await expect(page.getByText("This contains characters that cannot be sent")).toBeVisible();
      expect(errors).toEqual([]);
      expect((await orders()).filter((order) => order.reference?.startsWith(reference))).toEqual([]);
    }
  });

  test("notes holding a character that cannot be sent are marked on the notes field itself, in the browser and from the server; nothing is ordered until they are mended", async ({
    page,
  }) => {
    const [product] = await orderableProducts(1);
    const checkout = new CheckoutPage(page);
    await checkout.fillCart([{ sku: product!.sku, quantity: product!.sales_unit_amount }]);
    await checkout.goto();
    const notes = page.getByLabel("Notes for the wholesaler");
    const reference = `NOTES-CASE-${Date.now()}`;
    // A vertical tab: a control character, as text copied from some programs carries.
    await notes.fill("Deliver before noon\u000bthank you");
    await page.getByLabel("Your order reference").fill(reference);
    await page.getByRole("button", { name: "Review order" }).click();
    await expect(notes).toHaveAttribute("aria-invalid", "true");
    await expect(notes).toHaveAccessibleDescription(/cannot be sent/);
    await expect(notes).toBeFocused();

    await notes.fill("Deliver before noon");
    await checkout.review(reference);
    await checkout.tamperWithNextAction((body) => body.replace("Deliver before noon", "Deliver before noon\\u0000"));
    await checkout.place();
    await expect(page.getByRole("alert").filter({ hasText: "Please correct the marked fields." })).toBeVisible();
    await expect(notes).toHaveAttribute("aria-invalid", "true");
    await expect(notes).toHaveAccessibleDescription(/cannot be sent/);
    expect(await withReference(reference)).toEqual([]);

    await notes.fill("Deliver before noon, thank you");
    await checkout.review(reference);
    await checkout.place();
    await checkout.expectPlaced();
    const [order] = await withReference(reference);
    expect(order?.notes).toContain("Deliver before noon, thank you");
  });

  test("a UTF-16 CSV (Excel's Unicode text) is read as its lines, with or without a BOM", async ({ page }) => {
    const [first, second] = await orderableProducts(2);
    const text = `Artikelnummer\tAantal\r\n${first!.sku}\t${first!.sales_unit_amount}\r\n${second!.sku}\t${second!.sales_unit_amount}\r\n`;
    const files = [
      { name: "bom.txt", buffer: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]) },
      { name: "no-bom.csv", buffer: Buffer.from(text, "utf16le") },
    ];
    for (const file of files) {
      await page.goto("/quick-order");
      await page.getByLabel("CSV file", { exact: true }).setInputFiles({ ...file, mimeType: "text/csv" });
      await expect(page.getByText("2 lines can be added, none cannot.")).toBeVisible();
      await expect(page.locator('[data-outcome="added"]').first()).toContainText(first!.sku);
    }
  });

  test("an identifier with NUL sent to the line check is reported as unreadable, the other lines are checked", async ({
    page,
  }) => {
    const [product] = await orderableProducts(1);
    await page.goto("/quick-order");
    await page.getByLabel("Lines to check").fill(`${product!.sku}\t1\nNULHERE\t2`);
    const checkout = new CheckoutPage(page);
    await checkout.tamperWithNextAction((body) => body.replace("NULHERE", "NUL\\u0000HERE"));
    await page.getByRole("button", { name: "Check lines" }).last().click();
    await expect(page.getByText("1 line can be added, 1 line cannot.")).toBeVisible();
    await expect(page.locator('[data-outcome="unreadable"]')).toContainText(
      "Contains characters a SKU, barcode or part number never has",
    );
  });
});
