/** Where the sync writes its lines: the console by default, something quieter in tests. */
export interface SyncLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const consoleLogger: SyncLogger = {
  info: (message) => console.log(message),
  warn: (message) => console.warn(message),
  error: (message) => console.error(message),
};

export const silentLogger: SyncLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
