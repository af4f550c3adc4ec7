/**
 * The wholesaler's customers (Dutch, Belgian and German dealers), the three
 * fixed ones the demo accounts belong to first. Each has a VAT number, a
 * discount group and a few staff names that appear as order creators.
 */
import { Rng } from "./rng.js";

export interface CompanyAddress {
  street: string;
  number: string;
  number_suffix: string | null;
  default: boolean;
  postal_code: string;
  city: string;
  cc: string;
  country: string;
  email_shipping: string;
}

export interface CompanyJson {
  code: string;
  name: string;
  address: CompanyAddress;
}

export interface CompanyRecord {
  json: CompanyJson;
  vatNumber: string;
  phone: string;
  /** Discount group: the share off list price this customer pays. */
  discount: number;
  /** People who place orders for this company; the first is the main contact. */
  staff: string[];
}

export const WHOLESALER_CODE = "WH00001";

const FIXED: CompanyRecord[] = [
  {
    json: {
      code: "EA00001",
      name: "Acme Corporation",
      address: {
        street: "Main Street",
        number: "123",
        number_suffix: "A",
        default: true,
        postal_code: "1234AB",
        city: "Amsterdam",
        cc: "NL",
        country: "NL",
        email_shipping: "shipping@acme.example",
      },
    },
    vatNumber: "NL123456789B01",
    phone: "+31 20 123 4567",
    discount: 0.2,
    staff: ["Daan de Vries", "Sanne Jansen", "Joris Mulder"],
  },
  {
    json: {
      code: "EA00002",
      name: "Bakker Campers",
      address: {
        street: "Ambachtsweg",
        number: "14",
        number_suffix: null,
        default: true,
        postal_code: "3542DG",
        city: "Utrecht",
        cc: "NL",
        country: "NL",
        email_shipping: "orders@bakker.example",
      },
    },
    vatNumber: "NL812345670B01",
    phone: "+31 30 241 8800",
    discount: 0.1,
    staff: ["Bram Bakker", "Eva Bakker"],
  },
  {
    json: {
      code: WHOLESALER_CODE,
      name: "RecreaTech Groothandel B.V.",
      address: {
        street: "Hanzeweg",
        number: "8",
        number_suffix: null,
        default: true,
        postal_code: "8017JD",
        city: "Zwolle",
        cc: "NL",
        country: "NL",
        email_shipping: "logistiek@wholesaler.example",
      },
    },
    vatNumber: "NL009876543B01",
    phone: "+31 38 460 1200",
    discount: 0,
    staff: ["Wendy Groothandel", "Kees Timmer"],
  },
];

interface Place {
  city: string;
  postal: (rng: Rng) => string;
}

const nlPostal = (from: number) => (rng: Rng) => `${from + rng.int(0, 89)}${rng.letters(2, "ABCDEGHJKLMNPRSTVWXZ")}`;
const plainPostal = (from: number, spread: number) => (rng: Rng) => String(from + rng.int(0, spread));

const COUNTRIES = {
  NL: {
    weight: 60,
    places: [
      { city: "Rotterdam", postal: nlPostal(3011) },
      { city: "Eindhoven", postal: nlPostal(5611) },
      { city: "Groningen", postal: nlPostal(9711) },
      { city: "Apeldoorn", postal: nlPostal(7311) },
      { city: "Breda", postal: nlPostal(4811) },
      { city: "Nijmegen", postal: nlPostal(6511) },
      { city: "Enschede", postal: nlPostal(7511) },
      { city: "Leeuwarden", postal: nlPostal(8911) },
      { city: "'s-Hertogenbosch", postal: nlPostal(5211) },
      { city: "Alkmaar", postal: nlPostal(1811) },
      { city: "Assen", postal: nlPostal(9401) },
      { city: "Middelburg", postal: nlPostal(4331) },
      { city: "Roermond", postal: nlPostal(6041) },
      { city: "Harderwijk", postal: nlPostal(3841) },
    ] as Place[],
    streets: [
      "Industrieweg",
      "Kerkstraat",
      "Hoofdweg",
      "Dorpsstraat",
      "Stationsweg",
      "Havenweg",
      "Nijverheidsweg",
      "Zuiderzeestraat",
    ],
    names: [
      "{surname} Caravans",
      "Kampeercentrum {city}",
      "Recreatietechniek {surname}",
      "Camperservice {city}",
      "Watersport {surname}",
      "Caravanbedrijf {surname} B.V.",
    ],
    surnames: [
      "Jansen",
      "de Boer",
      "Visser",
      "Smit",
      "Meijer",
      "Mulder",
      "Bos",
      "Vos",
      "Peters",
      "Hendriks",
      "van Dijk",
      "Dekker",
      "Brouwer",
      "de Wit",
    ],
    firstNames: ["Daan", "Sanne", "Lotte", "Jeroen", "Femke", "Thijs", "Anouk", "Ruben", "Iris", "Maarten"],
    vat: (rng: Rng) => `NL${rng.digits(9)}B01`,
    phone: (rng: Rng) => `+31 ${rng.int(10, 79)} ${rng.digits(3)} ${rng.digits(4)}`,
  },
  BE: {
    weight: 20,
    places: [
      { city: "Antwerpen", postal: plainPostal(2000, 60) },
      { city: "Gent", postal: plainPostal(9000, 50) },
      { city: "Brugge", postal: plainPostal(8000, 20) },
      { city: "Hasselt", postal: plainPostal(3500, 10) },
      { city: "Leuven", postal: plainPostal(3000, 12) },
      { city: "Kortrijk", postal: plainPostal(8500, 11) },
    ] as Place[],
    streets: ["Industrielaan", "Kerkstraat", "Steenweg", "Nijverheidsstraat", "Stationsstraat"],
    names: ["Caravans {surname} BV", "Kampeerhuis {city}", "Mobilhome Center {surname}", "Vrijetijd {surname} NV"],
    surnames: ["Peeters", "Janssens", "Maes", "Jacobs", "Willems", "Claes", "Goossens", "Wouters"],
    firstNames: ["Wout", "Lien", "Pieter", "Elke", "Jens", "Ann"],
    vat: (rng: Rng) => `BE0${rng.digits(9)}`,
    phone: (rng: Rng) => `+32 ${rng.int(2, 9)} ${rng.digits(3)} ${rng.digits(2)} ${rng.digits(2)}`,
  },
  DE: {
    weight: 20,
    places: [
      { city: "Düsseldorf", postal: plainPostal(40210, 500) },
      { city: "Köln", postal: plainPostal(50667, 200) },
      { city: "Münster", postal: plainPostal(48143, 100) },
      { city: "Aachen", postal: plainPostal(52062, 60) },
      { city: "Oldenburg", postal: plainPostal(26122, 20) },
      { city: "Kleve", postal: plainPostal(47533, 0) },
      { city: "Osnabrück", postal: plainPostal(49074, 50) },
    ] as Place[],
    streets: ["Industriestraße", "Hauptstraße", "Bahnhofstraße", "Gewerbestraße", "Am Hafen"],
    names: [
      "Wohnwagen {surname} GmbH",
      "Camping-Center {city}",
      "Freizeitmobile {surname} GmbH",
      "Reisemobil-Technik {surname}",
    ],
    surnames: ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann", "Schulz"],
    firstNames: ["Jonas", "Lena", "Lukas", "Anna", "Felix", "Mia"],
    vat: (rng: Rng) => `DE${rng.digits(9)}`,
    phone: (rng: Rng) => `+49 ${rng.int(201, 999)} ${rng.digits(7)}`,
  },
} as const;

const DISCOUNT_GROUPS = [0, 0.05, 0.1, 0.15, 0.2, 0.25] as const;

function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function generated(seed: string, number: number): CompanyRecord {
  const rng = Rng.for(seed, "company", number);
  const cc = rng.weighted<keyof typeof COUNTRIES>([
    ["NL", COUNTRIES.NL.weight],
    ["BE", COUNTRIES.BE.weight],
    ["DE", COUNTRIES.DE.weight],
  ]);
  const country = COUNTRIES[cc];
  const place = rng.pick(country.places);
  const surname = rng.pick(country.surnames);
  const name = rng
    .pick(country.names)
    .replace(
      "{surname}",
      surname.replace(/^./, (c) => c.toUpperCase()),
    )
    .replace("{city}", place.city);
  const staff = Array.from(
    { length: rng.int(1, 3) },
    () => `${rng.pick(country.firstNames)} ${rng.pick(country.surnames)}`,
  );
  return {
    json: {
      code: `EA${String(number).padStart(5, "0")}`,
      name,
      address: {
        street: rng.pick(country.streets),
        number: String(rng.int(1, 240)),
        number_suffix: rng.chance(0.2) ? rng.pick(["A", "B", "C", "bis", "2"]) : null,
        default: true,
        postal_code: place.postal(rng),
        city: place.city,
        cc,
        country: cc,
        email_shipping: `${rng.pick(["verzending", "orders", "logistiek", "inkoop"])}@${slug(name)}.example`,
      },
    },
    vatNumber: country.vat(rng),
    phone: country.phone(rng),
    discount: rng.pick(DISCOUNT_GROUPS),
    staff,
  };
}

/** 46 companies: the three fixed ones, then EA00003..EA00045. */
export function buildCompanies(seed: string): CompanyRecord[] {
  const companies = FIXED.map((company) => structuredClone(company));
  for (let number = 3; number <= 45; number++) companies.push(generated(seed, number));
  return companies.sort((a, b) => a.json.code.localeCompare(b.json.code));
}

export interface PersonAddress {
  firstName: string;
  lastName: string;
  street: string;
  number: string;
  suffix: string | null;
  postalCode: string;
  city: string;
  cc: string;
  phone: string;
}

/** A private person's address in `cc` (NL, BE or DE), for drop-ship orders. */
export function consumerAddress(rng: Rng, cc: string): PersonAddress {
  const country = cc === "BE" || cc === "DE" ? COUNTRIES[cc] : COUNTRIES.NL;
  const place = rng.pick(country.places);
  return {
    firstName: rng.pick(country.firstNames),
    lastName: rng.pick(country.surnames).replace(/^./, (c) => c.toUpperCase()),
    street: rng.pick(country.streets),
    number: String(rng.int(1, 180)),
    suffix: rng.chance(0.15) ? rng.pick(["A", "B", "1", "II"]) : null,
    postalCode: place.postal(rng),
    city: place.city,
    cc: country === COUNTRIES.NL ? "NL" : cc,
    phone: country.phone(rng).replace(/^\+31 \d{2}/, "+31 6"),
  };
}
