import { CacheTags } from "@/lib/catalogue/cache";
import { invalidateCatalogue, productChangeTags } from "@/lib/catalogue/cache-queries";
import { applyStockColours } from "@/lib/catalogue/store/stock";
import { readSyncState, saveSyncState } from "@/lib/catalogue/store/sync-records";
import type { Database } from "@/lib/db/client";
import type { StockColour } from "@/lib/domain/product";
import { isUpstreamError } from "@/lib/upstream/errors";

import { LOCK_KEYS, tryAcquireLock } from "./lock";
import { endingOfError, type RunEnding } from "./run-reasons";
import { processLogger, errorMessage, type SyncLogger } from "./logger";
import type { MeteredUpstream } from "./upstream";

export interface StockSyncOptions {
  db: Database;
  upstream: MeteredUpstream;
  logger?: SyncLogger;
  now?: () => Date;
  /** How far before the last request an update asks from, for clock skew (default 5 minutes). */
  safetyMarginMs?: number;
  /** Every how many runs the whole stock list is read instead of the changes (default 60). */
  fullEvery?: number;
}

export interface StockSyncReport {
  ran: boolean;
  outcome: "success" | "failed" | "skipped";
  full: boolean;
  listType: "flat" | "nested" | null;
  listed: number;
  changed: number;
  upstreamCalls: number;
  durationMs: number;
  message: string | null;
}

/** The furthest back an update asks, however far behind the upstream's clock seems. */
const MAX_LOOKBACK_MS = 24 * 60 * 60_000;

interface StockDetails {
  listType?: "flat" | "nested";
  runsSinceFull?: number;
  /** Why the last run failed (cleared by the next that succeeds): the staff page says it. */
  lastFailure?: StockFailure;
  [key: string]: unknown;
}

/** A failed stock run as kept in its state's details: its reason and the error's own words (English, as in the logs). */
export type StockFailure = RunEnding;

/**
 * Stock colours from `/stock/color`: the colours modified since the last request (less a margin),
 * or the whole list on the first run and every `fullEvery` runs. The flat list is asked first; an
 * upstream that refuses it or answers it malformed is asked for the nested one from then on.
 * The stock list carries no times, so its watermark is this process's clock at the last request.
 * An upstream whose clock runs behind ours would stamp a flip before that; the newest product
 * change the catalogue sync saw tells the upstream's time, so the request starts at the earlier of
 * the two (less a margin), and never more than a day back.
 */
export class StockSync {
  private readonly logger: SyncLogger;
  private readonly now: () => Date;
  private readonly safetyMarginMs: number;
  private readonly fullEvery: number;

  constructor(private readonly options: StockSyncOptions) {
    this.logger = options.logger ?? processLogger;
    this.now = options.now ?? (() => new Date());
    this.safetyMarginMs = options.safetyMarginMs ?? 5 * 60_000;
    this.fullEvery = Math.max(1, options.fullEvery ?? 60);
  }

  async run(options: { full?: boolean } = {}): Promise<StockSyncReport> {
    const started = performance.now();
    const { db, upstream } = this.options;
    const lock = await tryAcquireLock(db, LOCK_KEYS.stock);
    const base = { full: false, listType: null, listed: 0, changed: 0, upstreamCalls: 0 } as const;
    if (!lock) {
      return { ...base, ran: false, outcome: "skipped", durationMs: 0, message: "another run holds the lock" };
    }
    const callsBefore = upstream.meter.calls;
    try {
      const state = await readSyncState(db, "stock");
      const details: StockDetails = { ...(state?.details ?? {}) };
      const full = options.full === true || !state?.watermark || (details.runsSinceFull ?? 0) + 1 >= this.fullEvery;
      const requestedAt = this.now();
      const modifiedSince = full || !state?.watermark ? undefined : await this.since(state.watermark);
      // A full run asks for the flat list again, in case the upstream learnt it.
      const { colours, listType } = await this.fetch(modifiedSince, full ? "flat" : (details.listType ?? "flat"));
      const changedProducts = await applyStockColours(db, colours, this.now());
      const changed = changedProducts.length;
      // Listings, search and product pages show stock colours: the shared cache reads them again. The
      // changed products' own tags and their categories' too: a product page's copy follows its own
      // product, a category page's the products listed in it (lib/http/personal-documents.ts).
      if (changed > 0)
        await invalidateCatalogue(db, [CacheTags.stock, ...productChangeTags(changedProducts)]).catch(
          (error: unknown) =>
            this.logger.warn(`stock sync: announcing the changes to the page cache failed: ${errorMessage(error)}`),
        );
      details.listType = listType;
      delete details.lastFailure;
      details.runsSinceFull = full ? 0 : (details.runsSinceFull ?? 0) + 1;
      const finishedAt = this.now();
      await saveSyncState(db, "stock", {
        watermark: requestedAt,
        lastRunAt: finishedAt,
        lastSuccessAt: finishedAt,
        details,
      });
      const report: StockSyncReport = {
        ran: true,
        outcome: "success",
        full,
        listType,
        listed: colours.size,
        changed,
        upstreamCalls: upstream.meter.calls - callsBefore,
        durationMs: performance.now() - started,
        message: null,
      };
      if (changed > 0 || full) this.logger.info(formatStockLine(report));
      return report;
    } catch (error) {
      const previous = (await readSyncState(db, "stock").catch(() => null))?.details ?? {};
      const lastFailure: StockFailure = endingOfError(error);
      await saveSyncState(db, "stock", { lastRunAt: this.now(), details: { ...previous, lastFailure } }).catch(
        () => undefined,
      );
      const report: StockSyncReport = {
        ...base,
        ran: true,
        outcome: "failed",
        upstreamCalls: upstream.meter.calls - callsBefore,
        durationMs: performance.now() - started,
        message: lastFailure.message,
      };
      this.logger.error(formatStockLine(report));
      return report;
    } finally {
      await lock.release().catch(() => undefined);
    }
  }

  private async since(watermark: Date): Promise<Date> {
    const catalogue = await readSyncState(this.options.db, "catalogue");
    const ours = watermark.getTime();
    const theirs = catalogue?.watermark?.getTime() ?? ours;
    return new Date(Math.max(ours - MAX_LOOKBACK_MS, Math.min(ours, theirs) - this.safetyMarginMs));
  }

  private async fetch(
    modifiedSince: Date | undefined,
    preferred: "flat" | "nested",
  ): Promise<{ colours: Map<string, StockColour>; listType: "flat" | "nested" }> {
    const { client } = this.options.upstream;
    if (preferred === "flat") {
      try {
        const colours = await client.stockColours({ modifiedSince, listType: "flat" });
        return { colours, listType: "flat" };
      } catch (error) {
        const refused =
          isUpstreamError(error, "validation") ||
          isUpstreamError(error, "bad_request") ||
          isUpstreamError(error, "malformed");
        if (!refused) throw error;
        this.logger.warn(`stock sync: the flat list was refused (${errorMessage(error)}); using the nested list`);
      }
    }
    return { colours: await client.stockColours({ modifiedSince, listType: "nested" }), listType: "nested" };
  }
}

export function formatStockLine(report: StockSyncReport): string {
  const what = report.full ? "full list" : "changes";
  const base = `stock sync: ${what}, ${report.changed} colours changed of ${report.listed} listed, ${report.upstreamCalls} upstream calls, ${(report.durationMs / 1000).toFixed(1)} s`;
  return report.outcome === "success" ? base : `${base} (${report.outcome}: ${report.message ?? ""})`;
}
