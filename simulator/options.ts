/** Simulator options, their defaults, and how the SIM_* environment variables set them. */
import type { FaultSettingsInput } from "./faults.js";
import { parseVariantList, type Variant } from "./variants.js";

export interface SimulatorOptions {
  /** Seed of all generated data (SIM_SEED). Default "1". */
  seed?: string | number;
  /** Catalogue size (SIM_PRODUCTS). Default 5,000; at most 200,000. */
  products?: number;
  /** Simulated seconds per real second (SIM_TIME_SCALE). Default 60; 0 freezes the clock. */
  timeScale?: number;
  /** Bearer token of the portal's catalogue sync, never expires (SIM_SERVICE_TOKEN). */
  serviceToken?: string;
  /** Value of the x-sim-key header the /__sim/ endpoints require (SIM_CONTROL_KEY). */
  controlKey?: string;
  /** Lifetime of issued tokens in seconds (SIM_TOKEN_TTL). Default 3600. */
  tokenTtlSeconds?: number;
  /** Faults active from the start (SIM_FAULTS, JSON); a reset clears them. */
  faults?: FaultSettingsInput;
  /** Real-time source in epoch ms (tests may inject one). Default Date.now. */
  now?: () => number;
  /** Other answer shapes the reference allows (SIM_VARIANT, comma-separated); see variants.ts. Default none. */
  variants?: readonly Variant[];
  /**
   * How many of the catalogue's first products the clock leaves as they are (SIM_STEADY_PRODUCTS):
   * no random price, title, media or stock change, so that tests reading them see what they read.
   * Changes through the control API still apply. Default 0: every product drifts.
   */
  steadyProducts?: number;
}

export interface ResolvedOptions {
  seed: string;
  products: number;
  timeScale: number;
  serviceToken: string;
  controlKey: string;
  tokenTtlSeconds: number;
  faults: FaultSettingsInput;
  now: () => number;
  variants: readonly Variant[];
  steadyProducts: number;
}

const MAX_PRODUCTS = 200_000;

const DEFAULTS = {
  seed: "1",
  products: 5_000,
  timeScale: 60,
  serviceToken: "sim-service-token",
  controlKey: "sim-control-key",
  tokenTtlSeconds: 3_600,
} as const;

export function resolveOptions(options: SimulatorOptions): ResolvedOptions {
  const products = options.products ?? DEFAULTS.products;
  if (!Number.isInteger(products) || products < 1 || products > MAX_PRODUCTS) {
    throw new Error(`products must be an integer from 1 to ${MAX_PRODUCTS}, got ${products}`);
  }
  const timeScale = options.timeScale ?? DEFAULTS.timeScale;
  if (!Number.isFinite(timeScale) || timeScale < 0)
    throw new Error(`timeScale must be a number >= 0, got ${timeScale}`);
  const tokenTtlSeconds = options.tokenTtlSeconds ?? DEFAULTS.tokenTtlSeconds;
  if (!Number.isInteger(tokenTtlSeconds) || tokenTtlSeconds < 1)
    throw new Error(`tokenTtlSeconds must be a positive integer, got ${tokenTtlSeconds}`);
  const steadyProducts = options.steadyProducts ?? 0;
  if (!Number.isInteger(steadyProducts) || steadyProducts < 0)
    throw new Error(`steadyProducts must be an integer >= 0, got ${steadyProducts}`);
  return {
    seed: String(options.seed ?? DEFAULTS.seed),
    products,
    timeScale,
    serviceToken: options.serviceToken || DEFAULTS.serviceToken,
    controlKey: options.controlKey || DEFAULTS.controlKey,
    tokenTtlSeconds,
    faults: options.faults ?? {},
    now: options.now ?? Date.now,
    variants: parseVariantList((options.variants ?? []).join(",")),
    steadyProducts,
  };
}

function numberVar(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got "${raw}"`);
  return value;
}

/** Options from SIM_* variables, plus where to listen (SIM_PORT, SIM_HOST). */
export function optionsFromEnv(env: NodeJS.ProcessEnv): SimulatorOptions & { port: number; hostname: string } {
  let faults: FaultSettingsInput | undefined;
  if (env.SIM_FAULTS) {
    try {
      faults = JSON.parse(env.SIM_FAULTS) as FaultSettingsInput;
    } catch {
      throw new Error(`SIM_FAULTS must be JSON, got "${env.SIM_FAULTS}"`);
    }
  }
  return {
    seed: env.SIM_SEED || undefined,
    products: numberVar(env, "SIM_PRODUCTS"),
    timeScale: numberVar(env, "SIM_TIME_SCALE"),
    serviceToken: env.SIM_SERVICE_TOKEN || undefined,
    controlKey: env.SIM_CONTROL_KEY || undefined,
    tokenTtlSeconds: numberVar(env, "SIM_TOKEN_TTL"),
    faults,
    variants: parseVariantList(env.SIM_VARIANT),
    steadyProducts: numberVar(env, "SIM_STEADY_PRODUCTS"),
    port: numberVar(env, "SIM_PORT") ?? 4010,
    hostname: env.SIM_HOST || "127.0.0.1",
  };
}
