import { orderableProduct, someProducts, type SimProduct } from "./catalogue-data";
import { DEMO, E2E } from "./env";
import { expect, test } from "./fixtures";
import { CartPage } from "./pages/cart-page";
import { simulator } from "./simulator";

/**
 * Issue 17: prices before ordering are list prices, said in words; the upstream's unit codes
 * ("STUKS", "DOOS", "piece", "box") never reach a page raw, in English or Dutch.
 */

type Unit = { sales_unit: string; price_unit: string };
type Product = SimProduct & Unit;

/** Raw unit codes as the pages once showed them, per language. */
const RAW: Record<"en" | "nl", RegExp[]> = {
  en: [/\bSTUKS/i, /\bDOOS/i],
  nl: [
    /\bSTUKS/,
    /\bDOOS/,
    /per (piece|box)/i,
    /Verkocht per (piece|box)/i,
    /\b(box|piece|stuks) van \d/i,
    /\d\s(piece|box)/i,
  ],
};

const WORDS = {
  en: { listPrice: "List price", perPiece: "per piece", box: (n: number) => `box of ${n}`, listPrices: "List prices" },
  nl: {
    listPrice: "Catalogusprijs",
    perPiece: "per stuk",
    box: (n: number) => `doos van ${n}`,
    listPrices: "Catalogusprijzen",
  },
} as const;

async function products() {
  const all = (await someProducts()) as Product[];
  const usable = (product: Product) =>
    product.title && !product.blocked && !product.prices.some((tier) => tier.priceOnDemand);
  const pieces = all.find((product) => usable(product) && product.sales_unit_amount === 1);
  const boxed = all.find((product) => usable(product) && product.sales_unit_amount > 1);
  if (!pieces || !boxed) throw new Error("the simulator's first products lack a product per piece or per box");
  return { pieces, boxed };
}

/**
 * The product's title as the page shows it: the simulator changes a few products a minute, so its
 * own title may be newer than the mirror's until the next sync.
 */
async function shownTitle(page: import("@playwright/test").Page): Promise<string> {
  return (await page.locator("main").getByRole("heading", { level: 1 }).first().innerText()).trim();
}

async function expectNoRawUnits(main: import("@playwright/test").Locator, locale: "en" | "nl", where: string) {
  const text = await main.innerText();
  for (const pattern of RAW[locale]) expect(text, `${where} (${locale}) shows ${pattern}`).not.toMatch(pattern);
}

test.describe.configure({ mode: "serial" });

for (const locale of ["en", "nl"] as const) {
  test(`catalogue, product, cart and order pages name units in words and label list prices (${locale})`, async ({
    page,
    context,
  }) => {
    const words = WORDS[locale];
    const { pieces, boxed } = await products();
    await new CartPage(page).empty();
    await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: E2E.portalUrl }]);
    const main = page.locator("main");

    // A catalogue list: every card's price is a list price, per unit in words.
    await page.goto("/catalogue");
    await main.locator("ul").first().getByRole("link").first().click();
    await page
      .getByRole("navigation")
      .filter({ has: page.locator("a") })
      .last()
      .waitFor();
    const card = page.getByRole("article").first();
    if (await card.isVisible()) {
      await expect(card).toContainText(words.listPrice);
      await expectNoRawUnits(main, locale, "catalogue");
    }

    // The product pages: the list prices, the units in words, the sales unit the same way.
    await page.goto(`/products/${encodeURIComponent(pieces.sku)}`);
    await expect(page.getByRole("heading", { name: words.listPrices })).toBeVisible();
    await expect(main).toContainText(words.perPiece === "per piece" ? "Sold per piece" : "Verkocht per stuk");
    await expectNoRawUnits(main, locale, "product per piece");
    await page
      .getByRole("button", { name: locale === "en" ? "Add to cart" : /winkelwagen/i })
      .first()
      .click();
    await expect(
      page
        .getByRole("status")
        .filter({ hasText: await shownTitle(page) })
        .first(),
    ).toBeVisible();

    await page.goto(`/products/${encodeURIComponent(boxed.sku)}`);
    await expect(main).toContainText(words.box(boxed.sales_unit_amount));
    await expectNoRawUnits(main, locale, "product per box");
    await page
      .getByRole("button", { name: locale === "en" ? "Add to cart" : /winkelwagen/i })
      .first()
      .click();
    await expect(
      page
        .getByRole("status")
        .filter({ hasText: await shownTitle(page) })
        .first(),
    ).toBeVisible();

    // The cart: unit prices are list prices, per unit in words, and the totals say so.
    await page.goto("/cart");
    await expect(page.getByTestId("cart-line")).toHaveCount(2);
    await expect(main).toContainText(`${words.listPrice} ${words.perPiece}`);
    await expect(main).toContainText(words.box(boxed.sales_unit_amount));
    await expect(main).toContainText(locale === "en" ? "At list prices" : "Tegen catalogusprijzen");
    await expectNoRawUnits(main, locale, "cart");

    // An order of the dealer's with a boxed line: its quantities in words.
    const orders = (await simulator.orders()) as {
      id: number | string;
      customer_code: string;
      products: { sales_unit: string; sales_unit_amount: number }[];
    }[];
    const order = orders.find(
      (candidate) =>
        candidate.customer_code === DEMO.dealer.code &&
        candidate.products.some((line) => line.sales_unit_amount > 1) &&
        candidate.products.some((line) => line.sales_unit_amount === 1),
    );
    expect(order, "a dealer's order with lines per piece and per box").toBeTruthy();
    await page.goto(`/orders/${order!.id}`);
    await expect(main.getByRole("table").first()).toBeVisible();
    await expect(main).toContainText(locale === "en" ? /\d\s+pieces?/ : /\d\s+stuks?/);
    await expect(main).toContainText(locale === "en" ? /×\s+box\s+of\s+\d+/ : /×\s+doos\s+van\s+\d+/);
    await expectNoRawUnits(main, locale, "order");

    await new CartPage(page).goto().catch(() => undefined);
  });
}

test("no VAT rate under a price on request, and the cart counts the lines on request apart", async ({ page }) => {
  const all = (await someProducts()) as Product[];
  const onRequest = all.find(
    (product) => product.title && !product.blocked && product.prices.some((tier) => tier.priceOnDemand),
  );
  test.skip(!onRequest, "no product on request among the simulator's first products");
  await new CartPage(page).empty();
  await page.goto(`/products/${encodeURIComponent(onRequest!.sku)}`);
  const main = page.locator("main");
  await expect(main.getByText("Price on request").first()).toBeVisible();
  await expect(main).not.toContainText(/VAT \d+%/);
  await page.getByRole("button", { name: "Add to cart" }).first().click();
  await expect(
    page
      .getByRole("status")
      .filter({ hasText: await shownTitle(page) })
      .first(),
  ).toBeVisible();
  await page.goto("/cart");
  await expect(page.getByTestId("not-counted")).toHaveText(
    "1 line has a price on request: not counted in these totals.",
  );
});

test("a volume price: the cart line names its tier once one applies, and says how many more reach the next", async ({
  page,
}) => {
  const product = await orderableProduct(
    (item) =>
      item.sales_unit_amount === 1 && item.prices.length >= 2 && !item.prices.some((tier) => tier.priceOnDemand),
  );
  const [base, volume] = [...product.prices].sort((a, b) => a.minqty - b.minqty);
  const money = (amount: number) => new Intl.NumberFormat("en", { style: "currency", currency: "EUR" }).format(amount);
  const cart = new CartPage(page);
  await cart.empty();
  await page.goto(`/products/${encodeURIComponent(product.sku)}`);
  await page.getByRole("button", { name: "Add to cart", exact: true }).click();
  await expect(page.getByRole("link", { name: "Cart, 1 line" }).first()).toBeAttached();
  await cart.goto();
  const line = cart.line(product.sku);
  // At one piece the base price applies: its price, no tier named ("from 1" would say nothing).
  await expect(line).toContainText(`List price per piece: ${money(base!.exvat)}`);
  await expect(line).not.toContainText("Volume price");
  await expect(line).toContainText(`Order ${volume!.minqty - 1} more for ${money(volume!.exvat)} per piece.`);
  await cart.quantity(product.sku).fill(String(volume!.minqty));
  await cart.quantity(product.sku).press("Enter");
  await expect(line).toContainText(
    `List price per piece: ${money(volume!.exvat)} · Volume price from ${volume!.minqty}`,
  );
  await cart.empty();
});
