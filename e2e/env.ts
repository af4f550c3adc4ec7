/** Where the end-to-end suite runs its own simulator and portal (ports apart from `npm start`). */
const simulatorPort = 4110;
const portalPort = 3100;

export const E2E = {
  simulatorPort,
  portalPort,
  simulatorUrl: `http://127.0.0.1:${simulatorPort}`,
  portalUrl: `http://127.0.0.1:${portalPort}`,
  controlKey: "e2e-control-key",
  dataDir: "./test-results/e2e-data",
  dealerState: "./test-results/auth/dealer.json",
  adminState: "./test-results/auth/admin.json",
} as const;

export const DEMO = {
  dealer: { email: "dealer@acme.example", password: "demo1234", name: "Daan de Vries", company: "Acme Corporation", code: "EA00001" },
  admin: { email: "admin@wholesaler.example", password: "demo1234", name: "Wendy Groothandel" },
  limited: { email: "limited@bakker.example", password: "demo1234", name: "Bram Bakker", code: "EA00002" },
} as const;
