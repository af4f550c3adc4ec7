/**
 * What partial prerendering (Next's Cache Components) gives a page like a category page, measured on the
 * host: `npx tsx bench/experiments/partial-prerendering/run.ts [--duration=10]`. Builds this folder's app
 * twice, with `cacheComponents` and without, and measures each page's throughput as a share of the same
 * build's trivial route handler (autocannon, 10 connections, a cart cookie). Prints a table; writes nothing.
 * The findings are in bench/issue-19-experiments.md.
 */
import path from "node:path";

import autocannon from "autocannon";

import { startReferenceApp } from "../../lib/reference-app";

const duration = Number(process.argv.find((arg) => arg.startsWith("--duration="))?.split("=")[1] ?? 10);
const pages = ["/api/health", "/empty", "/dynamic", "/shell-and-hole", "/static"];

async function main() {
  const rows: string[] = [];
  for (const cacheComponents of ["0", "1"]) {
  const label = cacheComponents === "1" ? "cacheComponents" : "per request";
  console.log(`building and starting the app (${label})…`);
  const app = await startReferenceApp({
    source: path.join(process.cwd(), "bench", "experiments", "partial-prerendering"),
    name: "partial-prerendering",
    env: { CACHE_COMPONENTS: cacheComponents },
  });
  try {
    let health = 0;
    for (const page of pages) {
      for (let i = 0; i < 5; i++) await fetch(`${app.url}${page}`, { headers: { Cookie: "cart=3" } }).then((r) => r.text());
      const result = await autocannon({
        url: `${app.url}${page}`,
        connections: 10,
        duration,
        headers: { Cookie: "cart=3" },
      });
      const perSecond = result.requests.average;
      if (page === "/api/health") health = perSecond;
      const bytes = Math.round(result.throughput.average / Math.max(perSecond, 1) / 1024);
      const line = `| ${label} | \`${page}\` | ${perSecond.toFixed(1)} | ${((perSecond / health) * 100).toFixed(1)} % | ${bytes} kB | ${result.non2xx} |`;
      console.log(line);
      rows.push(line);
    }
  } finally {
    await app.stop();
  }
}
  console.log(["", "| build | page | requests/s | share of its /api/health | bytes per response | non-2xx |", "|---|---|---|---|---|---|", ...rows].join("\n"));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
