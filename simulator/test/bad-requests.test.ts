/** Bad requests get Laravel-style JSON errors and never take the server down. */
import { describe, expect, it } from "vitest";
import { testSim } from "./helpers.js";

describe("bad requests", () => {
  const t = testSim();

  it("unknown paths are a JSON 404", async () => {
    const response = await t.call("GET", "/api/nothing/here", { token: "sim-service-token" });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: "The route api/nothing/here could not be found." });
    expect((await t.call("GET", "/media/not-a-hash.png")).status).toBe(404);
  });

  it("unknown paths are a 404 even without a token (routing before auth)", async () => {
    expect((await t.call("DELETE", "/everything")).status).toBe(404);
  });

  it("a known path with the wrong method is a JSON 405 with Allow", async () => {
    const response = await t.call("DELETE", "/orders", { token: "sim-service-token" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, POST, HEAD");
    expect(((await response.json()) as { message: string }).message).toBe(
      "The DELETE method is not supported for route orders. Supported methods: GET, POST, HEAD.",
    );
  });

  it("malformed JSON is a 400 wherever a body is read", async () => {
    for (const [path, headers] of [
      ["/auth/token", {}],
      ["/orders", { Authorization: "Bearer sim-service-token" }],
      ["/__sim/faults", { "x-sim-key": "sim-control-key" }],
    ] as const) {
      const response = await t.call("POST", path, {
        body: "{not json",
        headers: { "Content-Type": "application/json", ...headers },
      });
      expect(response.status, path).toBe(400);
      expect(await response.json()).toEqual({ message: "The request body is not valid JSON." });
    }
  });

  it("JSON that is not an object is validated as an empty body", async () => {
    const response = await t.call("POST", "/orders", { token: "sim-service-token", json: [1, 2, 3] });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { errors: Record<string, unknown> }).errors).toHaveProperty("products");
  });

  it("wrong types in control bodies are a 422 keyed by field", async () => {
    const response = await t.call("POST", "/__sim/clock/advance", {
      json: { minutes: "soon" },
      headers: { "x-sim-key": "sim-control-key" },
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { errors: Record<string, unknown> }).errors).toHaveProperty("minutes");
  });

  it("odd ids and query values are answered, not thrown", async () => {
    const token = "sim-service-token";
    expect((await t.call("GET", "/orders/abc", { token })).status).toBe(404);
    expect((await t.call("GET", "/orders/99999999999999999999999", { token })).status).toBe(404);
    expect((await t.call("GET", "/orders/-1/status", { token })).status).toBe(404);
    expect((await t.call("GET", "/companies?page=abc&per_page=-5", { token })).status).toBe(200);
    expect((await t.call("GET", "/companies?page=99", { token })).status).toBe(200);
    expect((await t.call("GET", "/stock/color?listtype=sideways", { token })).status).toBe(422);
    expect((await t.call("GET", "/products/%00%ff", { token })).status).toBe(404);
    expect(
      (await t.call("POST", "/orders", { token, json: { products: [{ sku: { $ne: 1 }, amount: 1e309 }] } })).status,
    ).toBe(422);
  });

  it("HEAD works wherever GET does", async () => {
    const response = await t.call("HEAD", "/me", { token: "sim-service-token" });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
  });

  it("keeps serving after all of the above", async () => {
    expect((await t.call("GET", "/me", { token: "sim-service-token" })).status).toBe(200);
  });
});
