/**
 * The B2B category tree: 16 roots, three levels, ids "20001"..., codes built
 * from the path ("Electricity-Cables-Power"). Leaves carry the product nouns
 * (Dutch and English) that titles are made of, and a VAT rate (9 % marked "@9").
 */
import type { Media } from "../media.js";
import { mediaItem } from "../media.js";
import { Rng } from "./rng.js";

// <indent><segment> | <title> [| dutch noun; ... [/ english noun; ...]] [@9]   (two spaces per level)
const TREE = `
Electricity | Electricity
  Cables | Cables & connectors
    Power | Power cables | Verlengkabel; CEE-kabel; Kabelhaspel / Power cable
    Connectors | Connectors | CEE-stekker; Kabelschoen; Adapterstekker / Connector
    Wire | Installation wire | Installatiedraad; Accukabel / Twin cable
  Batteries | Batteries
    Leisure | Leisure batteries | Semi-tractiebatterij; AGM-accu / Gel battery
    Lithium | Lithium batteries | Lithium-accu / LiFePO4 battery
    Chargers | Battery chargers | Acculader; Druppellader / Battery charger
    Monitors | Battery monitors | Accumonitor / Battery monitor; Shunt
  Solar | Solar power
    Panels | Solar panels | Zonnepaneel; Flexibel zonnepaneel / Solar panel
    Controllers | Charge controllers | Laadregelaar; PWM-regelaar / MPPT controller
    Mounting | Mounting kits | Montageset; Spoilerset; Kabeldoorvoer
  Converters | Converters
    Inverters | Inverters | Omvormer; Sinus-omvormer / Inverter
    Combi | Inverter chargers | Omvormer-lader / Combi inverter charger
    Dcdc | DC-DC chargers | DC-DC lader; Spanningsomvormer / Booster
  Protection | Fuses & protection
    Fuses | Fuses | Steekzekering; Zekering / Midi fuse
    Holders | Fuse holders | Zekeringhouder; Zekeringkast
    Breakers | Circuit breakers | Automaat; Aardlekschakelaar / Circuit breaker
  Switches | Switches & sockets
    Switches | Switches | Schakelaar; Tuimelschakelaar / Rocker switch
    Sockets | Sockets | Wandcontactdoos; 12V-contactdoos / Socket
    Usb | USB outlets | USB-lader; Dubbele USB-aansluiting / USB-C socket
  Panels | Control panels | Bedieningspaneel; Control panel; Tankniveaumeter
Lighting | Lighting
  Interior | Interior lighting
    Ceiling | Ceiling lights | Plafondlamp; LED-plafonnière / Ceiling light
    Reading | Reading lights | Leeslamp; Spot / Reading light
    Strips | LED strips | LED-strip; Lichtlijst / LED strip
  Exterior | Exterior lighting
    Awning | Awning lights | Luifellamp; Awning light; Tentlamp
    Marker | Marker lights | Zijmarkeringslicht; Breedtelicht / Marker light
    Rear | Rear lights | Achterlicht; Remlicht / Rear lamp
  Bulbs | Bulbs
    Led | LED bulbs | LED-lamp; G4 LED-lamp / BA15s LED bulb
    Halogen | Halogen bulbs | Halogeenlamp; Gloeilamp / Halogen bulb
  Portable | Portable lights | Zaklamp; Campinglamp; Lantaarn; Hoofdlamp
Water | Water
  Pumps | Water pumps
    Submersible | Submersible pumps | Dompelpomp / Submersible pump
    Pressure | Pressure pumps | Drukpomp; Membraanpomp / Pressure pump
    Accessories | Pump accessories | Drukschakelaar; Pompfilter; Expansievat
  Tanks | Water tanks
    Fresh | Fresh water tanks | Drinkwatertank; Fresh water tank / Jerrycan
    Waste | Waste water tanks | Afvalwatertank; Vuilwatertank; Rolltank
    Sensors | Tank sensors | Tanksensor; Niveausensor
  Taps | Taps & mixers
    Kitchen | Kitchen taps | Keukenkraan; Mengkraan / Kitchen tap
    Bathroom | Bathroom taps | Wastafelkraan; Douchemengkraan / Basin tap
  Hoses | Hoses & fittings
    Hoses | Hoses | Waterslang; Drinkwaterslang / Hose
    Couplings | Couplings | Snelkoppeling; T-stuk; Knie
    Clamps | Clamps | Slangklem / Hose clamp
  Filters | Water filters | Waterfilter; Filterpatroon / Water filter
  Heaters | Water heaters | Boiler; Waterverwarmer / Water heater
Gas | Gas
  Regulators | Regulators | Gasdrukregelaar; Omschakelautomaat / Regulator
  Hoses | Gas hoses | Gasslang; Hogedrukslang / Gas hose
  Detectors | Gas detectors | Gasmelder / Gas alarm
  Bottles | Bottles & adapters
    Adapters | Bottle adapters | Flesadapter; Vulstuk / Bottle adapter
    Gauges | Level gauges | Gasniveaumeter / Gas level indicator
    Holders | Bottle holders | Flessenhouder; Spanband
  Valves | Valves | Gaskraan; Terugslagklep / Gas valve
Sanitary | Sanitary
  Toilets | Toilets
    Cassette | Cassette toilets | Cassettetoilet / Cassette toilet
    Portable | Portable toilets | Draagbaar toilet / Portable toilet
    Seats | Toilet seats | Toiletbril / Toilet seat
  Additives | Toilet additives
    Liquids | Toilet liquids | Toiletvloeistof; Sanitair additief / Toilet fluid
    Tablets | Toilet tablets | Toilettabs / Toilet tablets
    Paper | Toilet paper | Toiletpapier; Oplosbaar toiletpapier
  Showers | Showers
    Heads | Shower heads | Douchekop; Handdouche / Shower head
    Trays | Shower trays | Douchebak / Shower tray
    Curtains | Shower curtains | Douchegordijn / Shower curtain
  Basins | Washbasins | Wasbak; Vouwwasbak / Washbasin
Kitchen | Kitchen
  Cooking | Cooking
    Hobs | Hobs | Kookplaat; Gaskookplaat / Hob
    Ovens | Ovens | Oven; Gasoven / Combi-oven
    Combi | Hob-sink combinations | Kook-spoelcombinatie / Hob sink combination
  Refrigeration | Refrigeration
    Compressor | Compressor fridges | Compressorkoelkast / Compressor fridge
    Absorption | Absorption fridges | Absorptiekoelkast / Absorption fridge
    Coolboxes | Cool boxes | Koelbox; Thermo-elektrische koelbox / Cool box
  Sinks | Sinks | Spoelbak; Inbouwspoelbak / Sink
  Tableware | Tableware
    Dishes | Dishes | Servies; Bordenset / Melamine plate set
    Cutlery | Cutlery | Bestekset / Cutlery set
    Glasses | Glasses | Wijnglas; Drinkbeker / Tumbler
  Extractors | Extractor hoods | Afzuigkap / Range hood
Climate | Climate
  Heating | Heating
    Gas | Gas heaters | Gaskachel; Heteluchtkachel / Gas heater
    Diesel | Diesel heaters | Dieselkachel; Standkachel / Diesel heater
    Electric | Electric heaters | Elektrische kachel; Keramische kachel / Fan heater
    Ducting | Heating ducts | Verwarmingsbuis; Luchtrooster / Warm air duct
  Aircon | Air conditioning
    Roof | Roof air conditioners | Dakairco / Roof air conditioner
    Underbench | Under-bench air conditioners | Onderbank-airco / Under-bench air conditioner
  Ventilation | Ventilation
    Vents | Roof vents | Dakventilator; Ventilatierooster / Roof vent
    Fans | Fans | Ventilator; 12V-ventilator / Fan
  Insulation | Insulation | Isolatiemat; Raamisolatie / Insulation mat
WindowsDoors | Windows & doors
  Windows | Windows
    Hinged | Hinged windows | Uitzetraam / Hinged window
    Sliding | Sliding windows | Schuifraam / Sliding window
    Frames | Window frames | Raamframe / Window frame
  Rooflights | Roof lights | Dakluik; Panorama-dakluik / Rooflight
  Doors | Doors
    Entrance | Entrance doors | Opbouwdeur / Entrance door
    Locks | Door locks | Deurslot; Cilinderslot / Door lock
    Hinges | Hinges | Scharnier; Pianoscharnier / Hinge
    Hatches | Service hatches | Serviceluik / Service hatch
  Blinds | Blinds & screens
    Roller | Roller blinds | Rolgordijn; Verduisteringsrolgordijn / Roller blind
    Flyscreens | Fly screens | Hor; Horgordijn / Fly screen
    Pleated | Pleated blinds | Plisségordijn / Pleated blind
Chassis | Chassis & towing
  Supports | Supports
    Steadies | Corner steadies | Uitdraaisteun / Corner steady
    Jacks | Jacks | Krik; Hydraulische krik / Jack
  Levelling | Levelling | Oprijblok; Waterpas / Levelling ramp
  Towing | Towing
    Towballs | Tow balls | Trekhaak; Kogelkop / Tow ball
    Couplings | Couplings | Koppeling; Stabilisatiekoppeling / Stabiliser coupling
    Mirrors | Tow mirrors | Caravanspiegel / Towing mirror
    Wiring | Tow wiring | Kabelset; 13-polige stekker / Tow bar wiring
  Wheels | Wheels & tyres
    Locks | Wheel locks | Wielklem / Wheel lock
    Pressure | Tyre pressure | Bandenspanningsmeter / TPMS sensor
    Spare | Spare wheels | Reservewiel; Reservewielhouder / Spare wheel
  Movers | Movers | Mover; Accupack / Caravan mover
Awnings | Awnings & tents
  Awnings | Awnings
    Wall | Wall awnings | Cassetteluifel / Wall awning
    Roof | Roof awnings | Dakluifel / Roof awning
  Accessories | Awning accessories
    Pegs | Pegs | Haringen; Rotsharingen / Tent pegs
    Tiedown | Tie-down kits | Stormband / Tie-down kit
    Rails | Awning rails | Luifelrail / Keder rail
    Sides | Side panels | Zijwand; Voorwand / Side panel
  Tents | Tents
    Driveaway | Drive-away awnings | Bustent / Drive-away awning
    Groundsheets | Groundsheets | Tenttapijt; Grondzeil / Groundsheet
    Porch | Porch awnings | Voortent / Porch awning
Camping | Camping
  Furniture | Furniture
    Chairs | Chairs | Campingstoel; Relaxstoel / Camping chair
    Tables | Tables | Campingtafel; Klaptafel / Folding table
    Beds | Beds | Veldbed / Camp bed
  Cooking | Outdoor cooking
    Stoves | Camping stoves | Kooktoestel; Campingbrander / Camping stove
    Bbq | Barbecues | Barbecue; Gasbarbecue / Grill
    Cartridges | Gas cartridges | Gascartouche / Gas cartridge
  Sleeping | Sleeping
    Bags | Sleeping bags | Slaapzak; Dekenslaapzak / Sleeping bag
    Mattresses | Air mattresses | Luchtbed; Zelfopblazende mat / Air mattress
  Storage | Storage
    Boxes | Storage boxes | Opbergbox; Vouwkrat / Storage box
    Bikeracks | Bike racks | Fietsendrager / Bike rack
    Roofboxes | Roof boxes | Dakkoffer / Roof box
  Food | Food & drinks
    Meals | Outdoor meals | Vriesdroogmaaltijd / Outdoor meal @9
    Drinks | Drinks | Koffiepads; Oploskoffie / Instant coffee @9
  Guides | Guides & maps
    Books | Camping guides | Campinggids / Camping guide @9
    Maps | Maps | Wegenkaart; Fietskaart / Road map @9
Marine | Marine
  Deck | Deck hardware
    Cleats | Cleats | Kikker; Bolder / Cleat
    Fenders | Fenders | Stootwil / Fender
    Lines | Mooring lines | Meerlijn; Landvast / Mooring line
    Anchors | Anchors | Anker; Ankerlijn / Anchor
  Navigation | Navigation
    Lights | Navigation lights | Navigatielicht; Toplicht / Navigation light
    Compasses | Compasses | Kompas / Compass
    Instruments | Instruments | Dieptemeter; Snelheidsmeter / Depth sounder
  Safety | Safety
    Lifejackets | Life jackets | Reddingsvest; Zwemvest / Life jacket
    Buoys | Lifebuoys | Reddingsboei / Lifebuoy
  Bilge | Bilge pumps | Bilgepomp; Handlenspomp / Bilge pump
  Outboard | Outboard accessories
    Tanks | Fuel tanks | Brandstoftank / Fuel tank
    Propellers | Propellers | Schroef / Propeller
    Brackets | Motor brackets | Motorsteun / Outboard bracket
Cleaning | Cleaning & care
  Exterior | Exterior care
    Cleaners | Exterior cleaners | Caravanreiniger; Zwarte-strepenverwijderaar / Exterior cleaner
    Polish | Polishes & wax | Polijstmiddel; Poetswas / Polish
    Acrylic | Acrylic glass care | Acrylglasreiniger; Krasverwijderaar / Acrylic cleaner
  Interior | Interior care
    Cleaners | Interior cleaners | Interieurreiniger; Allesreiniger / Interior cleaner
    Textile | Textile care | Textielreiniger; Impregneermiddel / Fabric protector
  Sealing | Sealants & tapes
    Sealants | Sealants | Afdichtkit; Montagekit / Sealant
    Tapes | Tapes | Butylband; Afdichtingstape / Sealing tape
  Watercare | Water care | Waterconservering; Tankreiniger / Water treatment
Multimedia | Multimedia
  Tv | Televisions
    Screens | TVs | LED-tv; 12V-televisie / Smart TV
    Brackets | TV brackets | Tv-beugel / TV bracket
  Reception | Reception
    Satellite | Satellite systems | Schotelantenne; Satellietsysteem / Satellite dish
    Terrestrial | Terrestrial antennas | DVB-T-antenne; Omni-antenne / TV antenna
    Mobile | Wifi & 4G | 4G-router; Wifi-versterker / LTE antenna
  Audio | Audio
    Radios | Radios | Radio; DAB+-radio / Car radio
    Speakers | Speakers | Inbouwspeaker / Speaker
  Cameras | Reversing cameras | Achteruitrijcamera / Reversing camera; Camera monitor
Security | Safety & security
  Alarms | Alarm systems | Alarmsysteem; Bewegingsmelder / Alarm system
  Locks | Locks
    Safes | Safes | Kluis / Safe
    Doors | Extra door locks | Extra deurslot / Door guard
    Hitch | Hitch locks | Disselslot / Hitch lock
  Detectors | Smoke & CO detectors | Rookmelder; Koolmonoxidemelder / Smoke alarm
  Firstaid | First aid | EHBO-kit; Verbandtrommel / First aid kit
  Fire | Fire safety | Brandblusser; Blusdeken / Fire extinguisher
  Tracking | Trackers | GPS-tracker / Tracker
SpareParts | Spare parts
  Fridge | Fridge parts | Thermokoppel; Deurscharnier koelkast / Fridge door catch
  Heater | Heater parts | Ontstekingselektrode; Thermostaat / Heater fan
  Toilet | Toilet parts | Afsluiterschuif; Cassettepakking / Toilet seal
  Window | Window parts | Raamuitzetter; Raamrubber / Window stay
  Hob | Hob parts | Pitdeksel; Bedieningsknop / Burner cap
  Pump | Pump parts | Pompmembraan; Pompkop / Pump switch
  Lock | Lock parts | Slotcilinder; Sleutelset / Lock barrel
  Awning | Awning parts | Luifelarm; Eindkap / Awning arm
`;

function words(list: string): string[] {
  return list
    .split(";")
    .map((word) => word.trim())
    .filter(Boolean);
}

export interface CategoryJson {
  id: string;
  code: string;
  title: string;
  level: number;
  path: string;
  path_new: string;
  is_group: boolean;
  media: Media[];
  children: CategoryJson[];
}

export class CategoryNode {
  readonly id: string;
  readonly code: string;
  readonly level: number;
  /** The level-1 ancestor (the node itself for a root). */
  readonly root: CategoryNode;
  readonly children: CategoryNode[] = [];
  /** Comma-separated ids and codes from the root down to this node. */
  readonly path: string;
  readonly pathNew: string;
  media: Media[] = [];
  /** Position in `CategoryTree.leaves`, leaves only. */
  leafIndex = -1;

  constructor(
    readonly index: number,
    segment: string,
    readonly title: string,
    readonly parent: CategoryNode | undefined,
    /** Product nouns by language, leaves only. */
    readonly nouns: { nl: string[]; en: string[] },
    readonly vatRate: 21 | 9,
  ) {
    this.id = String(20001 + index);
    this.code = parent ? `${parent.code}-${segment}` : segment;
    this.level = parent ? parent.level + 1 : 1;
    this.root = parent ? parent.root : this;
    this.path = parent ? `${parent.path},${this.id}` : this.id;
    this.pathNew = parent ? `${parent.pathNew},${this.code}` : this.code;
  }
}

export class CategoryTree {
  readonly nodes: CategoryNode[] = [];
  readonly roots: CategoryNode[] = [];
  readonly leaves: CategoryNode[] = [];
  private readonly byKey = new Map<string, CategoryNode>();
  private readonly treeJson = new Map<CategoryNode, CategoryJson>();
  private readonly leafJson = new Map<CategoryNode, CategoryJson>();

  constructor(seed: string) {
    const stack: CategoryNode[] = [];
    for (const line of TREE.split("\n")) {
      if (!line.trim()) continue;
      const depth = (line.length - line.trimStart().length) / 2;
      const [segment = "", title = "", nounList] = line
        .trim()
        .replace(/\s*@9$/, "")
        .split("|")
        .map((part) => part.trim());
      stack.length = depth;
      const parent = stack[depth - 1];
      const [dutch = "", english = ""] = (nounList ?? "").split("/");
      const nouns = { nl: words(dutch), en: words(english) };
      const node = new CategoryNode(
        this.nodes.length,
        segment,
        title,
        parent,
        nouns,
        line.trimEnd().endsWith("@9") ? 9 : 21,
      );
      const rng = Rng.for(seed, "category", node.code);
      // Roots and groups always have an icon; a third of the leaves have none.
      if (!nounList || rng.chance(0.67)) node.media = [mediaItem(rng.hex(32), "svg", 1)];
      parent?.children.push(node);
      if (!parent) this.roots.push(node);
      this.nodes.push(node);
      this.byKey.set(node.code.toLowerCase(), node);
      this.byKey.set(node.id, node);
      stack[depth] = node;
    }
    for (const node of this.nodes) {
      if (node.children.length === 0) {
        if (node.nouns.nl.length === 0) throw new Error(`Category ${node.code} is a leaf without nouns`);
        node.leafIndex = this.leaves.length;
        this.leaves.push(node);
      }
    }
  }

  /** By code (case-insensitive) or numeric id. */
  find(key: string): CategoryNode | undefined {
    return this.byKey.get(key.toLowerCase());
  }

  /** The category with its whole subtree nested in `children`. */
  toJson(node: CategoryNode): CategoryJson {
    let json = this.treeJson.get(node);
    if (!json) {
      json = { ...this.flat(node), children: node.children.map((child) => this.toJson(child)) };
      this.treeJson.set(node, json);
    }
    return json;
  }

  /** The category as products embed it: no children. */
  toLeafJson(node: CategoryNode): CategoryJson {
    let json = this.leafJson.get(node);
    if (!json) {
      json = { ...this.flat(node), children: [] };
      this.leafJson.set(node, json);
    }
    return json;
  }

  /** For each leaf (by leafIndex), 1 if it is `node` or below it. */
  leafMask(node: CategoryNode): Uint8Array {
    const mask = new Uint8Array(this.leaves.length);
    const visit = (n: CategoryNode): void => {
      if (n.leafIndex >= 0) mask[n.leafIndex] = 1;
      n.children.forEach(visit);
    };
    visit(node);
    return mask;
  }

  private flat(node: CategoryNode): Omit<CategoryJson, "children"> {
    return {
      id: node.id,
      code: node.code,
      title: node.title,
      level: node.level,
      path: node.path,
      path_new: node.pathNew,
      is_group: node.children.length > 0,
      media: node.media,
    };
  }
}
