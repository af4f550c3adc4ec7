/**
 * Queries kept as named prepared statements answer as PGlite's own `query` does: the same rows and
 * types, Postgres' errors with their codes, a changed table, and waiting for an open transaction.
 */
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { NamedStatements } from "./pglite-statements.mjs";

let pglite: PGlite;
let named: NamedStatements;

beforeAll(async () => {
  pglite = await PGlite.create();
  named = new NamedStatements(pglite, 3);
  await pglite.exec(`create table parts (sku text primary key, title text not null, tiers jsonb, at timestamptz)`);
  await pglite.query(`insert into parts values ($1, $2, $3, $4), ($5, $6, null, null)`, [
    "0104916",
    "Kabel 3 m",
    JSON.stringify([{ from: 1, price: "2.50" }]),
    "2026-12-01T10:00:00Z",
    "0100136",
    "Kraan",
  ]);
}, 60_000);

afterAll(async () => {
  await pglite?.close();
});

async function preparedNames(): Promise<string[]> {
  const result = await pglite.query<{ name: string }>(
    `select name from pg_prepared_statements where name like 'portal\\_%' order by prepare_time, name`,
  );
  return result.rows.map((row) => row.name);
}

describe("named prepared statements on PGlite", () => {
  it("answer the rows, fields and types that PGlite's own query answers", async () => {
    const cases: Array<[string, unknown[], { rowMode?: "array" | "object" }?]> = [
      [`select * from parts order by sku`, []],
      [`select sku, tiers, at from parts where sku = any($1::text[]) order by sku`, [["0104916", "0100136", "none"]]],
      [
        `select $1::int + 1 as n, $2::numeric as price, $3::boolean as b, $4::text as missing`,
        [41, "2.50", true, null],
      ],
      [`select sku, title from parts where title ilike $1`, ["kab%"], { rowMode: "array" }],
    ];
    for (const [sql, params, options] of cases) {
      const mine = await named.query(sql, params, options);
      const theirs = await pglite.query(sql, params, options);
      expect(mine.rows).toEqual(theirs.rows);
      expect(mine.fields).toEqual(theirs.fields);
    }
    const [row] = (
      await named.query<{ at: Date; tiers: unknown }>(`select at, tiers from parts where sku = $1`, ["0104916"])
    ).rows;
    expect(row!.at).toBeInstanceOf(Date);
    expect(row!.tiers).toEqual([{ from: 1, price: "2.50" }]);
  });

  it("prepare a text once and keep the most recently used, closing the oldest past the limit", async () => {
    const fresh = new NamedStatements(pglite, 3);
    const texts = [1, 2, 3, 4].map((n) => `select ${n} as n, count(*)::int as parts from parts where sku <> $1`);
    const before = await preparedNames();
    for (const text of texts.slice(0, 3)) await fresh.query(text, ["x"]);
    await fresh.query(texts[0]!, ["x"]);
    const three = (await preparedNames()).filter((name) => !before.includes(name));
    expect(three).toHaveLength(3);
    // The fourth text closes the least recently used: the second (the first ran again since).
    await fresh.query(texts[3]!, ["x"]);
    const after = (await preparedNames()).filter((name) => !before.includes(name));
    expect(after).toHaveLength(3);
    expect(after).not.toContain(three[1]);
    expect(after).toContain(three[0]);
    for (const text of texts) expect((await fresh.query<{ parts: number }>(text, ["x"])).rows[0]!.parts).toBe(2);
  });

  it("reject with Postgres' error and its code, keep nothing that failed to parse, and answer after", async () => {
    const before = await preparedNames();
    await expect(named.query(`selec sku from parts`)).rejects.toMatchObject({
      code: "42601",
      query: "selec sku from parts",
    });
    expect(await preparedNames()).toEqual(before);
    await expect(named.query(`select 1 / $1::int as n`, [0])).rejects.toMatchObject({ code: "22012", params: [0] });
    await expect(named.query(`select sku from parts where sku = $1`, ["0100136"])).resolves.toMatchObject({
      rows: [{ sku: "0100136" }],
    });
  });

  it("prepare anew a statement whose table's columns changed since", async () => {
    await named.query(`create table notes (id int)`);
    await named.query(`insert into notes values ($1)`, [1]);
    expect((await named.query(`select * from notes`)).rows).toEqual([{ id: 1 }]);
    await named.query(`alter table notes add column body text`);
    expect((await named.query(`select * from notes`)).rows).toEqual([{ id: 1, body: null }]);
  });

  it("wait for a transaction that holds the database, then see what it committed", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = named.transaction(async (tx) => {
      await tx.query(`insert into parts values ($1, $2, null, null)`, ["0200000", "Slang"]);
      await held;
    });
    const counted = named.query<{ n: number }>(`select count(*)::int as n from parts`);
    let answered = false;
    void counted.then(() => (answered = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toBe(false);
    release();
    await transaction;
    expect((await counted).rows[0]!.n).toBe(3);
  });
});
