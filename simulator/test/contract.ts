/**
 * Validates responses against simulator/openapi.yaml: the status must be
 * documented for the operation, the content type listed, and the body must
 * match the schema (Ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import YAML from "yaml";

type Json = Record<string, unknown>;

export const openapi = YAML.parse(readFileSync(path.join(__dirname, "..", "openapi.yaml"), "utf8")) as Json & {
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json>; responses: Record<string, Json> };
};

export const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(openapi, "openapi");

const escape = (segment: string) => segment.replace(/~/g, "~0").replace(/\//g, "~1");
const validators = new Map<string, ValidateFunction>();

function validatorAt(pointer: string): ValidateFunction {
  let validate = validators.get(pointer);
  if (!validate) {
    validate = ajv.compile({ $ref: `openapi#${pointer}` });
    validators.set(pointer, validate);
  }
  return validate;
}

/** Checks `response` against the operation `method path`; returns the parsed body (JSON or text). */
export async function expectContract(response: Response, method: string, template: string): Promise<unknown> {
  const operation = openapi.paths[template]?.[method.toLowerCase()] as { responses: Record<string, Json> } | undefined;
  if (!operation) throw new Error(`${method} ${template} is not in openapi.yaml`);
  const status = String(response.status);
  const key = [status, `${status[0]}XX`, "default"].find((k) => k in operation.responses);
  if (!key) throw new Error(`${method} ${template} answered ${status}, which openapi.yaml does not document`);
  let pointer = `/paths/${escape(template)}/${method.toLowerCase()}/responses/${key}`;
  let documented = operation.responses[key] as Json;
  if (typeof documented.$ref === "string") {
    pointer = documented.$ref.slice(1);
    const name = documented.$ref.split("/").pop() as string;
    documented = openapi.components.responses[name] as Json;
  }
  const text = await response.text();
  const content = documented.content as Record<string, Json> | undefined;
  if (!content) {
    if (text !== "") throw new Error(`${method} ${template} ${status} should have no body`);
    return undefined;
  }
  const type = (response.headers.get("content-type") ?? "").split(";")[0]?.trim() ?? "";
  if (!(type in content))
    throw new Error(`${method} ${template} ${status} answered ${type}; documented: ${Object.keys(content).join(", ")}`);
  const body: unknown = type.endsWith("json") ? JSON.parse(text) : text;
  const validate = validatorAt(`${pointer}/content/${escape(type)}/schema`);
  if (!validate(body)) {
    throw new Error(
      `${method} ${template} ${status} body does not match the contract:\n${ajv.errorsText(validate.errors, { separator: "\n" })}\n${text.slice(0, 500)}`,
    );
  }
  return body;
}
