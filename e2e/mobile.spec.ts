import path from "node:path";

import type { BrowserContextOptions, Page, TestInfo } from "@playwright/test";

import { isEan13 } from "../lib/catalogue/search-terms";

import { orderableProduct, saysCurrentTitle, type SimProduct } from "./catalogue-data";
import { DEMO, E2E } from "./env";
import { writeBarcodeVideo } from "./fake-camera";
import { expect, test } from "./fixtures";
import { CartPage } from "./pages/cart-page";
import { SignInPage } from "./pages/sign-in-page";

/** The phone project's device (360 px, touch, mobile) for contexts a test opens itself. */
function phoneOptions(testInfo: TestInfo): BrowserContextOptions {
  const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, locale } = testInfo.project.use;
  return { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, locale, baseURL: E2E.portalUrl };
}

/** A product with a valid EAN-13 the camera and the typed entry can find. */
const scannableProduct = () =>
  orderableProduct((product) => Boolean(product.barcode && isEan13(product.barcode.value)));

/** The first category tile of /catalogue (on a phone the category tree is folded away). */
const categoryTile = (page: Page) => page.locator('main a[href^="/catalogue/"]:visible').first();

/** The bottom bar's link to a destination. */
const bottomNav = (page: Page) => page.getByRole("navigation", { name: "Main" });

/** Content Security Policy violations reported on the console. */
function collectCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

async function addOnProductPage(page: Page, product: SimProduct) {
  await page.goto(`/products/${product.sku}`);
  await page.getByRole("button", { name: "Add to cart" }).tap();
  await expect(page.getByRole("status").filter({ hasText: "Added" })).toBeVisible();
}

test.describe("phone: signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("sign in, browse, search, add and check out by touch", async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await expect(page.getByLabel("Email address")).toHaveAttribute("type", "email");
    await page.getByLabel("Email address").fill(DEMO.dealer.email);
    await page.getByLabel("Password").fill(DEMO.dealer.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).tap();
    await expect(page.getByRole("heading", { name: `Welcome, ${DEMO.dealer.name}` })).toBeVisible();
    await new CartPage(page).empty();

    // Browse: the bottom bar, a category, the first product that can be added, its page.
    await bottomNav(page).getByRole("link", { name: "Catalogue" }).tap();
    await expect(page.getByRole("heading", { name: "Catalogue", level: 1 })).toBeVisible();
    await categoryTile(page).tap();
    const card = page
      .getByRole("article")
      .filter({ has: page.getByRole("button", { name: /^Add to cart:/ }) })
      .first();
    const browsedName = (await card.getByRole("heading").innerText()).trim();
    await card.getByRole("link").first().tap();
    await expect(page.getByRole("heading", { level: 1, name: browsedName })).toBeVisible();
    await page.getByRole("button", { name: "Add to cart" }).tap();
    await expect(page.getByRole("status").filter({ hasText: "Added" })).toBeVisible();

    // Search from the bottom bar's search page, and add from the results.
    const searched = await orderableProduct((product) => product.title !== browsedName);
    await bottomNav(page).getByText("More", { exact: true }).tap();
    await bottomNav(page).getByRole("link", { name: "Search" }).tap();
    await expect(page).toHaveURL(/\/search$/);
    const search = page.locator("main").getByRole("combobox", { name: "Search the catalogue" });
    await search.tap();
    await search.fill(searched.sku);
    await search.press("Enter");
    const result = page.getByRole("article").filter({ hasText: searched.sku }).first();
    await result.getByRole("button", { name: /^Add to cart:/ }).tap();
    await expect(result.getByRole("status").filter({ hasText: "Added" })).toBeVisible();

    // The cart from the bottom bar, then checkout.
    await bottomNav(page)
      .getByRole("link", { name: /^Cart, 2 lines$/ })
      .tap();
    await expect(page.getByRole("heading", { name: "Cart", level: 1 })).toBeVisible();
    await expect(new CartPage(page).lines()).toHaveCount(2);
    await page.getByRole("link", { name: "Continue to checkout" }).tap();
    const reference = `PHONE-${Date.now()}`;
    await page.getByLabel("Your order reference").fill(reference);
    await page.getByRole("button", { name: "Review order" }).tap();
    await expect(page.getByRole("heading", { name: "Summary" })).toBeVisible();
    await page.getByRole("button", { name: "Place order" }).tap();
    await expect(page.getByRole("heading", { name: "Thank you, your order has been placed" })).toBeVisible();
  });
});

test.describe("phone layout", () => {
  test("no page scrolls sideways at 360 px, and touch targets are at least 44 px", async ({
    page,
    browser,
  }, testInfo) => {
    test.setTimeout(120_000);
    const product = await orderableProduct();
    await new CartPage(page).empty();
    await addOnProductPage(page, product);

    await page.goto("/catalogue");
    const category = await categoryTile(page).getAttribute("href");
    await page.goto("/orders");
    const order = await page.locator('main a[href^="/orders/"]').first().getAttribute("href");
    expect(category, "a category link on /catalogue").toBeTruthy();
    expect(order, "an order link on /orders").toMatch(/^\/orders\/\d+/);

    const addresses = [
      "/",
      "/catalogue",
      category!,
      `/products/${product.sku}`,
      `/search?q=${encodeURIComponent((product.title ?? product.sku).split(" ")[0]!)}`,
      "/quick-order",
      "/scan",
      "/cart",
      "/checkout",
      "/orders",
      order!,
      "/offline",
    ];
    const problems: string[] = [];
    const check = async (target: Page, address: string) => {
      const response = await target.goto(address);
      expect(response?.status(), address).toBeLessThan(400);
      await target.waitForLoadState("networkidle");
      const measured = await target.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const visible = (element: Element) => element.checkVisibility({ visibilityProperty: true });
        const describe = (element: Element) =>
          `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""} "${(element.textContent ?? element.getAttribute("aria-label") ?? "").trim().slice(0, 30)}"`;
        const wide = [...document.querySelectorAll("body *")]
          .filter((element) => visible(element) && element.getBoundingClientRect().right > width + 0.5)
          .slice(0, 3)
          .map(describe);
        const scrollWidth = document.documentElement.scrollWidth;
        // Folded parts (the category tree on a phone) count too, once unfolded.
        for (const details of document.querySelectorAll("details")) details.open = true;
        // Controls a thumb has to hit; links inside running text are exempt (WCAG 2.5.8).
        const controls = document.querySelectorAll(
          'button, select, input:not([type="checkbox"]):not([type="radio"]):not([type="hidden"]):not([type="file"]), textarea, nav a, [role="option"]',
        );
        const small = [...controls]
          .filter(visible)
          .filter((element) => !element.closest(".sr-only"))
          .filter((element) => {
            const box = element.getBoundingClientRect();
            return box.height < 43.5 || box.width < 24;
          })
          .slice(0, 5)
          .map((element) => {
            const box = element.getBoundingClientRect();
            return `${describe(element)} ${Math.round(box.width)}×${Math.round(box.height)}`;
          });
        return { scrollWidth: Math.max(scrollWidth, document.documentElement.scrollWidth), width, wide, small };
      });
      if (measured.scrollWidth > 360) {
        problems.push(`${address}: scrollWidth ${measured.scrollWidth} > 360 (${measured.wide.join(", ")})`);
      }
      if (measured.small.length) problems.push(`${address}: small touch targets ${measured.small.join(", ")}`);
    };

    for (const address of addresses) await check(page, address);
    const signedOut = await browser.newContext({
      ...phoneOptions(testInfo),
      storageState: { cookies: [], origins: [] },
    });
    await check(await signedOut.newPage(), "/sign-in");
    await signedOut.close();
    expect(problems, problems.join("\n")).toEqual([]);
  });

  test("form fields bring up the right phone keyboard", async ({ page }) => {
    await new CartPage(page).empty();
    await addOnProductPage(page, await orderableProduct((product) => product.dropshipment.dropshipable));
    await page.goto("/scan");
    await expect(page.getByLabel("Barcode", { exact: true })).toHaveAttribute("inputmode", "numeric");
    await page.goto("/checkout");
    await page.getByRole("radio", { name: "Drop-shipment to my customer" }).tap();
    await expect(page.getByLabel("Phone")).toHaveAttribute("type", "tel");
    await expect(page.getByLabel("House number", { exact: true })).toHaveAttribute("inputmode", "numeric");
    await expect(page.getByLabel("Postcode")).toHaveAttribute("autocapitalize", "characters");
  });

  test("the order list is cards to the eye and still a table to a screen reader, each order once", async ({ page }) => {
    await page.goto("/orders");
    const table = page.getByRole("table", { name: /^Orders 1–\d+ of \d+$/ });
    await expect(table).toBeVisible();
    // On a phone the column headers are hidden: each cell says its own column.
    await expect(table.getByRole("columnheader")).toHaveCount(0);
    const rows = table.getByRole("row");
    const count = await rows.count();
    expect(count).toBeGreaterThan(0);
    const first = rows.first();
    const date = first.getByRole("cell", { name: /^Last change / });
    const total = first.getByRole("cell", { name: /^Total excl\. VAT €/ });
    await expect(date).toBeVisible();
    await expect(total).toBeVisible();
    // A card, not a row of a wide table: its cells stack, and nothing is drawn twice.
    expect((await total.boundingBox())!.y).toBeGreaterThan((await date.boundingBox())!.y);
    const links = await page
      .locator('main a[href^="/orders/"]')
      .evaluateAll((elements) => elements.map((element) => element.getAttribute("href")));
    expect(links).toHaveLength(count);
    expect(new Set(links).size).toBe(count);
    // Printed from a phone, the cards keep their column names.
    await page.emulateMedia({ media: "print" });
    await expect(first.getByRole("cell", { name: /^Last change / })).toBeVisible();
  });

  test("an order's lines are cards to the eye and a table to a screen reader, each line once; printed, a packing list without prices", async ({
    page,
  }) => {
    await page.goto("/orders");
    await page.locator('main a[href^="/orders/"]').first().tap();
    const table = page.getByRole("table", { name: /^Lines of order \d+$/ });
    await expect(table).toBeVisible();
    await expect(table.getByRole("columnheader")).toHaveCount(0);
    // The first line (printed, the column headers are a row too).
    const first = table
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader") })
      .first();
    const quantity = first.getByRole("cell", { name: /^Quantity \d/ });
    const total = first.getByRole("cell", { name: /^Line total excl\. VAT (€|—)/ });
    await expect(quantity).toBeVisible();
    await expect(total).toBeVisible();
    expect((await total.boundingBox())!.y).toBeGreaterThan((await quantity.boundingBox())!.y);
    // Each line is on the page once: its SKU is written once.
    const sku = (await first.getByRole("rowheader").locator(".font-mono").first().textContent())!;
    await expect(page.locator("main").getByText(sku, { exact: true })).toHaveCount(1);

    await page.emulateMedia({ media: "print" });
    await expect(table.getByRole("columnheader")).toHaveText(["Product", "Quantity", "Picked"]);
    await expect(first.getByRole("cell", { name: /^Quantity \d/ })).toHaveCount(0);
    await expect(first.getByRole("cell").filter({ hasText: "€" })).toHaveCount(0);
    await expect(first.getByRole("cell", { name: /^\d+ / })).toBeVisible();
  });
});

test.describe("scan page", () => {
  test("the camera reads an EAN-13 of the catalogue, the product is shown and added; continuous mode adds once per sighting and undo takes it out", async ({
    playwright,
  }, testInfo) => {
    test.setTimeout(90_000);
    const product = await scannableProduct();
    const barcode = product.barcode!.value;
    const unit = product.sales_unit_amount;
    const { video, image } = writeBarcodeVideo(barcode, path.join(E2E.results, "fake-camera"));
    await testInfo.attach("barcode", { path: image, contentType: "image/png" });

    const launch = testInfo.project.use.launchOptions ?? {};
    const browser = await playwright.chromium.launch({
      ...launch,
      args: [
        ...(launch.args ?? []),
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
        `--use-file-for-fake-video-capture=${video}`,
      ],
    });
    try {
      const context = await browser.newContext({ ...phoneOptions(testInfo), storageState: E2E.dealerState });
      await context.grantPermissions(["camera"], { origin: E2E.portalUrl });
      const page = await context.newPage();
      const csp = collectCspViolations(page);
      await new CartPage(page).empty();
      // Through the bottom bar, as a dealer would (the scan page loads as its own document: camera policy).
      await bottomNav(page).getByRole("link", { name: "Scan" }).tap();
      await expect(page).toHaveURL(/\/scan$/);

      const card = page.getByRole("article").filter({ hasText: product.sku });
      // The title the simulator gives now (another test may have changed it; the portal follows by its sync).
      await expect
        .poll(() => saysCurrentTitle(card.getByRole("heading", { level: 2 }), product.sku), {
          timeout: 20_000,
          intervals: [500],
        })
        .toBe(true);
      const decoder = await page.locator("[data-decoder]").getAttribute("data-decoder");
      const native = await page.evaluate(() => "BarcodeDetector" in window);
      testInfo.annotations.push({ type: "decoder", description: `${decoder} (BarcodeDetector present: ${native})` });
      console.log(`scan page decoder: ${decoder}; BarcodeDetector in this Chromium: ${native}`);
      expect(decoder).toBe(native ? "native" : "zxing");
      await expect(card.getByText(/In stock|Out of stock|Stock unknown/)).toBeVisible();

      await card.getByRole("button", { name: /^Increase quantity/ }).tap();
      await card.getByRole("button", { name: "Add to cart" }).tap();
      const status = page.getByTestId("scan-status");
      await expect(status).toContainText(`Added ${unit * 2} ×`);
      const added = page.getByTestId("scan-added").getByRole("listitem");
      await expect(added).toHaveCount(1);

      // Continuous: the code is out of view (camera off) for more than the repeat window, then in view for seconds.
      await page.getByRole("button", { name: "Stop camera" }).tap();
      await page.waitForTimeout(2_300);
      await page.getByRole("checkbox", { name: "Continuous scanning" }).tap();
      await page.getByRole("button", { name: "Start camera" }).tap();
      await expect(added).toHaveCount(2, { timeout: 20_000 });
      await expect(added.first()).toContainText(`${unit} ×`);
      await page.waitForTimeout(3_000);
      await expect(added, "the same code in view is added only once").toHaveCount(2);

      await added
        .first()
        .getByRole("button", { name: /^Undo:/ })
        .tap();
      await expect(status).toContainText("out of the cart again");
      await expect(added.first()).toHaveAttribute("data-state", "undone");
      await page.getByRole("button", { name: "Stop camera" }).tap();

      // Reached by a client-side link from a page whose policy forbids the camera, the page loads itself once more.
      await page.goto("/");
      await page.getByRole("link", { name: /^Scan barcodes/ }).tap();
      await expect(page.locator("[data-camera]")).toHaveAttribute("data-camera", "on", { timeout: 20_000 });

      const cart = new CartPage(page);
      await cart.goto();
      await expect(cart.lines()).toHaveCount(1);
      await expect(
        cart
          .lines()
          .first()
          .getByRole("textbox", { name: /^Quantity of/ }),
      ).toHaveValue(String(unit * 2));
      expect(csp, csp.join("\n")).toEqual([]);
      await context.close();
    } finally {
      await browser.close();
    }
  });

  test("an unknown code typed by a keyboard-wedge scanner is said plainly, with its digits and a search by hand", async ({
    page,
  }) => {
    await page.goto("/scan");
    const field = page.getByLabel("Barcode", { exact: true });
    await field.focus();
    await page.keyboard.type("2000000000008");
    await page.keyboard.press("Enter");
    const alert = page.getByRole("alert").filter({ hasText: "No product in the catalogue" });
    await expect(alert).toContainText("No product in the catalogue has the barcode 2000000000008.");
    await expect(alert.getByTestId("unknown-code")).toHaveText("2000000000008");
    await expect(alert.getByRole("link", { name: "Search for 2000000000008 by hand" })).toHaveAttribute(
      "href",
      "/search?q=2000000000008",
    );

    // A known one typed the same way shows its product.
    const product = await scannableProduct();
    await field.fill(product.barcode!.value);
    await field.press("Enter");
    await expect(page.getByRole("article").filter({ hasText: product.sku }).getByRole("heading")).toBeVisible();
  });

  test("scans made without a connection are kept on the device and added when it returns", async ({
    page,
    context,
  }) => {
    const product = await scannableProduct();
    await new CartPage(page).empty();
    await page.goto("/scan");
    await context.setOffline(true);
    await expect(page.getByText("No connection. Scans are kept on this device")).toBeVisible();
    const field = page.getByLabel("Barcode", { exact: true });
    await field.fill(product.barcode!.value);
    await field.press("Enter");
    await expect(page.getByTestId("scan-status")).toContainText(`No connection: ${product.barcode!.value} is kept`);
    await expect(page.getByTestId("kept-scans")).toHaveText("1 scan is kept on this device, waiting for a connection.");

    await context.setOffline(false);
    await expect(page.getByText("1 scan made without a connection was added to the cart.")).toBeVisible();
    await expect(page.getByTestId("kept-scans")).toHaveCount(0);
    const cart = new CartPage(page);
    await cart.goto();
    await expect(cart.lines().filter({ hasText: product.sku })).toHaveCount(1);
  });
});

test.describe("installable app", () => {
  test("manifest and icons", async ({ request }) => {
    const response = await request.get("/manifest.webmanifest");
    expect(response.ok()).toBe(true);
    const manifest = (await response.json()) as {
      name: string;
      start_url: string;
      display: string;
      theme_color: string;
      icons: { src: string; sizes: string; purpose: string }[];
    };
    expect(manifest).toMatchObject({
      name: "Dealer Portal",
      start_url: "/",
      display: "standalone",
      theme_color: "#155bb0",
    });
    expect(manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose}`).sort()).toEqual([
      "192x192 any",
      "192x192 maskable",
      "512x512 any",
      "512x512 maskable",
    ]);
    for (const icon of manifest.icons) {
      const file = await request.get(icon.src);
      expect(file.headers()["content-type"], icon.src).toBe("image/png");
    }
  });

  test("the installed app is named in the page's language: each page links the manifest of its language", async ({
    page,
    context,
    request,
  }) => {
    for (const [locale, name, shortcuts] of [
      ["en", "Dealer Portal", ["Scan", "Cart"]],
      ["nl", "Dealerportaal", ["Scannen", "Winkelwagen"]],
    ] as const) {
      await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: E2E.portalUrl }]);
      await page.goto("/catalogue");
      const href = await page.locator('link[rel="manifest"]').getAttribute("href");
      expect(href, locale).toBeTruthy();
      // A browser asks for the manifest without the portal's cookies: the language is in its address.
      const response = await request.get(href!, { headers: { cookie: "" } });
      expect(response.headers()["content-type"]).toContain("application/manifest+json");
      const manifest = (await response.json()) as {
        name: string;
        lang: string;
        id: string;
        shortcuts: { name: string }[];
      };
      expect(manifest).toMatchObject({ name, lang: locale, id: "/" });
      expect(manifest.shortcuts.map((shortcut) => shortcut.name)).toEqual(shortcuts);
    }
    // An address naming no language of ours gets the default one.
    expect(((await (await request.get("/manifest.webmanifest?lang=xx")).json()) as { lang: string }).lang).toBe("en");
  });

  test("the service worker answers a page that cannot load with the offline page, and keeps no signed-in page", async ({
    page,
    context,
  }) => {
    const csp = collectCspViolations(page);
    await page.goto("/catalogue");
    await expect
      .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 20_000 })
      .toBe(true);
    await page.goto("/orders");
    await context.setOffline(true);
    await page.goto("/cart");
    await expect(page.getByRole("heading", { level: 1, name: "You are offline" })).toBeVisible();
    await expect(page.getByText("What still works")).toBeVisible();
    await context.setOffline(false);
    await page.getByRole("button", { name: "Try again" }).tap();
    await expect(page.getByRole("heading", { name: "Cart", level: 1 })).toBeVisible();

    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      }
      return urls;
    });
    expect(cached).toContain("/offline");
    expect(
      cached.filter((url) => !url.startsWith("/_next/static/") && !url.startsWith("/icons/") && url !== "/offline"),
    ).toEqual([]);
    expect(csp, csp.join("\n")).toEqual([]);
  });
});
