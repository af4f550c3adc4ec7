// The embedded database's own thread (lib/db/pglite-thread.ts starts it): PGlite runs its queries here, off
// the thread that renders pages. Plain JavaScript, loaded by path with no bundler: the same file serves
// `next dev` and the standalone build (scripts/build.mjs copies it beside the server).
//
// Messages in: { id, op: "open", folder } | { id, op: "query", sql, params, options, tx? }
//   | { id, op: "exec", sql, tx? } | { id, op: "begin" } | { id, op: "end", tx, commit } | { id, op: "close" }
// Messages out: { id, ok: true, result } | { id, ok: false, error }.
import { parentPort } from "node:worker_threads";

import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

import { NamedStatements } from "./pglite-statements.mjs";

if (!parentPort) throw new Error("pglite-worker.mjs runs as a worker thread");
const port = parentPort;

/** @type {NamedStatements | null} */
let database = null;
/** Open transactions by id: PGlite's transaction object, how to end it, and its settling. */
const transactions = new Map();
let nextTransaction = 1;

/** The parsers a query asked for: the caller can only name types whose text is kept as it is (functions stay behind). */
function queryOptions(options) {
  if (!options) return undefined;
  const { rowMode, keepAsText } = options;
  const parsers = {};
  for (const type of keepAsText ?? []) parsers[type] = (value) => value;
  return { rowMode, parsers };
}

/** An error as data: its message, name and the fields Postgres gives (code, detail, constraint…). */
function errorData(error) {
  if (!(error instanceof Error)) return { message: String(error), name: "Error", fields: {} };
  const fields = {};
  for (const [key, value] of Object.entries(error)) {
    if (value === undefined || typeof value === "function") continue;
    if (typeof value === "object" && value !== null) continue;
    fields[key] = value;
  }
  return { message: error.message, name: error.name, fields };
}

/** The client a message runs on: its transaction's, or the database's (its queries prepared by name). */
function clientOf(message) {
  if (message.tx === undefined) return database;
  const open = transactions.get(message.tx);
  if (!open) throw new Error(`transaction ${message.tx} is not open`);
  return open.tx;
}

/** Starts a transaction and answers once it holds the database; it ends with an "end" message. */
function begin() {
  return new Promise((started, failed) => {
    const id = nextTransaction++;
    let finish;
    const ended = new Promise((resolve, reject) => {
      finish = { resolve, reject };
    });
    ended.catch(() => undefined);
    // PGlite waits for the queries before it and holds the database until the callback settles.
    const run = database.transaction(async (tx) => {
      transactions.set(id, { tx, finish, run });
      started(id);
      await ended;
    });
    run.then(
      () => transactions.delete(id),
      (error) => {
        transactions.delete(id);
        failed(error);
      },
    );
  });
}

const ROLLBACK = Symbol("rollback");

/** Commits or rolls back, and answers once PGlite has. */
async function end(message) {
  const open = transactions.get(message.tx);
  if (!open) throw new Error(`transaction ${message.tx} is not open`);
  if (message.commit) open.finish.resolve();
  else open.finish.reject(ROLLBACK);
  try {
    await open.run;
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
  return null;
}

async function handle(message) {
  switch (message.op) {
    case "open":
      database = new NamedStatements(await PGlite.create(message.folder, { extensions: { pg_trgm } }));
      return null;
    case "query":
      return clientOf(message).query(message.sql, message.params, queryOptions(message.options));
    case "exec":
      return clientOf(message).exec(message.sql);
    case "begin":
      return begin();
    case "end":
      return end(message);
    case "close":
      await database?.close();
      database = null;
      return null;
    default:
      throw new Error(`unknown operation ${message.op}`);
  }
}

port.on("message", (message) => {
  handle(message).then(
    (result) => port.postMessage({ id: message.id, ok: true, result }),
    (error) => port.postMessage({ id: message.id, ok: false, error: errorData(error) }),
  );
});
