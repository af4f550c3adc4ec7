/**
 * `npm run bench:catalog:queries`: reads of the catalogue mirror at 100,000 products.
 *
 * The simulator runs in a process of its own (frozen clock); a full sync fills an embedded PGlite
 * in bench/tmp (reused when an earlier run synced the same seed, size and schema completely; the
 * output says which). Then:
 *
 * (1) in this process, the server-side time of `searchProducts` for title words, SKU prefixes and
 *     misspellings, of `searchSuggestions`, of `categoryProducts` (24 products) for every category
 *     and of all the database reads of a category page (target: search p95 ≤ 20 ms, issue 19);
 * (2) over HTTP, the full render of every category page by the production build (the standalone `server.js`,
 *     background sync off) signed in as the demo dealer, with the upstream calls the simulator
 *     counted meanwhile (targets: p95 < 150 ms, zero upstream calls).
 *
 * (3) the same queries searched by the current code and by the search code whose timings issue 19
 *     quotes (bench/lib/search-reference.ts), alternating query by query: the goal as a ratio.
 *
 * Options: --products=100000 --seed=bench --queries=300 --fresh-sync --skip-http --skip-reference; the build:
 * --rebuild (also when older than the sources), --no-build (never; by default only when there is none).
 * Figures go to bench/catalog-queries.json and bench/catalog-queries.md.
 */
import "./lib/dotenv";

import { categoryByCode, categoryProducts, categoryTitles, categoryTree } from "@/lib/catalogue/queries";
import { searchProducts, searchSuggestions } from "@/lib/catalogue/search";
import { PRODUCT_SORTS, type ProductSort } from "@/lib/catalogue/types";
import { openDatabase, type Database } from "@/lib/db/client";

import {
  databaseAsThen,
  goalRatio,
  loadSearchReference,
  SEARCH_REFERENCE,
  setTextMatchCost,
  textMatchCost,
  type SearchKind,
} from "./lib/search-reference";
import { misspelledQuery, readCorpus, skuPrefixQuery, suggestionQuery, wordQuery, type Corpus } from "./lib/corpus";
import { buildLine, ensureBuild, pageScripts, signIn, startPortal, timedGet, type BuildInfo } from "./lib/portal";
import { startSimProcess, type SimProcess } from "./lib/sim-process";
import { runBench, writeBenchResult } from "./lib/result";
import {
  distribution,
  machine,
  machineLine,
  ms,
  pick,
  seededRandom,
  type Distribution,
  type Machine,
} from "./lib/stats";
import { bufferCache, syncedDatabase } from "./lib/synced-db";
import { flag, numberOption, textOption } from "./lib/options";

const PRODUCTS = numberOption("products", 100_000);
const QUERIES = numberOption("queries", 300);
const SEED = textOption("seed", "bench");
const FRESH_SYNC = flag("fresh-sync");
const SKIP_HTTP = flag("skip-http");
const SKIP_REFERENCE = flag("skip-reference");
const WARM_UP = 20;
/** Issue 19's goal for searches and suggestions at 100,000 products (issue 12's was 30 ms). */
const SEARCH_TARGET_MS = 20;
const PAGE_TARGET_MS = 150;
const DEALER = { email: "dealer@acme.example", password: "demo1234" };

/** A timed distribution, with the CPU time this process spent on each call beside the wall time. */
type Timed = Distribution & { cpu: Distribution };

/**
 * Collects wall time and CPU time per call. PGlite runs in this thread, so the CPU time is the
 * work of the query itself; on a busy machine the wall time also holds the wait for a core.
 */
class Sampler {
  private readonly wall: number[] = [];
  private readonly cpu: number[] = [];

  async time<T>(call: () => Promise<T>): Promise<T> {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const value = await call();
    this.wall.push(performance.now() - started);
    const cpu = process.cpuUsage(cpuBefore);
    this.cpu.push((cpu.user + cpu.system) / 1000);
    return value;
  }

  figures(): Timed {
    return { ...distribution(this.wall), cpu: distribution(this.cpu) };
  }
}

interface SearchFigures extends Timed {
  /** Queries that found at least one product. */
  withResults: number;
  /** Queries answered by the close-match (trigram) fallback because the words matched nothing. */
  closeMatches: number;
  examples: string[];
}

async function timeSearches(
  db: Database,
  queries: string[],
  run: (db: Database, query: string) => Promise<SearchOutcome>,
  check?: (outcome: SearchOutcome, index: number) => void,
): Promise<SearchFigures> {
  const sampler = new Sampler();
  let withResults = 0;
  let closeMatches = 0;
  for (const [index, query] of queries.entries()) {
    const outcome = await sampler.time(() => run(db, query));
    if (outcome.found > 0) withResults++;
    if (outcome.close) closeMatches++;
    check?.(outcome, index);
  }
  return { ...sampler.figures(), withResults, closeMatches, examples: queries.slice(0, 8) };
}

interface SearchOutcome {
  found: number;
  close: boolean;
  firstTitle: string | null;
}

type Search = typeof searchProducts;

/** A search as the search page makes it: relevance, no filters, page 1. */
const searchWith = (run: Search) => (db: Database, query: string) =>
  run(db, { query, filters: { inStockOnly: false, dropshipableOnly: false }, sort: "relevance", page: 1 });

const search = async (db: Database, query: string) => {
  const result = await searchWith(searchProducts)(db, query);
  return { found: result.total, close: result.closeMatches, firstTitle: result.items[0]?.title ?? null };
};

const suggest = async (db: Database, query: string) => {
  const items = await searchSuggestions(db, query, 8);
  return { found: items.length, close: false, firstTitle: items[0]?.title ?? null };
};

/** The current search and the issue's reference, query by query in alternating order, for one kind. */
interface ReferencePair {
  current: Timed;
  reference: Timed;
  /** p95 of the current code ÷ p95 of the reference. */
  ratio: number;
  /** The ratio the goal amounts to: 20 ms ÷ the issue's p95 of the reference. */
  goalRatio: number;
  issueP95Ms: number;
}

interface ReferenceFigures {
  commit: string;
  /** Why the reference could not be run. */
  missing?: string;
  kinds?: Record<SearchKind, ReferencePair>;
}

/**
 * Both codes search every query once, in turns (current, reference, current, …), the reference half
 * a list behind: a query's second search comes about 150 searches after its first, by when the pages
 * it read have mostly left PGlite's buffer cache (searching it twice in a row would hand the second
 * a warm cache).
 */
async function compareWithReference(
  db: Database,
  reference: Search,
  queries: Record<SearchKind, string[]>,
): Promise<Record<SearchKind, ReferencePair>> {
  const current = searchWith(searchProducts);
  const cost = await textMatchCost(db);
  // The reference plans with the text match priced as it was then: set before each of its searches
  // and set back after, outside the timed call.
  const asThen = async <T>(call: () => Promise<T>): Promise<T> => {
    if (cost === SEARCH_REFERENCE.textMatchCost) return call();
    await setTextMatchCost(db, SEARCH_REFERENCE.textMatchCost);
    try {
      return await call();
    } finally {
      await setTextMatchCost(db, cost);
    }
  };
  const old = searchWith(reference);
  const then = databaseAsThen(db);
  for (let i = 0; i < WARM_UP; i++) {
    await asThen(() => old(then, queries.words[i % queries.words.length]!));
    await asThen(() => old(then, queries.skuPrefixes[i % queries.skuPrefixes.length]!));
  }
  const pairs = {} as Record<SearchKind, ReferencePair>;
  for (const kind of Object.keys(queries) as SearchKind[]) {
    console.log(`  ${kind}: the current search and the reference (${SEARCH_REFERENCE.commit}), in turns…`);
    const samplers = { current: new Sampler(), reference: new Sampler() };
    const list = queries[kind];
    for (const [index, query] of list.entries()) {
      const behind = list[(index + Math.floor(list.length / 2)) % list.length]!;
      await samplers.current.time(() => current(db, query));
      // The timer runs inside: the cost's two changes are not counted.
      await asThen(() => samplers.reference.time(() => old(then, behind)));
    }
    const figures = { current: samplers.current.figures(), reference: samplers.reference.figures() };
    pairs[kind] = {
      ...figures,
      ratio: Math.round((figures.current.p95 / figures.reference.p95) * 1000) / 1000,
      goalRatio: Math.round(goalRatio(kind) * 1000) / 1000,
      issueP95Ms: SEARCH_REFERENCE.issueP95Ms[kind],
    };
    console.log(
      `    p95 ${ms(figures.current.p95)} against ${ms(figures.reference.p95)}: ${pairs[kind].ratio} (goal ≤ ${pairs[kind].goalRatio})`,
    );
  }
  return pairs;
}

interface InProcessFigures {
  words: SearchFigures;
  skuPrefixes: SearchFigures;
  misspellings: SearchFigures & { intendedWordInTopResult: number };
  suggestions: SearchFigures;
  categoryDefault: Timed & { categories: number };
  categorySortedFiltered: Timed;
  categoryPageReads: Timed;
  reference: ReferenceFigures;
}

async function measureInProcess(db: Database, corpus: Corpus): Promise<InProcessFigures> {
  const random = seededRandom(20_261_128);
  const words = Array.from({ length: QUERIES }, () => wordQuery(random, corpus));
  const skuPrefixes = Array.from({ length: QUERIES }, () => skuPrefixQuery(random, corpus));
  const typos = Array.from({ length: QUERIES }, () => misspelledQuery(random, corpus));
  const suggestions = Array.from({ length: QUERIES }, () => suggestionQuery(random, corpus));

  // Warm-up, not measured: the first queries load pages of the indexes from disk.
  for (let i = 0; i < WARM_UP; i++) {
    await search(db, wordQuery(random, corpus));
    await search(db, skuPrefixQuery(random, corpus));
    await categoryProducts(db, {
      categoryCode: pick(random, corpus.categories).code,
      filters: { inStockOnly: false, dropshipableOnly: false },
      sort: "relevance",
      page: 1,
    });
  }

  console.log(`  search: ${QUERIES} title-word queries…`);
  const wordFigures = await timeSearches(db, words, search);
  console.log(`    p95 ${ms(wordFigures.p95)}`);
  console.log(`  search: ${QUERIES} SKU prefixes…`);
  const skuFigures = await timeSearches(db, skuPrefixes, search);
  console.log(`    p95 ${ms(skuFigures.p95)}`);
  console.log(`  search: ${QUERIES} misspellings…`);
  let intendedWordInTopResult = 0;
  const typoFigures = await timeSearches(
    db,
    typos.map((typo) => typo.query),
    search,
    (outcome, index) => {
      if (outcome.firstTitle?.toLowerCase().includes(typos[index]?.intended ?? "\u0000")) intendedWordInTopResult++;
    },
  );
  console.log(`    p95 ${ms(typoFigures.p95)}`);
  console.log(`  suggestions: ${QUERIES} partial words and SKU prefixes…`);
  const suggestionFigures = await timeSearches(db, suggestions, suggest);
  console.log(`    p95 ${ms(suggestionFigures.p95)}`);

  const noFilters = { inStockOnly: false, dropshipableOnly: false };
  console.log(`  categoryProducts: ${corpus.categories.length} categories, 24 products, relevance…`);
  const defaultSamples = new Sampler();
  for (const category of corpus.categories) {
    await defaultSamples.time(() =>
      categoryProducts(db, { categoryCode: category.code, filters: noFilters, sort: "relevance", page: 1 }),
    );
  }
  console.log(`  categoryProducts: ${corpus.categories.length} categories, other sorts, filters and pages…`);
  const sortedSamples = new Sampler();
  for (const category of corpus.categories) {
    const sort: ProductSort = pick(random, PRODUCT_SORTS);
    const filters = { inStockOnly: random() < 0.5, dropshipableOnly: random() < 0.2 };
    const page = 1 + Math.floor(random() * 3);
    await sortedSamples.time(() => categoryProducts(db, { categoryCode: category.code, filters, sort, page }));
  }
  console.log(`  category page reads (category, tree, breadcrumb titles, products) for every category…`);
  const pageSamples = new Sampler();
  for (const category of corpus.categories) {
    await pageSamples.time(async () => {
      const row = await categoryByCode(db, category.code);
      if (!row) throw new Error(`category ${category.code} is missing`);
      await Promise.all([
        categoryTree(db),
        categoryTitles(db, row.pathCodes),
        categoryProducts(db, { categoryCode: row.code, filters: noFilters, sort: "relevance", page: 1 }),
      ]);
    });
  }

  const loaded = SKIP_REFERENCE ? { missing: "--skip-reference" } : await loadSearchReference();
  const reference: ReferenceFigures =
    "missing" in loaded
      ? { commit: SEARCH_REFERENCE.commit, missing: loaded.missing }
      : {
          commit: SEARCH_REFERENCE.commit,
          kinds: await compareWithReference(db, loaded.searchProducts, {
            words,
            skuPrefixes,
            misspellings: typos.map((typo) => typo.query),
          }),
        };

  return {
    reference,
    words: wordFigures,
    skuPrefixes: skuFigures,
    misspellings: { ...typoFigures, intendedWordInTopResult },
    suggestions: suggestionFigures,
    categoryDefault: { ...defaultSamples.figures(), categories: corpus.categories.length },
    categorySortedFiltered: sortedSamples.figures(),
    categoryPageReads: pageSamples.figures(),
  };
}

interface HttpFigures {
  build: BuildInfo;
  warmUpRequests: number;
  pages: Distribution & { errors: number; statuses: Record<string, number>; meanBytes: number };
  upstreamCalls: number;
  upstreamRoutes: Record<string, number>;
  portalRssMiB: number;
  /** The script files the HTML of a category page loads, to check bench:bundle's reading of the manifests. */
  categoryPageScripts: string[];
}

async function measureHttp(build: BuildInfo, sim: SimProcess, dataDir: string, corpus: Corpus): Promise<HttpFigures> {
  const portal = await startPortal({ upstreamUrl: sim.url, dataDir });
  try {
    const cookie = await signIn(portal.url, DEALER.email, DEALER.password);
    await sim.control("POST", "stats/reset");
    const href = (pathCodes: string[]) => `${portal.url}/catalogue/${pathCodes.map(encodeURIComponent).join("/")}`;
    const random = seededRandom(7);
    let categoryPageScripts: string[] = [];
    for (let i = 0; i < WARM_UP; i++) {
      const result = await timedGet(href(pick(random, corpus.categories).pathCodes), cookie);
      categoryPageScripts = pageScripts(result.body);
      if (result.status !== 200) {
        throw new Error(`warm-up page answered ${result.status}:\n${portal.output().slice(-20).join("\n")}`);
      }
    }
    console.log(`  GET every category page (${corpus.categories.length}), one at a time…`);
    const samples: number[] = [];
    const statuses: Record<string, number> = {};
    let errors = 0;
    let bytes = 0;
    for (const category of corpus.categories) {
      const result = await timedGet(href(category.pathCodes), cookie);
      samples.push(result.ms);
      statuses[result.status] = (statuses[result.status] ?? 0) + 1;
      bytes += result.bytes;
      if (result.status !== 200 || !result.body.includes("</html>")) errors++;
    }
    const stats = await sim.stats();
    const rss = portal.memory().reduce((total, process) => total + process.rssBytes, 0);
    return {
      build,
      warmUpRequests: WARM_UP,
      categoryPageScripts,
      pages: { ...distribution(samples), errors, statuses, meanBytes: Math.round(bytes / samples.length) },
      upstreamCalls: stats.total,
      upstreamRoutes: stats.routes,
      portalRssMiB: Math.round(rss / 1024 / 1024),
    };
  } finally {
    await portal.stop();
  }
}

function row(what: string, d: Distribution, target: string, extra = ""): string {
  return `| ${what} | ${d.n} | ${ms(d.p50)} | ${ms(d.p95)} | ${ms(d.p99)} | ${ms(d.max)} | ${target} | ${extra} |`;
}

function timedRow(what: string, d: Timed, target: string, extra = ""): string {
  return `| ${what} | ${d.n} | ${ms(d.p50)} | ${ms(d.p95)} | ${ms(d.p99)} | ${ms(d.max)} | ${ms(d.cpu.p50)} / ${ms(d.cpu.p95)} | ${target} | ${extra} |`;
}

function markdown(result: {
  date: string;
  machine: Machine;
  products: number;
  seed: string;
  database: { reused: boolean; syncedAt: string; syncSeconds: number; stored: number; bufferCache?: string };
  inProcess: InProcessFigures;
  http: HttpFigures | null;
  passed: Record<string, boolean | null>;
}): string {
  const p = result.inProcess;
  const pass = (value: boolean | null | undefined) =>
    value === null || value === undefined ? "–" : value ? "met" : "**missed**";
  const found = (f: SearchFigures) => `${f.withResults}/${f.n} found something`;
  const lines = [
    "# Catalogue reads benchmark",
    "",
    `${result.date}, \`npm run bench:catalog:queries\`. ${machineLine(result.machine)}.`,
    "",
    `Simulator at ${result.products.toLocaleString("en-GB")} products (seed \`${result.seed}\`, own process, frozen clock); embedded PGlite on disk (buffer cache \`shared_buffers\` ${result.database.bufferCache ?? "not read"}). ` +
      (result.database.reused
        ? `**The database was reused** from a complete full sync at the same seed, size and schema made ${result.database.syncedAt} (${result.database.stored.toLocaleString("en-GB")} products, ${result.database.syncSeconds} s); no sync ran in this run.`
        : `A full sync ran in this run: ${result.database.stored.toLocaleString("en-GB")} products in ${result.database.syncSeconds} s.`),
    "",
    "## Server-side time of the queries (in process, one at a time)",
    "",
    `Each function called directly on the portal's database code, timed around the call (SQL, PGlite, mapping): wall time, and the CPU time of this process during the call (PGlite runs in the same thread, so that is the query's own work; on a busy machine the wall time also holds the wait for a core). ${WARM_UP} rounds of warm-up queries first, not counted. Queries are drawn with a fixed seed from the synced data.`,
    "",
    "| what | n | p50 | p95 | p99 | max | CPU p50 / p95 | target (wall) | notes |",
    "|---|---|---|---|---|---|---|---|---|",
    timedRow(
      "searchProducts: title words (1–2 Dutch/English words of a title)",
      p.words,
      `p95 ≤ ${SEARCH_TARGET_MS} ms: ${pass(result.passed.searchWords)}`,
      found(p.words),
    ),
    timedRow(
      "searchProducts: SKU prefixes (3–6 characters)",
      p.skuPrefixes,
      `p95 ≤ ${SEARCH_TARGET_MS} ms: ${pass(result.passed.searchSkuPrefixes)}`,
      found(p.skuPrefixes),
    ),
    timedRow(
      "searchProducts: misspellings (a letter dropped or swapped)",
      p.misspellings,
      `p95 ≤ ${SEARCH_TARGET_MS} ms: ${pass(result.passed.searchMisspellings)}`,
      `${found(p.misspellings)}; ${p.misspellings.closeMatches} through the close-match fallback; intended word in the first result: ${p.misspellings.intendedWordInTopResult}/${p.misspellings.n}`,
    ),
    timedRow(
      "searchSuggestions (8): partial words and SKU prefixes",
      p.suggestions,
      `p95 ≤ ${SEARCH_TARGET_MS} ms: ${pass(result.passed.suggestions)}`,
      found(p.suggestions),
    ),
    timedRow(
      `categoryProducts (24), every category, relevance, page 1`,
      p.categoryDefault,
      "",
      `${p.categoryDefault.categories} categories, their descendants included`,
    ),
    timedRow(
      "categoryProducts (24), every category, random sort, filters, pages 1–3",
      p.categorySortedFiltered,
      "",
      "",
    ),
    timedRow("all database reads of a category page (category, tree, titles, products)", p.categoryPageReads, "", ""),
    "",
    `Examples — words: ${p.words.examples.map((q) => `\`${q}\``).join(", ")}; SKU prefixes: ${p.skuPrefixes.examples.map((q) => `\`${q}\``).join(", ")}; misspellings: ${p.misspellings.examples.map((q) => `\`${q}\``).join(", ")}; suggestions: ${p.suggestions.examples.map((q) => `\`${q}\``).join(", ")}.`,
    "",
  ];
  const r = p.reference;
  lines.push("## The goal as a ratio: beside the search the issue measured (same run)", "");
  if (r.kinds) {
    const names: Record<SearchKind, string> = {
      words: "title words",
      skuPrefixes: "SKU prefixes",
      misspellings: "misspellings",
    };
    lines.push(
      `The goal (p95 ≤ ${SEARCH_REFERENCE.goalP95Ms} ms) is an absolute time, and this machine's speed moves by a factor of two between hours. The issue's figures (p95 ${Object.values(SEARCH_REFERENCE.issueP95Ms).join(", ")} ms) were measured on the search code of commit \`${r.commit}\`; its files are taken out of git (\`bench/lib/search-reference.ts\`) and run on the same database in this run, with the same queries as above. The two search in turns, every query once each, the reference half the list behind (a query's second search comes about 150 searches after its first, when the pages it read have mostly left the buffer cache); they share PGlite's buffer cache. The reference plans with the text match priced as then (\`ts_match_vq\` COST ${SEARCH_REFERENCE.textMatchCost}, set before each of its searches and set back after, outside the timed call; migration 0008 raised it), and its statements go through PGlite's own \`query\`, parsed on every search, as then (the portal keeps them prepared: \`lib/db/pglite-statements.mjs\`). The goal then reads: the current code's p95 at most ${SEARCH_REFERENCE.goalP95Ms} ÷ the issue's figure of the reference's.`,
      "",
      "| search | current p50 / p95 | reference p50 / p95 | p95 ratio | goal | |",
      "|---|---|---|---|---|---|",
      ...(Object.keys(r.kinds) as SearchKind[]).map((kind) => {
        const pair = r.kinds![kind];
        return `| ${names[kind]} | ${ms(pair.current.p50)} / ${ms(pair.current.p95)} | ${ms(pair.reference.p50)} / ${ms(pair.reference.p95)} | ${pair.ratio.toFixed(2)} | ≤ ${pair.goalRatio.toFixed(2)} (${SEARCH_REFERENCE.goalP95Ms} ÷ ${pair.issueP95Ms}) | ${pass(pair.ratio <= pair.goalRatio)} |`;
      }),
      "",
    );
  } else {
    lines.push(`Not measured: ${r.missing}.`, "");
  }
  const h = result.http;
  if (h) {
    lines.push(
      "## Category pages rendered by the production build (HTTP)",
      "",
      `The standalone \`server.js\` of build \`${h.build.buildId}\` (${buildLine(h.build)}) on the synced database, background sync off (\`SYNC_INTERVAL_MINUTES=0\`), ready once \`/api/health?catalogue\` said so (that route handler opens the database first: a page render that is the first to open PGlite fails in this build, "Extension bundle not found: /_next/static/media/pg_trgm.tar…gz", because the page chunks resolve the extension to a client asset URL), signed in as the demo dealer through next-auth's credentials callback. ${h.warmUpRequests} warm-up pages first, not counted; then every category page once, one request at a time, timed to the last byte of the HTML.`,
      "",
      "| what | n | p50 | p95 | p99 | max | target | notes |",
      "|---|---|---|---|---|---|---|---|",
      row(
        "GET /catalogue/… (24 products, signed in)",
        h.pages,
        `p95 < ${PAGE_TARGET_MS} ms: ${pass(result.passed.categoryPage)}`,
        `${h.pages.errors} errors; statuses ${JSON.stringify(h.pages.statuses)}; ${Math.round(h.pages.meanBytes / 1024)} KiB of HTML on average`,
      ),
      "",
      `Upstream calls counted by the simulator (\`GET /__sim/stats\`, reset after signing in) during the warm-up and measured page loads: **${h.upstreamCalls}** ${h.upstreamCalls === 0 ? "(target zero: met)" : `(target zero: **missed**; ${JSON.stringify(h.upstreamRoutes)})`}. Portal process RSS afterwards: ${h.portalRssMiB} MiB.`,
      "",
    );
  } else {
    lines.push("The HTTP part was skipped (`--skip-http`).", "");
  }
  return lines.join("\n");
}

async function main(): Promise<void> {
  const started = machine();
  console.log(`catalogue reads at ${PRODUCTS.toLocaleString("en-GB")} products — ${machineLine(started)}`);
  const build = SKIP_HTTP ? null : await ensureBuild();
  const sim = await startSimProcess({ products: PRODUCTS, seed: SEED });
  let inProcess: InProcessFigures;
  let http: HttpFigures | null = null;
  let database: { reused: boolean; syncedAt: string; syncSeconds: number; stored: number; bufferCache?: string };
  let dataDir: string;
  let corpus: Corpus;
  try {
    const synced = await syncedDatabase(sim, { products: PRODUCTS, seed: SEED, fresh: FRESH_SYNC });
    dataDir = synced.dataDir;
    database = {
      reused: synced.reused,
      syncedAt: synced.meta.syncedAt,
      syncSeconds: synced.meta.seconds,
      stored: synced.meta.stored,
    };
    const handle = await openDatabase({ dataDir });
    try {
      corpus = await readCorpus(handle.db);
      database.bufferCache = await bufferCache(handle.db);
      console.log(
        `  ${corpus.skus.length.toLocaleString("en-GB")} products, ${corpus.categories.length} categories in the mirror; shared_buffers ${database.bufferCache}`,
      );
      inProcess = await measureInProcess(handle.db, corpus);
    } finally {
      // One process per PGlite folder: closed before the portal opens it.
      await handle.close();
    }
    if (build) http = await measureHttp(build, sim, dataDir, corpus);
  } finally {
    await sim.stop();
  }

  const passed = {
    searchWords: inProcess.words.p95 <= SEARCH_TARGET_MS,
    searchSkuPrefixes: inProcess.skuPrefixes.p95 <= SEARCH_TARGET_MS,
    searchMisspellings: inProcess.misspellings.p95 <= SEARCH_TARGET_MS,
    suggestions: inProcess.suggestions.p95 <= SEARCH_TARGET_MS,
    categoryPage: http ? http.pages.p95 < PAGE_TARGET_MS && http.pages.errors === 0 : null,
    categoryPageUpstreamCalls: http ? http.upstreamCalls === 0 : null,
    ...Object.fromEntries(
      Object.entries(inProcess.reference.kinds ?? {}).map(([kind, pair]) => [
        `${kind}AgainstReference`,
        pair.ratio <= pair.goalRatio,
      ]),
    ),
  };
  const result = {
    date: new Date().toISOString(),
    command: "npm run bench:catalog:queries",
    machine: started,
    products: PRODUCTS,
    seed: SEED,
    queriesPerKind: QUERIES,
    warmUp: WARM_UP,
    targets: { searchP95Ms: SEARCH_TARGET_MS, categoryPageP95Ms: PAGE_TARGET_MS, categoryPageUpstreamCalls: 0 },
    database,
    inProcess,
    http,
    passed,
  };
  writeBenchResult("catalog-queries", result, markdown(result));
}

runBench(main);
