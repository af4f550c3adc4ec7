// `npm test`: every test, in the order that fails fastest and finishes soonest on a small machine.
//   1. the static checks side by side: types (tsc), lint (ESLint), format (Prettier);
//   2. the unit and integration tests (Vitest) beside the production build the end-to-end suite runs;
//   3. the end-to-end suite (scripts/e2e.mjs: its parallel groups against that build).
// Each step prints its output when it ends, with its time; the first failing step stops the run,
// and the lines that say why it failed are printed again last (a CI log is often read from its end).
import { spawn } from "node:child_process";

const NODE = process.execPath;
const npx = (name) => `node_modules/.bin/${name}`;

/** The lines of a failed step's output that say why: failures, errors and their first stack lines. */
function whyFailed(text, limit = 80) {
  const lines = text.split("\n");
  const picked = [];
  lines.forEach((line, index) => {
    if (!/\b(FAIL|Error|error|Unhandled|failed|Failed)\b|✗|×|❯ .*:\d+:\d+/.test(line)) return;
    for (const at of [index, index + 1]) if (lines[at]?.trim() && !picked.includes(at)) picked.push(at);
  });
  const shown = picked.slice(0, limit).map((at) => lines[at]);
  if (picked.length > limit) shown.push(`… and ${picked.length - limit} more lines above`);
  return shown.join("\n");
}

const failures = [];

/** Runs a command with its output held back; resolves with its exit code, output and time. */
function step(name, command, args, env = {}) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, ...env, FORCE_COLOR: "0" } });
    const output = [];
    child.stdout.on("data", (chunk) => output.push(chunk));
    child.stderr.on("data", (chunk) => output.push(chunk));
    child.on("error", (error) => output.push(Buffer.from(`${error.message}\n`)));
    child.on("close", (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      process.stdout.write(`--- ${name}: ${code === 0 ? "passed" : `failed (exit ${code})`} in ${seconds} s\n`);
      const text = Buffer.concat(output).toString();
      process.stdout.write(text);
      if (code !== 0) failures.push({ name, why: whyFailed(text) });
      resolve(code ?? 1);
    });
  });
}

/** Steps side by side; stops the run when one failed. */
async function together(...steps) {
  const codes = await Promise.all(steps);
  if (codes.every((code) => code === 0)) return;
  for (const { name, why } of failures)
    process.stdout.write(`\n--- why "${name}" failed (its lines above, again):\n${why}\n`);
  process.exit(1);
}

/** A step that streams (the end-to-end suite is long: its progress shows as it goes). */
function streamed(name, command, args) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit" });
    child.on("close", (code) => {
      console.log(
        `--- ${name}: ${code === 0 ? "passed" : `failed (exit ${code})`} in ${((Date.now() - started) / 60000).toFixed(1)} min`,
      );
      resolve(code ?? 1);
    });
  });
}

const started = Date.now();
await together(
  step("types", NODE, [npx("tsc"), "--noEmit"]),
  step("lint", NODE, [npx("eslint"), "."]),
  step("format", NODE, [npx("prettier"), "--check", "."]),
);
await together(
  step("unit and integration tests", NODE, [npx("vitest"), "run"]),
  step("production build", NODE, ["scripts/build.mjs"]),
);
const code = await streamed("end-to-end tests", NODE, ["scripts/e2e.mjs"]);
console.log(`npm test: ${code === 0 ? "all passed" : "failed"} in ${((Date.now() - started) / 60000).toFixed(1)} min`);
process.exit(code);
