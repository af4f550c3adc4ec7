import http from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { CLIENT_ADDRESS_HEADER, clientAddress, normalAddress, stampClientAddresses } from "./client-address";

/** A real Node HTTP server with the stamp installed, answering the address the portal would use. */
let server: http.Server;
let url: string;

beforeAll(async () => {
  await stampClientAddresses();
  server = http.createServer((request, response) => {
    const hops = Number(new URL(request.url ?? "/", "http://x").searchParams.get("hops") ?? 0);
    response.end(clientAddress(request.headers, hops));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const ask = (headers: Record<string, string>, hops = 0) =>
  fetch(`${url}/?hops=${hops}`, { headers }).then((response) => response.text());

describe("the client's address", () => {
  it("is the connection's without trusted proxies, whatever X-Forwarded-For says", async () => {
    expect(await ask({})).toBe("127.0.0.1");
    expect(await ask({ "x-forwarded-for": "203.0.113.5" })).toBe("127.0.0.1");
    expect(await ask({ "x-forwarded-for": "203.0.113.5, 198.51.100.1", "x-real-ip": "203.0.113.6" })).toBe("127.0.0.1");
  });

  it("cannot be written by the client in the internal header", async () => {
    expect(await ask({ [CLIENT_ADDRESS_HEADER]: "203.0.113.5" })).toBe("127.0.0.1");
    // A forged header reaching code without the stamp's key does not verify either.
    expect(clientAddress({ [CLIENT_ADDRESS_HEADER]: "guess 203.0.113.5" }, 0)).toBe("unknown");
  });

  it("with N trusted proxies is the N-th from the right of X-Forwarded-For, never the leftmost", async () => {
    expect(await ask({ "x-forwarded-for": "6.6.6.6, 203.0.113.5" }, 1)).toBe("203.0.113.5");
    expect(await ask({ "x-forwarded-for": "6.6.6.6, 203.0.113.5, 10.0.0.2" }, 2)).toBe("203.0.113.5");
    // Fewer entries than proxies: the request did not come through them; the connection counts.
    expect(await ask({}, 2)).toBe("127.0.0.1");
  });

  it("has one spelling", () => {
    expect(normalAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalAddress("203.0.113.5:8080")).toBe("203.0.113.5");
    expect(normalAddress("not an address")).toBeNull();
  });
});
