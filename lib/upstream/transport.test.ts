import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";

import { UpstreamError } from "./errors";
import { buildUrl, Transport } from "./transport";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A real HTTP server whose answer each test sets: the transport is tested over the wire. */
let handler: Handler = (_req, res) => res.end("{}");
let hits = 0;
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    hits++;
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  hits = 0;
});

const noWait = async () => {};

function transport(overrides: Partial<ConstructorParameters<typeof Transport>[0]> = {}) {
  return new Transport({
    baseUrl,
    token: "secret-token",
    timeoutMs: 300,
    readAttempts: 3,
    sleep: noWait,
    ...overrides,
  });
}

function answer(status: number, body: string, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(body);
  };
}

const anything = z.unknown();

async function failure(promise: Promise<unknown>): Promise<UpstreamError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UpstreamError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("Transport", () => {
  it("sends the bearer token and parses the answer", async () => {
    let auth: string | undefined;
    handler = (req, res) => {
      auth = req.headers.authorization;
      answer(200, JSON.stringify({ name: "Daan" }))(req, res);
    };
    const body = await transport().request({ endpoint: "me", schema: z.object({ name: z.string() }) });
    expect(body).toEqual({ name: "Daan" });
    expect(auth).toBe("Bearer secret-token");
  });

  it.each([
    [401, "unauthorized", '{"message":"Unauthenticated."}'],
    [403, "forbidden", '{"message":"This action is unauthorized."}'],
    [404, "not_found", '{"message":"Not found."}'],
    [400, "bad_request", '{"message":"Bad request."}'],
  ] as const)("maps %i to %s with the upstream's message, without retrying", async (status, kind, body) => {
    handler = answer(status, body);
    const error = await failure(transport().request({ endpoint: "orders", schema: anything }));
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.upstreamMessage).toBe(JSON.parse(body).message);
    expect(error.endpoint).toBe("orders");
    expect(hits).toBe(1);
  });

  it("maps 422 to a validation error with its field errors", async () => {
    handler = answer(
      422,
      JSON.stringify({ message: "The reference field is too long.", errors: { reference: ["Too long."] } }),
    );
    const error = await failure(transport().request({ endpoint: "createOrder", body: {}, schema: anything }));
    expect(error.kind).toBe("validation");
    expect(error.fieldErrors).toEqual({ reference: ["Too long."] });
  });

  it("turns an HTML 5xx page into 'not reachable' and retries reads", async () => {
    handler = (_req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html><body><h1>502 Bad Gateway</h1></body></html>");
    };
    const error = await failure(transport().request({ endpoint: "orders", schema: anything }));
    expect(error.kind).toBe("unavailable");
    expect(error.upstreamMessage).toBe("the wholesaler is not reachable");
    expect(error.message).not.toContain("<html>");
    expect(hits).toBe(3);
  });

  it("never retries a POST", async () => {
    handler = answer(503, "<html>down</html>");
    const error = await failure(transport().request({ endpoint: "createOrder", body: { a: 1 }, schema: anything }));
    expect(error.kind).toBe("unavailable");
    expect(hits).toBe(1);
  });

  it("recovers when a retry succeeds", async () => {
    handler = (req, res) => (hits < 3 ? answer(500, "oops")(req, res) : answer(200, "[]")(req, res));
    await expect(transport().request({ endpoint: "orders", schema: z.array(z.unknown()) })).resolves.toEqual([]);
    expect(hits).toBe(3);
  });

  it("honours Retry-After on 429", async () => {
    const waits: number[] = [];
    handler = (req, res) =>
      hits === 1
        ? answer(429, '{"message":"Too Many Attempts."}', { "retry-after": "2" })(req, res)
        : answer(200, "1")(req, res);
    const client = transport({ sleep: async (ms) => void waits.push(ms) });
    await expect(client.request({ endpoint: "orders", schema: z.number() })).resolves.toBe(1);
    expect(waits).toEqual([2000]);
  });

  it("gives up at once when Retry-After is longer than it waits", async () => {
    handler = answer(429, '{"message":"Too Many Attempts."}', { "retry-after": "120" });
    const error = await failure(transport().request({ endpoint: "orders", schema: anything }));
    expect(error.kind).toBe("rate_limited");
    expect(error.retryAfterSeconds).toBe(120);
    expect(hits).toBe(1);
  });

  it("times out a hanging call", async () => {
    handler = () => {
      /* never answers */
    };
    const started = Date.now();
    const error = await failure(
      transport({ readAttempts: 1, timeoutMs: 150 }).request({ endpoint: "orders", schema: anything }),
    );
    expect(error.kind).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("reports a refused connection as unavailable", async () => {
    const error = await failure(
      new Transport({ baseUrl: "http://127.0.0.1:9", timeoutMs: 500, readAttempts: 1 }).request({
        endpoint: "orders",
        schema: anything,
      }),
    );
    expect(error.kind).toBe("unavailable");
  });

  it("names the endpoint and the field when an answer has the wrong shape", async () => {
    handler = answer(200, JSON.stringify({ name: 42 }));
    const error = await failure(transport().request({ endpoint: "me", schema: z.object({ name: z.string() }) }));
    expect(error.kind).toBe("malformed");
    expect(error.message).toContain("me failed");
    expect(error.message).toContain("name");
  });

  it("reports a body that is not JSON as malformed", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html>maintenance</html>");
    };
    const error = await failure(transport({ readAttempts: 1 }).request({ endpoint: "orders", schema: anything }));
    expect(error.kind).toBe("malformed");
  });
});

describe("error shapes", () => {
  const html = (status: number, page: string, type = "text/html; charset=UTF-8"): Handler => {
    return (_req, res) => {
      res.writeHead(status, { "content-type": type });
      res.end(page);
    };
  };

  it("Laravel's 422: the message and every field's messages", async () => {
    handler = answer(
      422,
      JSON.stringify({
        message: "The products.0.amount field must be a multiple of 10. (and 1 more error)",
        errors: {
          "products.0.amount": ["The products.0.amount field must be a multiple of 10."],
          reference: "Too long.",
        },
      }),
    );
    const error = await failure(transport().request({ endpoint: "createOrder", body: {}, schema: anything }));
    expect(error.kind).toBe("validation");
    expect(error.upstreamMessage).toBe("The products.0.amount field must be a multiple of 10. (and 1 more error)");
    expect(error.fieldErrors).toEqual({
      "products.0.amount": ["The products.0.amount field must be a multiple of 10."],
      reference: ["Too long."],
    });
  });

  it.each([
    [
      403,
      "forbidden",
      "<html><head><title>403 Forbidden</title></head><body><h1>403 Forbidden</h1></body></html>",
      "403 Forbidden",
    ],
    [404, "not_found", "<!DOCTYPE html><html><head><title>Not Found</title></head><body>…</body></html>", "Not Found"],
    [419, "bad_request", "<html><body><h1>Page &amp; Session Expired</h1></body></html>", "Page & Session Expired"],
    [422, "validation", "<html><head><title>Unprocessable Content</title></head></html>", "Unprocessable Content"],
    [401, "unauthorized", "<html><head><title>Unauthorized</title></head></html>", "Unauthorized"],
  ] as const)("a %i with an HTML body is %s, its heading the message", async (status, kind, page, message) => {
    handler = html(status, page);
    const error = await failure(
      transport({ readAttempts: 1 }).request({ endpoint: "order", pathParams: { order: 7 }, schema: anything }),
    );
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.upstreamMessage).toBe(message);
    expect(error.fieldErrors).toEqual({});
  });

  it("a 5xx with an HTML body is unavailable, without the page's words", async () => {
    handler = html(500, "<!DOCTYPE html><html><head><title>Server Error</title></head><body>Whoops</body></html>");
    const error = await failure(transport({ readAttempts: 1 }).request({ endpoint: "orders", schema: anything }));
    expect(error.kind).toBe("unavailable");
    expect(error.upstreamMessage).toBe("the wholesaler is not reachable");
    expect(error.message).not.toMatch(/Whoops|<html/);
  });

  it("a 4xx with an empty body is its kind without a message", async () => {
    handler = html(403, "", "text/plain");
    const error = await failure(transport().request({ endpoint: "orders", schema: anything }));
    expect(error.kind).toBe("forbidden");
    expect(error.upstreamMessage).toBeUndefined();
  });

  it.each([204, 200])("an empty body with %i is a malformed answer, not an empty list", async (status) => {
    handler = (_req, res) => {
      res.writeHead(status);
      res.end();
    };
    const error = await failure(transport({ readAttempts: 1 }).request({ endpoint: "orders", schema: anything }));
    expect(error.kind).toBe("malformed");
    expect(error.status).toBe(status);
    expect(error.upstreamMessage).toBe(`empty answer (HTTP ${status})`);
  });

  it("a JSON error labelled text/html keeps its kind and message", async () => {
    handler = html(404, JSON.stringify({ message: "No query results for model [App\\Models\\Order] 7" }));
    const error = await failure(transport().request({ endpoint: "order", pathParams: { order: 7 }, schema: anything }));
    expect(error.kind).toBe("not_found");
    expect(error.upstreamMessage).toBe("No query results for model [App\\Models\\Order] 7");

    handler = html(422, JSON.stringify({ message: "Invalid.", errors: { reference: ["Too long."] } }));
    const invalid = await failure(transport().request({ endpoint: "createOrder", body: {}, schema: anything }));
    expect(invalid.kind).toBe("validation");
    expect(invalid.fieldErrors).toEqual({ reference: ["Too long."] });
  });

  it("a JSON answer labelled text/html is read as JSON", async () => {
    handler = html(200, JSON.stringify({ name: "Daan" }));
    await expect(transport().request({ endpoint: "me", schema: z.object({ name: z.string() }) })).resolves.toEqual({
      name: "Daan",
    });
  });
});

describe("buildUrl", () => {
  it("writes arrays the Laravel way and leaves out undefined", () => {
    expect(buildUrl("http://x", "/orders", { "status[]": ["shipped", "complete"], customer_id: undefined })).toBe(
      "http://x/orders?status%5B%5D=shipped&status%5B%5D=complete",
    );
  });
});
