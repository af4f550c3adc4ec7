import { orderableProduct } from "./catalogue-data";
import { expect, test } from "./fixtures";
import { CartPage } from "./pages/cart-page";
import { simulator } from "./simulator";

/**
 * The wholesaler down entirely (every call answered 5xx): the catalogue, search and the cart keep
 * working from the mirror, a banner says orders cannot be sent, checkout refuses in words and keeps
 * the cart, and no page answers 500.
 */
test.describe("the wholesaler down", () => {
  test.afterEach(async () => {
    await simulator.clearFaults();
  });

  test("browse, search and fill the cart from the mirror; checkout refuses and keeps the cart", async ({ page }) => {
    const product = await orderableProduct();
    const cart = new CartPage(page);
    await cart.empty();
    await simulator.setFaults({ errorRate: 1 });

    const statuses: Array<{ url: string; status: number }> = [];
    page.on("response", (response) => {
      if (new URL(response.url()).pathname.startsWith("/_next/static/")) return;
      statuses.push({ url: response.url(), status: response.status() });
    });

    await page.goto("/catalogue");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.getByRole("main").getByRole("link").first().click();
    await expect(page.getByRole("article").first()).toBeVisible();

    const word = (product.title ?? "").match(/[A-Za-zÀ-ž]{5,}/)?.[0] ?? product.sku;
    await page.goto(`/search?q=${encodeURIComponent(word)}`);
    await expect(page.getByRole("article").first()).toBeVisible();

    await page.goto(`/products/${product.sku}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByText(/^Added /)).toBeVisible();

    await cart.goto();
    await expect(page.getByTestId("cart-line").filter({ hasText: product.sku })).toBeVisible();

    await page.goto("/checkout");
    await page.getByLabel("Your order reference").fill(`DOWN-${Date.now()}`);
    await page.getByRole("button", { name: "Review order" }).click();
    await page.getByRole("button", { name: "Place order" }).click();
    await expect(
      page.getByText(/The order could not be sent|We could not confirm that the wholesaler received your order/),
    ).toBeVisible();

    // The banner, once the portal has met the failures.
    await cart.goto();
    await expect(
      page.getByRole("status").filter({ hasText: "The wholesaler cannot be reached right now." }),
    ).toBeVisible();
    await expect(page.getByTestId("cart-line").filter({ hasText: product.sku })).toBeVisible();

    // Pages, route handlers and server actions: never a 5xx. Product images come from the
    // wholesaler through /media (and next/image), which say so as a gateway does (502), never as
    // a crash (500).
    const isMedia = (address: string) => {
      const url = new URL(address);
      if (url.pathname === "/_next/image") return url.searchParams.get("url")?.startsWith("/media/") === true;
      return url.pathname.startsWith("/media/");
    };
    const failed = statuses.filter((entry) => entry.status >= 500 && !(isMedia(entry.url) && entry.status === 502));
    expect(failed, JSON.stringify(failed)).toEqual([]);
    expect(statuses.filter((entry) => !isMedia(entry.url)).length).toBeGreaterThan(5);
  });
});
