import { z } from "zod";

/**
 * The portal's configuration, read once from the environment and validated.
 * A missing or malformed variable stops the start with a message naming it.
 * Every other module reads `env.X`, never `process.env`.
 */
const DEFAULT_SIMULATOR_URL = "http://127.0.0.1:4010";

const urlWithoutTrailingSlash = z
  .string()
  .url()
  .transform((value) => value.replace(/\/+$/, ""));

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const logLevelSchema = z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** The wholesaler API. Unset: the embedded simulator the start scripts run. */
  UPSTREAM_URL: urlWithoutTrailingSlash.default(DEFAULT_SIMULATOR_URL),
  /** Where media files live; `{MEDIA_URL}/{hash}.{ext}`. Defaults to `{UPSTREAM_URL}/media`. */
  MEDIA_URL: urlWithoutTrailingSlash.optional(),
  /** Credential of the catalogue sync (a service user with PRODUCT_LIST). */
  UPSTREAM_SERVICE_TOKEN: z.string().min(1).default("sim-service-token"),
  /** Time-out of one upstream call, in milliseconds. */
  UPSTREAM_TIMEOUT_MS: positiveInt(10_000),
  /** Attempts for idempotent reads (first try included). */
  UPSTREAM_READ_ATTEMPTS: positiveInt(3),
  /** Time zone in which the upstream reads a `modified_since` without an offset (the product list's `2025-01-01 00:00`). */
  UPSTREAM_TIME_ZONE: z
    .string()
    .default("Europe/Amsterdam")
    .refine(isTimeZone, "must be an IANA time zone such as Europe/Amsterdam"),
  /** Encrypts the session cookie. At least 32 characters. */
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
  /**
   * The portal's public address, e.g. https://portal.example; https makes every cookie Secure.
   * Required when NODE_ENV=production (see parseEnv); elsewhere http://localhost:3000.
   */
  NEXTAUTH_URL: urlWithoutTrailingSlash.optional(),
  /** Postgres connection string. Unset: embedded PGlite in DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  /**
   * Key of the server actions' encryption (base64 of 16, 24 or 32 bytes), the same for the build and
   * every instance. Required when NODE_ENV=production with DATABASE_URL (several instances; see parseEnv).
   */
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z
    .string()
    .refine(
      (value) => [16, 24, 32].includes(Buffer.from(value, "base64").length),
      "must be base64 of 16, 24 or 32 bytes",
    )
    .optional(),
  /** Bearer token of GET /metrics; without it /metrics answers only on the loopback address. */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /** Least level of the JSON log lines: fatal, error, warn, info, debug, trace or silent. */
  LOG_LEVEL: logLevelSchema,
  /** Folder of the embedded database and other local state. */
  DATA_DIR: z.string().min(1).default("./data"),
  /** Demo installation: every dealer may place test orders. The start scripts set it with the embedded simulator. */
  DEMO_MODE: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((value) => value === "true" || value === "1"),
  /** Time zone in which dates are shown to dealers. */
  DEALER_TIME_ZONE: z
    .string()
    .default("Europe/Amsterdam")
    .refine(isTimeZone, "must be an IANA time zone such as Europe/Amsterdam"),
  /** Session length when the upstream gives no token expiry, in seconds. */
  SESSION_MAX_AGE_SECONDS: positiveInt(8 * 60 * 60),
  /** Seconds between two reads of GET /me for a session (permissions and features); 5 minutes at most. */
  SESSION_RECHECK_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .max(5 * 60)
    .default(5 * 60),
  /**
   * Failed sign-ins allowed in the window: for one account from one address (then growing delays),
   * from one address (any account), and for one account from anywhere (a much larger ceiling, so
   * that a stranger cannot lock a dealer out).
   */
  SIGN_IN_ATTEMPTS_PER_ACCOUNT_AND_ADDRESS: positiveInt(5),
  SIGN_IN_ATTEMPTS_PER_ADDRESS: positiveInt(20),
  SIGN_IN_ATTEMPTS_PER_ACCOUNT: positiveInt(100),
  SIGN_IN_WINDOW_SECONDS: positiveInt(15 * 60),
  /**
   * Proxies in front of the portal that append the client's address to X-Forwarded-For. 0: the
   * portal is reached directly and the address is the connection's; X-Forwarded-For is ignored.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Minutes between incremental catalogue syncs; 0 disables the background sync. */
  SYNC_INTERVAL_MINUTES: z.coerce.number().min(0).default(5),
  /** Seconds between stock colour refreshes. */
  STOCK_INTERVAL_SECONDS: positiveInt(60),
  /** Concurrent product detail calls of the sync. */
  SYNC_CONCURRENCY: positiveInt(8),
});

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export type Env = Omit<z.infer<typeof schema>, "NEXTAUTH_URL"> & { MEDIA_URL: string; NEXTAUTH_URL: string };

const LOCAL_URL = "http://localhost:3000";

/** Parses `source` with `shape`, or stops with every invalid variable named. */
function validated<T extends z.ZodType>(
  shape: T,
  source: Record<string, string | undefined>,
  what: string,
): z.infer<T> {
  const result = shape.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  throw new Error(`Invalid ${what}:\n${lines.join("\n")}\nSee .env.example for every variable.`);
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const data = validated(schema, source, "portal configuration");
  // A production server without its public address would fall back to http://localhost:3000 and
  // drop the Secure flag of every cookie: refuse to start. (`next build` runs without it.)
  const building = source.NEXT_PHASE === "phase-production-build";
  if (!data.NEXTAUTH_URL && data.NODE_ENV === "production" && !building) {
    throw new Error(
      "Invalid portal configuration:\n  NEXTAUTH_URL: required when NODE_ENV=production (the portal's public address, e.g. https://portal.example)\nSee .env.example for every variable.",
    );
  }
  // Several instances on one database must share the actions' key, or each rejects the others' forms.
  if (data.DATABASE_URL && !data.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY && data.NODE_ENV === "production" && !building) {
    throw new Error(
      "Invalid portal configuration:\n  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: required when NODE_ENV=production with DATABASE_URL (the same base64 key for the build and every instance: openssl rand -base64 32)\nSee .env.example for every variable.",
    );
  }
  return {
    ...data,
    NEXTAUTH_URL: data.NEXTAUTH_URL ?? LOCAL_URL,
    MEDIA_URL: data.MEDIA_URL ?? `${data.UPSTREAM_URL}/media`,
  };
}

let cached: Env | undefined;

/** The validated configuration; parsed on first use. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** What the catalogue sync worker needs: no session settings, so `npm run sync` runs without NEXTAUTH_SECRET. */
const syncSchema = schema.pick({
  NODE_ENV: true,
  UPSTREAM_URL: true,
  UPSTREAM_SERVICE_TOKEN: true,
  UPSTREAM_TIMEOUT_MS: true,
  UPSTREAM_READ_ATTEMPTS: true,
  UPSTREAM_TIME_ZONE: true,
  DATABASE_URL: true,
  DATA_DIR: true,
  SYNC_INTERVAL_MINUTES: true,
  STOCK_INTERVAL_SECONDS: true,
  SYNC_CONCURRENCY: true,
});

export type SyncEnv = z.infer<typeof syncSchema>;

export function parseSyncEnv(source: Record<string, string | undefined>): SyncEnv {
  return validated(syncSchema, source, "sync configuration");
}

let cachedSync: SyncEnv | undefined;

/** The catalogue sync's part of the configuration; parsed on first use. */
export function getSyncEnv(): SyncEnv {
  cachedSync ??= parseSyncEnv(process.env);
  return cachedSync;
}

/** Settings of the test suites only; the portal never reads them. */
const testSchema = z.object({
  /** A Postgres server whose user may create databases: the tests on a Postgres server run against it. */
  TEST_DATABASE_URL: z.string().url().optional(),
});

export type TestEnv = z.infer<typeof testSchema>;

/** The test suites' settings, validated; an invalid one stops the tests with its name. */
export function getTestEnv(source: Record<string, string | undefined> = process.env): TestEnv {
  return validated(testSchema, source, "test configuration");
}

/**
 * The log's level alone: the log must work before the whole configuration is validated (to report
 * that it is invalid), so an invalid LOG_LEVEL falls back to info here and is named by getEnv().
 */
export function getLogLevel(source: Record<string, string | undefined> = process.env): z.infer<typeof logLevelSchema> {
  const parsed = logLevelSchema.safeParse(source.LOG_LEVEL);
  return parsed.success ? parsed.data : "info";
}
