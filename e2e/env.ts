/**
 * Where the end-to-end suite runs its own simulator and portal (ports apart from `npm start`).
 * E2E_PORT_OFFSET lets two suites run side by side on one machine.
 */
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0) || 0;
const simulatorPort = 4110 + offset;
const portalPort = 3100 + offset;
// The variant project's own simulator (answering in the reference's other shapes) and portal.
const variantSimulatorPort = 4610 + offset;
const variantPortalPort = 3600 + offset;
const results = offset ? `./test-results/run-${offset}` : "./test-results";

export const E2E = {
  simulatorPort,
  portalPort,
  simulatorUrl: `http://127.0.0.1:${simulatorPort}`,
  portalUrl: `http://127.0.0.1:${portalPort}`,
  controlKey: "e2e-control-key",
  results,
  dataDir: `${results}/e2e-data`,
  dealerState: `${results}/auth/dealer.json`,
  adminState: `${results}/auth/admin.json`,
  limitedState: `${results}/auth/limited.json`,
  variantSimulatorPort,
  variantPortalPort,
  variantSimulatorUrl: `http://127.0.0.1:${variantSimulatorPort}`,
  variantPortalUrl: `http://127.0.0.1:${variantPortalPort}`,
  variantDataDir: `${results}/e2e-variant-data`,
  /** What the variant simulator answers in (SIM_VARIANT): e2e/variants.spec.ts. */
  variants: "string-ids,status-capitalised,dates-offset,numbers-as-strings,paged,bad-record",
} as const;

export const DEMO = {
  dealer: {
    email: "dealer@acme.example",
    password: "demo1234",
    name: "Daan de Vries",
    company: "Acme Corporation",
    code: "EA00001",
  },
  admin: { email: "admin@wholesaler.example", password: "demo1234", name: "Wendy Groothandel" },
  limited: { email: "limited@bakker.example", password: "demo1234", name: "Bram Bakker", code: "EA00002" },
} as const;
