import { expect, type Page } from "@playwright/test";

import { CartPage } from "./cart-page";

/** Filling the cart by quick order and sending it through the checkout form, as a dealer does. */
export class CheckoutPage {
  constructor(readonly page: Page) {}

  /** Empties the cart and puts these lines in it through the quick order's paste box. */
  async fillCart(lines: { sku: string; quantity: number }[]) {
    await new CartPage(this.page).empty();
    await this.page.goto("/quick-order");
    await this.page.getByLabel("Lines to check").fill(lines.map((line) => `${line.sku}\t${line.quantity}`).join("\n"));
    await this.page.getByRole("button", { name: "Check lines" }).last().click();
    const count = lines.length;
    await this.page.getByRole("button", { name: `Add ${count} ${count === 1 ? "line" : "lines"} to the cart` }).click();
    await expect(
      this.page.getByText(`${count} ${count === 1 ? "line was" : "lines were"} added to the cart.`),
    ).toBeVisible();
  }

  /** Starts a checkout of one product: one sales unit of it alone in the cart, the checkout page open. */
  async startWith(product: { sku: string; sales_unit_amount: number }) {
    await this.fillCart([{ sku: product.sku, quantity: product.sales_unit_amount }]);
    await this.goto();
  }

  async goto() {
    await this.page.goto("/checkout");
    await expect(this.page.getByRole("heading", { name: "Checkout", level: 1 })).toBeVisible();
  }

  /** The attempt id the server gave this form (sent back with the order). */
  attemptId(): Promise<string> {
    return this.page.locator('input[type="hidden"][name="attemptId"]').inputValue();
  }

  async review(reference: string) {
    await this.page.getByLabel("Your order reference").fill(reference);
    await this.page.getByRole("button", { name: "Review order" }).click();
    await expect(this.page.getByRole("heading", { name: "Summary" })).toBeVisible();
  }

  async place() {
    await this.page.getByRole("button", { name: "Place order" }).click();
  }

  async expectPlaced(): Promise<string> {
    await expect(this.page.getByRole("heading", { name: "Thank you, your order has been placed" })).toBeVisible();
    return (await this.page.getByTestId("confirmed-order-id").innerText()).trim();
  }

  /**
   * Rewrites the arguments of the next server action this page sends (what an attacker does with
   * the request): `edit` receives the JSON text of the arguments and returns the text sent instead.
   */
  async tamperWithNextAction(edit: (body: string) => string) {
    let done = false;
    await this.page.route(
      (url) => url.pathname === new URL(this.page.url()).pathname,
      async (route) => {
        const request = route.request();
        if (done || request.method() !== "POST" || !request.headers()["next-action"]) return route.fallback();
        done = true;
        await route.fallback({ postData: edit(request.postData() ?? "") });
      },
    );
  }
}
