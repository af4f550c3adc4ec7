import type { Page } from "@playwright/test";

import { orderableProduct, orderableProducts } from "./catalogue-data";
import { DEMO, E2E } from "./env";
import { expect, test } from "./fixtures";
import { dropScriptsAfterHydration, hydrated } from "./hydration";
import { CartPage } from "./pages/cart-page";
import { CheckoutPage } from "./pages/checkout-page";
import { simulator } from "./simulator";

interface SimOrder {
  id: number;
  reference: string;
  customer_code: string;
  creator_email: string;
  dropship: boolean;
  products: { product_sku: string; quantity: number }[];
  shippingAddress: { zipcode: string; city: string } | null;
}

async function simulatorOrdersWithReference(reference: string): Promise<SimOrder[]> {
  return ((await simulator.orders()) as SimOrder[]).filter((order) => order.reference === reference);
}

/** The cart page with two titled products in the cart, one sales unit each. */
async function cartOfTwo(page: Page) {
  const products = (await orderableProducts(40)).filter((item) => item.title).slice(0, 2);
  const cart = new CartPage(page);
  await cart.addFromProductPages(products.map((product) => product.sku));
  await cart.goto();
  await expect(cart.lines()).toHaveCount(2);
  await hydrated(page);
  return { cart, products };
}

test.describe("cart and checkout", () => {
  test.beforeEach(async ({ page }) => {
    await new CartPage(page).empty();
  });

  test("search, add, change quantity, check out to the own address, and the order is at the wholesaler once", async ({
    page,
  }) => {
    const product = await orderableProduct((item) => item.sales_unit_amount > 1);
    const unit = product.sales_unit_amount;
    await page.goto("/");
    const search = page.getByRole("combobox", { name: "Search the catalogue" });
    await search.fill(product.sku);
    await search.press("Enter");
    const card = page.getByRole("article").filter({ hasText: product.sku }).first();
    await card.getByRole("button", { name: /^Add to cart:/ }).click();
    await expect(card.getByRole("status").filter({ hasText: "Added" })).toContainText(`Added ${unit} ×`);
    await expect(page.getByRole("link", { name: "Cart, 1 line" }).first()).toBeAttached();

    const cart = new CartPage(page);
    await cart.goto();
    await expect(cart.lines()).toHaveCount(1);
    await cart
      .lines()
      .first()
      .getByRole("button", { name: /^Increase quantity/ })
      .click();
    await expect(
      cart
        .lines()
        .first()
        .getByRole("textbox", { name: /^Quantity of/ }),
    ).toHaveValue(String(unit * 2));
    await cart
      .lines()
      .first()
      .getByRole("textbox", { name: /^Quantity of/ })
      .fill(String(unit * 2 + 1));
    await cart
      .lines()
      .first()
      .getByRole("textbox", { name: /^Quantity of/ })
      .press("Enter");
    await expect(
      cart
        .lines()
        .first()
        .getByText(/^Rounded up to/),
    ).toBeVisible();
    await expect(
      cart
        .lines()
        .first()
        .getByRole("textbox", { name: /^Quantity of/ }),
    ).toHaveValue(String(unit * 3));
    // The page shows the change at once; the server has it when the editor is no longer busy.
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    await page.reload();
    await expect(
      cart
        .lines()
        .first()
        .getByRole("textbox", { name: /^Quantity of/ }),
    ).toHaveValue(String(unit * 3));

    await page.getByRole("link", { name: "Continue to checkout" }).click();
    // The dealer's own address, its country named rather than coded (the upstream sends "NL").
    await expect(page.locator("address").getByText("Netherlands", { exact: true })).toBeVisible();
    const reference = `E2E-${Date.now()}`;
    await page.getByLabel("Your order reference").fill(reference);
    await expect(page.getByText(`${reference.length} of 50 characters`)).toBeVisible();
    await page.getByRole("button", { name: "Review order" }).click();
    await expect(page.getByRole("heading", { name: "Summary" })).toBeVisible();
    await page.getByRole("button", { name: "Place order" }).dblclick();
    await expect(page.getByRole("heading", { name: "Thank you, your order has been placed" })).toBeVisible();
    const orderId = (await page.getByTestId("confirmed-order-id").innerText()).trim();

    const orders = await simulatorOrdersWithReference(reference);
    expect(orders).toHaveLength(1);
    expect(String(orders[0]!.id)).toBe(orderId);
    expect(orders[0]!.customer_code).toBe(DEMO.dealer.code);
    expect(orders[0]!.products).toEqual([expect.objectContaining({ product_sku: product.sku, quantity: unit * 3 })]);
    await cart.goto();
    await expect(page.getByText("Your cart is empty.")).toBeVisible();
  });

  test("going back after the confirmation and ordering again says the cart was already ordered as that order, and nothing more reaches the wholesaler", async ({
    page,
  }) => {
    const product = await orderableProduct();
    const checkout = new CheckoutPage(page);
    await checkout.startWith(product);
    const first = `E2E-ONCE-${Date.now()}`;
    await checkout.review(first);
    await checkout.place();
    const orderId = await checkout.expectPlaced();
    const ordersBefore = ((await simulator.orders()) as SimOrder[]).length;

    await page.goBack();
    await expect(page).toHaveURL(/\/checkout$/);
    // The checkout as the browser kept it (the form, a new reference typed and sent), or drawn again
    // with the cart empty: either way it says which order the cart became.
    const said = page.getByTestId("already-ordered");
    const change = page.getByRole("button", { name: "Change details" });
    const reference = page.getByLabel("Your order reference");
    await expect(said.or(change).or(reference).filter({ visible: true }).first()).toBeVisible();
    const second = `E2E-AGAIN-${Date.now()}`;
    if (!(await said.isVisible())) {
      if (await change.isVisible()) await change.click();
      await reference.fill(second);
      await page.getByRole("button", { name: "Review order" }).click();
      await page.getByRole("button", { name: "Place order" }).click();
    }
    await expect(said).toContainText(new RegExp(`This cart was (already )?ordered as order ${orderId}\\b`));
    await expect(said.getByRole("link", { name: `order ${orderId}` })).toHaveAttribute(
      "href",
      `/orders/${encodeURIComponent(orderId)}`,
    );
    await expect(page.getByRole("button", { name: "Place order" })).toHaveCount(0);
    await said.getByRole("link", { name: "Open the new cart" }).click();
    await expect(page.getByRole("heading", { name: "Cart", level: 1 })).toBeVisible();
    await expect(page.getByText("Your cart is empty.")).toBeVisible();
    expect(await simulatorOrdersWithReference(first)).toHaveLength(1);
    expect(await simulatorOrdersWithReference(second)).toHaveLength(0);
    expect(((await simulator.orders()) as SimOrder[]).length).toBe(ordersBefore);
  });

  test("a reference pasted longer than 50 characters is kept whole and said too long, and the review waits", async ({
    page,
  }) => {
    const product = await orderableProduct();
    const checkout = new CheckoutPage(page);
    await checkout.startWith(product);
    const pasted = `PO-${"1234567890".repeat(6)}`;
    const field = page.getByLabel("Your order reference");
    await field.fill(pasted);
    await expect(field).toHaveValue(pasted);
    await expect(
      page.getByText(`${pasted.length} of 50 characters: ${pasted.length - 50} characters too many`),
    ).toBeVisible();
    await page.getByRole("button", { name: "Review order" }).click();
    await expect(
      page.getByText("At most 50 characters fit in the reference: please shorten it. Nothing was cut off."),
    ).toBeVisible();
    await expect(page.getByRole("heading", { name: "Summary" })).toHaveCount(0);
    await expect(field).toHaveValue(pasted);
    await field.fill(pasted.slice(0, 50));
    await expect(page.getByText("50 of 50 characters", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Review order" }).click();
    await expect(page.getByRole("heading", { name: "Summary" })).toBeVisible();
  });

  test("a quantity above the maximum is said to be capped at 100,000, not rounded up, on the product page and in quick order", async ({
    page,
  }) => {
    const product = await orderableProduct((item) => item.sales_unit_amount === 1);
    await page.goto(`/products/${encodeURIComponent(product.sku)}`);
    const quantity = page.getByRole("textbox", { name: /^Quantity of/ });
    await quantity.fill("250000");
    await quantity.blur();
    await expect(page.getByText("Capped at 100,000: one line holds at most 100,000.")).toBeVisible();
    await expect(page.getByText(/Rounded up/)).toHaveCount(0);

    await page.goto("/quick-order");
    await page.getByLabel("Lines to check").fill(`${product.sku}\t250000`);
    await page.getByRole("button", { name: "Check lines" }).last().click();
    await expect(page.locator('[data-outcome="rounded"]')).toContainText(
      "Capped at 100,000 instead of 250,000: one line holds at most 100,000",
    );
    await expect(page.locator('[data-outcome="rounded"]')).not.toContainText("Rounded up");
  });

  test("drop-shipment to an end customer", async ({ page }) => {
    const product = await orderableProduct((item) => item.dropshipment.dropshipable);
    await page.goto(`/products/${product.sku}`);
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Added" })).toBeVisible();
    await page.goto("/checkout");
    const reference = `E2E-DS-${Date.now()}`;
    await page.getByLabel("Your order reference").fill(reference);
    await page.getByRole("radio", { name: "Drop-shipment to my customer" }).check();
    await page.getByRole("button", { name: "Review order" }).click();
    await expect(page.getByText("This field is required.").first()).toBeVisible();
    await page.getByLabel("First name").fill("Jane");
    await page.getByLabel("Last name").fill("Doe");
    await page.getByLabel("Phone").fill("+31 20 123 4567");
    await page.getByLabel("Street").fill("Elm Street");
    await page.getByLabel("House number").fill("456");
    await page.getByLabel("Postcode").fill("12");
    await page.getByLabel("City").fill("Rotterdam");
    await page.getByRole("button", { name: "Review order" }).click();
    await expect(page.getByText("Enter a Dutch postcode like 1234 AB.")).toBeVisible();
    await page.getByLabel("Postcode").fill("5678 cd");
    await page.getByRole("button", { name: "Review order" }).click();
    await page.getByRole("button", { name: "Place order" }).click();
    await expect(page.getByRole("heading", { name: "Thank you, your order has been placed" })).toBeVisible();
    const [order] = await simulatorOrdersWithReference(reference);
    expect(order?.dropship).toBe(true);
    expect(order?.shippingAddress).toMatchObject({ zipcode: "5678CD", city: "Rotterdam" });
  });

  test("quick order by keyboard", async ({ page }) => {
    const [first, second] = await orderableProducts(2);
    await page.goto("/quick-order");
    const firstSku = page.getByLabel("SKU, barcode or part number, row 1");
    await firstSku.click();
    await page.keyboard.type(first!.sku);
    await page.keyboard.press("Enter");
    await expect(page.getByLabel("Quantity, row 1")).toBeFocused();
    await page.keyboard.type(String(first!.sales_unit_amount * 2));
    await page.keyboard.press("Enter");
    await expect(page.getByLabel("SKU, barcode or part number, row 2")).toBeFocused();
    await page.keyboard.type(second!.sku);
    await page.keyboard.press("Enter");
    await page.keyboard.type("1");
    await page.getByRole("button", { name: "Check lines" }).first().click();
    await expect(page.getByText("2 lines can be added, none cannot.")).toBeVisible();
    await page.getByRole("button", { name: "Add 2 lines to the cart" }).click();
    await expect(page.getByText("2 lines were added to the cart.")).toBeVisible();
    const cart = new CartPage(page);
    await cart.goto();
    await expect(cart.lines()).toHaveCount(2);
  });

  test("quick order suggests products as the dealer types the start of a SKU", async ({ page }) => {
    const [product] = await orderableProducts(1);
    await page.goto("/quick-order");
    const firstSku = page.getByLabel("SKU, barcode or part number, row 1");
    await firstSku.click();
    await page.keyboard.type(product!.sku.slice(0, -1));
    // The browser offers them from the field's list (a datalist), each SKU with its product's title.
    const suggestion = page.locator(`#quick-order-suggestions option[value="${product!.sku}"]`);
    await expect(suggestion).toBeAttached();
    expect((await suggestion.textContent())?.trim()).toBe(product!.title);
    await expect(firstSku).toHaveAttribute("list", "quick-order-suggestions");
  });

  test("paste 20 lines from a spreadsheet", async ({ page }) => {
    const products = await orderableProducts(20);
    await page.goto("/quick-order");
    await page
      .getByLabel("Lines to check")
      .fill(products.map((product) => `${product.sku}\t${product.sales_unit_amount}`).join("\n"));
    await page.getByRole("button", { name: "Check lines" }).last().click();
    await expect(page.getByText("20 lines can be added, none cannot.")).toBeVisible();
    await page.getByRole("button", { name: "Add 20 lines to the cart" }).click();
    await expect(page.getByText("20 lines were added to the cart.")).toBeVisible();
    await new CartPage(page).goto();
    await expect(new CartPage(page).lines()).toHaveCount(20);
  });

  test.describe("with the scripts it has", () => {
    // The page's service worker would answer script requests itself; blocked so that the dropped connection is seen.
    test.use({ serviceWorkers: "block" });

    test("a list reader that cannot be loaded is said, and the pasted lines stay to be checked again", async ({
      page,
    }) => {
      const [product] = await orderableProducts(1);
      await page.goto("/quick-order");
      // The reader is loaded when a list is first read; the connection drops before that.
      const scripts = await dropScriptsAfterHydration(page);
      const lines = `${product!.sku}\t${product!.sales_unit_amount}`;
      await page.getByLabel("Lines to check").fill(lines);
      await page.getByRole("button", { name: "Check lines" }).last().click();
      await expect(
        page.getByText("The lines could not be checked or added. Nothing was lost; please try again."),
      ).toBeVisible();
      await expect(page.getByLabel("Lines to check")).toHaveValue(lines);

      await scripts.restore();
      await page.getByRole("button", { name: "Check lines" }).last().click();
      await expect(page.getByText("1 line can be added, none cannot.")).toBeVisible();
    });

    test("a checkout whose check cannot be loaded is checked by the server: its message comes back and nothing is ordered until it is mended", async ({
      page,
    }) => {
      const product = await orderableProduct();
      const checkout = new CheckoutPage(page);
      await checkout.startWith(product);
      // The details' check is loaded when the form is first used; the connection drops before that.
      const scripts = await dropScriptsAfterHydration(page);
      // Not checked here: the summary follows, and the server checks the details when the order is placed.
      const pasted = `PO-${"1234567890".repeat(6)}`;
      await checkout.review(pasted);
      await checkout.place();
      await expect(
        page.getByText("At most 50 characters fit in the reference: please shorten it. Nothing was cut off."),
      ).toBeVisible();
      await expect(page.getByLabel("Your order reference")).toHaveValue(pasted);
      expect(await simulatorOrdersWithReference(pasted)).toHaveLength(0);

      await scripts.restore();
      const reference = `E2E-LATE-${Date.now()}`;
      await checkout.review(reference);
      await checkout.place();
      await checkout.expectPlaced();
      expect(await simulatorOrdersWithReference(reference)).toHaveLength(1);
    });
  });

  test("a CSV upload reports its bad lines before anything is added", async ({ page }) => {
    const [good, other] = await orderableProducts(2);
    const csv = `\uFEFFArtikelnummer;Aantal\r\n${good!.sku};${good!.sales_unit_amount}\r\nDOES-NOT-EXIST;3\r\n${other!.sku};twee\r\n`;
    await page.goto("/quick-order");
    await page
      .getByLabel("CSV file", { exact: true })
      .setInputFiles({ name: "order.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await expect(page.getByText("1 line can be added, 2 lines cannot.")).toBeVisible();
    await expect(page.locator('[data-outcome="unknown"]')).toContainText("DOES-NOT-EXIST");
    await expect(page.locator('[data-outcome="quantity"]')).toContainText(other!.sku);
    await new CartPage(page).goto();
    await expect(page.getByText("Your cart is empty.")).toBeVisible();
  });

  test("a cart page left open after its line was removed in another tab says the line is gone and does not bring it back", async ({
    page,
  }) => {
    const { cart, products } = await cartOfTwo(page);
    const [kept, removed] = products;

    // Another tab of the same person removes one line.
    const otherTab = await page.context().newPage();
    const otherCart = new CartPage(otherTab);
    await otherCart.goto();
    await otherCart
      .line(removed!.sku)
      .getByRole("button", { name: /^Remove .* from the cart$/ })
      .click();
    await expect(otherCart.lines()).toHaveCount(1);
    await otherTab.close();

    // The first tab still shows it: a typed quantity for it is refused by name, and the page drops the line.
    await cart.quantity(removed!.sku).fill("7");
    await cart
      .line(removed!.sku)
      .getByRole("button", { name: /^Update the quantity of/ })
      .click();
    await expect(
      page.getByRole("status").filter({ hasText: `${removed!.title}: This line is no longer in the cart.` }),
    ).toBeVisible();
    await expect(cart.lines()).toHaveCount(1);
    // The Update button pressed went with its line: the keyboard is on the line that is left.
    await expect(cart.quantity(kept!.sku)).toBeFocused();
    await expect(page.getByRole("link", { name: "Cart, 1 line" }).first()).toBeAttached();
    await cart.goto();
    await expect(cart.lines()).toHaveCount(1);
    await expect(cart.line(kept!.sku)).toBeVisible();
  });

  test("removing a line by keyboard puts the keyboard on the next line's quantity, and on the empty cart's message after the last", async ({
    page,
  }) => {
    const { cart } = await cartOfTwo(page);
    const removeButton = (sku: string) => cart.line(sku).getByRole("button", { name: /^Remove .* from the cart$/ });
    const [top, bottom] = [cart.lines().nth(0), cart.lines().nth(1)];
    const topSku = (await top.getAttribute("data-sku"))!;
    const bottomSku = (await bottom.getAttribute("data-sku"))!;

    await removeButton(topSku).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "was removed from the cart" })).toBeVisible();
    await expect(cart.lines()).toHaveCount(1);
    await expect(cart.quantity(bottomSku)).toBeFocused();

    await removeButton(bottomSku).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByText("Your cart is empty.")).toBeVisible();
    await expect(page.locator(":focus")).toContainText("Your cart is empty.");
  });

  test("checkout by keyboard: Review puts the keyboard on the summary, Change on the reference again", async ({
    page,
  }) => {
    const product = await orderableProduct();
    const checkout = new CheckoutPage(page);
    await checkout.startWith(product);
    await hydrated(page);
    const reference = page.getByLabel("Your order reference");
    await reference.fill(`Keys ${Date.now()}`);
    await reference.press("Enter");
    const summary = page.getByRole("heading", { name: "Summary" });
    await expect(summary).toBeVisible();
    await expect(summary).toBeFocused();
    // Tab goes on from the summary (not from the page's start): into the summary's own buttons.
    for (let step = 0; step < 8; step++) {
      await page.keyboard.press("Tab");
      if (await page.getByRole("button", { name: "Change details" }).evaluate((el) => el === document.activeElement))
        break;
    }
    await expect(page.getByRole("button", { name: "Change details" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(summary).toBeHidden();
    await expect(reference).toBeFocused();
  });

  test("a line the wholesaler refuses is said in the portal's words on that line, not in the wholesaler's English, and the cart stays", async ({
    page,
  }) => {
    // A product the wholesaler blocks after the portal's last sync: the mirror still offers it.
    const product = (await orderableProducts(60)).filter((item) => item.sales_unit_amount === 1).at(-1)!;
    const checkout = new CheckoutPage(page);
    await checkout.fillCart([{ sku: product.sku, quantity: 1 }]);
    await checkout.goto();
    await checkout.review(`Blocked ${Date.now()}`);
    await simulator.control("POST", `products/${encodeURIComponent(product.sku)}`, { blocked: true });
    try {
      await checkout.place();
      await expect(
        page.getByRole("alert").filter({ hasText: "The wholesaler did not accept the order." }),
      ).toBeVisible();
      await expect(
        page.getByText("The wholesaler has blocked this product: it cannot be ordered. Remove it from the cart."),
      ).toBeVisible();
      await expect(page.locator("main")).not.toContainText("is blocked and cannot be ordered");
    } finally {
      await simulator.control("POST", `products/${encodeURIComponent(product.sku)}`, { blocked: false });
    }
    await new CartPage(page).goto();
    await expect(new CartPage(page).line(product.sku)).toBeVisible();
  });

  test("the same cart from a second browser of the same user", async ({ page, browser }) => {
    const product = await orderableProduct();
    await page.goto(`/products/${product.sku}`);
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Added" })).toBeVisible();
    const phone = await browser.newContext({ storageState: E2E.dealerState, viewport: { width: 390, height: 844 } });
    const other = await phone.newPage();
    await other.goto("/cart");
    await expect(other.getByTestId("cart-line").filter({ hasText: product.sku })).toBeVisible();
    await phone.close();
  });
});
