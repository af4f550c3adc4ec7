import type { Page } from "@playwright/test";

import { orderableProduct } from "./catalogue-data";
import { E2E } from "./env";
import { AXE_PASSES, seriousViolations, startPass } from "./axe";
import { expect, test } from "./fixtures";
import { CartPage } from "./pages/cart-page";
import { simulator } from "./simulator";

/**
 * The drop-ship address book (issue 22): a drop-ship order saves its address (opt-in), the next
 * checkout picks it and places again; the address is edited (validated as checkout validates) and
 * deleted on /addresses; another dealer does not see it and gets 404 on its id; axe on the pages.
 * The checkout journey in English at 1280 px and in Dutch at 360 px, the address book's own pages in
 * Dutch at 360 px.
 */

interface SimOrder {
  reference: string;
  customer_code: string;
  dropship: boolean;
  shippingAddress: { zipcode: string; city: string; lastname?: string } | null;
}

async function setLocale(page: Page, locale: "en" | "nl") {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: E2E.portalUrl }]);
}

async function ordersWithReference(reference: string): Promise<SimOrder[]> {
  return ((await simulator.orders()) as SimOrder[]).filter((order) => order.reference === reference);
}

async function dropshipInCart(page: Page) {
  const product = await orderableProduct((item) => item.dropshipment.dropshipable);
  await new CartPage(page).empty();
  await page.goto(`/products/${encodeURIComponent(product.sku)}`);
  await page.getByRole("button", { name: "Add to cart", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added" })).toBeVisible();
}

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("a drop-ship order saves its address, the next checkout picks it; edited and deleted on /addresses; another dealer gets 404 (en, 1280 px)", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  await setLocale(page, "en");
  await page.setViewportSize({ width: 1280, height: 900 });
  const lastName = `Janssen${Date.now().toString(36)}`;

  // 1. A drop-ship order with "save this address" ticked.
  await dropshipInCart(page);
  await page.goto("/checkout");
  const first = `E2E-AB1-${Date.now()}`;
  await page.getByLabel("Your order reference").fill(first);
  await page.getByRole("radio", { name: "Drop-shipment to my customer" }).check();
  await expect(page.getByLabel("First name")).toHaveAttribute("autocomplete", /given-name/);
  await page.getByLabel("First name").fill("Piet");
  await page.getByLabel("Last name").fill(lastName);
  await page.getByLabel("Company (optional)").fill("Camping De Kreek");
  await page.getByLabel("Phone").fill("+31 20 123 4567");
  await page.getByLabel("Street").fill("Dorpsstraat");
  await page.getByLabel("House number").fill("12");
  await page.getByLabel("Postcode").fill("2042 ab");
  await page.getByLabel("City").fill("Zandvoort");
  await page.getByRole("checkbox", { name: /Save this address to the address book/ }).check();
  await page.getByRole("button", { name: "Review order" }).click();
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByRole("heading", { name: "Thank you, your order has been placed" })).toBeVisible();

  // It is in the book.
  await page.goto("/addresses");
  const entry = page.getByRole("article", { name: `Piet ${lastName}` });
  await expect(entry).toBeVisible();
  await expect(entry).toContainText("2042AB Zandvoort");

  // 2. The next checkout picks it by searching and places again.
  await dropshipInCart(page);
  await page.goto("/checkout");
  const second = `E2E-AB2-${Date.now()}`;
  await page.getByLabel("Your order reference").fill(second);
  await page.getByRole("radio", { name: "Drop-shipment to my customer" }).check();
  await page.getByLabel("Search saved addresses").fill(lastName);
  await page
    .getByLabel("Pick a saved address")
    .selectOption({ label: `Piet ${lastName}, Camping De Kreek, 2042AB Zandvoort` });
  await page.getByRole("button", { name: "Use this address" }).click();
  await expect(page.getByLabel("Last name")).toHaveValue(lastName);
  await expect(page.getByLabel("Postcode")).toHaveValue("2042AB");
  await expect(page.getByLabel("Your order reference")).toHaveValue(second);
  await page.getByRole("button", { name: "Review order" }).click();
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByRole("heading", { name: "Thank you, your order has been placed" })).toBeVisible();
  const [placed] = await ordersWithReference(second);
  expect(placed?.dropship).toBe(true);
  expect(placed?.shippingAddress).toMatchObject({ zipcode: "2042AB", city: "Zandvoort" });

  // 3. Another dealer: not in their book, and its id is not found.
  await page.goto("/addresses");
  await page.getByRole("link", { name: `Edit the address of Piet ${lastName}` }).click();
  await expect(page).toHaveURL(/\/addresses\/[\w-]{22}$/);
  const addressPath = new URL(page.url()).pathname;
  const other = await browser.newContext({ storageState: E2E.limitedState });
  const otherPage = await other.newPage();
  await otherPage.goto("/addresses");
  await expect(otherPage.getByText(lastName)).toHaveCount(0);
  const response = await otherPage.goto(addressPath);
  expect(response?.status()).toBe(404);
  expect(await otherPage.content()).not.toContain(lastName);
  await other.close();

  // 4. Edit: a bad postcode is said in words and nothing typed is lost; then saved.
  await expect(page.getByLabel("Postcode")).toHaveAttribute("autocomplete", /postal-code/);
  await page.getByLabel("City").fill("Haarlem");
  await page.getByLabel("Postcode").fill("12");
  await page.getByRole("button", { name: "Save address" }).click();
  await expect(page.getByText("Enter a Dutch postcode like 1234 AB.")).toBeVisible();
  await expect(page.getByLabel("City")).toHaveValue("Haarlem");
  await page.getByLabel("Postcode").fill("2011 AA");
  await page.getByRole("button", { name: "Save address" }).click();
  await expect(page.getByText("The address was changed.")).toBeVisible();
  await expect(page.getByRole("article", { name: `Piet ${lastName}` })).toContainText("2011AA Haarlem");

  // 5. Delete.
  await page.getByRole("button", { name: `Delete the address of Piet ${lastName}` }).click();
  await expect(page.getByText("The address was deleted.")).toBeVisible();
  await expect(page.getByRole("article", { name: `Piet ${lastName}` })).toHaveCount(0);
  expect((await page.goto(addressPath))?.status()).toBe(404);
});

test("in Dutch at 360 px: a drop-ship order saves its address and the next checkout picks it", async ({ page }) => {
  test.setTimeout(240_000);
  // The cart page object speaks English: the cart is emptied first, then the portal speaks Dutch.
  await setLocale(page, "en");
  await new CartPage(page).empty();
  await setLocale(page, "nl");
  await page.setViewportSize({ width: 360, height: 780 });
  const product = await orderableProduct((item) => item.dropshipment.dropshipable);
  const lastName = `Visser${Date.now().toString(36)}`;
  const addToCart = async () => {
    await page.goto(`/products/${encodeURIComponent(product.sku)}`);
    await page.getByRole("button", { name: "In winkelwagen", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "toegevoegd" })).toBeVisible();
  };

  // A drop-ship order with "Dit adres bewaren in het adresboek" ticked.
  await addToCart();
  await page.goto("/checkout");
  await page.getByLabel("Uw orderreferentie").fill(`E2E-AB-NL1-${Date.now()}`);
  await page.getByRole("radio", { name: "Dropshipment naar uw klant" }).check();
  await page.getByLabel("Voornaam").fill("Anna");
  await page.getByLabel("Achternaam").fill(lastName);
  await page.getByLabel("Bedrijf (optioneel)").fill("Jachthaven Het Anker");
  await page.getByLabel("Telefoon").fill("+31 20 765 4321");
  await page.getByLabel("Straat").fill("Havenweg");
  await page.getByLabel("Huisnummer").fill("3");
  await page.getByLabel("Postcode").fill("1781 ab");
  await page.getByLabel("Plaats").fill("Den Helder");
  await page.getByRole("checkbox", { name: /Dit adres bewaren in het adresboek/ }).check();
  await noSidewaysScroll(page);
  await page.getByRole("button", { name: "Bestelling controleren" }).click();
  await page.getByRole("button", { name: "Bestelling plaatsen" }).click();
  await expect(page.getByRole("heading", { name: "Bedankt, uw bestelling is geplaatst" })).toBeVisible();

  // The next checkout finds it by name and places again with it.
  await addToCart();
  await page.goto("/checkout");
  const second = `E2E-AB-NL2-${Date.now()}`;
  await page.getByLabel("Uw orderreferentie").fill(second);
  await page.getByRole("radio", { name: "Dropshipment naar uw klant" }).check();
  await page.getByLabel("Bewaarde adressen doorzoeken").fill(lastName);
  await page
    .getByLabel("Kies een bewaard adres")
    .selectOption({ label: `Anna ${lastName}, Jachthaven Het Anker, 1781AB Den Helder` });
  await page.getByRole("button", { name: "Dit adres gebruiken" }).click();
  await expect(page.getByLabel("Achternaam")).toHaveValue(lastName);
  await expect(page.getByLabel("Uw orderreferentie")).toHaveValue(second);
  await noSidewaysScroll(page);
  await page.getByRole("button", { name: "Bestelling controleren" }).click();
  await page.getByRole("button", { name: "Bestelling plaatsen" }).click();
  await expect(page.getByRole("heading", { name: "Bedankt, uw bestelling is geplaatst" })).toBeVisible();
  const [placed] = await ordersWithReference(second);
  expect(placed?.dropship).toBe(true);
  expect(placed?.shippingAddress).toMatchObject({ zipcode: "1781AB", city: "Den Helder" });
});

test("the address book's own pages in Dutch at 360 px: add, search, edit, delete", async ({ page }) => {
  test.setTimeout(120_000);
  await setLocale(page, "nl");
  await page.setViewportSize({ width: 360, height: 800 });
  const lastName = `Visser${Date.now().toString(36)}`;
  await page.goto("/addresses");
  await expect(page.getByRole("heading", { level: 1, name: "Adresboek" })).toBeVisible();
  await page.getByRole("link", { name: "Adres toevoegen" }).click();
  await page.getByLabel("Voornaam").fill("Anna");
  await page.getByLabel("Achternaam").fill(lastName);
  await page.getByLabel("Telefoon").fill("+32 2 123 45 67");
  await page.getByLabel("Straat").fill("Grote Markt");
  await page.getByLabel("Huisnummer").fill("1");
  await page.getByLabel("Land").selectOption("BE");
  await page.getByLabel("Postcode").fill("10000");
  await page.getByLabel("Plaats").fill("Brussel");
  await page.getByRole("button", { name: "Adres bewaren" }).click();
  await expect(page.getByText(/Belgische postcode/)).toBeVisible();
  await expect(page.getByLabel("Achternaam")).toHaveValue(lastName);
  await page.getByLabel("Postcode").fill("1000");
  await page.getByRole("button", { name: "Adres bewaren" }).click();
  await expect(page.getByText("Het adres is bewaard.")).toBeVisible();
  await noSidewaysScroll(page);

  await page.getByLabel("Zoeken op naam, bedrijf of plaats").fill("brussel " + lastName.toLowerCase());
  await page.getByRole("main").getByRole("button", { name: "Zoeken", exact: true }).click();
  await expect(page.getByRole("article")).toHaveCount(1);
  await expect(page.getByRole("article", { name: `Anna ${lastName}` })).toContainText("1000 Brussel");

  await page.getByRole("link", { name: `Adres van Anna ${lastName} wijzigen` }).click();
  await page.getByLabel("Plaats").fill("Antwerpen");
  await page.getByLabel("Postcode").fill("2000");
  await page.getByRole("button", { name: "Adres bewaren" }).click();
  await expect(page.getByText("Het adres is gewijzigd.")).toBeVisible();
  await page.getByRole("button", { name: `Adres van Anna ${lastName} verwijderen` }).click();
  await expect(page.getByText("Het adres is verwijderd.")).toBeVisible();
  await expect(page.getByRole("article", { name: `Anna ${lastName}` })).toHaveCount(0);
});

test("axe finds nothing serious or critical on /addresses and an address form (en at 1280 px, nl at 360 px)", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  for (const pass of AXE_PASSES) {
    await startPass(page.context(), page, pass);
    for (const path of ["/addresses", "/addresses/new"]) {
      await page.goto(path);
      problems.push(...(await seriousViolations(page, pass, path)));
    }
  }
  expect(problems).toEqual([]);
});
