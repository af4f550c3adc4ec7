import type { Page } from "@playwright/test";

import { someProducts, type SimProduct } from "./catalogue-data";
import { E2E } from "./env";
import { AXE_PASSES, seriousViolations, startPass } from "./axe";
import { expect, test } from "./fixtures";

/**
 * Favourites (issue 22): a star on a product card and on a product page puts the product in the
 * customer's favourites; /favourites lists them with stock in words, the list price called one and
 * the last price paid where known, adds one to the cart and takes one off. In English at 1280 px
 * and Dutch at 360 px; another dealer does not see them; axe on /favourites.
 */

const WORDS = {
  en: {
    add: "Add to favourites",
    remove: "Remove from favourites",
    title: "Favourites",
    listPrice: "List price",
    stock: /In stock|Out of stock|Stock unknown/,
    lastPaid: /Last paid|No earlier purchase known/,
    addToCart: "Add to cart",
    added: /^Added /,
    starred: /is now one of your favourites\./,
  },
  nl: {
    add: "Toevoegen aan favorieten",
    remove: "Verwijderen uit favorieten",
    title: "Favorieten",
    listPrice: "Catalogusprijs",
    stock: /Op voorraad|Niet op voorraad|Voorraad onbekend/,
    lastPaid: /Laatst betaald|Geen eerdere aankoop bekend/,
    addToCart: "In winkelwagen",
    added: /toegevoegd aan de winkelwagen/,
    starred: /staat nu bij uw favorieten\./,
  },
} as const;

async function setLocale(page: Page, locale: "en" | "nl") {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: E2E.portalUrl }]);
}

/** Two ordinary products of their own per run (titled, orderable, priced), apart from other specs'. */
async function twoProducts(offset: number): Promise<[SimProduct, SimProduct]> {
  const usable = (await someProducts()).filter(
    (product) =>
      product.title && !product.blocked && !product.prices.some((tier) => tier.priceOnDemand) && product.prices.length,
  );
  const picked = usable.slice(-(offset + 2), usable.length - offset);
  return [picked[0]!, picked[1]!];
}

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

for (const [index, { locale, width }] of [
  { locale: "en", width: 1280 },
  { locale: "nl", width: 360 },
].entries()) {
  test(`star from a card and a product page, see them on /favourites, add one to the cart, remove one (${locale}, ${width} px)`, async ({
    page,
    browser,
  }) => {
    test.setTimeout(180_000);
    const w = WORDS[locale as "en" | "nl"];
    await setLocale(page, locale as "en" | "nl");
    await page.setViewportSize({ width, height: 900 });
    const [fromCard, fromPage] = await twoProducts(index * 3);

    // From a card in the search results: the star is a button whose name says what it does, and
    // nothing else (no pressed state beside a name that changes: "Remove …, pressed" says two things).
    await page.goto(`/search?q=${encodeURIComponent(fromCard.sku)}`);
    const card = page.getByRole("article").filter({ hasText: fromCard.sku }).first();
    const cardStar = card.getByRole("button", { name: new RegExp(`^(${w.add}|${w.remove}):`) });
    if (new RegExp(`^${w.remove}:`).test((await cardStar.getAttribute("aria-label")) ?? "")) {
      await cardStar.click();
      await expect(cardStar).toHaveAccessibleName(new RegExp(`^${w.add}:`));
    }
    await expect(cardStar).toHaveAccessibleName(new RegExp(`^${w.add}:`));
    await expect(cardStar).not.toHaveAttribute("aria-pressed");
    await cardStar.click();
    await expect(cardStar).toHaveAccessibleName(new RegExp(`^${w.remove}:`));
    await expect(cardStar).not.toHaveAttribute("aria-pressed");
    // Kept on the server: the page drawn again still shows it starred.
    await page.reload();
    await expect(
      page
        .getByRole("article")
        .filter({ hasText: fromCard.sku })
        .first()
        .getByRole("button", { name: new RegExp(`^${w.remove}:`) }),
    ).toBeVisible();

    // From the product page.
    await page.goto(`/products/${encodeURIComponent(fromPage.sku)}`);
    const pageStar = page.getByRole("button", { name: new RegExp(`^(${w.add}|${w.remove})$`) });
    if ((await pageStar.innerText()).includes(w.remove)) {
      await pageStar.click();
      await expect(pageStar).toHaveAccessibleName(w.add);
    }
    await pageStar.click();
    await expect(pageStar).toHaveAccessibleName(w.remove);
    await expect(page.getByText(w.starred)).toBeVisible();

    // Both on /favourites, with stock in words, the list price called one and the last price paid.
    await page.goto("/favourites");
    await expect(page.getByRole("heading", { level: 1, name: w.title })).toBeVisible();
    const cardItem = page.getByRole("article").filter({ hasText: fromCard.sku });
    const pageItem = page.getByRole("article").filter({ hasText: fromPage.sku });
    await expect(cardItem).toBeVisible();
    await expect(pageItem).toBeVisible();
    await expect(cardItem.getByText(w.stock)).toBeVisible();
    await expect(cardItem.getByText(w.listPrice)).toBeVisible();
    await expect(cardItem.getByTestId("favourite-last-paid")).toHaveText(w.lastPaid);
    await noSidewaysScroll(page);

    // Into the cart from the favourites page.
    await cardItem.getByRole("button", { name: w.addToCart, exact: true }).click();
    await expect(cardItem.getByRole("status").filter({ hasText: w.added })).toBeVisible();

    // Another dealer does not see this customer's favourites.
    const other = await browser.newContext({ storageState: E2E.limitedState });
    const otherPage = await other.newPage();
    await otherPage.goto("/favourites");
    await expect(otherPage.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(otherPage.getByText(fromCard.sku)).toHaveCount(0);
    await expect(otherPage.getByText(fromPage.sku)).toHaveCount(0);
    await other.close();

    // Taken off the list with its star.
    await pageItem.getByRole("button", { name: w.remove }).click();
    await expect(page.getByRole("article").filter({ hasText: fromPage.sku })).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole("article").filter({ hasText: fromPage.sku })).toHaveCount(0);
    await expect(page.getByRole("article").filter({ hasText: fromCard.sku })).toBeVisible();
  });
}

test("staff acting for the dealer's customer see its favourites", async ({ browser, page }) => {
  const [product] = await twoProducts(8);
  await page.goto(`/products/${encodeURIComponent(product.sku)}`);
  const star = page.getByRole("button", { name: /^(Add to favourites|Remove from favourites)$/ });
  if (!(await star.innerText()).includes("Remove from favourites")) {
    await star.click();
    await expect(star).toHaveAccessibleName("Remove from favourites");
  }
  const staff = await browser.newContext({ storageState: E2E.adminState });
  const staffPage = await staff.newPage();
  const switched = await staffPage.request.post("/api/session/customer", { data: { code: "EA00001" } });
  expect(switched.status()).toBeLessThan(400);
  await staffPage.goto("/favourites");
  await expect(staffPage.getByRole("article").filter({ hasText: product.sku })).toBeVisible();
  await staffPage.request.post("/api/session/customer", { data: { code: null } });
  await staff.close();
});

test("axe finds nothing serious or critical on /favourites (en at 1280 px, nl at 360 px)", async ({ page }) => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  for (const pass of AXE_PASSES) {
    await startPass(page.context(), page, pass);
    await page.goto("/favourites");
    problems.push(...(await seriousViolations(page, pass, "/favourites")));
  }
  expect(problems).toEqual([]);
});
