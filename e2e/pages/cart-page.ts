import { expect, type Page } from "@playwright/test";

export class CartPage {
  constructor(private readonly page: Page) {}

  lines() {
    return this.page.getByTestId("cart-line");
  }

  async goto() {
    await this.page.goto("/cart");
    await expect(this.page.getByRole("heading", { name: "Cart", level: 1 })).toBeVisible();
  }

  /** Starts a journey from an empty cart. */
  async empty() {
    await this.goto();
    const button = this.page.getByRole("button", { name: "Empty cart" });
    if (await button.isVisible()) {
      this.page.once("dialog", (dialog) => void dialog.accept());
      await button.click();
      await expect(this.page.getByText("Your cart is empty.")).toBeVisible();
    }
  }
}
