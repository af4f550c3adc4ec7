import type { Browser, Page } from "@playwright/test";

import { someProducts, type SimProduct } from "./catalogue-data";
import { DEMO, E2E } from "./env";
import { expect, test } from "./fixtures";
import { simulator } from "./simulator";

/**
 * Issue 19: catalogue pages are read from a shared cache that the sync invalidates. What the
 * wholesaler changes reaches every catalogue page as soon as the sync stored it; what is shared never
 * carries one person's cart, customer or permission to another.
 */

/** A product far down the simulator's list (the other specs use the first ones), titled, priced, in a category. */
async function productToChange(): Promise<SimProduct> {
  const candidates = (await someProducts(120)).filter(
    (product) =>
      product.title &&
      !product.blocked &&
      !product.prices.some((tier) => tier.priceOnDemand) &&
      Object.values(product["categories-b2b"]).some((list) => list.length > 0),
  );
  const found = candidates.at(-3);
  if (!found) throw new Error("no titled, priced product with a category in the simulator's first products");
  return found;
}

const cartLabel = async (page: Page) => /Cart, (empty|\d+ lines?)/.exec(await page.content())?.[0] ?? null;

async function signedIn(browser: Browser, storageState: string): Promise<Page> {
  const context = await browser.newContext({ storageState });
  return context.newPage();
}

test.describe.configure({ mode: "serial" });

let restore: (() => Promise<void>) | null = null;
test.afterEach(async () => {
  await restore?.();
  restore = null;
});

test("a changed title, price and stock colour show on the category, product and search pages at once after the sync", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const product = await productToChange();
  const sku = product.sku;
  const stamp = Date.now().toString(36);
  const title = `Cachetest omvormer ${stamp}`;
  const wasGreen = product.stock_colour === "green";
  const [stockBefore, stockAfter] = wasGreen ? ["In stock", "Out of stock"] : ["Out of stock", "In stock"];

  // Every page read once before the change, so that each is in the cache when the change arrives.
  await page.goto(`/products/${encodeURIComponent(sku)}`);
  await expect(page.locator("main")).toContainText(sku);
  // The title as the portal shows it: the simulator changes a product's title now and then during the
  // run, and the list of products this worker read at its start can be older than the last sync.
  const titleBefore = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
  expect(titleBefore).not.toBe("");
  const categoryHref = await page.locator('main a[href^="/catalogue/"]').first().getAttribute("href");
  expect(categoryHref, "the product page links its category").toBeTruthy();
  const categoryUrl = `${categoryHref}?sort=price-desc`;
  const searchUrl = `/search?q=${encodeURIComponent(sku)}`;
  await page.goto(categoryUrl);
  await expect(page.getByRole("article").first()).toBeVisible();
  await page.goto(searchUrl);
  await expect(page.getByRole("article").filter({ hasText: titleBefore }).first()).toBeVisible();

  // The wholesaler changes the product: a new title, the highest price of its category, the other stock colour.
  await simulator.control("POST", `products/${encodeURIComponent(sku)}`, {
    title,
    prices: [{ minqty: 1, exvat: 98765.43 }],
  });
  await simulator.control("POST", "stock", { sku, colour: wasGreen ? "red" : "green" });
  // Other specs pick this product by its title and colour: both go back when this test ends.
  restore = async () => {
    await simulator.control("POST", `products/${encodeURIComponent(sku)}`, { title: titleBefore });
    await simulator.control("POST", "stock", { sku, colour: product.stock_colour });
  };

  // The sync runs every few seconds in this suite: wait until the product page shows the change…
  const productPage = `/products/${encodeURIComponent(sku)}`;
  await expect
    .poll(
      async () => {
        await page.goto(productPage);
        const text = await page.locator("main").innerText();
        return text.includes(title) && text.includes(stockAfter);
      },
      { timeout: 90_000, intervals: [2_000] },
    )
    .toBe(true);
  await expect(page.locator("main")).toContainText(/98,765\.43/);

  // …then the category and search pages show it at once: one load each, no waiting for a cache to expire.
  await page.goto(categoryUrl);
  const card = page.getByRole("article").first();
  await expect(card).toContainText(title, { timeout: 1_000 });
  await expect(card).toContainText(/98,765\.43/, { timeout: 1_000 });
  await expect(card).toContainText(stockAfter, { timeout: 1_000 });
  await expect(card).not.toContainText(stockBefore, { timeout: 1_000 });
  await expect(page.locator("main")).not.toContainText(titleBefore, { timeout: 1_000 });

  await page.goto(searchUrl);
  const found = page.getByRole("article").filter({ hasText: title });
  await expect(found).toHaveCount(1, { timeout: 1_000 });
  await expect(found).toContainText(/98,765\.43/, { timeout: 1_000 });
  await expect(found).toContainText(stockAfter, { timeout: 1_000 });
  await expect(page.locator("main")).not.toContainText(titleBefore, { timeout: 1_000 });
});

test("a dealer without the product list still sees no listing, after a dealer with it filled the cache", async ({
  page,
  browser,
}) => {
  const product = await productToChange();
  await page.goto(`/products/${encodeURIComponent(product.sku)}`);
  const categoryHref = await page.locator('main a[href^="/catalogue/"]').first().getAttribute("href");
  await page.goto(categoryHref!);
  await expect(page.getByRole("article").first()).toBeVisible();
  // A word of a title, not a code: an exact part number opens its product even without the product list.
  const titles = await page.getByRole("article").getByRole("heading").allInnerTexts();
  const word = titles.flatMap((title) => title.split(/\s+/)).find((part) => /^\p{L}{4,}$/u.test(part))!;
  expect(word, "a word among the category's titles").toBeTruthy();
  await page.goto(`/search?q=${encodeURIComponent(word)}`);
  await expect(page.getByRole("article").first()).toBeVisible();

  const limited = await signedIn(browser, E2E.limitedState);
  await limited.goto(categoryHref!);
  await expect(limited.getByRole("heading", { level: 1, name: "Catalogue" })).toBeVisible();
  await expect(limited.getByRole("article")).toHaveCount(0);
  await limited.goto(`/search?q=${encodeURIComponent(word)}`);
  await expect(limited.getByRole("article")).toHaveCount(0);
  const suggest = await limited.request.get(`/api/search/suggest?q=${encodeURIComponent(word)}`);
  expect(JSON.stringify(await suggest.json().catch(() => ({})))).not.toContain(product.sku);
  await limited.context().close();
});

test("two dealers on the same cached pages: neither sees the other's cart count or customer", async ({
  page,
  browser,
}) => {
  const product = await productToChange();
  const productPage = `/products/${encodeURIComponent(product.sku)}`;
  const limited = await signedIn(browser, E2E.limitedState);

  // Each one's own cart count, read on the cart page; the dealer's made different from the other's.
  await limited.goto("/cart");
  const limitedCart = await cartLabel(limited);
  await page.goto(productPage);
  if ((await cartLabel(page)) === limitedCart) {
    await page.getByRole("button", { name: "Add to cart" }).first().click();
    await expect(page.getByText(/^Added /)).toBeVisible();
  }
  await page.goto("/cart");
  const dealerCart = await cartLabel(page);
  expect(dealerCart).not.toBe(limitedCart);

  // The other dealer fills the shared cache first, then the dealer reads the same page, and back again.
  for (const [first, second] of [
    [limited, page],
    [page, limited],
  ] as const) {
    await first.goto(productPage);
    await second.goto(productPage);
  }
  const ours = await page.content();
  const theirs = await limited.content();
  expect(await cartLabel(page)).toBe(dealerCart);
  expect(await cartLabel(limited)).toBe(limitedCart);
  for (const secret of [DEMO.limited.email, "Bakker Campers", "EA00002"])
    expect(ours, `the dealer's page shows "${secret}"`).not.toContain(secret);
  for (const secret of [DEMO.dealer.email, "Acme Corporation", "EA00001"])
    expect(theirs, `the other dealer's page shows "${secret}"`).not.toContain(secret);
  await expect(page.getByRole("banner")).toContainText("EA00001");
  await expect(limited.getByRole("banner")).toContainText("EA00002");
  await limited.context().close();
});
