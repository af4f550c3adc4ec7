import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { AsyncLocalStorage } from "node:async_hooks";
import type { AddressInfo } from "node:net";

import { afterEach, describe, expect, it } from "vitest";

// The standalone server's queue (scripts/server-wrapper.cjs puts Next's request listener behind it).
import { actionForwards, admissionQueue, countSetting } from "../scripts/admission-queue.cjs";

type Queue = ReturnType<typeof admissionQueue>;

/**
 * A server whose every request waits until the test answers it, through the queue. `arrive` runs first for
 * each request, as the standalone server's own listener does before the queue's.
 */
async function heldServer(queue: Queue, arrive?: (req: IncomingMessage, res: ServerResponse) => void) {
  const entered: string[] = [];
  const held = new Map<string, ServerResponse>();
  const server: Server = createServer(
    queue.wrap((req: IncomingMessage, res: ServerResponse) => {
      entered.push(req.url ?? "");
      held.set(req.url ?? "", res);
    }),
  );
  if (arrive) server.prependListener("request", arrive);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  servers.push(server);
  return {
    entered,
    /** Answers a request that is inside. */
    answer(url: string) {
      const res = held.get(url);
      if (!res) throw new Error(`${url} is not inside`);
      res.end(url);
    },
    /** Sends a request; resolves with its body. `abort` ends it from the client's side. */
    send(url: string, headers: Record<string, string> = {}) {
      const controller = new AbortController();
      const body = new Promise<string>((resolve, reject) => {
        const req = request({ host: "127.0.0.1", port, path: url, headers, signal: controller.signal }, (res) => {
          let text = "";
          res.on("data", (chunk) => (text += chunk));
          res.on("end", () => resolve(text));
        });
        req.on("error", reject);
        req.end();
      });
      body.catch(() => {});
      return { body, abort: () => controller.abort() };
    },
  };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** Waits until `check` holds (the server's side runs on the same event loop). */
async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting until ${what}`);
}

describe("admission queue", () => {
  it("lets `limit` requests in at once and the others in order of arrival", async () => {
    const queue = admissionQueue({ limit: 2, giveUpMs: 60_000 });
    const server = await heldServer(queue);
    // One after the other: requests over connections of their own may otherwise arrive in any order.
    const sent: Array<ReturnType<typeof server.send>> = [];
    for (const url of ["/a", "/b", "/c", "/d", "/e"]) {
      sent.push(server.send(url));
      const arrived = sent.length;
      await until(() => server.entered.length + queue.state().waiting === arrived, `${url} arrived`);
    }
    expect(queue.state()).toEqual({ inside: 2, waiting: 3 });
    expect(server.entered).toEqual(["/a", "/b"]);

    server.answer("/b");
    await expect(sent[1]!.body).resolves.toBe("/b");
    await until(() => server.entered.length === 3, "the next one is in");
    expect(server.entered).toEqual(["/a", "/b", "/c"]);

    server.answer("/a");
    server.answer("/c");
    await until(() => server.entered.length === 5, "the last two are in");
    expect(server.entered).toEqual(["/a", "/b", "/c", "/d", "/e"]);
    server.answer("/d");
    server.answer("/e");
    expect(await Promise.all(sent.map((one) => one.body))).toEqual(["/a", "/b", "/c", "/d", "/e"]);
    await until(() => queue.state().inside === 0, "every place is free");
    expect(queue.state()).toEqual({ inside: 0, waiting: 0 });
    expect(queue.counts()).toEqual({ waited: 3, gaveUp: 0, leftWaiting: 0 });
  });

  it("a request inside past giveUpMs gives its place up and still gets its answer", async () => {
    const queue = admissionQueue({ limit: 1, giveUpMs: 100 });
    const server = await heldServer(queue);
    const slow = server.send("/slow");
    await until(() => server.entered.length === 1, "the slow one is in");
    const next = server.send("/next");
    await until(() => queue.state().waiting === 1, "the next one waits");
    await until(() => server.entered.length === 2, "the next one is let in after 100 ms");
    expect(server.entered).toEqual(["/slow", "/next"]);
    expect(queue.state()).toEqual({ inside: 1, waiting: 0 });

    server.answer("/next");
    server.answer("/slow");
    await expect(slow.body).resolves.toBe("/slow");
    await expect(next.body).resolves.toBe("/next");
    await until(() => queue.state().inside === 0, "every place is free");
    expect(queue.counts()).toEqual({ waited: 1, gaveUp: 1, leftWaiting: 0 });
  });

  it("never starts a request whose client left while it waited, and keeps no place for it", async () => {
    const queue = admissionQueue({ limit: 1, giveUpMs: 60_000 });
    const server = await heldServer(queue);
    server.send("/first");
    await until(() => server.entered.length === 1, "the first is in");
    const gone = server.send("/gone");
    await until(() => queue.state().waiting === 1, "one waits");
    const third = server.send("/third");
    await until(() => queue.state().waiting === 2, "two wait");
    gone.abort();
    await until(() => queue.state().waiting === 1, "the one whose client left no longer waits");

    server.answer("/first");
    await until(() => server.entered.length === 2, "the next is in");
    expect(server.entered).toEqual(["/first", "/third"]);
    server.answer("/third");
    await expect(third.body).resolves.toBe("/third");
    expect(queue.counts()).toEqual({ waited: 2, gaveUp: 0, leftWaiting: 1 });
  });

  it("a client that leaves while inside frees its place", async () => {
    const queue = admissionQueue({ limit: 1, giveUpMs: 60_000 });
    const server = await heldServer(queue);
    const first = server.send("/first");
    await until(() => server.entered.length === 1, "the first is in");
    const second = server.send("/second");
    first.abort();
    await until(() => server.entered.length === 2, "the second is let in");
    server.answer("/second");
    await expect(second.body).resolves.toBe("/second");
  });

  it("exempt requests go straight in and take no place", async () => {
    const queue = admissionQueue({
      limit: 1,
      giveUpMs: 60_000,
      exempt: (req: IncomingMessage) => req.url === "/health" || req.headers["x-inner"] === "yes",
    });
    const server = await heldServer(queue);
    server.send("/page");
    await until(() => server.entered.length === 1, "a page is in");
    server.send("/health");
    server.send("/inner", { "x-inner": "yes" });
    server.send("/other");
    await until(() => server.entered.length === 3 && queue.state().waiting === 1, "the exempt ones are in");
    // The two exempt requests come over connections of their own: either may arrive first.
    expect([...server.entered].sort()).toEqual(["/health", "/inner", "/page"]);
    expect(queue.state()).toEqual({ inside: 1, waiting: 1 });
  });

  it("Next's forward of a server action goes straight in; the same mark from a client waits its turn", async () => {
    // As scripts/server-wrapper.cjs does: each request gets a render id of the server's own in place of the
    // header a client sent, and Next copies the first request's headers onto its forward.
    const forwards = actionForwards({ renderHeader: "x-render" });
    const queue = admissionQueue({ limit: 1, giveUpMs: 60_000, exempt: forwards.isForward });
    const postedTo = new Map<string, string | undefined>();
    const server = await heldServer(queue, (req, res) => {
      const renderId = `render of ${req.url}`;
      postedTo.set(req.url ?? "", forwards.arrive(req, renderId));
      req.headers["x-render"] = renderId;
      res.once("close", () => forwards.leave(renderId));
    });
    server.send("/page", { "x-render": "made up" });
    await until(() => server.entered.length === 1, "the page is in");
    // A client's own mark, with or without a render id it made up: not a forward.
    server.send("/forged", { "x-action-forwarded": "1", "x-render": "made up" });
    server.send("/forged-bare", { "x-action-forwarded": "1" });
    await until(() => queue.state().waiting === 2, "both forged ones wait");
    // Next's forward from inside /page carries /page's render id.
    const forward = server.send("/forward", { "x-action-forwarded": "1", "x-render": "render of /page" });
    await until(() => server.entered.length === 2, "the forward is in");
    expect(server.entered).toEqual(["/page", "/forward"]);
    expect(queue.state()).toEqual({ inside: 1, waiting: 2 });

    server.answer("/forward");
    await expect(forward.body).resolves.toBe("/forward");
    server.answer("/page");
    await until(() => server.entered.length === 3, "the first forged one is let in after /page");
    // Once /page is answered its id is nobody's: the same claim again waits like any request.
    server.send("/late", { "x-action-forwarded": "1", "x-render": "render of /page" });
    await until(() => queue.state().waiting === 2, "the late claim waits");
    expect(server.entered).toEqual(["/page", "/forward", "/forged"]);
    // The forward knows where the action was posted (for the metric); no other request is a forward.
    expect(Object.fromEntries(postedTo)).toEqual({
      "/page": undefined,
      "/forged": undefined,
      "/forged-bare": undefined,
      "/forward": "/page",
      "/late": undefined,
    });
  });

  it("a request let in when another ends runs in its own async context, not the other's", async () => {
    // Next keeps a request's state in AsyncLocalStorage. A request started from another's end in that one's
    // context would keep it alive through every async resource of its render, and so on down the queue.
    const store = new AsyncLocalStorage<string>();
    const queue = admissionQueue({ limit: 1, giveUpMs: 60_000 });
    const seen: Array<[string, string | undefined]> = [];
    const held = new Map<string, ServerResponse>();
    const server = createServer(
      queue.wrap((req: IncomingMessage, res: ServerResponse) => {
        seen.push([req.url ?? "", store.getStore()]);
        held.set(req.url ?? "", res);
      }),
    );
    // As the standalone server's wrapper does with its request id: a listener before the queue's.
    server.prependListener("request", (req: IncomingMessage) => store.enterWith(req.url ?? ""));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    servers.push(server);
    const port = (server.address() as AddressInfo).port;
    const get = (path: string) =>
      new Promise<void>((resolve, reject) =>
        request({ host: "127.0.0.1", port, path }, (res) => res.resume().on("end", resolve))
          .on("error", reject)
          .end(),
      );
    const first = get("/first");
    await until(() => seen.length === 1, "the first is in");
    const second = get("/second");
    await until(() => queue.state().waiting === 1, "the second waits");
    held.get("/first")!.end();
    await until(() => seen.length === 2, "the second is in");
    held.get("/second")!.end();
    await Promise.all([first, second]);
    expect(seen).toEqual([
      ["/first", "/first"],
      ["/second", "/second"],
    ]);
  });

  it("a limit of 0 is no queue at all", async () => {
    const listener = () => {};
    expect(admissionQueue({ limit: 0, giveUpMs: 1000 }).wrap(listener)).toBe(listener);
  });

  it("reads its settings as whole numbers and refuses anything else", () => {
    expect(countSetting("LIMIT", 8, {})).toBe(8);
    expect(countSetting("LIMIT", 8, { LIMIT: " 4 " })).toBe(4);
    expect(countSetting("LIMIT", 8, { LIMIT: "0" })).toBe(0);
    for (const bad of ["-1", "2.5", "eight", "1e3"]) {
      expect(() => countSetting("LIMIT", 8, { LIMIT: bad })).toThrow(
        `LIMIT must be a whole number ≥ 0 (0 turns it off), not "${bad}"`,
      );
    }
    expect(() => admissionQueue({ limit: -1, giveUpMs: 1000 })).toThrow("admission limit must be an integer ≥ 0");
  });
});
