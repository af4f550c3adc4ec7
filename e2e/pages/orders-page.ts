import { expect, type Locator, type Page } from "@playwright/test";

/** The order list: filters (a GET form), the table of orders, paging. */
export class OrdersPage {
  constructor(private readonly page: Page) {}

  async goto(query = "") {
    await this.page.goto(`/orders${query}`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
  }

  /** The table of orders (wide screens); its caption names it "Orders 1–25 of 36". */
  get table(): Locator {
    return this.page.getByRole("table", { name: /^Orders \d+–\d+ of \d+$/ });
  }

  /** The table's body rows, one per order. */
  get rows(): Locator {
    return this.table.getByRole("rowgroup").nth(1).getByRole("row");
  }

  /** The number of orders the filters match, as the caption says it. */
  async total(): Promise<number> {
    const caption = (await this.table.locator("caption").textContent()) ?? "";
    const match = /of (\d+)$/.exec(caption.trim());
    if (!match) throw new Error(`no total in the caption "${caption}"`);
    return Number(match[1]);
  }

  status(word: string): Locator {
    return this.page.getByRole("checkbox", { name: word, exact: true });
  }

  get searchField(): Locator {
    return this.page.getByRole("searchbox", { name: "Search", exact: true });
  }

  async apply() {
    await this.page.getByRole("button", { name: "Apply filters" }).click();
  }

  orderLink(reference: string): Locator {
    return this.table.getByRole("link", { name: reference, exact: true });
  }
}

/** One order's page: header, live status, lines, parcels with tracking links. */
export class OrderDetailPage {
  constructor(private readonly page: Page) {}

  async goto(id: number | string) {
    return this.page.goto(`/orders/${id}`);
  }

  heading(id: number | string): Locator {
    return this.page.getByRole("heading", { level: 1, name: `Order ${id}` });
  }

  /** The live region with the status badge and the time it last changed. */
  get status(): Locator {
    return this.page.getByRole("status", { name: "Order status" });
  }

  trackingLink(piece: number, courier: string): Locator {
    return this.page.getByRole("link", { name: new RegExp(`^Track parcel ${piece} with ${courier}\\b`) });
  }

  get orderAgain(): Locator {
    return this.page.getByRole("button", { name: "Order again" });
  }
}
