/**
 * /__sim/*: the test harness's levers, guarded by the x-sim-key header.
 * Not part of the upstream; documented under the simulator-control tag.
 */
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv, SimCore } from "../context.js";
import { readJson, sendJson } from "../http.js";
import { fromZodError, HttpError, modelNotFound } from "../laravel.js";
import { isoSeconds } from "../phpdate.js";
import { presentOrder } from "./orders.js";

function parse<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body);
  if (!result.success) throw fromZodError(result.error);
  return result.data;
}

const advanceSchema = z
  .object({
    minutes: z
      .number()
      .min(0)
      .max(60 * 24 * 366),
  })
  .strict();
const expireSchema = z
  .object({ token: z.string().min(1).optional(), email: z.string().min(1).optional() })
  .strict()
  .refine((body) => body.token !== undefined || body.email !== undefined, "Give a token or an email.");
const accessSchema = z
  .object({
    email: z.string().min(1),
    permissions: z.array(z.string().min(1)).optional(),
    features: z.array(z.string().min(1)).optional(),
  })
  .strict();
const stockSchema = z.object({ sku: z.string().min(1), colour: z.enum(["green", "red"]) }).strict();
const productSchema = z
  .object({
    title: z.string().min(1).nullable().optional(),
    description: z.string().nullable().optional(),
    blocked: z.boolean().optional(),
    prices: z
      .array(
        z
          .object({ minqty: z.number().int().min(1), exvat: z.number().min(0), priceOnDemand: z.boolean().optional() })
          .strict(),
      )
      .min(1)
      .optional(),
  })
  .strict();
const tickSchema = z.object({ changes: z.number().int().min(1).max(10_000).optional() }).strict();

export function controlRoutes(sim: SimCore): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.use("*", async (c, next) => {
    if (c.req.header("x-sim-key") !== sim.options.controlKey) throw new HttpError(403, "Invalid or missing x-sim-key.");
    await next();
  });

  const skuIndex = (sku: string): number => {
    const index = sim.state.catalogue.indexOfSku(sku);
    if (index === undefined) throw modelNotFound("Product", sku);
    return index;
  };

  r.post("/reset", (c) => {
    sim.reset();
    return c.json({ reset: true, now: isoSeconds(sim.clock.now()) });
  });

  r.get("/variants", (c) => c.json({ variants: sim.variants.current }));
  r.post("/variants", async (c) => c.json({ variants: sim.variants.set(await readJson(c)) }));

  r.get("/faults", (c) => c.json(sim.faults.current));
  r.post("/faults", async (c) => c.json(sim.faults.set(await readJson(c))));
  r.delete("/faults", (c) => {
    sim.faults.clear();
    return c.json(sim.faults.current);
  });

  r.get("/clock", (c) => c.json({ now: isoSeconds(sim.clock.now()), timeScale: sim.clock.timeScale }));
  r.post("/clock/advance", async (c) => {
    const { minutes } = parse(advanceSchema, await readJson(c));
    sim.clock.advance(minutes);
    sim.state.catalogue.catchUp(sim.clock.now());
    return c.json({ now: isoSeconds(sim.clock.now()), timeScale: sim.clock.timeScale });
  });

  r.get("/tokens", (c) => c.json({ tokens: sim.tokens.list() }));
  r.post("/tokens/expire", async (c) => {
    const { token, email } = parse(expireSchema, await readJson(c));
    let expired = 0;
    if (token !== undefined && sim.tokens.expireToken(token)) expired++;
    if (email !== undefined) expired += sim.tokens.expireUser(email);
    return c.json({ expired });
  });

  r.post("/users/access", async (c) => {
    const { email, ...access } = parse(accessSchema, await readJson(c));
    const principal = sim.tokens.setAccess(email, access);
    if (!principal) throw modelNotFound("User", email);
    return c.json({ email: principal.email, permissions: principal.permissions, features: principal.features });
  });

  r.get("/orders", (c) => {
    const now = sim.clock.now();
    const orders = sim.state.orders.all().map((order) => ({
      ...presentOrder(sim, order, now),
      customer_code: order.customerCode,
      creator_email: order.creatorEmail,
      test: order.test,
      created_at: isoSeconds(order.createdAt),
    }));
    return c.json(orders);
  });

  r.post("/stock", async (c) => {
    const { sku, colour } = parse(stockSchema, await readJson(c));
    sim.state.catalogue.setStock(skuIndex(sku), colour === "green", sim.clock.now());
    return c.json({ sku, colour });
  });

  r.post("/products/:sku", async (c) => {
    const index = skuIndex(c.req.param("sku"));
    sim.state.catalogue.update(index, parse(productSchema, await readJson(c)), sim.clock.now());
    return sendJson(c, sim.state.catalogue.productJson(index));
  });

  r.delete("/products/:sku", (c) => {
    const sku = c.req.param("sku");
    sim.state.catalogue.remove(skuIndex(sku));
    return c.json({ deleted: sku });
  });

  r.post("/catalogue/tick", async (c) => {
    const { changes } = parse(tickSchema, await readJson(c));
    return c.json(sim.state.catalogue.tick(sim.clock.now(), changes));
  });

  r.get("/stats", (c) => c.json(sim.stats.snapshot()));
  r.post("/stats/reset", (c) => {
    sim.stats.reset();
    return c.json(sim.stats.snapshot());
  });

  return r;
}
