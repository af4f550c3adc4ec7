import { log, scrub } from "@/lib/observability/logger";

/** Where the sync writes its lines: the process's JSON log by default, something quieter in tests. */
export interface SyncLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const processLogger: SyncLogger = {
  info: (message) => log().info(scrub(message)),
  warn: (message) => log().warn(scrub(message)),
  error: (message) => log().error(scrub(message)),
};

/** Plain lines on the terminal, for `npm run sync` run by hand (scripts/sync.ts). */
export const consoleLogger: SyncLogger = {
  info: (message) => console.log(message),
  warn: (message) => console.warn(scrub(message)),
  error: (message) => console.error(scrub(message)),
};

export const silentLogger: SyncLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
