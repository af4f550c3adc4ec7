/** An in-process simulator for tests, with shortcuts for tokens and control calls. */
import { createSimulator, type Simulator } from "../app.js";
import { DEMO_PASSWORD } from "../auth.js";
import type { SimulatorOptions } from "../options.js";

export const USERS = {
  dealer: "dealer@acme.example",
  admin: "admin@wholesaler.example",
  limited: "limited@bakker.example",
} as const;
export type UserName = keyof typeof USERS;

export const CONTROL_KEY = "sim-control-key";
export const SERVICE_TOKEN = "sim-service-token";

export interface TestSim {
  sim: Simulator;
  /** A request to the app; `token` adds the bearer header, `json` a JSON body. */
  call(
    method: string,
    path: string,
    init?: { token?: string; json?: unknown; body?: string; headers?: Record<string, string> },
  ): Promise<Response>;
  /** A /__sim/ control call with the key, parsed. */
  control<T = unknown>(method: string, path: string, json?: unknown): Promise<T>;
  token(user: UserName): Promise<string>;
  /** Tokens of all demo users and the service token. */
  tokens(): Promise<Record<UserName | "service", string>>;
}

/** Small catalogue and a frozen clock unless a test asks otherwise. */
export function testSim(options: SimulatorOptions = {}): TestSim {
  const sim = createSimulator({ products: 1500, timeScale: 0, ...options });
  const call: TestSim["call"] = (method, path, init = {}) => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token) headers.Authorization = `Bearer ${init.token}`;
    let body = init.body;
    if (init.json !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(init.json);
    }
    return Promise.resolve(sim.app.request(path, { method, headers, body }));
  };
  const token = async (user: UserName) => {
    const response = await call("POST", "/auth/token", { json: { username: USERS[user], password: DEMO_PASSWORD } });
    if (response.status !== 200) throw new Error(`login ${user}: ${response.status}`);
    return ((await response.json()) as { access_token: string }).access_token;
  };
  return {
    sim,
    call,
    token,
    async control<T>(method: string, path: string, json?: unknown): Promise<T> {
      const response = await call(method, `/__sim/${path}`, { json, headers: { "x-sim-key": CONTROL_KEY } });
      if (!response.ok) throw new Error(`control ${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    async tokens() {
      return {
        dealer: await token("dealer"),
        admin: await token("admin"),
        limited: await token("limited"),
        service: SERVICE_TOKEN,
      };
    },
  };
}

/** SKUs of the catalogue that satisfy `test`, in catalogue order. */
export function findProducts(
  sim: Simulator,
  test: (p: ReturnType<Simulator["state"]["catalogue"]["product"]>) => boolean,
  count = 1,
): string[] {
  const found: string[] = [];
  for (const index of sim.state.catalogue.activeIndices()) {
    const product = sim.state.catalogue.product(index);
    if (test(product)) found.push(product.sku);
    if (found.length >= count) break;
  }
  if (found.length < count) throw new Error("not enough matching products in the test catalogue");
  return found;
}
