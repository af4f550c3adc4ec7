import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { UpstreamClient } from "@/lib/upstream/client";
import { wireOrder } from "@/tests/fixtures/wire-orders";

import { attemptMarker } from "./order-request";
import { findOrderOfAttempt } from "./send-once";

/**
 * Looking an attempt's order up by its marker, over a real HTTP server whose order list each test
 * writes: not finding it is only an answer when the whole list was read, orders the strict reading
 * left out included (read one by one as far as they can be). Otherwise the attempt must stay open
 * rather than be sent again.
 */
let routes: Record<string, unknown> = {};
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? "";
    const body = url in routes ? routes[url] : routes[url.split("?")[0] ?? ""];
    res.writeHead(body === undefined ? 404 : 200, { "content-type": "application/json" });
    res.end(JSON.stringify(body ?? { message: "Not found." }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const attempt = { id: "ABCDEF123456" };
const marker = attemptMarker(attempt.id);
const order = wireOrder;

const client = (maxPages?: number) =>
  new UpstreamClient(
    { baseUrl, token: "t", timeoutMs: 1_000, readAttempts: 1, logger: { warn: () => {} }, maxPages },
    "/media",
  );

describe("findOrderOfAttempt", () => {
  it("every order read and none carries the marker: not there, and that is an answer", async () => {
    routes = { "/orders": [order(1), order(2, { notes: "[portal OTHER0000000]" })] };
    expect(await findOrderOfAttempt(client(), attempt, undefined)).toEqual({ order: null, whole: true });
  });

  it("the order carrying the marker is one the list's strict reading leaves out: found by reading it alone", async () => {
    const unreadable = order(7, { notes: `Deliver before noon ${marker}`, shipments: "none" });
    routes = { "/orders": [order(1), unreadable], "/orders/7": unreadable };
    const found = await findOrderOfAttempt(client(), attempt, undefined);
    expect(found.whole).toBe(true);
    expect(found.order?.id).toBe("7");
  });

  it("an order left out without an id, or a list with pages not read: not finding it is no answer", async () => {
    routes = { "/orders": [order(1), { status: "processing", notes: marker }] };
    expect(await findOrderOfAttempt(client(), attempt, undefined)).toEqual({ order: null, whole: false });

    routes = {
      "/orders": { data: [order(1)], links: { next: `${baseUrl}/orders?page=2` } },
      "/orders?page=2": { data: [order(2, { notes: marker })], links: { next: null } },
    };
    expect(await findOrderOfAttempt(client(1), attempt, undefined)).toEqual({ order: null, whole: false });
    expect((await findOrderOfAttempt(client(), attempt, undefined)).order?.id).toBe("2");
  });
});
