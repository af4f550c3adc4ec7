/**
 * One product, generated from the seed and its catalogue index alone (so the
 * catalogue can hold 200,000 of them without building any up front). Title,
 * price and media each have their own revision counter: a catalogue change
 * bumps one and the product is regenerated with new values for that part only.
 */
import type { Media } from "../media.js";
import { mediaItem } from "../media.js";
import type { PhpDate, PhpDateStyle } from "../phpdate.js";
import { phpDate } from "../phpdate.js";
import type { CategoryJson, CategoryNode, CategoryTree } from "./categories.js";
import { type PriceTier, priceTier, round2, shelfPrice } from "./pricing.js";
import { Rng } from "./rng.js";
import { ATTRIBUTES, BRANDS, DESCRIPTIONS, ORIGINS, rootVocabulary } from "./vocabulary.js";

export interface ProductJson {
  sku: string;
  ocsid: string;
  vendor_item_no: string;
  title: string | null;
  description: string | null;
  expiring: boolean;
  last_modified: PhpDate;
  update_count: number;
  blister: boolean;
  consumer: boolean;
  blocked: boolean;
  barcode: { value: string; type: "EAN13"; image: Media };
  stock: "in_stock" | "out_of_stock";
  stock_colour: "green" | "red";
  dropshipment: { dropshipable: boolean; is_big_parcel: boolean };
  customs: { code: string; label: string; origin: string };
  "categories-b2b": Record<string, CategoryJson[]>;
  "categories-b2c": Record<string, CategoryJson[]>;
  prices: PriceTier[];
  price_unit: string;
  sales_unit: string;
  sales_unit_amount: number;
  files: Media[];
  attributes: Array<{ code: string; code_new: string; title: string; description: string }>;
  media: Media[];
}

/** What the catalogue keeps per product (everything else is derived). */
export interface ProductFacts {
  index: number;
  sku: string;
  barcode: string;
  leaves: CategoryNode[];
  /** 0 = out of stock, 1 or 2 = in stock (the upstream answers both). */
  stock: number;
  updateCount: number;
  lastModified: number;
  revision: ProductRevision;
  patch: ProductPatch | undefined;
}

export interface ProductRevision {
  title: number;
  price: number;
  media: number;
}

/** Explicit values set through the control API; they win over generated ones. */
export interface ProductPatch {
  title?: string | null;
  description?: string | null;
  prices?: PriceTier[];
  blocked?: boolean;
}

/** Which date style a product's last_modified uses: mostly Amsterdam, some UTC (as the reference), a few offsets. */
export function productDateStyle(index: number): PhpDateStyle {
  if (index % 37 === 5) return "offset";
  return index % 5 === 2 ? "utc" : "amsterdam";
}

const EDITIONS = ["", "", "", " Plus", " Pro", " II"] as const;

export function buildProduct(seed: string, tree: CategoryTree, facts: ProductFacts): ProductJson {
  const { index, sku, leaves, revision, patch } = facts;
  const primary = leaves[0];
  if (!primary) throw new Error(`Product ${sku} has no category`);
  const root = primary.root;
  const vocabulary = rootVocabulary(root.code);
  const rng = Rng.for(seed, "product", index);
  const vatRate = primary.vatRate;

  const dutch = rng.chance(0.7) || primary.nouns.en.length === 0;
  const noun = rng.pick(dutch ? primary.nouns.nl : primary.nouns.en);
  const brand = BRANDS[(root.index * 7 + rng.int(0, 4)) % BRANDS.length] as string;
  const model = `${rng.letters(rng.int(2, 3))} ${rng.int(100, 9999)}`;
  const vendorItemNo = rng.chance(0.5) ? model.replace(" ", "") : rng.digits(10);
  const brandFirst = rng.chance(0.35);
  const hasTitle = rng.chance(0.97);
  const describe = rng.chance(0.85);
  const descriptionTemplate = rng.pick(dutch ? DESCRIPTIONS.nl : DESCRIPTIONS.en);
  const extra = rng.chance(0.5)
    ? rng.pick(dutch ? DESCRIPTIONS.extra.nl : DESCRIPTIONS.extra.en)
    : vocabulary.feature[dutch ? 0 : 1];

  const titleRng = Rng.for(seed, "title", index, revision.title);
  const qualifier = titleRng.pick(vocabulary.qualifiers);
  const edition = revision.title > 0 ? titleRng.pick(EDITIONS) : "";
  const modelName = `${model}${edition}`;
  const generatedTitle = brandFirst
    ? `${brand} ${noun} ${qualifier} ${modelName}`
    : `${noun} ${qualifier} – ${brand} ${modelName}`;
  const description = describe
    ? `${descriptionTemplate
        .replace("{noun}", noun.toLowerCase())
        .replace("{brand}", brand)
        .replace("{model}", model)
        .replace("{qualifier}", qualifier)
        .replace(/^./, (c) => c.toUpperCase())} ${extra}`
    : null;

  const [priceUnit, salesUnit, salesUnitAmount] = rng.weighted<readonly [string, string, number]>([
    [["STUKS", "STUKS", 1], 78],
    [["STUKS", "DOOS", 5], 5],
    [["STUKS", "DOOS", 10], 6],
    [["STUKS", "DOOS", 25], 3],
    [["piece", "piece", 1], 5],
    [["piece", "box", 10], 3],
  ]);
  const onDemand = rng.chance(0.02);
  const basePrice = Math.exp(Math.log(1.5) + rng.next() * (Math.log(1500) - Math.log(1.5)));
  const ending = rng.int(0, 3);
  const tierSteps = rng.weighted<readonly number[]>([
    [[], 45],
    [[10], 30],
    [[10, 50], 25],
  ]);
  const priceFactor = revision.price > 0 ? 0.9 + Rng.for(seed, "price", index, revision.price).next() * 0.22 : 1;
  const listPrice = shelfPrice(basePrice * priceFactor, ending);
  const prices = [priceTier(listPrice, vatRate, 1, onDemand)];
  tierSteps.forEach((minqty, step) =>
    prices.push(priceTier(round2(listPrice * (step === 0 ? 0.93 : 0.86)), vatRate, minqty, onDemand)),
  );

  const blister = rng.chance(0.12);
  const consumer = rng.chance(0.45);
  const expiring = rng.chance(0.04);
  const blocked = rng.chance(0.02);
  const bigParcel = rng.chance(0.1);
  const dropshipable = rng.chance(bigParcel ? 0.3 : 0.75);
  const origin = rng.pick(ORIGINS);
  const barcodeImage = mediaItem(rng.hex(32), "png", 1);
  const files = Array.from(
    {
      length: rng.weighted([
        [0, 65],
        [1, 25],
        [2, 10],
      ] as const),
    },
    (_, i) => mediaItem(rng.hex(32), "pdf", i + 1),
  );
  const attributes = rng.sample(ATTRIBUTES, rng.int(1, 4)).map((kind) => ({
    code: kind.code,
    code_new: kind.code_new,
    title: kind.title,
    description: rng.pick(kind.values),
  }));
  const baseMediaCount = rng.weighted([
    [0, 10],
    [1, 35],
    [2, 25],
    [3, 18],
    [4, 12],
  ] as const);

  const mediaRng = Rng.for(seed, "media", index, revision.media);
  const mediaCount =
    revision.media > 0 ? Math.max(1, Math.min(4, baseMediaCount + mediaRng.int(-1, 1))) : baseMediaCount;
  const media = Array.from({ length: mediaCount }, (_, i) => mediaItem(mediaRng.hex(32), "png", i + 1));

  const b2b: Record<string, CategoryJson[]> = {};
  for (const leaf of leaves) (b2b[leaf.root.title] ??= []).push(tree.toLeafJson(leaf));

  return {
    sku,
    ocsid: sku,
    vendor_item_no: vendorItemNo,
    title: patch?.title !== undefined ? patch.title : hasTitle ? generatedTitle : null,
    description: patch?.description !== undefined ? patch.description : description,
    expiring,
    last_modified: phpDate(facts.lastModified, productDateStyle(index)),
    update_count: facts.updateCount,
    blister,
    consumer,
    blocked: patch?.blocked ?? blocked,
    barcode: { value: facts.barcode, type: "EAN13", image: barcodeImage },
    stock: facts.stock > 0 ? "in_stock" : "out_of_stock",
    stock_colour: facts.stock > 0 ? "green" : "red",
    dropshipment: { dropshipable, is_big_parcel: bigParcel },
    customs: { code: vocabulary.customs.code, label: vocabulary.customs.label, origin },
    "categories-b2b": b2b,
    "categories-b2c": consumer ? b2b : {},
    prices: patch?.prices ?? prices,
    price_unit: priceUnit,
    sales_unit: salesUnit,
    sales_unit_amount: salesUnitAmount,
    files,
    attributes,
    media,
  };
}
