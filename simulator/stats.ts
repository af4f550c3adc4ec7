/** Request counts per route and per status, for benchmarks that count upstream calls. */

export interface StatsSnapshot {
  since: string;
  total: number;
  routes: Record<string, number>;
  statuses: Record<string, number>;
}

export class RequestStats {
  private since: number;
  private total = 0;
  private readonly routes = new Map<string, number>();
  private readonly statuses = new Map<number, number>();

  constructor(private readonly realNow: () => number) {
    this.since = realNow();
  }

  record(route: string, status: number): void {
    this.total++;
    this.routes.set(route, (this.routes.get(route) ?? 0) + 1);
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
  }

  snapshot(): StatsSnapshot {
    return {
      since: new Date(this.since).toISOString(),
      total: this.total,
      routes: Object.fromEntries([...this.routes].sort(([a], [b]) => a.localeCompare(b))),
      statuses: Object.fromEntries([...this.statuses].map(([status, count]) => [String(status), count])),
    };
  }

  reset(): void {
    this.since = this.realNow();
    this.total = 0;
    this.routes.clear();
    this.statuses.clear();
  }
}
