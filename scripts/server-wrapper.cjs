// The standalone folder's server.js (scripts/build.mjs puts Next's own server beside it as next-server.js).
// It adds what an operator needs around Next's server, without changing how it serves:
// - a request id per request (X-Request-Id from the balancer, or a new one), echoed in the response;
// - when a response ends, the portal's hook (lib/observability/requests.ts) writes one JSON log line and
//   the request metrics;
// - on SIGTERM or SIGINT: readiness answers 503 at once (the balancer stops sending), requests in flight
//   (a checkout) finish, then the portal's shutdown hook stops the sync and closes the database.
// Plain CommonJS without dependencies: it runs before Next and the portal's code are loaded.
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: it must load before Next, without a bundler */
"use strict";
const http = require("node:http");
const { randomUUID } = require("node:crypto");
const path = require("node:path");

const HOOKS = Symbol.for("dealer-portal.server-hooks");
const STATE = Symbol.for("dealer-portal.lifecycle");
const state = (globalThis[STATE] ??= { shuttingDown: false, startedAt: Date.now() });

// Next's own signal handling would close the server and exit without closing the database.
process.env.NEXT_MANUAL_SIG_HANDLE = "true";

const servers = new Set();
const createServer = http.createServer;
http.createServer = function (...args) {
  const server = createServer.apply(this, args);
  servers.add(server);
  server.prependListener("request", (req, res) => {
    const started = process.hrtime.bigint();
    const given = req.headers["x-request-id"];
    const id = typeof given === "string" && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
    req.headers["x-request-id"] = id;
    // The connection's own address, for /metrics' loopback rule ("forwarded" when a proxy passed the request
    // on: then the connection's address is the proxy's); whatever a client sent in this header is replaced.
    const forwarded = req.headers["x-forwarded-for"] !== undefined || req.headers.forwarded !== undefined;
    req.headers["x-portal-peer"] = forwarded ? "forwarded" : (req.socket.remoteAddress ?? "");
    res.setHeader("X-Request-Id", id);
    let done = false;
    const end = (aborted) => {
      if (done) return;
      done = true;
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      try {
        globalThis[HOOKS]?.onRequestEnd?.({
          id,
          method: req.method ?? "GET",
          url: req.url ?? "/",
          status: aborted ? 499 : res.statusCode,
          durationMs,
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
      await globalThis[HOOKS]?.shutdown?.();
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
