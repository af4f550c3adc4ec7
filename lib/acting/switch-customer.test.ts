import { Writable } from "node:stream";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { SessionToken } from "@/lib/auth/session-types";
import { openMemoryDatabase, type DatabaseHandle } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";
import { createLogger } from "@/lib/observability/logger";

import { switchCustomer } from "./switch-customer";

/** A refused switch is written to the audit log and to the process's log, the latter without who it was. */

const DATABASE = Symbol.for("dealer-portal.database");
const LOGGER = Symbol.for("dealer-portal.logger");
const holder = globalThis as Record<symbol, unknown>;
const lines: string[] = [];
let handle: DatabaseHandle;

const dealer: SessionToken = {
  sessionId: "s-1",
  upstreamToken: "upstream-token-not-for-logs",
  upstreamExpiresAt: null,
  name: "Daan de Vries",
  email: "daan@bakker.example",
  customerCode: "EA00002",
  companyName: "Bakker Caravans",
  permissions: [],
  features: [],
  activeCustomerCode: "EA00002",
  activeCompanyName: "Bakker Caravans",
};

beforeAll(async () => {
  handle = await openMemoryDatabase();
  holder[DATABASE] = Promise.resolve(handle);
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  holder[LOGGER] = createLogger("info", sink);
});
afterAll(async () => {
  delete holder[DATABASE];
  delete holder[LOGGER];
  await handle.close();
});

describe("switchCustomer refused", () => {
  it("answers forbidden, audits the attempt by name, and logs codes only: no email, no token", async () => {
    const result = await switchCustomer(dealer, "EA00001");
    expect(result).toEqual({ ok: false, reason: "forbidden" });

    const [row] = await handle.db.select().from(auditLog);
    expect(row).toMatchObject({ action: "forbidden-customer", customerCode: "EA00001" });

    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toContainEqual(expect.objectContaining({ level: "warn", customer: "EA00002", target: "EA00001" }));
    const text = lines.join("\n");
    expect(text).not.toContain("daan@bakker.example");
    expect(text).not.toContain("Daan de Vries");
    expect(text).not.toContain("upstream-token-not-for-logs");
  });
});
