import { E2E } from "./env";

/** The test's handle on the simulator's control endpoints (`/__sim/…`). */
async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${E2E.simulatorUrl}/__sim/${path}`, {
    method,
    headers: { "x-sim-key": E2E.controlKey, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`simulator ${method} ${path}: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

export const simulator = {
  control,
  expireTokensOf: (email: string) => control("POST", "tokens/expire", { email }),
  /** Every token the simulator has issued (and its service token): none may ever reach the browser. */
  async issuedTokens(): Promise<string[]> {
    const body = (await control("GET", "tokens")) as { tokens: { token: string }[] };
    return body.tokens.map((entry) => entry.token);
  },
  /** A token the wholesaler issues to a user (POST /auth/token), as an integration holds one. */
  async issueToken(email: string, password: string): Promise<string> {
    const response = await fetch(`${E2E.simulatorUrl}/auth/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: email, password }),
    });
    if (!response.ok) throw new Error(`simulator POST /auth/token: ${response.status}`);
    return ((await response.json()) as { access_token: string }).access_token;
  },
  /**
   * An order placed straight at the wholesaler by a user's own token (as an integration or the
   * wholesaler's own shop would): POST /orders with `body`, answered with the new order's id and status.
   */
  async placeOrder(
    user: { email: string; password: string },
    body: { reference?: string; products: { sku: string; amount: number }[] },
  ): Promise<{ id: number; status: string }> {
    const token = await simulator.issueToken(user.email, user.password);
    const response = await fetch(`${E2E.simulatorUrl}/orders`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, accept: "application/json", "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`simulator POST /orders: ${response.status} ${await response.text()}`);
    const { data } = (await response.json()) as { data: { id: string; status: string } };
    return { id: Number(data.id), status: data.status };
  },
  setFaults: (faults: Record<string, unknown>) => control("POST", "faults", faults),
  clearFaults: () => control("DELETE", "faults"),
  advanceClock: (minutes: number) => control("POST", "clock/advance", { minutes }),
  orders: () => control("GET", "orders"),
};
