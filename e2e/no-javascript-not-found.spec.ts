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
  { locale: "en", title: "Page not found", text: "We could not find this page" },
  { locale: "nl", title: "Pagina niet gevonden", text: "We kunnen deze pagina niet vinden" },
] as const;

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
  });
}
