import { readFileSync } from "node:fs";
import path from "node:path";

import type { Page } from "@playwright/test";

import { orderableProduct } from "./catalogue-data";
import { expect, test } from "./fixtures";
import { hydrated } from "./hydration";
import { CartPage } from "./pages/cart-page";

/**
 * Issue 19: what the browser does while a signed-in page wakes up. The first number formatter a page's
 * process builds (`Intl.NumberFormat`, or `toLocaleString` on a number) loads the browser's number data:
 * 17-210 ms in one task in Debian's Chromium on the test host, four times that in Lighthouse's phone,
 * where an empty Next.js page builds none. Every figure of these pages is formatted on the server, so
 * their scripts must not build one before the dealer does something: a number in a message a client
 * component shows at once is written `{count}`, not ICU's `#` or `{count, number}`, which format it.
 */

/** Records every number formatter the page builds, from its first script on. */
async function countNumberFormatters(page: Page) {
  await page.addInitScript(() => {
    const built: string[] = [];
    Object.assign(window, { numberFormattersBuilt: built });
    const Original = Intl.NumberFormat;
    const Counted = function (this: unknown, ...args: ConstructorParameters<typeof Intl.NumberFormat>) {
      built.push(`Intl.NumberFormat(${JSON.stringify(args)}) ${new Error().stack?.split("\n").slice(2, 5).join(" ")}`);
      return new Original(...args);
    } as unknown as typeof Intl.NumberFormat;
    Object.assign(Counted, { prototype: Original.prototype, supportedLocalesOf: Original.supportedLocalesOf });
    Intl.NumberFormat = Counted;
    const toLocaleString = Number.prototype.toLocaleString;
    Number.prototype.toLocaleString = function (this: number, ...args: Parameters<number["toLocaleString"]>) {
      built.push(`Number.toLocaleString ${new Error().stack?.split("\n").slice(2, 5).join(" ")}`);
      return toLocaleString.apply(this, args);
    };
  });
}

test.describe("a signed-in page wakes up without building a number formatter", () => {
  // The service worker's cached chunks would not change what runs; blocked to load as a first visit does.
  test.use({ serviceWorkers: "block" });

  test("home, catalogue, a category, a product, search, cart, orders, an order, lists, favourites, quick order and checkout, with a line in the cart", async ({
    page,
  }) => {
    // A cart with a line: its count is said in words in the header ("Cart, 1 line"), a plural.
    await new CartPage(page).empty();
    const product = await orderableProduct();
    await page.goto(`/products/${encodeURIComponent(product.sku)}`);
    await page.getByRole("button", { name: "Add to cart", exact: true }).click();
    await expect(page.getByRole("link", { name: "Cart, 1 line" }).first()).toBeAttached();

    await page.goto("/catalogue");
    const category = await page.locator("main ul").first().getByRole("link").first().getAttribute("href");
    expect(category).toMatch(/^\/catalogue\/.+/);
    await page.goto("/orders");
    const order = await page.getByRole("table").getByRole("rowheader").getByRole("link").first().getAttribute("href");
    expect(order).toMatch(/^\/orders\/.+/);

    await countNumberFormatters(page);
    const pages = [
      "/",
      "/catalogue",
      category!,
      `/products/${encodeURIComponent(product.sku)}`,
      `/search?q=${encodeURIComponent(product.sku)}`,
      "/cart",
      "/checkout",
      "/orders",
      order!,
      "/lists",
      "/favourites",
      "/quick-order",
    ];
    for (const path of pages) {
      await page.goto(path);
      await hydrated(page);
      await expect(page.getByRole("link", { name: "Cart, 1 line" }).first()).toBeAttached();
      // After hydration, its effects and the scripts loaded after it (components/shell/after-hydration.tsx).
      await page.waitForLoadState("networkidle");
      const built = await page.evaluate(
        () => (window as unknown as { numberFormattersBuilt: string[] }).numberFormattersBuilt,
      );
      expect(built, `number formatters built while ${path} woke up`).toEqual([]);
    }
  });
});

test.describe("the scripts every page starts with are compiled while they load", () => {
  // scripts/lib/compile-hints.mjs: V8 compiles the bootstrap scripts' functions on a background thread
  // while they stream in, not on the main thread when the page hydrates.
  test("the catalogue, a product, the cart and the orders name the build's bootstrap scripts, each served with V8's compile hint", async ({
    page,
  }) => {
    const distDir = process.env.NEXT_DIST_DIR || ".next";
    const { rootMainFiles } = JSON.parse(readFileSync(path.join(distDir, "build-manifest.json"), "utf8")) as {
      rootMainFiles: string[];
    };
    const bootstrap = rootMainFiles.map((file) => `/_next/${file}`);
    expect(bootstrap.length, "the build's bootstrap scripts").toBeGreaterThan(2);
    const product = await orderableProduct();
    for (const address of ["/catalogue", `/products/${encodeURIComponent(product.sku)}`, "/cart", "/orders"]) {
      const html = await (await page.goto(address))!.text();
      const named = [...html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1]);
      expect(named, `the scripts ${address} names`).toEqual(expect.arrayContaining(bootstrap));
    }
    for (const script of bootstrap) {
      const response = await page.request.get(script);
      expect(response.status(), script).toBe(200);
      expect((await response.text()).slice(0, 40), `the start of ${script}`).toMatch(
        /^\/\/# allFunctionsCalledOnLoad\n/,
      );
    }
  });
});
