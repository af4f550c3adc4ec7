/**
 * The wholesaler simulator as a Hono app: createSimulator() builds the seeded
 * state and wires the middleware (request stats, catalogue clock, control
 * endpoints, faults) in front of the API routes, with Laravel-style 404/405/500.
 */
import { Hono } from "hono";
import { routePath } from "hono/route";
import { TokenStore } from "./auth.js";
import { SimClock } from "./clock.js";
import type { AppEnv, SimCore } from "./context.js";
import { Faults } from "./faults.js";
import { HttpError } from "./laravel.js";
import { resolveOptions, type ResolvedOptions, type SimulatorOptions } from "./options.js";
import { authRoutes } from "./routes/auth.js";
import { categoryRoutes } from "./routes/categories.js";
import { companyRoutes } from "./routes/companies.js";
import { controlRoutes } from "./routes/control.js";
import { mediaRoutes } from "./routes/media.js";
import { orderRoutes } from "./routes/orders.js";
import { productRoutes } from "./routes/products.js";
import { stockRoutes } from "./routes/stock.js";
import { SimState } from "./state.js";
import { RequestStats } from "./stats.js";
import { Variants } from "./variants.js";

export type { SimulatorOptions } from "./options.js";

export interface Simulator extends SimCore {
  readonly app: Hono<AppEnv>;
  readonly options: ResolvedOptions;
}

/** "/products/:product" -> "/products/{product}", as the OpenAPI document names paths. */
function openApiPath(path: string): string {
  return path.replace(/:(\w+)(\{[^}]*\})?/g, "{$1}");
}

function pathPattern(path: string): RegExp {
  const source = path
    .split("/")
    .map((segment) => (segment.startsWith(":") ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${source}$`);
}

export function createSimulator(input: SimulatorOptions = {}): Simulator {
  const options = resolveOptions(input);
  const clock = new SimClock(options.timeScale, options.now);
  const tokens = new TokenStore(options.now, options.tokenTtlSeconds, options.serviceToken);
  const faults = new Faults(options.seed, options.now);
  const stats = new RequestStats(options.now);
  const variants = new Variants(options.variants);
  faults.set(options.faults);
  let state = new SimState(options.seed, options.products, clock.now(), options.steadyProducts);

  const app = new Hono<AppEnv>();
  const sim: Simulator = {
    app,
    get state() {
      return state;
    },
    clock,
    tokens,
    faults,
    stats,
    options,
    variants,
    reset() {
      faults.clear();
      variants.reset();
      clock.reset();
      state = new SimState(options.seed, options.products, clock.now(), options.steadyProducts);
      stats.reset();
    },
  };

  app.use("*", async (c, next) => {
    await next();
    if (c.req.path.startsWith("/__sim/")) return;
    const route = routePath(c, -1);
    stats.record(`${c.req.method} ${route.endsWith("*") ? "(unmatched)" : openApiPath(route)}`, c.res.status);
  });
  app.use("*", async (_c, next) => {
    state.catalogue.catchUp(clock.now());
    await next();
  });
  app.route("/__sim", controlRoutes(sim));
  app.use("*", faults.middleware());
  app.use("*", variants.middleware());
  app.route("/", authRoutes(sim));
  app.route("/", companyRoutes(sim));
  app.route("/", orderRoutes(sim));
  app.route("/", productRoutes(sim));
  app.route("/", stockRoutes(sim));
  app.route("/", categoryRoutes(sim));
  app.route("/", mediaRoutes());

  app.notFound((c) => {
    const path = c.req.path;
    const allowed = new Set<string>();
    for (const route of app.routes) {
      if (route.method !== "ALL" && !route.path.includes("*") && pathPattern(route.path).test(path))
        allowed.add(route.method);
    }
    const name = path.replace(/^\//, "");
    if (allowed.size > 0) {
      if (allowed.has("GET")) allowed.add("HEAD");
      return c.json(
        {
          message: `The ${c.req.method} method is not supported for route ${name}. Supported methods: ${[...allowed].join(", ")}.`,
        },
        405,
        {
          Allow: [...allowed].join(", "),
        },
      );
    }
    return c.json({ message: `The route ${name} could not be found.` }, 404);
  });

  app.onError((error, c) => {
    if (error instanceof HttpError) return c.json(error.body(), error.status);
    console.error("[simulator]", error);
    return c.json({ message: "Server Error" }, 500);
  });

  return sim;
}
