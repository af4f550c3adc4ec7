/** Everything the API serves, built from the seed; a reset builds it again. */
import { Catalogue } from "./dataset/catalogue.js";
import { CategoryTree } from "./dataset/categories.js";
import { buildCompanies, type CompanyRecord } from "./dataset/companies.js";
import { OrderBook } from "./dataset/orders.js";

export class SimState {
  readonly categories: CategoryTree;
  readonly catalogue: Catalogue;
  /** By code, in code order. */
  readonly companies: ReadonlyMap<string, CompanyRecord>;
  readonly orders: OrderBook;

  /** `steadyProducts`: how many of the first products the clock leaves alone (SimulatorOptions). */
  constructor(seed: string, products: number, startMs: number, steadyProducts = 0) {
    this.categories = new CategoryTree(seed);
    this.catalogue = new Catalogue(seed, products, this.categories, startMs, steadyProducts);
    this.companies = new Map(buildCompanies(seed).map((company) => [company.json.code, company]));
    this.orders = new OrderBook(seed, this.companies, this.catalogue, startMs);
  }
}
