import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

import { standaloneDir } from "./portal";
import { linkProjectPackages } from "./reference-app";

/**
 * The code issue 19 measured (its re-run of 30 November): `bench:load`'s goal is a throughput of 4× this
 * code's in the same conditions, which only a run of both side by side can show.
 */
export const LOAD_REFERENCE = { commit: "ab9b071", issue: 19, throughputGoal: 4 } as const;

export interface ReferenceBuild {
  /** The commit as asked for and in full. */
  commit: string;
  fullCommit: string;
  /** The build's folder (its `standalone/server.js` runs it, as `npm start` runs the portal's). */
  distDir: string;
  buildId: string;
  /** Whether this run built it, and how long it took. */
  built: boolean;
  buildSeconds: number | null;
}

/**
 * The production build of an earlier commit, made once and kept in bench/tmp (gitignored): its files
 * taken out of git into a folder of their own, the project's packages as hard links (Turbopack resolves
 * only inside its root) when the commit's package.json has the same dependencies, else its own lock
 * file's packages (`npm ci` there), and that commit's own `npm run build`. Null, with the reason, when git or the commit is not there.
 */
export function referenceBuild(commit: string): ReferenceBuild | { missing: string } {
  let fullCommit: string;
  try {
    fullCommit = git(["rev-parse", "--verify", `${commit}^{commit}`]).trim();
  } catch (error) {
    return { missing: `no commit ${commit} here (${error instanceof Error ? error.message.split("\n")[0] : error})` };
  }
  const folder = path.join(process.cwd(), "bench", "tmp", `load-reference-${fullCommit.slice(0, 12)}`);
  const distDir = path.join(folder, ".next");
  const idFile = path.join(distDir, "BUILD_ID");
  const whole = () => existsSync(idFile) && existsSync(path.join(standaloneDir(distDir), "server.js"));
  let built = false;
  let buildSeconds: number | null = null;
  if (!whole()) {
    const theirs = JSON.parse(git(["show", `${fullCommit}:package.json`])) as Record<string, unknown>;
    const ours = JSON.parse(readFileSync("package.json", "utf8")) as Record<string, unknown>;
    const samePackages = ["dependencies", "devDependencies"].every(
      (field) => JSON.stringify(theirs[field]) === JSON.stringify(ours[field]),
    );
    console.log(`  building ${commit} into ${path.relative(process.cwd(), folder)} (once)…`);
    const started = performance.now();
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    const archive = spawnSync("sh", ["-c", `git archive ${fullCommit} | tar -x -C "${folder}"`], { stdio: "inherit" });
    if (archive.status !== 0) return { missing: `git archive ${commit} failed` };
    if (samePackages) linkProjectPackages(folder);
    else {
      // Its dependencies differ from today's: its own lock file's packages, installed as CI installs them.
      console.log(`  ${commit}'s dependencies differ from today's: npm ci from its own lock file…`);
      const install = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], {
        cwd: folder,
        stdio: ["ignore", "ignore", "inherit"],
      });
      if (install.status !== 0) return { missing: `npm ci of ${commit}'s own lock file failed` };
    }
    // Its own default folder (.next), whatever this run's NEXT_DIST_DIR.
    const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
    delete env.NEXT_DIST_DIR;
    const build = spawnSync("npm", ["run", "build"], { cwd: folder, env, stdio: ["ignore", "ignore", "inherit"] });
    if (build.status !== 0 || !whole()) throw new Error(`the build of ${commit} failed (in ${folder})`);
    buildSeconds = Math.round(performance.now() - started) / 1000;
    built = true;
  }
  return { commit, fullCommit, distDir, buildId: readFileSync(idFile, "utf8").trim(), built, buildSeconds };
}

function git(args: string[]): string {
  return execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}
