import { readFileSync } from "node:fs";
import path from "node:path";

import { MAX_MEDIA_BYTES } from "../lib/media/limits";
import { openProductPage, orderableProduct, someProducts, type SimProduct } from "./catalogue-data";
import { E2E } from "./env";
import { hydrated } from "./hydration";
import { expect, test } from "./fixtures";

/**
 * Issue 16 for the catalogue: hole 1 (the product-list permission), hole 6 (bad input on the
 * catalogue's routes answers 400/404 in the reader's language, never 5xx) and hole 8 (/media).
 */

const nl = JSON.parse(readFileSync("messages/nl.json", "utf8")) as {
  errors: { notFoundTitle: string };
  product: { notFoundTitle: string };
  search: { invalidQuery: string };
};

/** A category of the product, as the portal addresses it (`/catalogue/<root>/<child>/…`). */
function categoryPathOf(product: SimProduct): string {
  const first = Object.values(product["categories-b2b"])[0]?.[0];
  if (!first) throw new Error(`product ${product.sku} has no category`);
  return `/catalogue/${first.path_new.split(",").map(encodeURIComponent).join("/")}`;
}

async function productWithCategoryAndBarcode(): Promise<SimProduct> {
  return orderableProduct(
    (product) =>
      Boolean(product.barcode?.value) && Object.values(product["categories-b2b"]).some((list) => list.length),
  );
}

test.describe("without the product list (limited@bakker.example)", () => {
  test.use({ storageState: E2E.limitedState });

  test("catalogue, a category page, word search and suggestions list no products and say how to order by code", async ({
    page,
  }) => {
    const product = await productWithCategoryAndBarcode();
    const byCode = page.getByRole("region", { name: "Order by SKU, part number or barcode" });

    await page.goto("/");
    await expect(page.getByRole("link", { name: /^Find a product by code/ })).toBeVisible();
    await expect(page.getByRole("link", { name: /^Browse the catalogue/ })).toHaveCount(0);

    await page.goto("/catalogue");
    await expect(page.getByRole("heading", { level: 1, name: "Catalogue" })).toBeVisible();
    await expect(byCode).toContainText("This account orders by SKU, part number or barcode.");
    await expect(byCode.getByRole("link", { name: /^Quick order/ })).toHaveAttribute("href", "/quick-order");
    await expect(byCode.getByRole("link", { name: /^Scan barcodes/ })).toHaveAttribute("href", "/scan");
    await expect(page.locator('main a[href^="/catalogue/"]')).toHaveCount(0);
    await expect(page.locator("main article")).toHaveCount(0);

    const category = await page.goto(categoryPathOf(product));
    expect(category?.status()).toBe(200);
    await expect(byCode).toBeVisible();
    await expect(page.locator("main article")).toHaveCount(0);
    await expect(page.getByRole("status").filter({ hasText: /product/ })).toHaveCount(0);

    await page.goto("/search?q=kabel");
    await expect(byCode).toContainText("No product has the SKU, part number or barcode “kabel”.");
    await expect(page.locator("main article")).toHaveCount(0);

    // A word of a product's title finds nothing either: no list of word matches.
    const word = (product.title ?? "").match(/[A-Za-zÀ-ž]{5,}/)?.[0];
    if (word) {
      await page.goto(`/search?q=${encodeURIComponent(word)}`);
      await expect(byCode).toBeVisible();
      await expect(page.locator("main article")).toHaveCount(0);
      await expect(page.locator("main")).not.toContainText(product.sku);
    }

    const suggest = await page.request.get("/api/search/suggest?q=kab");
    expect(suggest.status()).toBe(403);
    const body = (await suggest.json()) as { items: unknown[]; message: string };
    expect(body.items).toEqual([]);
    expect(body.message).toContain("SKU, part number or barcode");
    const bySku = await page.request.get(`/api/search/suggest?q=${encodeURIComponent(product.sku)}`);
    expect(bySku.status()).toBe(403);
  });

  test("a product page by SKU, and a search for an exact SKU, part number or barcode, open the product", async ({
    page,
  }) => {
    const product = await productWithCategoryAndBarcode();

    const direct = await page.goto(`/products/${encodeURIComponent(product.sku)}`);
    expect(direct?.status()).toBe(200);
    // The title the simulator gives now: another test may have changed it, and the portal follows by its sync.
    const title = await openProductPage(page, product.sku);
    await expect(page.getByRole("button", { name: "Add to cart" })).toBeVisible();
    // Its categories are named, not offered as lists.
    await expect(page.locator('main a[href^="/catalogue/"]')).toHaveCount(0);

    const search = page.getByRole("combobox", { name: "Search the catalogue" });
    await expect(search).toHaveAttribute("placeholder", "SKU, part number or barcode");
    for (const code of [product.sku, product.sku.toLowerCase(), product.barcode!.value]) {
      await page.goto("/");
      await search.fill(code);
      await search.press("Enter");
      await expect(page).toHaveURL(new RegExp(`/products/${encodeURIComponent(product.sku)}$`));
      await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    }

    // The look-up on the catalogue page does the same.
    await page.goto("/catalogue");
    await page.getByLabel("SKU, part number or barcode", { exact: true }).fill(product.sku);
    await page.getByRole("button", { name: "Open product" }).click();
    await expect(page).toHaveURL(new RegExp(`/products/${encodeURIComponent(product.sku)}$`));
  });

  test("quick order asks for no suggestions, which the server would refuse, and still adds by SKU", async ({
    page,
  }) => {
    const product = await orderableProduct();
    const asked: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname === "/api/search/suggest") asked.push(request.url());
    });
    await page.goto("/quick-order");
    await hydrated(page);
    const firstSku = page.getByLabel("SKU, barcode or part number, row 1");
    await firstSku.click();
    await page.keyboard.type(product.sku.slice(0, -1));
    // Past the fields' wait before asking (150 ms) and the query library's load, had either started.
    await page.waitForTimeout(1_500);
    expect(asked).toEqual([]);
    await expect(firstSku).not.toHaveAttribute("list");
    await expect(page.locator("#quick-order-suggestions")).toHaveCount(0);

    await page.keyboard.type(product.sku.slice(-1));
    await page.getByLabel("Quantity, row 1").fill(String(product.sales_unit_amount));
    await page.getByRole("button", { name: "Check lines" }).first().click();
    await expect(page.getByText("1 line can be added, none cannot.")).toBeVisible();
  });
});

test.describe("with the product list (dealer@acme.example)", () => {
  test("the dealer still browses, searches by word and gets suggestions", async ({ page }) => {
    const product = await productWithCategoryAndBarcode();
    await page.goto("/catalogue");
    await expect(page.locator('main a[href^="/catalogue/"]').first()).toBeVisible();
    await expect(page.getByRole("region", { name: "Order by SKU, part number or barcode" })).toHaveCount(0);

    await page.goto(categoryPathOf(product));
    await expect(page.locator("main article").first()).toBeVisible();

    await page.goto("/search?q=kabel");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("kabel");
    await expect(page.getByRole("region", { name: "Order by SKU, part number or barcode" })).toHaveCount(0);

    const suggest = await page.request.get(`/api/search/suggest?q=${encodeURIComponent(product.sku)}`);
    expect(suggest.status()).toBe(200);
    const body = (await suggest.json()) as { items: { sku: string }[] };
    expect(body.items.map((item) => item.sku)).toContain(product.sku);
  });
});

test.describe("bad input on the catalogue's addresses", () => {
  test("NUL, lone surrogates and malformed percent-encoding answer 400 or 404 in the reader's language", async ({
    page,
  }) => {
    const suggest = await page.request.get("/api/search/suggest?q=%00");
    expect(suggest.status()).toBe(400);
    expect(((await suggest.json()) as { message: string }).message).toBe(
      "This search contains characters that cannot be searched for.",
    );
    const suggestNl = await page.request.get("/api/search/suggest?q=a%00b", { headers: { "accept-language": "nl" } });
    expect(suggestNl.status()).toBe(400);
    expect(((await suggestNl.json()) as { message: string }).message).toBe(nl.search.invalidQuery);

    const pages: [string, string][] = [
      ["/search?q=a%00b", "Page not found"],
      // Malformed percent-encoding never reaches the page (the proxy answers not found for any path).
      ["/products/%FF", "Page not found"],
      // A NUL names no product either: the proxy answers it as no page, before any route reads it.
      ["/products/a%00b", "Page not found"],
      ["/catalogue/%ED%A0%80", "Page not found"],
      ["/catalogue/%FF", "Page not found"],
      ["/catalogue/a%00b", "Page not found"],
    ];
    for (const [address, heading] of pages) {
      const response = await page.goto(address);
      expect(response?.status(), address).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: heading }), address).toBeVisible();
    }
    for (const address of [
      "/search?q=%ED%A0%80",
      "/search?q=%FF",
      "/api/search/suggest?q=%ED%A0%80",
      // Not /media/%ED%A0%80: /media is outside the proxy, and Next's own decoding answers it 500 (see the report).
      "/media/a%00b.png",
    ]) {
      const response = await page.request.get(address);
      expect(response.status(), address).toBeLessThan(500);
    }

    // The reader chose Dutch (the language switch's cookie).
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "nl", url: E2E.portalUrl }]);
    for (const address of ["/products/a%00b", "/search?q=a%00b", "/catalogue/%ED%A0%80", "/products/%FF"]) {
      const response = await page.goto(address);
      expect(response?.status(), address).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: nl.errors.notFoundTitle }), address).toBeVisible();
    }
  });

  test("the scan look-up refuses NUL and lone surrogates as not a barcode", async ({ page }) => {
    const distDir = process.env.NEXT_DIST_DIR || ".next";
    const manifest = JSON.parse(
      readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8"),
    ) as { node: Record<string, { exportedName?: string; filename?: string }> };
    const id = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === "lookupScannedCode")?.[0];
    expect(id, "the scan action in the build").toBeTruthy();
    await page.goto("/scan");
    for (const code of ["871\u00002345", "\ud800", "12\udc00"]) {
      const response = await page.request.post("/scan", {
        headers: {
          origin: new URL(page.url()).origin, // as a browser's post carries it
          "next-action": id!,
          "content-type": "text/plain;charset=UTF-8",
          accept: "text/x-component",
        },
        data: JSON.stringify([{ code }]),
      });
      expect(response.status(), JSON.stringify(code)).toBe(200);
      expect(await response.text()).toContain('"error":"invalid"');
    }
  });
});

test.describe("/media", () => {
  test("passes on pictures, and nothing that is not a picture or PDF", async ({ page }) => {
    const product = (await someProducts()).find((item) => item.media.some((media) => media.ext === "png"));
    const picture = product!.media.find((media) => media.ext === "png")!;
    const ok = await page.request.get(`/media/${picture.hash}.png`);
    expect(ok.status()).toBe(200);
    expect(ok.headers()["content-type"]).toBe("image/png");

    const html = await page.request.get("/media/misbehave-html.png");
    expect(html.status()).toBe(502);
    expect(html.headers()["content-type"] ?? "").not.toContain("html");
    expect(await html.text()).toBe("");
  });

  test("cuts off a file larger than the limit that states no length", async () => {
    const response = await fetch(`${E2E.portalUrl}/media/misbehave-oversize-${MAX_MEDIA_BYTES + 4 * 1024 * 1024}.png`);
    let received = 0;
    let complete = false;
    if (response.ok && response.body) {
      const reader = response.body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) {
            complete = true;
            break;
          }
          received += value.byteLength;
        }
      } catch {
        // Cut off: the stream ends in an error, so the browser never takes it for a whole file.
      }
    }
    expect(received).toBeLessThanOrEqual(MAX_MEDIA_BYTES);
    expect(complete && response.ok).toBe(false);

    // Within the limit and without a length, it passes whole.
    const small = await fetch(`${E2E.portalUrl}/media/misbehave-oversize-${200 * 1024}.png`);
    expect(small.status).toBe(200);
    expect((await small.arrayBuffer()).byteLength).toBe(200 * 1024);
  });
});
