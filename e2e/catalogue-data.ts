import { expect, type Locator, type Page } from "@playwright/test";

import { E2E } from "./env";

/** Test data read straight from the simulator, so the journeys do not depend on one seed's products. */
export interface SimProduct {
  sku: string;
  title: string | null;
  vendor_item_no: string | null;
  blocked: boolean;
  barcode: { value: string } | null;
  stock_colour: string;
  sales_unit_amount: number;
  dropshipment: { dropshipable: boolean; is_big_parcel: boolean };
  prices: { priceOnDemand: boolean; minqty: number; exvat: number }[];
  "categories-b2b": Record<string, { code: string; path_new: string }[]>;
  media: { hash: string; ext: string; mimetype: string }[];
  customs: { code: string | null; label: string | null; origin: string | null } | null;
  files: { hash: string; ext: string; type: string; size: number | null }[];
}

const SERVICE_TOKEN = "sim-service-token";
let cache: { products: SimProduct[]; readAt: number } | null = null;
/**
 * How long the first products read stay good for. The simulator's clock leaves the first 400 alone
 * (SIM_STEADY_PRODUCTS, playwright.config.ts), but tests in other workers change some of them through its
 * control API (cache.spec.ts retitles one and puts the title back, others block one), and a CI run lasts
 * 15-25 minutes: a worker's first reading, kept for all of it, once gave a test a title the portal no
 * longer showed.
 */
const FRESH_FOR_MS = 60_000;

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${E2E.simulatorUrl}${path}`, { headers: { Authorization: `Bearer ${SERVICE_TOKEN}` } });
  if (!response.ok) throw new Error(`simulator ${path}: ${response.status}`);
  return (await response.json()) as T;
}

/** The first products of the catalogue with their details, as the simulator had them within the last minute. */
export async function someProducts(count = 120): Promise<SimProduct[]> {
  if (cache && cache.products.length >= count && Date.now() - cache.readAt < FRESH_FOR_MS) {
    return cache.products.slice(0, count);
  }
  const readAt = Date.now();
  const list = await api<{ sku: string }[]>("/products");
  const products = await Promise.all(
    list.slice(0, count).map((entry) => api<SimProduct>(`/products/${encodeURIComponent(entry.sku)}`)),
  );
  cache = { products, readAt };
  return products;
}

/**
 * One product as the simulator has it now. A test in another worker may have changed it through the
 * simulator's control API since `someProducts` read it, so that reading can be older than what the portal
 * shows after its sync.
 */
async function currentProduct(sku: string): Promise<SimProduct> {
  return api<SimProduct>(`/products/${encodeURIComponent(sku)}`);
}

/**
 * Whether `shown` says the product's title as the simulator gives it now (after `prefix`), for
 * `expect.poll`: the portal follows a retitling by its sync.
 */
export async function saysCurrentTitle(shown: Locator, sku: string, prefix = ""): Promise<boolean> {
  const said = await shown.innerText({ timeout: 1_000 }).catch(() => "");
  return said.includes(`${prefix}${(await currentProduct(sku)).title!.trim()}`);
}

/**
 * Opens the product's page until it says the title the simulator gives now (the portal follows a
 * retitling by its sync); answers that title.
 */
export async function openProductPage(page: Page, sku: string): Promise<string> {
  const address = `/products/${encodeURIComponent(sku)}`;
  const heading = page.getByRole("heading", { level: 1 });
  await expect
    .poll(
      async () => {
        await page.goto(address);
        return saysCurrentTitle(heading, sku);
      },
      { timeout: 20_000, intervals: [500] },
    )
    .toBe(true);
  return (await heading.innerText()).trim();
}

/** An ordinary product: titled, orderable, priced, in stock. */
function isOrderable(product: SimProduct): boolean {
  return (
    Boolean(product.title) &&
    !product.blocked &&
    product.stock_colour === "green" &&
    !product.prices.some((tier) => tier.priceOnDemand)
  );
}

/**
 * An ordinary product as the simulator has it now: the first products may be up to a minute old
 * (`someProducts`), time enough for another test to change one of them (`currentProduct`), so the one
 * chosen is read again.
 */
export async function orderableProduct(filter: (product: SimProduct) => boolean = () => true): Promise<SimProduct> {
  for (const product of await someProducts()) {
    if (!isOrderable(product) || !filter(product)) continue;
    const now = await currentProduct(product.sku);
    if (isOrderable(now) && filter(now)) return now;
  }
  throw new Error("no orderable product in the first products of the simulator");
}

/** Titled, unblocked products, as the simulator has them now. */
export async function orderableProducts(count: number): Promise<SimProduct[]> {
  const chosen = (await someProducts()).filter((product) => !product.blocked && product.title).slice(0, count);
  return Promise.all(chosen.map((product) => currentProduct(product.sku)));
}
