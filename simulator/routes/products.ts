/** GET /products (the SKU list, feature PRODUCT_LIST), /products/{product}, /products/barcode/{barcode}. */
import { Hono } from "hono";
import { FEATURE_PRODUCT_LIST, hasFeature } from "../auth.js";
import type { AppEnv, SimCore } from "../context.js";
import type { ProductFilter } from "../dataset/catalogue.js";
import { authenticate, sendJson } from "../http.js";
import { HttpError, modelNotFound, paginate, unauthorized, Validator } from "../laravel.js";
import { parseDateInput } from "../phpdate.js";
import { keptQuery, positiveInt } from "./orders.js";

/** SKUs a page of the list holds in the `paged` variant, and the most a client may ask. */
const SKUS_PER_PAGE = 500;
const MAX_SKUS_PER_PAGE = 1_000;

export function productRoutes(sim: SimCore): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const auth = authenticate(sim);

  r.get("/products", auth, (c) => {
    /** The list bare, or one page of it with the `paged` variant. */
    const listAnswer = (entries: unknown[]) => {
      if (!sim.variants.paged) return entries;
      const url = new URL(c.req.url);
      const page = positiveInt(c.req.query("page"), 1);
      const perPage = Math.min(MAX_SKUS_PER_PAGE, positiveInt(c.req.query("per_page"), SKUS_PER_PAGE));
      return paginate(entries, page, perPage, `${url.origin}/products`, keptQuery(url));
    };
    if (!hasFeature(c.get("principal"), FEATURE_PRODUCT_LIST)) throw unauthorized();
    const { catalogue, categories } = sim.state;
    const v = new Validator();
    const filter: ProductFilter = {};
    const category = c.req.query("category");
    if (category) {
      const node = categories.find(category);
      // An unknown category matches nothing, as a where-clause would.
      if (!node) return sim.variants.paged ? c.json(listAnswer([])) : sendJson(c, "[]");
      filter.category = node;
    }
    const updateCount = c.req.query("update_count");
    if (updateCount !== undefined && updateCount !== "") {
      if (/^\d+$/.test(updateCount)) filter.minUpdateCount = Number(updateCount);
      else v.add("update_count", "The update count field must be an integer.");
    }
    const modifiedSince = c.req.query("modified_since");
    if (modifiedSince !== undefined && modifiedSince !== "") {
      const since = parseDateInput(modifiedSince);
      if (since === undefined) v.add("modified_since", "The modified since field must be a valid date.");
      else filter.modifiedSince = since;
    }
    const barcode = c.req.query("barcode");
    if (barcode !== undefined && barcode !== "")
      filter.barcodes = barcode
        .split(",")
        .map((code) => code.trim())
        .filter(Boolean);
    v.check();
    if (!sim.variants.paged) return sendJson(c, catalogue.listBody(filter));
    return c.json(listAnswer(JSON.parse(Buffer.from(catalogue.listBody(filter)).toString("utf8")) as unknown[]));
  });

  r.get("/products/barcode/:barcode", auth, (c) => {
    const barcode = c.req.param("barcode");
    const index = sim.state.catalogue.indexOfBarcode(barcode);
    if (index === undefined) throw new HttpError(404, `No product found with barcode ${barcode}.`);
    return sendJson(c, sim.state.catalogue.productJson(index));
  });

  r.get("/products/:product", auth, (c) => {
    const sku = c.req.param("product");
    const index = sim.state.catalogue.indexOfSku(sku);
    if (index === undefined) throw modelNotFound("Product", sku);
    return sendJson(c, sim.state.catalogue.productJson(index));
  });

  return r;
}
