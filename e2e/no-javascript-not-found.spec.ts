import { E2E } from "./env";
import { expect, test } from "./fixtures";

/**
 * Issue 21: a page that finds nothing says so in its first response, with JavaScript off (the
 * "nojs" project): status 404 and the not-found page's text in the document, in the user's
 * language, never Next's bare error document (`__next_error__`, an empty body until script runs).
 * Ids that cannot be one, and well-formed ids this dealer has none of.
 */
const MISSING = [
  "/orders/999999999",
  "/orders/not-an-order",
  "/lists/00000000-0000-4000-8000-000000000000",
  "/lists/not-a-list",
  "/addresses/00000000-0000-4000-8000-000000000000",
  "/addresses/not-an-address",
  "/catalogue/NO-SUCH-CATEGORY",
  "/checkout/confirmation/00000000-0000-4000-8000-000000000000",
  // A search the catalogue cannot run (a NUL in it).
  "/search?q=a%00b",
  // Staff pages, to a dealer.
  "/customers",
  "/admin",
];

const LANGUAGES = [
  {
    locale: "en",
    title: "Page not found",
    text: "We could not find this page",
    product: { title: "Product not found", text: "We could not find this product" },
  },
  {
    locale: "nl",
    title: "Pagina niet gevonden",
    text: "We kunnen deze pagina niet vinden",
    product: { title: "Product niet gevonden", text: "We kunnen dit product niet vinden" },
  },
] as const;

/** SKUs the catalogue does not have, well-formed or not: the product page's own not-found view. */
const MISSING_PRODUCTS = ["/products/NOPE-0000", "/products/0000000", "/products/not%20a%20sku"];

for (const language of LANGUAGES) {
  test.describe(`not found without JavaScript (${language.locale})`, () => {
    test.beforeEach(async ({ context }) => {
      await context.addCookies([{ name: "NEXT_LOCALE", value: language.locale, url: E2E.portalUrl }]);
    });

    for (const path of MISSING) {
      test(`${path} answers 404 with the not-found page in the document`, async ({ page }) => {
        const response = await page.goto(path);
        expect(response?.status()).toBe(404);
        const html = (await response?.text()) ?? "";
        expect(html).not.toContain("__next_error__");
        expect(html).toMatch(new RegExp(`<html[^>]* lang="${language.locale}"`));
        expect(html).toContain(language.title);
        await expect(page.getByRole("heading", { level: 1, name: language.title })).toBeVisible();
        await expect(page.getByRole("main")).toContainText(language.text);
      });
    }

    for (const path of MISSING_PRODUCTS) {
      test(`${path} answers 404 with the product's not-found view in the document`, async ({ page }) => {
        const response = await page.goto(path);
        expect(response?.status()).toBe(404);
        const html = (await response?.text()) ?? "";
        expect(html).not.toContain("__next_error__");
        expect(html).toMatch(new RegExp(`<html[^>]* lang="${language.locale}"`));
        expect(html).toContain(`<title>${language.product.title}`);
        await expect(page.getByRole("heading", { level: 1, name: language.product.title })).toBeVisible();
        await expect(page.getByRole("main")).toContainText(language.product.text);
        // The portal around it: the dealer can go on from here.
        await expect(
          page.getByRole("link", { name: language.locale === "en" ? "Catalogue" : "Assortiment" }).first(),
        ).toBeVisible();
      });
    }
  });
}
