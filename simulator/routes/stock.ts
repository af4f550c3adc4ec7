/** GET /stock/color, /stock/numeric and the deprecated /stock/absolute. */
import { Hono } from "hono";
import type { AppEnv, SimCore } from "../context.js";
import type { StockFormat } from "../dataset/catalogue.js";
import { authenticate, sendJson } from "../http.js";
import { Validator } from "../laravel.js";
import { parseDateInput } from "../phpdate.js";

export function stockRoutes(sim: SimCore): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const auth = authenticate(sim);

  for (const format of ["color", "numeric", "absolute"] as const satisfies readonly StockFormat[]) {
    r.get(`/stock/${format}`, auth, (c) => {
      const v = new Validator();
      const listType = c.req.query("listtype") || "nested";
      if (listType !== "nested" && listType !== "flat") v.add("listtype", "The selected listtype is invalid.");
      const raw = c.req.query("modified_since");
      const since = raw ? parseDateInput(raw) : undefined;
      if (raw && since === undefined) v.add("modified_since", "The modified since field must be a valid date.");
      v.check();
      return sendJson(c, sim.state.catalogue.stockBody(format, listType === "flat" ? "flat" : "nested", since));
    });
  }

  return r;
}
