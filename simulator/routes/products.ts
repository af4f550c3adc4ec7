/** GET /products (the SKU list, feature PRODUCT_LIST), /products/{product}, /products/barcode/{barcode}. */
import { Hono } from "hono";
import { FEATURE_PRODUCT_LIST, hasFeature } from "../auth.js";
import type { AppEnv, SimCore } from "../context.js";
import type { ProductFilter } from "../dataset/catalogue.js";
import { authenticate, sendJson } from "../http.js";
import { HttpError, modelNotFound, unauthorized, Validator } from "../laravel.js";
import { parseDateInput } from "../phpdate.js";

export function productRoutes(sim: SimCore): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const auth = authenticate(sim);

  r.get("/products", auth, (c) => {
    if (!hasFeature(c.get("principal"), FEATURE_PRODUCT_LIST)) throw unauthorized();
    const { catalogue, categories } = sim.state;
    const v = new Validator();
    const filter: ProductFilter = {};
    const category = c.req.query("category");
    if (category) {
      const node = categories.find(category);
      // An unknown category matches nothing, as a where-clause would.
      if (!node) return sendJson(c, "[]");
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
    return sendJson(c, catalogue.listBody(filter));
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
