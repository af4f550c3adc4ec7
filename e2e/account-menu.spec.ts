import { orderableProduct } from "./catalogue-data";
import { E2E } from "./env";
import { expect, test } from "./fixtures";

/**
 * Issue 17: the account menu in the header opens inside the window, at a desk (1280 px) and on a
 * phone (360 px), in English and in Dutch (whose longer navigation once wrapped the menu to the
 * left of the header's second row when the cart had lines, its panel reaching past the window's
 * left edge). Its language buttons are then clicked as a dealer clicks them.
 */
const WIDTHS = [
  { width: 1280, height: 800 },
  { width: 360, height: 740 },
] as const;
const LOCALES = {
  en: { other: "nl", otherName: "Nederlands", welcome: "Welkom", add: "Add to cart" },
  nl: { other: "en", otherName: "English", welcome: "Welcome", add: "In winkelwagen" },
} as const;

for (const viewport of WIDTHS) {
  for (const locale of ["en", "nl"] as const) {
    test(`the open account menu lies inside the window (${viewport.width} px, ${locale})`, async ({
      page,
      context,
    }) => {
      await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: E2E.portalUrl }]);
      await page.setViewportSize(viewport);
      // A line in the cart: the header's cart link then carries its count, and the row is fullest.
      const product = await orderableProduct();
      await page.goto(`/products/${encodeURIComponent(product.sku)}`);
      await page.getByRole("button", { name: LOCALES[locale].add, exact: true }).click();
      await expect(page.getByRole("link", { name: /^(Cart|Winkelwagen), \d+ (line|regel)/ }).first()).toBeAttached();
      await page.goto("/");
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      const summary = page.locator("summary").filter({ hasText: "Account" });
      const button = await summary.boundingBox();
      expect(button, "the account menu's button").not.toBeNull();
      expect(button!.x + button!.width).toBeLessThanOrEqual(viewport.width);
      await summary.click();
      const panel = page.getByTestId("account-menu-panel");
      await expect(panel).toBeVisible();
      const box = (await panel.boundingBox())!;
      expect(box.x, "the panel's left edge").toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, "the panel's right edge").toBeLessThanOrEqual(viewport.width);
      // Anchored to the button's right edge.
      expect(Math.abs(box.x + box.width - (button!.x + button!.width))).toBeLessThanOrEqual(1);
      const { other, otherName, welcome } = LOCALES[locale];
      await panel.getByRole("button", { name: otherName }).click();
      await expect(page.locator("html")).toHaveAttribute("lang", other);
      await expect(page.getByRole("heading", { name: new RegExp(`^${welcome}, `) })).toBeVisible();
    });
  }
}

/**
 * The header in two rows from a tablet up, in either language: name, search and the account menu,
 * then the navigation. In one row the Dutch navigation pushed the account menu alone onto a second
 * row at 1280 px and a third at 1024 px.
 */
for (const width of [768, 1024, 1280, 1440]) {
  test(`the header keeps the account menu beside the search and the navigation in a row of its own (${width} px, nl)`, async ({
    page,
    context,
  }) => {
    await context.addCookies([{ name: "NEXT_LOCALE", value: "nl", url: E2E.portalUrl }]);
    await page.setViewportSize({ width, height: 800 });
    const product = await orderableProduct();
    await page.goto(`/products/${encodeURIComponent(product.sku)}`);
    await page.getByRole("button", { name: "In winkelwagen", exact: true }).click();
    await expect(page.getByRole("link", { name: /^Winkelwagen, \d+ regel/ }).first()).toBeAttached();
    await page.goto("/catalogue");
    const header = page.locator("header").first();
    const search = (await header.getByRole("search").boundingBox())!;
    const account = (await header.locator("summary").filter({ hasText: "Account" }).boundingBox())!;
    const nav = header.getByRole("navigation", { name: "Hoofdmenu" });
    const navBox = (await nav.boundingBox())!;
    // One row: the account menu's middle lies within the search box's height.
    const middle = account.y + account.height / 2;
    expect(middle).toBeGreaterThan(search.y);
    expect(middle).toBeLessThan(search.y + search.height);
    expect(account.x + account.width).toBeLessThanOrEqual(width);
    // The navigation below them, each link's words on one line.
    expect(navBox.y).toBeGreaterThanOrEqual(search.y + search.height);
    for (const link of await nav.getByRole("link").all()) {
      const box = (await link.boundingBox())!;
      expect(box.height, await link.innerText()).toBeLessThan(50);
    }
  });
}
