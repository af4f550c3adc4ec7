/**
 * Progress of a catalogue sync on the terminal: one redrawn bar on a TTY (counts, rate, ETA),
 * a plain line every few seconds otherwise (logs, CI).
 */
import type { SyncProgress } from "@/lib/catalogue/sync/catalogue-sync";

const number = new Intl.NumberFormat("en-GB");

function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "–";
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export interface ProgressReporter {
  update(progress: SyncProgress): void;
  /** Ends the bar (the run's own log line follows). */
  end(): void;
}

export function progressReporter(stream: NodeJS.WriteStream = process.stdout, plainEveryMs = 5_000): ProgressReporter {
  const tty = stream.isTTY === true;
  let startedAt = 0;
  let startDone = 0;
  let lastPlain = 0;
  let drawn = false;
  // Rate over a sliding window of the last 10 s, so a pause (429) shows.
  const samples: Array<{ at: number; done: number }> = [];

  const rate = (progress: SyncProgress, now: number): number => {
    samples.push({ at: now, done: progress.done });
    while (samples.length > 2 && (samples[0]?.at ?? now) < now - 10_000) samples.shift();
    const first = samples[0];
    if (!first || now - first.at < 500) return (progress.done - startDone) / Math.max(0.001, (now - startedAt) / 1000);
    return (progress.done - first.done) / ((now - first.at) / 1000);
  };

  const line = (progress: SyncProgress, perSecond: number): string => {
    const left = progress.total - progress.done;
    const parts = [
      `${number.format(progress.done)}/${number.format(progress.total)}`,
      `${number.format(progress.stored)} stored`,
      `${number.format(progress.failed)} failed`,
      `${number.format(Math.round(perSecond))}/s`,
      `ETA ${perSecond > 0 ? duration(left / perSecond) : "–"}`,
      `${number.format(progress.upstreamCalls)} calls`,
    ];
    if (progress.concurrency > 0) parts.push(`×${progress.concurrency}`);
    return parts.join(" · ");
  };

  return {
    update(progress) {
      const now = Date.now();
      if (progress.phase !== "details") return;
      if (startedAt === 0) {
        startedAt = now;
        startDone = progress.done;
        lastPlain = now;
      }
      const perSecond = rate(progress, now);
      if (tty) {
        const text = line(progress, perSecond);
        const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - text.length - 4));
        const share = progress.total > 0 ? progress.done / progress.total : 1;
        const filled = Math.round(share * width);
        stream.write(`\r\x1b[2K[${"█".repeat(filled)}${"░".repeat(width - filled)}] ${text}`);
        drawn = true;
      } else if (now - lastPlain >= plainEveryMs) {
        // Not on a terminal: a line every few seconds of a long run; a short run only logs its result.
        lastPlain = now;
        stream.write(`catalogue sync: ${progress.kind}, ${line(progress, perSecond)}\n`);
      }
    },
    end() {
      if (drawn) stream.write("\n");
      drawn = false;
      startedAt = 0;
      samples.length = 0;
    },
  };
}
