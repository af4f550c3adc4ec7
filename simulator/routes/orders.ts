/**
 * Orders: list (own orders; admins may pick a customer), detail (404 for
 * another customer's order), create, and the status endpoint with its
 * capitalised text and ISO 8601 json forms.
 */
import { Hono } from "hono";
import { can, PERMISSION_COMPANIES, type Principal } from "../auth.js";
import type { AppEnv, SimCore } from "../context.js";
import { ORDER_STATUSES, type OrderJson, type OrderRecord } from "../dataset/orders.js";
import { authenticate, readJson } from "../http.js";
import { HttpError, modelNotFound, paginate, Validator } from "../laravel.js";
import { validateOrder } from "../order-validation.js";
import { isoSeconds, phpDate } from "../phpdate.js";

/** The statuses GET /orders accepts as a filter (the reference's enum: no "pending"). */
const FILTERABLE = ORDER_STATUSES.filter((status) => status !== "pending");

/** Orders a page holds in the `paged` variant (Laravel's default), and the most a client may ask. */
const ORDERS_PER_PAGE = 15;
const MAX_PER_PAGE = 100;

/** An order as the API shows it: its id and status in the shapes of the variants in force. */
export function presentOrder(
  sim: SimCore,
  order: OrderRecord,
  nowMs: number,
): Omit<OrderJson, "id" | "status"> & { id: number | string; status: string } {
  const json = sim.state.orders.toJson(order, nowMs);
  return { ...json, id: sim.variants.orderIdOut(order.id), status: sim.variants.statusOut(json.status) };
}

/** Laravel reads a bad page number as page 1. */
export function positiveInt(raw: string | undefined, fallback: number): number {
  const value = raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : fallback;
  return value >= 1 ? value : fallback;
}

/** Query parameters a page's links keep (Laravel's `withQueryString`), `page` left out. */
export function keptQuery(url: URL): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) if (name !== "page") query[name] = value;
  return query;
}

export function orderRoutes(sim: SimCore): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const auth = authenticate(sim);

  /**
   * The order if this principal may see it; ids are integers, also when sent as
   * the create response's string (`ORD…` strings only, with `string-ids`).
   */
  const visibleOrder = (raw: string, principal: Principal): OrderRecord => {
    const id = sim.variants.orderIdIn(raw);
    const order = id === undefined ? undefined : sim.state.orders.get(id);
    if (!order || (order.customerCode !== principal.customerCode && !can(principal, PERMISSION_COMPANIES)))
      throw modelNotFound("Order", raw);
    return order;
  };

  r.get("/orders", auth, (c) => {
    const principal = c.get("principal");
    const statuses = [
      ...(c.req.queries("status[]") ?? []),
      ...(c.req.queries("status") ?? []).flatMap((s) => s.split(",")),
    ].filter(Boolean);
    const v = new Validator();
    statuses.forEach((status, i) => {
      if (!(FILTERABLE as readonly string[]).includes(status))
        v.add(`status.${i}`, `The selected status.${i} is invalid.`);
    });
    v.check();
    const requested = c.req.query("customer_id");
    const customer =
      requested && can(principal, PERMISSION_COMPANIES) ? requested.toUpperCase() : principal.customerCode;
    const now = sim.clock.now();
    const orders = sim.state.orders
      .forCustomer(customer)
      .filter((order) => statuses.length === 0 || statuses.includes(sim.state.orders.current(order, now).status))
      .map((order) => presentOrder(sim, order, now));
    if (!sim.variants.paged) return c.json(orders);
    const url = new URL(c.req.url);
    const page = positiveInt(c.req.query("page"), 1);
    const perPage = Math.min(MAX_PER_PAGE, positiveInt(c.req.query("per_page"), ORDERS_PER_PAGE));
    return c.json(paginate(orders, page, perPage, `${url.origin}/orders`, keptQuery(url)));
  });

  r.get("/orders/:order", auth, (c) => {
    const order = visibleOrder(c.req.param("order"), c.get("principal"));
    return c.json(presentOrder(sim, order, sim.clock.now()));
  });

  r.get("/orders/:order/status", auth, (c) => {
    const order = visibleOrder(c.req.param("order"), c.get("principal"));
    const output = c.req.query("output") ?? "text";
    if (output !== "text" && output !== "json") {
      throw new HttpError(422, "The selected output is invalid.", { output: ["The selected output is invalid."] });
    }
    const step = sim.state.orders.current(order, sim.clock.now());
    const status = sim.variants.statusEndpointOut(step.status);
    if (output === "json") return c.json({ status, updated_at: isoSeconds(step.at) });
    return c.text(status);
  });

  r.post("/orders", auth, async (c) => {
    const body = await readJson(c);
    const input = validateOrder(body, c.get("principal"), sim.state);
    const now = sim.clock.now();
    const order = sim.state.orders.create(input, now);
    return c.json(
      {
        data: {
          // The reference's inconsistency on purpose: a string here, an integer everywhere else.
          id: sim.variants.createdIdOut(order.id),
          status: sim.variants.statusOut(sim.state.orders.current(order, now).status),
          created_at: phpDate(order.createdAt, "utc"),
        },
      },
      201,
    );
  });

  return r;
}
