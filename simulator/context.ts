/** Types shared by the app and its route modules. */
import type { HttpBindings } from "@hono/node-server";
import type { Principal, TokenStore } from "./auth.js";
import type { SimClock } from "./clock.js";
import type { Faults } from "./faults.js";
import type { ResolvedOptions } from "./options.js";
import type { SimState } from "./state.js";
import type { RequestStats } from "./stats.js";
import type { Variants } from "./variants.js";

/** Hono environment: node bindings are absent when the app is called in-process (app.request). */
export interface AppEnv {
  Bindings: Partial<HttpBindings>;
  Variables: { principal: Principal };
}

/** What route modules work with. */
export interface SimCore {
  /** The current data; replaced by reset(). */
  readonly state: SimState;
  readonly clock: SimClock;
  readonly tokens: TokenStore;
  readonly faults: Faults;
  readonly stats: RequestStats;
  readonly options: ResolvedOptions;
  /** The answer shapes in force (SIM_VARIANT, /__sim/variants); reset() restores the started ones. */
  readonly variants: Variants;
  /** Back to the seeded state: data rebuilt, clock restarted, faults cleared, stats zeroed. Issued tokens stay valid. */
  reset(): void;
}
