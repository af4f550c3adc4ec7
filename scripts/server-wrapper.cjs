// The standalone folder's server.js (scripts/build.mjs puts Next's own server beside it as next-server.js).
// It adds what an operator needs around Next's server, without changing how it serves:
// - a request id per request (X-Request-Id from the balancer, or a new one), echoed in the response;
// - when a response ends, the portal's hook (lib/observability/requests.ts) writes one JSON log line and
//   the request metrics;
// - on SIGTERM or SIGINT: readiness answers 503 at once (the balancer stops sending), requests in flight
//   (a checkout) finish, then the portal's shutdown hook stops the sync and closes the database;
// - a page that found nothing (lib/http/not-found.ts marks its request) is answered with the not-found page
//   Next renders for an address that matches nothing, instead of Next's bare error document (issue 21);
//   a page that draws its own not-found view is answered with status 404;
// - the address it listens on, recorded for the proxy, which keeps one copy of a page the same for everyone
//   (lib/http/shared-documents.ts).
// Plain CommonJS without dependencies: it runs before Next and the portal's code are loaded.
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: it must load before Next, without a bundler */
"use strict";
const http = require("node:http");
const { randomUUID } = require("node:crypto");
const path = require("node:path");

const { actionForwards, admissionQueue, countSetting } = require("./admission-queue.cjs");
const {
  ADMISSION,
  FILL_HEADER,
  FILL_SECRET,
  LIFECYCLE,
  LOCAL_ADDRESS,
  NOT_FOUND_MARKS,
  NOT_FOUND_STATUS_MARKS,
  PEER_HEADER,
  RENDER_HEADER,
  SERVER_HOOKS,
} = require("./server-contract.cjs");

const state = (globalThis[LIFECYCLE] ??= { shuttingDown: false, startedAt: Date.now() });

// Next's own signal handling would close the server and exit without closing the database.
process.env.NEXT_MANUAL_SIG_HANDLE = "true";

const servers = new Set();

// Requests whose page called notFoundPage() (lib/http/not-found.ts), by the id this wrapper gave them.
const notFoundMarks = (globalThis[NOT_FOUND_MARKS] ??= new Set());
// Requests whose page drew its own not-found view (answerNotFoundStatus()): their document answers 404.
const notFoundStatusMarks = (globalThis[NOT_FOUND_STATUS_MARKS] ??= new Set());
const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "x-request-id"]);

/**
 * Next answers notFound() thrown while a page renders with `<html id="__next_error__">` and an empty body (the
 * not-found view only in the RSC payload: blank without JavaScript; vercel/next.js#62228), but renders an
 * address that matches no page whole. A marked page's 404 document is replaced, before its first byte, by the
 * answer to /_not-found-path asked of this server with the same headers (cookies, language, encoding): the
 * not-found page in the user's language, status 404, its own CSP nonce. Next's body is dropped.
 */
function answerMarkedNotFound(req, res, renderId) {
  const { writeHead, write, end } = res;
  let replacing = false;
  const callbackOf = (args) => args.find((arg) => typeof arg === "function");
  res.writeHead = function (statusCode, ...rest) {
    if (replacing) return this;
    if (notFoundStatusMarks.delete(renderId) && statusCode === 200) return writeHead.call(this, 404, ...rest);
    if (!notFoundMarks.delete(renderId) || statusCode !== 404) return writeHead.call(this, statusCode, ...rest);
    replacing = true;
    const ownCookies = [].concat(this.getHeader("set-cookie") ?? []);
    for (const name of this.getHeaderNames()) if (name !== "x-request-id") this.removeHeader(name);
    const headers = { ...req.headers };
    delete headers[RENDER_HEADER];
    headers[INNER_HEADER] = INNER_SECRET;
    const host = (req.socket.localAddress ?? "127.0.0.1").replace(/^::ffff:/, "");
    const inner = http.get({ host, port: req.socket.localPort, path: "/_not-found-path", headers }, (answer) => {
      for (const [name, value] of Object.entries(answer.headers)) {
        if (value !== undefined && !HOP_BY_HOP.has(name) && name !== "set-cookie") this.setHeader(name, value);
      }
      const cookies = [...ownCookies, ...(answer.headers["set-cookie"] ?? [])];
      if (cookies.length) this.setHeader("set-cookie", cookies);
      writeHead.call(this, 404);
      answer.on("data", (chunk) => write.call(this, chunk));
      answer.on("end", () => end.call(this));
    });
    inner.on("error", () => {
      if (this.headersSent) return end.call(this);
      writeHead.call(this, 404, { "content-type": "text/plain; charset=utf-8" });
      end.call(this, "Not found");
    });
    return this;
  };
  res.write = function (...args) {
    if (!replacing) return write.apply(this, args);
    callbackOf(args)?.();
    return true;
  };
  res.end = function (...args) {
    if (!replacing) return end.apply(this, args);
    callbackOf(args)?.();
    return this;
  };
}
// The server's own requests to itself, which must never wait behind the request that made them.
const INNER_SECRET = randomUUID();
const INNER_HEADER = "x-portal-inner";
// RENDER_HEADER carries this wrapper's id of each request (below); Next's forward of a server action carries the first request's.
const forwards = actionForwards({ renderHeader: RENDER_HEADER });
/** Files and checks that render no page: the queue is for the rendering thread's work. */
const UNQUEUED_PATHS =
  /^\/(?:_next\/|media\/|icons\/|api\/health(?:[/?]|$)|metrics(?:[/?]|$)|sw\.js|manifest\.webmanifest|favicon\.ico|robots\.txt|apple-icon\.png|icon\.svg)/;
/** The queue's settings (.env.example), refused at start when they are not whole numbers. */
function admissionSettings() {
  try {
    return {
      limit: countSetting("PORTAL_CONCURRENT_REQUESTS", 8),
      giveUpMs: countSetting("PORTAL_ADMISSION_GIVE_UP_MS", 1000),
    };
  } catch (error) {
    process.stderr.write(`Invalid portal configuration:\n  ${error.message}\nSee .env.example for every variable.\n`);
    process.exit(1);
  }
}
const admission = admissionQueue({
  ...admissionSettings(),
  exempt: (req) =>
    UNQUEUED_PATHS.test(req.url ?? "/") ||
    req.headers[INNER_HEADER] === INNER_SECRET ||
    // A page's shared copy, rendered by this process beside a request (lib/http/shared-documents.ts).
    (globalThis[FILL_SECRET] !== undefined && req.headers[FILL_HEADER] === globalThis[FILL_SECRET]) ||
    // A server action Next forwards to the page that has it, from inside the request that received it.
    forwards.isForward(req),
});
// Read by /metrics (lib/observability/metrics.ts): how many wait, and how often a place was given up.
globalThis[ADMISSION] = admission;

const createServer = http.createServer;
http.createServer = function (...args) {
  // Next's request listener, behind the admission queue (scripts/admission-queue.cjs).
  args = args.map((arg) => (typeof arg === "function" ? admission.wrap(arg) : arg));
  const server = createServer.apply(this, args);
  servers.add(server);
  // Where this process listens, for the proxy's copies of pages the same for everyone (lib/http/shared-documents.ts).
  server.once("listening", () => {
    const address = server.address();
    if (!address || typeof address !== "object") return;
    const any = address.address === "0.0.0.0" || address.address === "::";
    globalThis[LOCAL_ADDRESS] ??= { host: any ? "127.0.0.1" : address.address, port: address.port };
  });
  server.prependListener("request", (req, res) => {
    const started = process.hrtime.bigint();
    const given = req.headers["x-request-id"];
    const id = typeof given === "string" && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
    req.headers["x-request-id"] = id;
    // The connection's own address, for /metrics' loopback rule ("forwarded" when a proxy passed the request
    // on: then the connection's address is the proxy's); whatever a client sent in this header is replaced.
    const forwarded = req.headers["x-forwarded-for"] !== undefined || req.headers.forwarded !== undefined;
    const remoteAddress = req.socket.remoteAddress ?? "";
    req.headers[PEER_HEADER] = forwarded ? "forwarded" : remoteAddress;
    res.setHeader("X-Request-Id", id);
    // This wrapper's own id of the request, for lib/http/not-found.ts (whatever a client sent is replaced).
    const renderId = randomUUID();
    // Next's mark on a server action it forwards to the page that has it, from inside the request that got it:
    // only when it carries the id of a request in flight here (a client's own mark is not; see actionForwards).
    // It goes straight past the queue, and /metrics counts it under the page the action was posted to.
    const forwardedFrom = forwards.arrive(req, renderId);
    req.headers[RENDER_HEADER] = renderId;
    res.once("close", () => {
      forwards.leave(renderId);
      notFoundMarks.delete(renderId);
      notFoundStatusMarks.delete(renderId);
    });
    if (req.method === "GET" && req.headers.rsc === undefined && req.headers["next-action"] === undefined) {
      answerMarkedNotFound(req, res, renderId);
    }
    let done = false;
    const end = (aborted) => {
      if (done) return;
      done = true;
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      try {
        globalThis[SERVER_HOOKS]?.onRequestEnd?.({
          id,
          method: req.method ?? "GET",
          url: req.url ?? "/",
          status: aborted ? 499 : res.statusCode,
          durationMs,
          forwardedFrom,
        });
      } catch {
        // logging never breaks a response
      }
    };
    res.once("finish", () => end(false));
    res.once("close", () => end(!res.writableFinished));
  });
  return server;
};

/** Seconds the balancer gets to see readiness fail before the server stops accepting connections. */
const drainSeconds = Number(process.env.SHUTDOWN_DRAIN_SECONDS ?? 3);
/** Seconds after which a shutdown that did not finish ends the process anyway. */
const graceSeconds = Number(process.env.SHUTDOWN_GRACE_SECONDS ?? 25);

let stopping = false;
function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  state.shuttingDown = true;
  const log = (event, extra = {}) =>
    process.stdout.write(
      `${JSON.stringify({ level: "info", time: new Date().toISOString(), pid: process.pid, msg: event, signal, ...extra })}\n`,
    );
  log("shutdown: readiness now answers 503");
  setTimeout(() => process.exit(1), graceSeconds * 1000).unref();
  setTimeout(async () => {
    await Promise.all(
      [...servers].map(
        (server) =>
          new Promise((resolve) => {
            server.close(() => resolve());
            server.closeIdleConnections?.();
          }),
      ),
    );
    log("shutdown: requests in flight finished");
    try {
      await globalThis[SERVER_HOOKS]?.shutdown?.();
    } catch (error) {
      log("shutdown: closing failed", { err: String(error?.message ?? error) });
    }
    log("shutdown: done");
    process.exit(signal === "SIGINT" ? 130 : 143);
  }, drainSeconds * 1000);
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));

require(path.join(__dirname, "next-server.js"));
