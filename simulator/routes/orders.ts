/**
 * Orders: list (own orders; admins may pick a customer), detail (404 for
 * another customer's order), create, and the status endpoint with its
 * capitalised text and ISO 8601 json forms.
 */
import { Hono } from "hono";
import { can, PERMISSION_COMPANIES, type Principal } from "../auth.js";
import type { AppEnv, SimCore } from "../context.js";
import { ORDER_STATUSES, type OrderRecord } from "../dataset/orders.js";
import { authenticate, readJson } from "../http.js";
import { HttpError, modelNotFound, Validator } from "../laravel.js";
import { validateOrder } from "../order-validation.js";
import { isoSeconds, phpDate } from "../phpdate.js";

/** The statuses GET /orders accepts as a filter (the reference's enum: no "pending"). */
const FILTERABLE = ORDER_STATUSES.filter((status) => status !== "pending");

/** "in-m3" -> "In-m3", as the status endpoint answers. */
function capitalised(status: string): string {
  return status.charAt(0).toUpperCase() + status.slice(1);
}

export function orderRoutes(sim: SimCore): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const auth = authenticate(sim);

  /** The order if this principal may see it; ids are integers, also when sent as the create response's string. */
  const visibleOrder = (raw: string, principal: Principal): OrderRecord => {
    const order = /^\d{1,15}$/.test(raw) ? sim.state.orders.get(Number(raw)) : undefined;
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
      .map((order) => sim.state.orders.toJson(order, now))
      .filter((order) => statuses.length === 0 || statuses.includes(order.status));
    return c.json(orders);
  });

  r.get("/orders/:order", auth, (c) => {
    const order = visibleOrder(c.req.param("order"), c.get("principal"));
    return c.json(sim.state.orders.toJson(order, sim.clock.now()));
  });

  r.get("/orders/:order/status", auth, (c) => {
    const order = visibleOrder(c.req.param("order"), c.get("principal"));
    const output = c.req.query("output") ?? "text";
    if (output !== "text" && output !== "json") {
      throw new HttpError(422, "The selected output is invalid.", { output: ["The selected output is invalid."] });
    }
    const step = sim.state.orders.current(order, sim.clock.now());
    if (output === "json") return c.json({ status: capitalised(step.status), updated_at: isoSeconds(step.at) });
    return c.text(capitalised(step.status));
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
          id: String(order.id),
          status: sim.state.orders.current(order, now).status,
          created_at: phpDate(order.createdAt, "utc"),
        },
      },
      201,
    );
  });

  return r;
}
