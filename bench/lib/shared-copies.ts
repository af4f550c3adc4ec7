import { metricSamples } from "@/lib/observability/metrics-text";

/**
 * The portal's counts of its pages' shared copies (`portal_shared_copies_total` on /metrics, by page
 * and event: rendered, kept, refused, served, not-admitted, evicted, expired, unfilled), so that a
 * bench can say how many copies it made and how many of them answered anyone.
 */
export type SharedCopyCounts = Record<string, Record<string, number>>;

/** The counts on the portal's /metrics now (this machine's loopback may read it). */
export async function sharedCopyCounts(portalUrl: string): Promise<SharedCopyCounts> {
  const response = await fetch(new URL("/metrics", portalUrl));
  if (!response.ok) throw new Error(`/metrics answered ${response.status}`);
  const counts: SharedCopyCounts = {};
  for (const { labels, value } of metricSamples(await response.text(), "portal_shared_copies_total")) {
    (counts[labels.page!] ??= {})[labels.event!] = value;
  }
  return counts;
}

/** What was counted between two readings. */
export function sharedCopiesBetween(before: SharedCopyCounts, after: SharedCopyCounts): SharedCopyCounts {
  const between: SharedCopyCounts = {};
  for (const [page, events] of Object.entries(after)) {
    for (const [event, count] of Object.entries(events)) {
      const counted = count - (before[page]?.[event] ?? 0);
      if (counted > 0) (between[page] ??= {})[event] = counted;
    }
  }
  return between;
}

/** One sentence: "category page: 120 rendered, 30 served, …; product page: …". */
export function sharedCopiesLine(counts: SharedCopyCounts): string {
  const pages = Object.entries(counts).sort(([a], [b]) => a.localeCompare(b));
  if (!pages.length) return "no shared copy rendered or served";
  return pages
    .map(
      ([page, events]) =>
        `${page}: ${Object.entries(events)
          .map(([event, count]) => `${count.toLocaleString("en-GB")} ${event}`)
          .join(", ")}`,
    )
    .join("; ");
}
