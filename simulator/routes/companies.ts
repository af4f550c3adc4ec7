/** GET /companies (paginated, permission "companies") and GET /companies/{company}. */
import { Hono } from "hono";
import { can, PERMISSION_COMPANIES } from "../auth.js";
import type { AppEnv, SimCore } from "../context.js";
import { authenticate } from "../http.js";
import { modelNotFound, paginate, unauthorized } from "../laravel.js";

const PER_PAGE = 15;
const MAX_PER_PAGE = 100;

/** Laravel reads a bad page number as page 1. */
function positiveInt(raw: string | undefined, fallback: number): number {
  const value = raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : fallback;
  return value >= 1 ? value : fallback;
}

export function companyRoutes(sim: SimCore): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const auth = authenticate(sim);

  r.get("/companies", auth, (c) => {
    if (!can(c.get("principal"), PERMISSION_COMPANIES)) throw unauthorized();
    const page = positiveInt(c.req.query("page"), 1);
    const perPage = Math.min(MAX_PER_PAGE, positiveInt(c.req.query("per_page"), PER_PAGE));
    const url = new URL(c.req.url);
    const query: Record<string, string> = {};
    if (c.req.query("per_page") !== undefined) query.per_page = String(perPage);
    const companies = [...sim.state.companies.values()].map((company) => company.json);
    return c.json(paginate(companies, page, perPage, `${url.origin}/companies`, query));
  });

  r.get("/companies/:company", auth, (c) => {
    const code = c.req.param("company");
    const company = sim.state.companies.get(code.toUpperCase());
    if (!company) throw modelNotFound("Company", code);
    const principal = c.get("principal");
    if (company.json.code !== principal.customerCode && !can(principal, PERMISSION_COMPANIES)) throw unauthorized();
    return c.json(company.json);
  });

  return r;
}
