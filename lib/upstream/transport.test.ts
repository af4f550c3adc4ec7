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

describe("buildUrl", () => {
  it("writes arrays the Laravel way and leaves out undefined", () => {
    expect(buildUrl("http://x", "/orders", { "status[]": ["shipped", "complete"], customer_id: undefined })).toBe(
      "http://x/orders?status%5B%5D=shipped&status%5B%5D=complete",
    );
  });
});
