/**
 * The benchmarks' command-line options, `--name=value` and `--flag`, read one way for all of them.
 * A bad value stops the bench with a message rather than running with a default nobody asked for.
 */

function valueOf(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((value) => value.startsWith(prefix))?.slice(prefix.length);
}

/** A positive number (`--duration=60`). */
export function numberOption(name: string, fallback: number): number {
  const given = valueOf(name);
  const value = given === undefined ? fallback : Number(given);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

/** A positive whole number (`--runs=5`). */
export function countOption(name: string, fallback: number): number {
  const value = numberOption(name, fallback);
  if (!Number.isInteger(value)) throw new Error(`--${name} must be a positive whole number`);
  return value;
}

/** A text (`--seed=bench`); the fallback when not given. */
export function textOption(name: string, fallback: string): string;
export function textOption(name: string): string | undefined;
export function textOption(name: string, fallback?: string): string | undefined {
  return valueOf(name) ?? fallback;
}

/** Whether a flag (`--no-build`) was given. */
export function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}
