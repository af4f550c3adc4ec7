import type { components } from "./openapi";

/**
 * The body of `POST /orders`, as the upstream's contract (simulator/openapi.yaml,
 * generated into openapi.d.ts) describes it; the portal always sends a reference.
 */
export type OrderCreateBody = components["schemas"]["OrderCreate"] & { reference: string };
