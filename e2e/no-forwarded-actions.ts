import { metricSamples } from "../lib/observability/metrics-text";

import { E2E } from "./env";

/**
 * Global teardown of the suite: no server action was forwarded by any portal this run started.
 *
 * Next runs a server action posted to a page whose bundle lacks it by forwarding the post to a page
 * that has it, a second request inside the portal; it works, at twice the cost, and says nothing. The
 * portal counts such requests (`portal_server_actions_forwarded_total`, lib/observability/requests.ts).
 * Every journey of the suite posts its forms and buttons as a browser does, so a count above zero
 * means a page of the portal posts an action its own bundle does not have. Playwright runs this before
 * it stops its web servers.
 */
export default async function noForwardedActions(): Promise<void> {
  const portals = JSON.parse(process.env.E2E_STARTED_PORTALS ?? "[]") as string[];
  const found: string[] = [];
  for (const portal of portals) {
    const response = await fetch(`${portal}/metrics`);
    if (!response.ok)
      throw new Error(`${portal}/metrics answered ${response.status}: the forwarded actions are unread`);
    const forwarded = metricSamples(await response.text(), "portal_server_actions_forwarded_total").filter(
      (sample) => sample.value > 0,
    );
    found.push(...forwarded.map((sample) => `${portal}: ${sample.value} posted to ${sample.labels.route}`));
  }
  if (found.length) {
    throw new Error(
      `Server actions were posted to pages whose bundles lack them and forwarded by Next (see the portal's "server action forwarded" warnings):\n${found.join("\n")}`,
    );
  }
}

/** The portals a run of this configuration starts, for the teardown above. */
export function startedPortals(main: boolean, variants: boolean): string {
  return JSON.stringify([...(main ? [E2E.portalUrl] : []), ...(variants ? [E2E.variantPortalUrl] : [])]);
}
