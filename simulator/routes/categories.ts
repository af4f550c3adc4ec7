/** GET /categories (the tree), /categories/{category} (an array of one) and /categories/{category}/children. */
import { Hono } from "hono";
import type { AppEnv, SimCore } from "../context.js";
import type { CategoryNode } from "../dataset/categories.js";
import { authenticate } from "../http.js";
import { modelNotFound } from "../laravel.js";

export function categoryRoutes(sim: SimCore): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const auth = authenticate(sim);

  const find = (key: string): CategoryNode => {
    const node = sim.state.categories.find(key);
    if (!node) throw modelNotFound("Category", key);
    return node;
  };

  r.get("/categories", auth, (c) => {
    const tree = sim.state.categories;
    return c.json(tree.roots.map((root) => tree.toJson(root)));
  });

  r.get("/categories/:category", auth, (c) => {
    const node = find(c.req.param("category"));
    return c.json([sim.state.categories.toJson(node)]);
  });

  r.get("/categories/:category/children", auth, (c) => {
    const node = find(c.req.param("category"));
    return c.json(node.children.map((child) => sim.state.categories.toJson(child)));
  });

  return r;
}
