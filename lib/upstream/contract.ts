import type { z } from "zod";

import type { EndpointName } from "./endpoints";
import { endpoints } from "./endpoints";
import type { components, paths } from "./openapi";
import type * as wire from "./wire";

/**
 * Compile-time checks that the gateway agrees with the upstream's contract
 * (`npm run gen:upstream` regenerates openapi.d.ts from simulator/openapi.yaml):
 * every path exists there, and every answer the contract allows is accepted
 * by the gateway's parsers. `npm run typecheck` fails when they drift apart.
 */
type Accepts<Parser, Contract> = [Contract] extends [Parser] ? true : false;

const pathsExist: { [K in EndpointName]: (typeof endpoints)[K]["path"] extends keyof paths ? true : false } = {
  authToken: true,
  me: true,
  companies: true,
  company: true,
  orders: true,
  order: true,
  createOrder: true,
  orderStatus: true,
  productSkus: true,
  product: true,
  productByBarcode: true,
  stockColours: true,
  stockNumeric: true,
  categories: true,
  category: true,
  categoryChildren: true,
};

type Schemas = components["schemas"];

const answersAccepted: {
  product: Accepts<z.input<typeof wire.product>, Schemas["Product"]>;
  order: Accepts<z.input<typeof wire.order>, Schemas["Order"]>;
  company: Accepts<z.input<typeof wire.company>, Schemas["Company"]>;
  media: Accepts<z.input<typeof wire.media>, Schemas["Media"]>;
  phpDate: Accepts<z.input<typeof wire.phpDate>, Schemas["PhpDate"]>;
  orderCreated: Accepts<z.input<typeof wire.createdOrder>, Schemas["OrderCreated"]>;
  orderPage: Accepts<z.input<typeof wire.order>, Schemas["OrderPage"]["data"][number]>;
} = { product: true, order: true, company: true, media: true, phpDate: true, orderCreated: true, orderPage: true };

export const CONTRACT_CHECKED = { pathsExist, answersAccepted, endpointCount: Object.keys(endpoints).length };
