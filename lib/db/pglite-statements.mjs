// Named prepared statements on an embedded PGlite: each distinct SQL text is parsed and described once,
// then every later run sends bind, describe, execute and sync as one message. PGlite's own `query` parses
// and describes the statement on every call, in six calls into its WebAssembly; on the catalogue's search
// statements that was about a tenth of a search (bench/issue-19-experiments.md).
//
// Plain JavaScript: the embedded database's thread (pglite-worker.mjs) loads it by path with no bundler,
// and the server's own PGlite (lib/db/client.ts) uses it too. Only queries outside a transaction are
// named; a transaction's queries run through PGlite's own path.
import { parse, protocol } from "@electric-sql/pglite";

/** Statements kept prepared: past this, the least recently used one is closed. */
export const PREPARED_STATEMENT_LIMIT = 256;

/** Names are unique in the process, so that two clients on one PGlite never share one. */
let nextName = 1;

/** Postgres refuses a kept plan whose result columns changed (a table's columns altered since). */
const RESULT_TYPE_CHANGED = "0A000";

function joined(parts) {
  const out = new Uint8Array(parts.reduce((size, part) => size + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The error as PGlite's `query` gives it: Postgres' fields, with the query and its parameters. */
function withQuery(error, query, params, options) {
  if (error && typeof error === "object") {
    error.query = query;
    error.params = params;
    error.queryOptions = options;
  }
  return error;
}

/**
 * A client for drizzle's PGlite driver (`query`, `exec`, `transaction`) whose queries outside a transaction
 * run as named prepared statements. `plain` is the PGlite underneath, answering as PGlite does.
 */
export class NamedStatements {
  /** @param {import("@electric-sql/pglite").PGlite} pglite */
  constructor(pglite, limit = PREPARED_STATEMENT_LIMIT) {
    this.plain = pglite;
    this.limit = limit;
    /** SQL text → { name, types }, least recently used first. */
    this.statements = new Map();
  }

  /** One message into PGlite, answered with its messages; Postgres' error thrown after the sync. */
  #send(parts) {
    return this.plain.execProtocolStream(joined(parts), { syncToFs: false });
  }

  async #prepared(sql) {
    const known = this.statements.get(sql);
    if (known) {
      // Most recently used last.
      this.statements.delete(sql);
      this.statements.set(sql, known);
      return known;
    }
    const name = `portal_${nextName++}`;
    const described = await this.#send([
      protocol.serialize.parse({ name, text: sql }),
      protocol.serialize.describe({ type: "S", name }),
      protocol.serialize.sync(),
    ]);
    const statement = { name, types: parse.parseDescribeStatementResults(described) };
    this.statements.set(sql, statement);
    if (this.statements.size > this.limit) {
      const [oldest, { name: closed }] = this.statements.entries().next().value;
      this.statements.delete(oldest);
      await this.#send([protocol.serialize.close({ type: "S", name: closed }), protocol.serialize.sync()]);
    }
    return statement;
  }

  async #forget(sql) {
    const statement = this.statements.get(sql);
    if (!statement) return;
    this.statements.delete(sql);
    await this.#send([protocol.serialize.close({ type: "S", name: statement.name }), protocol.serialize.sync()]);
  }

  async #run(sql, params, options) {
    const { name, types } = await this.#prepared(sql);
    const values = params.map((value, index) => {
      if (value === null || value === undefined) return null;
      const serialize = options?.serializers?.[types[index]] ?? this.plain.serializers[types[index]];
      return serialize ? serialize(value) : value.toString();
    });
    const messages = await this.#send([
      protocol.serialize.bind({ statement: name, values }),
      protocol.serialize.describe({ type: "P" }),
      protocol.serialize.execute({}),
      protocol.serialize.sync(),
    ]);
    return parse.parseResults(messages, this.plain.parsers, options)[0];
  }

  /** As PGlite's `query`: waits for an open transaction and for other queries, then runs alone. */
  async query(sql, params = [], options) {
    await this.plain._checkReady();
    return this.plain._runExclusiveTransaction(() =>
      this.plain._runExclusiveQuery(async () => {
        try {
          try {
            return await this.#run(sql, params, options);
          } catch (error) {
            if (error?.code !== RESULT_TYPE_CHANGED) throw error;
            // Prepared before the table changed: once more, prepared anew.
            await this.#forget(sql);
            return await this.#run(sql, params, options);
          }
        } catch (error) {
          throw withQuery(error, sql, params, options);
        } finally {
          await this.plain.syncToFs();
        }
      }),
    );
  }

  exec(sql, options) {
    return this.plain.exec(sql, options);
  }

  transaction(callback) {
    return this.plain.transaction(callback);
  }

  close() {
    return this.plain.close();
  }
}
