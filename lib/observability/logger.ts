import pino, { type Logger } from "pino";

import { getLogLevel } from "@/lib/env";

/**
 * The portal's JSON log: one object a line on stdout (pino). Lines carry ids, routes, statuses and
 * durations, never an email address, a token or a password: the keys that could hold one are redacted
 * wherever they appear, and the request log names routes, not URLs (see requests.ts).
 *
 * The level is LOG_LEVEL (default info), read by lib/env's getLogLevel alone: the log must work before
 * the whole configuration is validated, to report that it is invalid.
 */
const KEY = Symbol.for("dealer-portal.logger");
type Holder = { [KEY]?: Logger };

const LEVELS = new Set(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);

const SECRET_KEYS = [
  "email",
  "password",
  "token",
  "accessToken",
  "authorization",
  "cookie",
  "secret",
  "username",
  "user",
];

export function createLogger(level?: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level: level && LEVELS.has(level) ? level : "info",
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [...SECRET_KEYS, ...SECRET_KEYS.map((key) => `*.${key}`)],
        censor: "[redacted]",
      },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination ?? pino.destination({ fd: 1, sync: true }),
  );
}

/** The process's logger (one per process, even when Next loads this module more than once). */
export function log(): Logger {
  const holder = globalThis as Holder;
  holder[KEY] ??= createLogger(getLogLevel());
  return holder[KEY];
}

/** Free text for a log line with anything that looks like an email address or a bearer token masked. */
export function scrub(text: string): string {
  return text
    .replace(/[^\s@<>"'()]+@[^\s@<>"'()]+\.[a-z]{2,}/gi, "[email]")
    .replace(/\b(Bearer|Token)\s+[\w.~+/=-]+/gi, "$1 [redacted]");
}

/** The message of an error for a log line, without its stack, scrubbed. */
export function errorText(error: unknown): string {
  return scrub(error instanceof Error ? error.message : String(error));
}
