// At most `limit` requests inside the server at once; the others wait their turn in order of arrival.
//
// Why: a Node process renders every page on one thread. Without a limit, all requests in flight share it at
// once, so under load each one takes as long as the work of all the others beside it, and a large page
// (a category of 24 cards) finishes last: in `bench:load` (50 sessions without pause, 100,000 products) the
// category pages' p95 was 1.1 s and the slowest answer 4.2 s while suggestions took 0.4 s. In order of
// arrival, every request waits about as long as every other and is then rendered among a few: the same
// throughput, and the slow end of the latencies close to the middle (bench/issue-19-experiments.md).
//
// A request that stays inside longer than `giveUpMs` (waiting on the upstream, or a slow client reading a
// large page) gives its place up without being stopped, so a slow upstream never holds the catalogue's
// pages back. A request whose client goes away while it waits is never started. Exempt requests (the
// health checks, the server's requests to itself) go straight in and take no place.
// Plain CommonJS without dependencies: the standalone server.js requires it before Next is loaded.
"use strict";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS: it loads before Next, without a bundler
const { AsyncResource } = require("node:async_hooks");

/**
 * @param {{ limit: number, giveUpMs: number, exempt?: (req: import("node:http").IncomingMessage) => boolean }} options
 * @returns {{ wrap: (listener: import("node:http").RequestListener) => import("node:http").RequestListener, state: () => { inside: number, waiting: number },
 *   counts: () => { waited: number, gaveUp: number, leftWaiting: number } }}
 */
function admissionQueue({ limit, giveUpMs, exempt = () => false }) {
  if (!Number.isInteger(limit) || limit < 0) throw new Error(`admission limit must be an integer ≥ 0, not ${limit}`);
  let inside = 0;
  /** @type {Array<() => void>} */
  const waiting = [];
  /** Since the start: requests that waited for a place, gave theirs up past giveUpMs, left while waiting. */
  const counts = { waited: 0, gaveUp: 0, leftWaiting: 0 };

  const admitNext = () => {
    while (inside < limit && waiting.length) waiting.shift()();
  };

  const wrap = (listener) => {
    if (limit === 0) return listener;
    return function admitted(req, res) {
      if (exempt(req)) return listener.call(this, req, res);
      /** "waiting", then "inside", then "out" (answered, gone, or inside past giveUpMs). */
      let phase = "waiting";
      let timer = null;
      const leave = (gaveUp) => {
        if (phase === "inside") {
          if (gaveUp === true) counts.gaveUp++;
          clearTimeout(timer);
          inside--;
          phase = "out";
          admitNext();
        } else if (phase === "waiting") {
          phase = "out";
          counts.leftWaiting++;
          const index = waiting.indexOf(enter);
          if (index >= 0) waiting.splice(index, 1);
        }
      };
      // Bound to this request's own async context: a request let in when another one ends would otherwise run
      // in that one's context, and every async resource of its render would keep the other request (its
      // AsyncLocalStorage stores) alive, and that one the request before it.
      const enter = AsyncResource.bind(() => {
        if (phase !== "waiting") return;
        phase = "inside";
        inside++;
        timer = setTimeout(leave, giveUpMs, true);
        timer.unref?.();
        listener.call(this, req, res);
      });
      res.once("finish", leave);
      res.once("close", leave);
      if (inside < limit) return enter();
      counts.waited++;
      waiting.push(enter);
    };
  };

  return { wrap, state: () => ({ inside, waiting: waiting.length }), counts: () => ({ ...counts }) };
}

/**
 * A whole number ≥ 0 from the environment, or the fallback when unset; anything else is refused.
 * @param {string} name
 * @param {number} fallback
 * @param {Record<string, string | undefined>} [env]
 * @returns {number}
 */
function countSetting(name, fallback, env = process.env) {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new Error(`${name} must be a whole number ≥ 0 (0 turns it off), not "${raw}"`);
  return Number(raw.trim());
}

/**
 * Next's forward of a server action: posted to a page whose bundle lacks it, Next runs it by a second request
 * to this server, from inside the first, and waits for its answer. The forward must not wait in the queue
 * behind the request that made it. Next copies the first request's headers onto its forward, the server's
 * render id among them (`renderHeader`: a random id per request, put in place of whatever a client sent,
 * never sent back). So a request marked `x-action-forwarded` whose render id is that of a request still in
 * flight here is Next's forward; the mark from a client, which cannot know a render id, is not. The first
 * request's URL is kept with its id: the page the action was posted to, which is what needs mending.
 * @param {{ renderHeader: string }} options
 */
function actionForwards({ renderHeader }) {
  /** @type {Map<string, string>} the render ids of the requests in flight, and each one's URL */
  const inFlight = new Map();
  /** @type {WeakSet<import("node:http").IncomingMessage>} */
  const forwards = new WeakSet();
  return {
    /**
     * As a request arrives, before it gets its own render id (`renderId`): when it is Next's forward, the URL
     * of the request it was forwarded from (where the action was posted); otherwise undefined.
     * @param {import("node:http").IncomingMessage} req
     * @param {string} renderId
     * @returns {string | undefined}
     */
    arrive(req, renderId) {
      const claimed = req.headers[renderHeader];
      const postedTo =
        req.headers["x-action-forwarded"] !== undefined && typeof claimed === "string"
          ? inFlight.get(claimed)
          : undefined;
      if (postedTo !== undefined) forwards.add(req);
      inFlight.set(renderId, req.url ?? "/");
      return postedTo;
    },
    /** @param {string} renderId the id given on arrival, once the request is answered or gone */
    leave(renderId) {
      inFlight.delete(renderId);
    },
    /** @param {import("node:http").IncomingMessage} req */
    isForward: (req) => forwards.has(req),
  };
}

module.exports = { admissionQueue, actionForwards, countSetting };
