/** POST /auth/token and GET /me. */
import { Hono } from "hono";
import { TokenStore } from "../auth.js";
import type { AppEnv, SimCore } from "../context.js";
import { authenticate, readJson } from "../http.js";
import { HttpError, Validator } from "../laravel.js";

export function authRoutes(sim: SimCore): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.post("/auth/token", async (c) => {
    const form = (c.req.header("Content-Type") ?? "").includes("application/x-www-form-urlencoded");
    const body = form ? await c.req.parseBody() : await readJson(c);
    const input = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
    const v = new Validator();
    for (const field of ["username", "password"] as const) {
      if (input[field] === undefined || input[field] === null || input[field] === "")
        v.add(field, `The ${field} field is required.`);
      else if (typeof input[field] !== "string") v.add(field, `The ${field} field must be a string.`);
    }
    v.check();
    const principal = TokenStore.login(String(input.username), String(input.password));
    if (!principal) throw new HttpError(401, "These credentials do not match our records.");
    return c.json(sim.tokens.issue(principal));
  });

  r.get("/me", authenticate(sim), (c) => {
    const p = c.get("principal");
    return c.json({
      name: p.name,
      email: p.email,
      customer_code: p.customerCode,
      permissions: p.permissions,
      features: p.features,
    });
  });

  return r;
}
