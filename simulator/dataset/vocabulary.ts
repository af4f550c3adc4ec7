/**
 * Words products are made of: invented brands (no real ones), qualifiers and
 * customs data per root category, attributes and description sentences.
 */

export const BRANDS = [
  "Cuvano",
  "Voltrek",
  "Aquelio",
  "Nautarra",
  "Kampvaart",
  "Sanivo",
  "Thermaris",
  "Lumiqo",
  "Polarvik",
  "Stoerwind",
  "Duravex",
  "Marivolt",
  "Trekzon",
  "Rovanta",
  "Hollwerk",
  "Zeelicht",
  "Veldhaven",
  "Orvisto",
] as const;

interface RootVocabulary {
  qualifiers: readonly string[];
  customs: { code: string; label: string };
  /** An extra description sentence, Dutch and English. */
  feature: readonly [string, string];
}

const ROOTS: Record<string, RootVocabulary> = {
  Electricity: {
    qualifiers: ["12V", "24V", "230V", "16A", "IP67", "zwart", "grijs", "compact", "set"],
    customs: { code: "85444290", label: "Electric conductors" },
    feature: ["Geschikt voor 12V- en 230V-installaties.", "Suitable for 12V and 230V installations."],
  },
  Lighting: {
    qualifiers: ["12V", "LED", "warm wit", "koud wit", "dimbaar", "zwart", "wit", "RVS"],
    customs: { code: "94054900", label: "Luminaires" },
    feature: ["Zuinig en vrijwel onderhoudsvrij.", "Energy-efficient and virtually maintenance-free."],
  },
  Water: {
    qualifiers: ["12V", "wit", "grijs", "zwart", "RVS", "compact"],
    customs: { code: "84137035", label: "Pumps for liquids" },
    feature: ["Geschikt voor drinkwater.", "Suitable for drinking water."],
  },
  Gas: {
    qualifiers: ["30 mbar", "50 mbar", "RVS", "messing"],
    customs: { code: "84818099", label: "Valves and taps" },
    feature: ["Volgens EN 16129.", "Compliant with EN 16129."],
  },
  Sanitary: {
    qualifiers: ["wit", "grijs", "zwart", "compact"],
    customs: { code: "39229000", label: "Sanitary ware of plastics" },
    feature: ["Makkelijk schoon te houden.", "Easy to keep clean."],
  },
  Kitchen: {
    qualifiers: ["RVS", "zwart", "wit", "antraciet", "compact"],
    customs: { code: "73211190", label: "Cooking appliances" },
    feature: ["Compact formaat voor de campingkeuken.", "Compact size for the camper kitchen."],
  },
  Climate: {
    qualifiers: ["12V", "230V", "wit", "zwart", "compact"],
    customs: { code: "73218100", label: "Space heaters" },
    feature: ["Stil en zuinig in gebruik.", "Quiet and economical in use."],
  },
  WindowsDoors: {
    qualifiers: ["wit", "grijs", "links", "rechts", "RAL 9016", "antraciet"],
    customs: { code: "39252000", label: "Doors and windows of plastics" },
    feature: ["Dubbelwandig acrylglas.", "Double-glazed acrylic."],
  },
  Chassis: {
    qualifiers: ["verzinkt", "zwart", "set van 2", "RVS"],
    customs: { code: "87169090", label: "Parts of trailers" },
    feature: ["Gecertificeerd volgens ECE R55.", "Certified to ECE R55."],
  },
  Awnings: {
    qualifiers: ["antraciet", "grijs", "blauw", "beige"],
    customs: { code: "63062900", label: "Tents and awnings" },
    feature: ["Waterdicht en UV-bestendig.", "Waterproof and UV-resistant."],
  },
  Camping: {
    qualifiers: ["antraciet", "blauw", "groen", "opvouwbaar", "XL", "compact"],
    customs: { code: "94017100", label: "Camping goods" },
    feature: ["Licht van gewicht en compact op te bergen.", "Lightweight and packs away small."],
  },
  Marine: {
    qualifiers: ["RVS", "wit", "blauw", "zwart", "compact"],
    customs: { code: "73158900", label: "Marine hardware" },
    feature: ["Zeewaterbestendig.", "Saltwater-resistant."],
  },
  Cleaning: {
    qualifiers: ["500 ml", "1 l", "voordeelverpakking", "navulling", "wit", "grijs"],
    customs: { code: "34052000", label: "Polishes and creams" },
    feature: ["Biologisch afbreekbaar.", "Biodegradable."],
  },
  Multimedia: {
    qualifiers: ["12V", "Full HD", "zwart", "compact", "wit"],
    customs: { code: "85287220", label: "Television receivers" },
    feature: ["Werkt op 12V en 230V.", "Runs on 12V and 230V."],
  },
  Security: {
    qualifiers: ["zwart", "12V", "set van 2", "RVS", "compact"],
    customs: { code: "85311030", label: "Burglar and fire alarms" },
    feature: ["Getest en goedgekeurd.", "Tested and approved."],
  },
  SpareParts: {
    qualifiers: ["set", "wit", "zwart", "links", "rechts", "origineel"],
    customs: { code: "84819000", label: "Parts of appliances" },
    feature: ["Origineel vervangingsonderdeel.", "Original replacement part."],
  },
};

export function rootVocabulary(rootCode: string): RootVocabulary {
  const vocabulary = ROOTS[rootCode];
  if (!vocabulary) throw new Error(`No vocabulary for root category ${rootCode}`);
  return vocabulary;
}

export const ORIGINS = ["NL", "NL", "DE", "DE", "CN", "IT", "PL", "SE", "ES", "TW", "CZ", "BE"] as const;

export interface AttributeKind {
  code: string;
  code_new: string;
  title: string;
  values: readonly string[];
}

export const ATTRIBUTES: readonly AttributeKind[] = [
  {
    code: "color",
    code_new: "Color2",
    title: "Kleur",
    values: ["Wit", "Zwart", "Grijs", "Antraciet", "RVS", "Chroom", "Zilver"],
  },
  {
    code: "material",
    code_new: "Material",
    title: "Materiaal",
    values: ["Kunststof", "RVS", "Aluminium", "Messing", "ABS", "Polyester"],
  },
  { code: "voltage", code_new: "Voltage2", title: "Spanning", values: ["12V", "24V", "230V", "12/24V"] },
  { code: "warranty", code_new: "Warranty", title: "Garantie", values: ["1 jaar", "2 jaar", "3 jaar", "5 jaar"] },
  {
    code: "weight",
    code_new: "WeightKg",
    title: "Gewicht",
    values: ["0,2 kg", "0,45 kg", "1,2 kg", "3,5 kg", "8 kg", "17 kg"],
  },
  {
    code: "dimensions",
    code_new: "DimensionsMm",
    title: "Afmetingen",
    values: ["120 x 80 x 40 mm", "310 x 210 x 85 mm", "500 x 400 x 120 mm"],
  },
];

/** Description templates; {noun}, {brand}, {model}, {qualifier} are filled in. */
export const DESCRIPTIONS = {
  nl: [
    "{noun} van {brand} voor caravan, camper en boot.",
    "Robuuste {noun} van {brand}, ontwikkeld voor intensief gebruik onderweg.",
    "De {brand} {model} is een {noun} in de uitvoering {qualifier}.",
  ],
  en: [
    "{noun} by {brand} for caravans, motorhomes and boats.",
    "A sturdy {noun} from {brand}, built for heavy use on the road.",
    "The {brand} {model} is a {noun}, version {qualifier}.",
  ],
  extra: {
    nl: ["Eenvoudig te monteren.", "Levering zonder montagemateriaal.", "Inclusief handleiding in het Nederlands."],
    en: ["Easy to install.", "Supplied without mounting hardware.", "Includes an English manual."],
  },
} as const;
