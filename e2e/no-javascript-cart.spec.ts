import { orderableProduct, orderableProducts } from "./catalogue-data";
import { expect, test } from "./fixtures";
import { CartPage } from "./pages/cart-page";

/**
 * Issue 21, the cart with JavaScript off (the "nojs" project): every change is a form the browser
 * posts, and the answer is a page with the message and the new state. What was typed goes in a
 * request body: no request of the run carries the forms' fields in its address.
 */
test.describe("the cart without JavaScript", () => {
  test("add from a product page and a card, change quantities, remove a line, empty the cart", async ({ page }) => {
    // Each step is a whole page (a post and its answer): a long journey.
    test.setTimeout(180_000);
    const addresses: string[] = [];
    page.on("request", (request) => addresses.push(request.url()));
    const first = await orderableProduct((item) => item.sales_unit_amount > 1);
    const second = (await orderableProducts(40)).find((item) => item.sku !== first.sku && item.title)!;
    const unit = first.sales_unit_amount;
    const cart = new CartPage(page);
    await cart.empty();

    // A product page: the typed quantity is a real field; a quantity that is not one is said, nothing added.
    await page.goto(`/products/${encodeURIComponent(first.sku)}`);
    const quantity = page.getByRole("textbox", { name: /^Quantity of/ });
    await quantity.fill("lots");
    await page.getByRole("button", { name: "Add to cart", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Enter the quantity as a number" })).toBeVisible();
    await expect(page.getByRole("textbox", { name: /^Quantity of/ })).toHaveValue("lots");
    await expect(page.getByRole("link", { name: "Cart, empty" }).first()).toBeAttached();
    await page.getByRole("textbox", { name: /^Quantity of/ }).fill(String(unit));
    await page.getByRole("button", { name: "Add to cart", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: `Added ${unit} ×` })).toBeVisible();
    await expect(page.getByRole("link", { name: "Cart, 1 line" }).first()).toBeAttached();

    // A card on the search page: one sales unit.
    await page.goto(`/search?q=${encodeURIComponent(second.sku)}`);
    await page
      .getByRole("article")
      .filter({ hasText: second.sku })
      .first()
      .getByRole("button", { name: /^Add to cart:/ })
      .click();
    await expect(
      page
        .getByRole("article")
        .filter({ hasText: second.sku })
        .first()
        .getByRole("status")
        .filter({ hasText: "Added" }),
    ).toBeVisible();
    await expect(page.getByRole("link", { name: "Cart, 2 lines" }).first()).toBeAttached();

    // The cart: + and − step by a sales unit, a typed quantity is rounded up to whole units.
    await cart.goto();
    await expect(cart.lines()).toHaveCount(2);
    await cart
      .line(first.sku)
      .getByRole("button", { name: /^Increase quantity/ })
      .click();
    await expect(cart.quantity(first.sku)).toHaveValue(String(unit * 2));
    await expect(page.getByRole("status").filter({ hasText: `${unit * 2} in the cart now` })).toBeVisible();
    await cart
      .line(first.sku)
      .getByRole("button", { name: /^Decrease quantity/ })
      .click();
    await expect(cart.quantity(first.sku)).toHaveValue(String(unit));
    await cart.quantity(first.sku).fill(String(unit * 2 + 1));
    await cart
      .line(first.sku)
      .getByRole("button", { name: /^Update the quantity of/ })
      .click();
    await expect(cart.quantity(first.sku)).toHaveValue(String(unit * 3));
    await expect(cart.line(first.sku).getByText(/^Rounded up to/)).toBeVisible();
    // Enter in the field sends it too (the form's default button is "Update", not − or +).
    await cart.quantity(first.sku).fill(String(unit * 4));
    await cart.quantity(first.sku).press("Enter");
    await expect(cart.quantity(first.sku)).toHaveValue(String(unit * 4));
    await expect(page.getByRole("status").filter({ hasText: `${unit * 4} in the cart now` })).toBeVisible();
    // More than a line holds: said, the typed text kept, the cart unchanged.
    await cart.quantity(first.sku).fill("250000");
    await cart
      .line(first.sku)
      .getByRole("button", { name: /^Update the quantity of/ })
      .click();
    await expect(page.getByRole("status").filter({ hasText: "One line holds at most 100,000" })).toBeVisible();
    await expect(cart.quantity(first.sku)).toHaveValue("250000");
    await cart.goto();
    await expect(cart.quantity(first.sku)).toHaveValue(String(unit * 4));

    // Remove a line, then empty the cart.
    await cart
      .line(second.sku)
      .getByRole("button", { name: /^Remove .* from the cart$/ })
      .click();
    await expect(page.getByRole("status").filter({ hasText: "was removed from the cart" })).toBeVisible();
    await expect(cart.lines()).toHaveCount(1);
    await expect(page.getByRole("link", { name: "Cart, 1 line" }).first()).toBeAttached();
    await page.getByRole("button", { name: "Empty cart" }).click();
    await expect(page.getByText("Your cart is empty.")).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "The cart is empty now." })).toBeVisible();
    await expect(page.getByRole("link", { name: "Cart, empty" }).first()).toBeAttached();

    // Every change went in a request body.
    expect(addresses.length).toBeGreaterThan(10);
    const carrying = addresses.filter((address) => /[?&](sku|quantity|intent|\$ACTION)/i.test(address));
    expect(carrying).toEqual([]);
  });

  test("a change is answered with a redirect to its page: a reload adds nothing and says nothing again", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const product = await orderableProduct((item) => item.sales_unit_amount > 1);
    const unit = product.sales_unit_amount;
    const cart = new CartPage(page);
    await cart.empty();
    const posts: string[] = [];
    page.on("response", (response) => {
      if (response.request().method() !== "POST") return;
      const location = response.headers()["location"];
      posts.push(`${response.status()} ${location ? new URL(location, response.url()).pathname : "-"}`);
    });

    // Add on the product page: the post is answered 303 to the page, which then says what was added.
    const productPath = `/products/${encodeURIComponent(product.sku)}`;
    await page.goto(productPath);
    await page.getByRole("button", { name: "Add to cart", exact: true }).click();
    const added = page.getByRole("status").filter({ hasText: `Added ${unit} ×` });
    await expect(added).toHaveCount(1);
    await expect(page.getByRole("link", { name: "Cart, 1 line" }).first()).toBeAttached();
    expect(posts).toEqual([`303 ${productPath}`]);
    expect(new URL(page.url()).pathname).toBe(productPath);

    // A reload asks for the page again (a GET): nothing posted again, nothing said again.
    const reloaded = await page.reload();
    expect(reloaded?.request().method()).toBe("GET");
    expect(posts).toHaveLength(1);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(added).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Cart, 1 line" }).first()).toBeAttached();
    await cart.goto();
    await expect(cart.quantity(product.sku)).toHaveValue(String(unit));

    // The same on the cart page: + once, then a reload leaves the quantity and drops the message.
    await cart
      .line(product.sku)
      .getByRole("button", { name: /^Increase quantity/ })
      .click();
    const changed = page.getByRole("status").filter({ hasText: `${unit * 2} in the cart now` });
    await expect(changed).toHaveCount(1);
    expect(posts.at(-1)).toBe("303 /cart");
    await page.reload();
    await expect(cart.quantity(product.sku)).toHaveValue(String(unit * 2));
    await expect(changed).toHaveCount(0);
    expect(posts).toHaveLength(2);
  });

  test("+ on a line another tab removed says it is gone and does not add it again", async ({ page }) => {
    test.setTimeout(120_000);
    const product = await orderableProduct((item) => Boolean(item.title));
    const cart = new CartPage(page);
    await cart.empty();
    await cart.addFromProductPages([product.sku]);
    await cart.goto();

    const otherTab = await page.context().newPage();
    await new CartPage(otherTab).goto();
    await otherTab.getByRole("button", { name: /^Remove .* from the cart$/ }).click();
    await expect(otherTab.getByText("Your cart is empty.")).toBeVisible();
    await otherTab.close();

    await cart
      .line(product.sku)
      .getByRole("button", { name: /^Increase quantity/ })
      .click();
    await expect(
      page.getByRole("status").filter({ hasText: `${product.title}: This line is no longer in the cart.` }),
    ).toBeVisible();
    await expect(page.getByText("Your cart is empty.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Cart, empty" }).first()).toBeAttached();
  });
});
