/** Request and response helpers shared by the routes. */
import type { Context, MiddlewareHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv, SimCore } from "./context.js";
import { HttpError, unauthenticated } from "./laravel.js";

/** Sends JSON that is already serialised (cached product and list bodies). */
export function sendJson(
  c: Context<AppEnv>,
  json: string | Uint8Array<ArrayBuffer>,
  status: ContentfulStatusCode = 200,
): Response {
  return c.body(json, status, { "Content-Type": "application/json" });
}

/** The request body as JSON: {} when empty, 400 when malformed. */
export async function readJson(c: Context<AppEnv>): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, "The request body is not valid JSON.");
  }
}

/** Requires a live bearer token and puts its principal on the context. */
export function authenticate(sim: SimCore): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const match = /^Bearer\s+(\S+)$/i.exec(c.req.header("Authorization") ?? "");
    const principal = match?.[1] ? sim.tokens.resolve(match[1]) : undefined;
    if (!principal) throw unauthenticated();
    c.set("principal", principal);
    await next();
  };
}
