import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

/**
 * The proxy's copies of pages the same for everyone, against a real HTTP server standing in for this
 * process's own listener (the standalone server's wrapper records where that is).
 */

const LOCAL_ADDRESS = Symbol.for("dealer-portal.local-address");
type Holder = { [LOCAL_ADDRESS]?: { host: string; port: number } };

let server: Server;
const asked: IncomingMessage[] = [];
/** What the stand-in answers next: status, nonce in the policy, and whether the page's scripts carry it. */
let answer = { status: 200, nonce: "renderedNonce0000000000==", scriptsCarryIt: true };
let rendered = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    asked.push(request);
    rendered += 1;
    const locale = /NEXT_LOCALE=(\w+)/.exec(request.headers.cookie ?? "")?.[1] ?? "?";
    const scriptNonce = answer.scriptsCarryIt ? answer.nonce : "somethingElse000000000==";
    response.writeHead(answer.status, {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": `script-src 'self' 'nonce-${answer.nonce}' 'strict-dynamic'`,
      "x-frame-options": "DENY",
      "set-cookie": "should-not=be-replayed",
    });
    response.end(
      `<html lang="${locale}"><body><p>page ${rendered}</p><script nonce="${scriptNonce}">go()</script></body></html>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});

afterEach(() => {
  delete (globalThis as Holder)[LOCAL_ADDRESS];
  asked.length = 0;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function listenHere() {
  (globalThis as Holder)[LOCAL_ADDRESS] = { host: "127.0.0.1", port: (server.address() as AddressInfo).port };
}

/** The module afresh: no copy kept, a new secret. */
async function fresh() {
  vi.resetModules();
  return (await import("./shared-documents")).sharedDocument;
}

const get = (path: string, headers: Record<string, string> = {}) =>
  new NextRequest(`http://portal.example${path}`, { headers });

describe("sharedDocument", () => {
  it("renders nothing itself without the wrapper's address (next dev): the page renders as usual", async () => {
    const sharedDocument = await fresh();
    expect(await sharedDocument(get("/offline"), "answerNonce")).toBeNull();
    expect(asked).toHaveLength(0);
  });

  it("keeps one copy per language and answers each request with its own nonce", async () => {
    const sharedDocument = await fresh();
    listenHere();
    answer = { status: 200, nonce: "renderedNonce0000000000==", scriptsCarryIt: true };
    const first = await sharedDocument(get("/offline", { cookie: "NEXT_LOCALE=nl" }), "firstAnswer000000000000=");
    const second = await sharedDocument(
      get("/offline", { "accept-language": "nl-BE,nl;q=0.9" }),
      "secondAnswer00000000000=",
    );
    expect(asked).toHaveLength(1);
    // The copy was asked of this process with its secret and the language alone: no session cookie.
    expect(asked[0]!.headers.cookie).toBe("NEXT_LOCALE=nl");
    expect(asked[0]!.headers["x-portal-document-fill"]).toMatch(/^[0-9a-f-]{36}$/);
    const firstHtml = await first!.text();
    expect(firstHtml).toContain('<script nonce="firstAnswer000000000000=">');
    expect(firstHtml).not.toContain("renderedNonce");
    expect(await second!.text()).toBe(firstHtml.replace("firstAnswer000000000000=", "secondAnswer00000000000="));
    expect(first!.headers.get("x-frame-options")).toBe("DENY");
    expect(first!.headers.get("set-cookie")).toBeNull();
    expect(first!.headers.get("content-security-policy")).toBeNull();

    const english = await sharedDocument(get("/offline", { "accept-language": "en-GB" }), "third00000000000000000==");
    expect(asked).toHaveLength(1 + 1);
    expect(await english!.text()).toContain('lang="en"');
  });

  it("keeps nothing that is not the page as rendered with the policy's nonce", async () => {
    const sharedDocument = await fresh();
    listenHere();
    answer = { status: 500, nonce: "renderedNonce0000000000==", scriptsCarryIt: true };
    expect(await sharedDocument(get("/offline"), "n")).toBeNull();
    answer = { status: 200, nonce: "renderedNonce0000000000==", scriptsCarryIt: false };
    expect(await sharedDocument(get("/offline"), "n")).toBeNull();
    answer = { status: 200, nonce: "renderedNonce0000000000==", scriptsCarryIt: true };
    expect(await (await sharedDocument(get("/offline"), "fine"))!.text()).toContain('nonce="fine"');
    // Nothing was kept from the two bad answers: each was asked for again.
    expect(asked).toHaveLength(3);
  });

  it("leaves every other request to Next: other pages, a query, other methods, and the copy's own rendering", async () => {
    const sharedDocument = await fresh();
    listenHere();
    answer = { status: 200, nonce: "renderedNonce0000000000==", scriptsCarryIt: true };
    expect(await sharedDocument(get("/catalogue"), "n")).toBeNull();
    expect(await sharedDocument(get("/offline?from=x"), "n")).toBeNull();
    expect(await sharedDocument(new NextRequest("http://portal.example/offline", { method: "POST" }), "n")).toBeNull();
    expect(asked).toHaveLength(0);
    // The request that renders the copy carries this process's secret, and is left to Next.
    expect(await sharedDocument(get("/offline", { cookie: "NEXT_LOCALE=nl" }), "n")).not.toBeNull();
    const secret = String(asked[0]!.headers["x-portal-document-fill"]);
    expect(await sharedDocument(get("/offline", { "x-portal-document-fill": secret }), "n")).toBeNull();
    // A guessed secret is not it: the copy answers.
    expect(
      await sharedDocument(get("/offline", { "x-portal-document-fill": "guess", cookie: "NEXT_LOCALE=nl" }), "n"),
    ).not.toBeNull();
  });
});
