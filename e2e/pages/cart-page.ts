import { expect, type Page } from "@playwright/test";

export class CartPage {
  constructor(private readonly page: Page) {}

  lines() {
    return this.page.getByTestId("cart-line");
  }

  /** The line of one product (the cart shows its SKU). */
  line(sku: string) {
    return this.lines().filter({ hasText: sku });
  }

  /** A line's quantity field, found by its label. */
  quantity(sku: string) {
    return this.line(sku).getByRole("textbox", { name: /^Quantity of/ });
  }

  /** The cart's message (what the last change did), said in its live region. */
  message() {
    return this.page.getByRole("status").filter({ hasText: /cart|Enter the quantity|One line holds/ });
  }

  /** Adds each product from its own page (one sales unit), waiting until the page says it was added. */
  async addFromProductPages(skus: string[]) {
    for (const sku of skus) {
      await this.page.goto(`/products/${encodeURIComponent(sku)}`);
      await this.page.getByRole("button", { name: "Add to cart", exact: true }).click();
      await expect(this.page.getByRole("status").filter({ hasText: "Added" })).toBeVisible();
    }
  }

  async goto() {
    await this.page.goto("/cart");
    await expect(this.page.getByRole("heading", { name: "Cart", level: 1 })).toBeVisible();
  }

  /** Starts a journey from an empty cart (with JavaScript the browser asks first; without, it posts). */
  async empty() {
    await this.goto();
    const button = this.page.getByRole("button", { name: "Empty cart" });
    // The heading comes before the lines: wait for one or the other, or a cart still loading counts as empty.
    await expect(button.or(this.page.getByText("Your cart is empty."))).toBeVisible();
    if (await button.isVisible()) {
      this.page.once("dialog", (dialog) => void dialog.accept());
      await button.click();
      await expect(this.page.getByText("Your cart is empty.")).toBeVisible();
    }
  }
}
