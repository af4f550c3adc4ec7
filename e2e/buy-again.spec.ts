import { AXE_PASSES, seriousViolations, startPass } from "./axe";
import { E2E } from "./env";
import { expect, test } from "./fixtures";

/**
 * Issue 17: "Buy again" lists what the customer ordered before (filled from their newest orders on
 * the first visit), searchable with a GET form, each with stock in words and Add to cart; at 1280
 * and 360 px, in English and Dutch; axe without serious or critical findings.
 */

const WORDS = {
  en: {
    title: "Buy again",
    search: "Search what you ordered before",
    button: "Search",
    list: "Products ordered before",
    lastOrdered: "Last ordered",
    stock: /In stock|Out of stock|Stock unknown/i,
    add: "Add to cart",
    times: /Ordered (once|\d+ times)/,
  },
  nl: {
    title: "Opnieuw bestellen",
    search: "Zoeken in wat u eerder bestelde",
    button: "Zoeken",
    list: "Eerder bestelde producten",
    lastOrdered: "Laatst besteld",
    stock: /Op voorraad|Niet op voorraad|Voorraad onbekend/,
    add: "Toevoegen aan winkelwagen",
    times: /(Eén keer|\d+ keer) besteld/,
  },
} as const;

for (const width of [1280, 360] as const) {
  for (const locale of ["en", "nl"] as const) {
    test(`buy again lists what was ordered before, searchable, with stock and Add to cart (${width} px, ${locale})`, async ({
      page,
      context,
    }) => {
      const words = WORDS[locale];
      await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
      await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: E2E.portalUrl }]);
      await page.goto("/buy-again");
      await expect(page.getByRole("heading", { name: words.title, level: 1 })).toBeVisible();
      const list = page.getByRole("list", { name: words.list });
      const items = list.getByRole("listitem");
      await expect(items.first()).toBeVisible();
      const first = items.first();
      await expect(first).toContainText(words.lastOrdered);
      await expect(first).toContainText(words.times);
      await expect(first.locator("[data-stock]")).toHaveText(words.stock);
      await expect(first.getByRole("button", { name: new RegExp(`^${words.add}: `) })).toBeVisible();

      // Nothing sideways on a phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);

      // Search by the SKU of a product shown: a GET form, the list narrows to it.
      const sku = (await first.locator(".font-mono").first().innerText()).trim();
      await page.getByLabel(words.search).fill(sku);
      await page.getByRole("main").getByRole("button", { name: words.button, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/buy-again\\?q=${encodeURIComponent(sku)}`));
      await expect(items.first()).toContainText(sku);
      for (const text of await items.locator(".font-mono").allInnerTexts()) expect(text).toContain(sku);
    });
  }
}

test("axe finds nothing serious or critical on /buy-again and its search (en at 1280 px, nl at 360 px)", async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  for (const pass of AXE_PASSES) {
    await startPass(context, page, pass);
    for (const target of ["/buy-again", "/buy-again?q=zzz-nothing-matches"]) {
      await page.goto(target);
      await expect(page.getByRole("heading", { level: 1, name: WORDS[pass.locale].title })).toBeVisible();
      problems.push(...(await seriousViolations(page, pass, target)));
    }
  }
  expect(problems).toEqual([]);
});
