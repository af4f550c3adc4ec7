/** One sample of a metric as `GET /metrics` writes it: its labels and its value. */
export interface MetricSample {
  labels: Record<string, string>;
  value: number;
}

const LABEL = /(\w+)="((?:[^"\\]|\\.)*)"/g;

/**
 * The samples of the metric `name` in Prometheus' text format (what /metrics answers), for the
 * suite's and the benches' readers of the portal's counters.
 */
export function metricSamples(text: string, name: string): MetricSample[] {
  const samples: MetricSample[] = [];
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const labelsEnd = line.lastIndexOf("}");
    const labels: Record<string, string> = {};
    if (line[name.length] === "{") {
      for (const [, label, value] of line.slice(name.length + 1, labelsEnd).matchAll(LABEL)) {
        labels[label!] = value!.replace(/\\(.)/g, (_, escaped: string) => (escaped === "n" ? "\n" : escaped));
      }
    }
    samples.push({
      labels,
      value: Number(
        line
          .slice(Math.max(labelsEnd, name.length) + 1)
          .trim()
          .split(" ")[0],
      ),
    });
  }
  return samples;
}
