/**
 * What every bench does once it has its figures: write them to `bench/<name>.json` and
 * `bench/<name>.md`, say so, and end the process with 0, or with 1 and the error if it failed.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Writes `result` as `bench/<name>.json` and `markdown` as `bench/<name>.md` (relative to the
 * working directory, the repository's root under `npm run`). Prints `shown` (the Markdown unless
 * the bench has a shorter summary; `null` for nothing) and the two paths.
 */
export function writeBenchResult(name: string, result: unknown, markdown: string, shown: string | null = markdown): void {
  const out = path.join(process.cwd(), "bench");
  writeFileSync(path.join(out, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(path.join(out, `${name}.md`), markdown);
  if (shown !== null) console.log(`\n${shown}`);
  console.log(`Written to bench/${name}.json and bench/${name}.md`);
}

/**
 * Runs a bench's `main` and ends the process: 0 when it finished, 1 with the error's stack when
 * it threw. `cleanup` (stopping the servers the bench started) runs in both cases first; a
 * failure in it is printed and makes the exit code 1.
 */
export function runBench(main: () => Promise<void>, cleanup?: () => unknown): void {
  const finish = async (code: number) => {
    try {
      await cleanup?.();
    } catch (error) {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      code = 1;
    }
    process.exit(code);
  };
  main().then(
    () => finish(0),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      return finish(1);
    },
  );
}
