import type { Locator, Page } from "@playwright/test";

import { isEan13 } from "../lib/catalogue/search-terms";

import { orderableProduct, saysCurrentTitle } from "./catalogue-data";
import { E2E } from "./env";
import { expect, test } from "./fixtures";
import { CartPage } from "./pages/cart-page";

/**
 * Issue 17, "Phones": a 360×740 phone (the phone project's device at the height the issue measured),
 * in English and Dutch. What a dealer sees on the first screen, the bottom bar, "More", the scan
 * result and the cart count.
 */
test.use({ viewport: { width: 360, height: 740 } });

const WORDS = {
  en: {
    main: "Main",
    bar: ["Catalogue", "Scan", "Cart", "Orders", "More"],
    more: "More",
    quickOrder: "Quick order",
    filters: /^Filter and sort/,
    inStock: "In stock only",
    orderFilters: "Status",
    addToCart: "Add to cart",
    found: "Found: ",
  },
  nl: {
    main: "Hoofdmenu",
    bar: ["Assortiment", "Scannen", "Winkelwagen", "Bestellingen", "Meer"],
    more: "Meer",
    quickOrder: "Snel bestellen",
    filters: /^Filteren en sorteren/,
    inStock: "Alleen op voorraad",
    orderFilters: "Status",
    addToCart: "In winkelwagen",
    found: "Gevonden: ",
  },
} as const;
type Locale = keyof typeof WORDS;

const bottomBar = (page: Page, locale: Locale) => page.getByRole("navigation", { name: WORDS[locale].main });

async function useLocale(page: Page, locale: Locale) {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: E2E.portalUrl }]);
}

/** Where the visible page ends: the top of the fixed bottom bar (it covers what lies below it). */
async function visibleBottom(page: Page, locale: Locale): Promise<number> {
  const box = await bottomBar(page, locale).boundingBox();
  expect(box, "the bottom bar").not.toBeNull();
  expect(box!.y + box!.height).toBeLessThanOrEqual(740.5);
  return box!.y;
}

/** The element's box in the first screen (the page not scrolled). */
async function boxOnFirstScreen(page: Page, locator: Locator, what: string) {
  await expect(locator, what).toBeVisible();
  expect(await page.evaluate(() => window.scrollY), `${what}: the page is not scrolled`).toBe(0);
  const box = await locator.boundingBox();
  expect(box, what).not.toBeNull();
  return box!;
}

const scannableProduct = () =>
  orderableProduct((product) => Boolean(product.barcode && isEan13(product.barcode.value)));

for (const locale of ["en", "nl"] as const) {
  const words = WORDS[locale];

  test.describe(`phone, ${locale}`, () => {
    test.beforeEach(async ({ page }) => useLocale(page, locale));

    test(`the bottom bar has five cells and every label fits its cell at 360 px (${locale})`, async ({ page }) => {
      await page.goto("/");
      const bar = bottomBar(page, locale);
      await expect(bar).toBeVisible();
      const measured = await bar.evaluate((nav) =>
        [...nav.querySelectorAll(":scope > ul > li")].map((cell) => {
          const box = cell.getBoundingClientRect();
          const labels = [...cell.querySelectorAll("span")].filter(
            (span) =>
              !span.closest(".sr-only") &&
              !span.classList.contains("sr-only") &&
              !span.dataset.testid &&
              span.checkVisibility() &&
              span.children.length === 0 &&
              (span.textContent ?? "").trim(),
          );
          return labels.map((label) => {
            const own = label.getBoundingClientRect();
            return {
              text: label.textContent!.trim(),
              scrollWidth: label.scrollWidth,
              clientWidth: label.clientWidth,
              inside: own.left >= box.left - 0.5 && own.right <= box.right + 0.5,
            };
          });
        }),
      );
      expect(measured.map((cell) => cell.map((label) => label.text).join(" "))).toEqual([...words.bar]);
      for (const label of measured.flat()) {
        expect(label.scrollWidth, `"${label.text}" is not clipped`).toBeLessThanOrEqual(label.clientWidth);
        expect(label.inside, `"${label.text}" stays in its cell`).toBe(true);
      }
    });

    test(`the bottom bar marks the current page by a bar on its cell, not by colour alone (${locale})`, async ({
      page,
    }) => {
      /** Each cell's label and the height of the mark along its top (0: none). */
      const marks = () =>
        bottomBar(page, locale).evaluate((nav) =>
          [...nav.querySelectorAll(":scope > ul > li")].map((cell) => {
            const target = cell.querySelector("a, summary")!;
            const mark = getComputedStyle(target, "::before");
            return {
              label: target.textContent!.trim(),
              mark: mark.content === "none" ? 0 : Number.parseFloat(mark.height) || 0,
            };
          }),
        );
      await page.goto("/orders");
      await expect(bottomBar(page, locale).getByRole("link", { name: words.bar[3] })).toHaveAttribute(
        "aria-current",
        "page",
      );
      const onOrders = await marks();
      expect(onOrders.filter((cell) => cell.mark >= 2).map((cell) => cell.label)).toEqual([words.bar[3]]);
      // A page under More marks More.
      await page.goto("/quick-order");
      await expect(page.getByRole("heading", { level: 1, name: words.quickOrder })).toBeVisible();
      const onQuickOrder = await marks();
      expect(onQuickOrder.filter((cell) => cell.mark >= 2).map((cell) => cell.label)).toEqual([words.more]);
    });

    test(`Quick order is reached from the bottom bar's More (${locale})`, async ({ page }) => {
      await page.goto("/catalogue");
      const bar = bottomBar(page, locale);
      const quickOrder = bar.getByRole("link", { name: words.quickOrder });
      await expect(quickOrder).toBeHidden();
      await bar.getByText(words.more, { exact: true }).tap();
      await expect(quickOrder).toBeVisible();
      // A dealer is no staff member: no Admin under More.
      await expect(bar.getByRole("link", { name: /^(Admin|Beheer)$/ })).toHaveCount(0);
      await quickOrder.tap();
      await expect(page).toHaveURL(/\/quick-order$/);
      await expect(page.getByRole("heading", { level: 1, name: words.quickOrder })).toBeVisible();
      // More folds again once a page is chosen.
      await expect(quickOrder).toBeHidden();
    });

    test(`a category and search results fold their filters into one button, the first product starts on the first screen (${locale})`, async ({
      page,
    }) => {
      await page.goto("/catalogue");
      const category = await page.locator('main a[href^="/catalogue/"]:visible').first().getAttribute("href");
      await page.goto(category!);
      const fold = await visibleBottom(page, locale);
      const filters = page.getByText(words.filters);
      await expect(filters).toBeVisible();
      await expect(page.getByRole("checkbox", { name: words.inStock })).toBeHidden();
      // The top of the first product card (its picture) with at least 100 px of it on the first screen.
      const card = await boxOnFirstScreen(page, page.getByRole("article").first(), "the first product");
      const product = await orderableProduct();
      await page.goto(`/search?q=${encodeURIComponent((product.title ?? product.sku).split(" ")[0]!)}`);
      await expect(page.getByText(words.filters)).toBeVisible();
      const result = await boxOnFirstScreen(page, page.getByRole("article").first(), "the first result");
      console.log(
        `first screen at 360×740 (${locale}, bottom bar at y=${Math.round(fold)}): category's first product at y=${Math.round(card.y)}, search's first result at y=${Math.round(result.y)}`,
      );
      expect(card.y + 100, "the first product starts on the first screen").toBeLessThanOrEqual(fold);
      expect(result.y + 100, "the first result starts on the first screen").toBeLessThanOrEqual(fold);
      await page.getByText(words.filters).tap();
      await expect(page.getByRole("checkbox", { name: words.inStock })).toBeVisible();
    });

    test(`a product's list price and Add to cart are on the first screen (${locale})`, async ({ page }) => {
      const product = await orderableProduct();
      await page.goto(`/products/${product.sku}`);
      const fold = await visibleBottom(page, locale);
      const price = page.getByRole("table").first().getByRole("cell").filter({ hasText: "€" }).first();
      const priceBox = await boxOnFirstScreen(page, price, "the product's price");
      const addBox = await boxOnFirstScreen(
        page,
        page.getByRole("button", { name: words.addToCart, exact: true }),
        "Add to cart",
      );
      console.log(
        `first screen at 360×740 (${locale}, bottom bar at y=${Math.round(fold)}): product price at y=${Math.round(priceBox.y)}, Add to cart at y=${Math.round(addBox.y)}`,
      );
      expect(priceBox.y + priceBox.height, "the price above the bottom bar").toBeLessThanOrEqual(fold);
      expect(addBox.y + addBox.height, "Add to cart above the bottom bar").toBeLessThanOrEqual(fold);
    });

    test(`the orders page folds its filters into one button and shows the first order on the first screen (${locale})`, async ({
      page,
    }) => {
      await page.goto("/orders");
      const fold = await visibleBottom(page, locale);
      await expect(page.getByText(words.filters)).toBeVisible();
      await expect(page.getByRole("group", { name: words.orderFilters })).toBeHidden();
      const first = await boxOnFirstScreen(page, page.locator('main a[href^="/orders/"]').first(), "the first order");
      console.log(
        `first screen at 360×740 (${locale}, bottom bar at y=${Math.round(fold)}): first order at y=${Math.round(first.y)}`,
      );
      expect(first.y + first.height, "the first order above the bottom bar").toBeLessThanOrEqual(fold);
    });

    test(`a typed code's product is brought into view above the bottom bar and said in words (${locale})`, async ({
      page,
    }) => {
      const product = await scannableProduct();
      await page.goto("/scan");
      const field = page.getByLabel("Barcode", { exact: true });
      await field.fill(product.barcode!.value);
      await field.press("Enter");
      const card = page.getByRole("article").filter({ hasText: product.sku });
      // The title the simulator gives now (another test may have changed it; the portal follows by its sync).
      await expect
        .poll(() => saysCurrentTitle(page.getByTestId("scan-status"), product.sku, words.found), {
          timeout: 10_000,
          intervals: [500],
        })
        .toBe(true);
      const add = card.getByRole("button", { name: words.addToCart, exact: true });
      await expect(add).toBeInViewport({ ratio: 1 });
      // In view means above the fixed bottom bar, not under it.
      await expect
        .poll(async () => {
          const box = await add.boundingBox();
          return box ? box.y + box.height <= (await visibleBottom(page, locale)) : false;
        })
        .toBe(true);
      await expect(card.getByRole("heading", { level: 2 })).toBeInViewport();
    });
  });
}

test.describe("phone, staff", () => {
  test.use({ storageState: E2E.adminState });

  test("Admin is reached from the bottom bar's More", async ({ page }) => {
    await page.goto("/");
    const bar = bottomBar(page, "en");
    await bar.getByText("More", { exact: true }).tap();
    await bar.getByRole("link", { name: "Admin" }).tap();
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
});

test.describe("phone, cart count", () => {
  test("the bottom bar's cart count follows an add from a scan and a placed order, without a reload", async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const product = await scannableProduct();
    await new CartPage(page).empty();
    const bar = bottomBar(page, "en");
    await expect(bar.getByRole("link", { name: "Cart, empty" })).toBeVisible();

    await page.goto("/scan");
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    const field = page.getByLabel("Barcode", { exact: true });
    await field.fill(product.barcode!.value);
    await field.press("Enter");
    await page
      .getByRole("article")
      .filter({ hasText: product.sku })
      .getByRole("button", { name: "Add to cart", exact: true })
      .tap();
    await expect(bar.getByRole("link", { name: "Cart, 1 line" })).toBeVisible();

    await bar.getByRole("link", { name: "Cart, 1 line" }).tap();
    await page.getByRole("link", { name: "Continue to checkout" }).tap();
    await page.getByLabel("Your order reference").fill(`PHONES-${Date.now()}`);
    await page.getByRole("button", { name: "Review order" }).tap();
    await page.getByRole("button", { name: "Place order" }).tap();
    await expect(page.getByRole("heading", { name: "Thank you, your order has been placed" })).toBeVisible();
    await expect(bar.getByRole("link", { name: "Cart, empty" })).toBeVisible();
    // All of it in one document: the count changed without a reload.
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  });

  test("an address that names no category answers 404", async ({ page }) => {
    const response = await page.goto("/catalogue/NoSuchCategory");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });
});
