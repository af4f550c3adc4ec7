import { orderableProduct } from "./catalogue-data";
import { expect, test } from "./fixtures";
import { CartPage } from "./pages/cart-page";

/**
 * "Add to cart" answers with the cart's new line count instead of the page rendered again
 * (lib/cart/actions.ts): the header follows from that answer, a later render of the server wins,
 * and the cart shown again from the browser's history is the cart as it is now.
 */
test.describe("the cart count after Add to cart", () => {
  test.beforeEach(async ({ page }) => {
    await new CartPage(page).empty();
  });

  test("the header says the new count at once and keeps it across pages; the cart shown again by Back has the line", async ({
    page,
  }) => {
    // Every step from the cart on is a navigation inside the app (the same document), so Back shows
    // the router's copy of the cart page.
    await expect(page.getByText("Your cart is empty.")).toBeVisible();
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Catalogue" }).first().click();
    await expect(page).toHaveURL(/\/catalogue$/);
    await page.locator("main ul").first().getByRole("link").first().click();
    await expect(page).toHaveURL(/\/catalogue\/.+/);
    const card = page
      .getByRole("article")
      .filter({ has: page.getByRole("button", { name: /^Add to cart:/ }) })
      .first();
    await card.getByRole("button", { name: /^Add to cart:/ }).click();
    await expect(card.getByRole("status").filter({ hasText: "Added" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Cart, 1 line" }).first()).toBeAttached();

    await nav.getByRole("link", { name: "Orders" }).first().click();
    await expect(page.getByRole("heading", { name: "Orders", level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: "Cart, 1 line" }).first()).toBeAttached();

    for (let step = 0; step < 3; step++) await page.goBack();
    await expect(page).toHaveURL(/\/cart$/);
    expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);
    const cart = new CartPage(page);
    await expect(cart.lines()).toHaveCount(1);
    await expect(page.getByText("Your cart is empty.")).toHaveCount(0);

    await page.reload();
    await expect(cart.lines()).toHaveCount(1);
    await expect(page.getByRole("link", { name: "Cart, 1 line" }).first()).toBeAttached();
  });

  test("a change rendered by the server after an add wins over the count the add answered", async ({ page }) => {
    const product = await orderableProduct();
    await page.goto(`/products/${product.sku}`);
    await page.getByRole("button", { name: "Add to cart", exact: true }).click();
    await expect(page.getByRole("link", { name: "Cart, 1 line" }).first()).toBeAttached();
    // To the cart inside the app, and the line removed there: the cart's forms render the page again.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Cart/ }).first().click();
    const cart = new CartPage(page);
    await expect(cart.line(product.sku)).toBeVisible();
    await cart
      .line(product.sku)
      .getByRole("button", { name: /^Remove .* from the cart$/ })
      .click();
    await expect(page.getByText("Your cart is empty.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Cart, empty" }).first()).toBeAttached();
  });
});
