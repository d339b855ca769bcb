import { COST_ALIASES, GRADE_ALIASES } from "./gradesColumns";
/**
 * The workbook contract (DESIGN.md, v1 and v2) as data, and the officer's own mapping onto it.
 *
 * Aliases are per sheet on purpose: "Budget" is a driver on Instruments but the amount on
 * Budget, and "Instrument" is the code on Instruments but a reference on Baseline.
 */

/** The input sheets of the contract, in the order they are read. */
export type ContractSheetName =
  | "Settings"
  | "Instruments"
  | "Grades"
  | "Posts"
  | "Budget"
  | "Rules"
  | "Support"
  | "Baseline"
  | "Parties"
  | "Scales";

/** One column of a contract sheet. */
export interface ContractField {
  /** Canonical name ("PostId"); problems name the field by it. */
  name: string;
  /** Other header texts accepted for it, matched with normalizeName. */
  aliases: readonly string[];
  /** The header row must hold this column (the first row holding every required column is the header). */
  required: boolean;
  /** The column may be left out when the sheet has one column per year instead (Grades Cost, Budget Amount). */
  yearsInstead?: boolean;
  /** What the column holds, in a few words for the task pane. */
  description: string;
}

/** One key of the Settings sheet's Key/Value rows. */
export interface SettingKey {
  /** Canonical key ("PSC"), as DESIGN.md names it. */
  name: string;
  /** The Settings property it sets. */
  property:
    | "currency"
    | "firstYear"
    | "years"
    | "escalation"
    | "psc"
    | "rounding"
    | "supportMethod"
    | "documentSymbol"
    | "status"
    | "annexTitle"
    | "annexStart"
    | "language"
    | "scenarios"
    | "scenario";
  aliases: readonly string[];
  /**
   * Words that make an unknown key look like this setting ("Overhead" for PSC): such a key with a
   * value is a problem naming this setting, not an ignored row. The name counts as one already.
   */
  words?: readonly string[];
  description: string;
}

/** One sheet of the contract. */
export interface ContractSheet {
  name: ContractSheetName;
  /** A workbook without this sheet cannot be read (Rules: unless every post carries its own split). */
  required: boolean;
  /** Other sheet or table names accepted for it (a "tbl" prefix is always accepted too). */
  aliases: readonly string[];
  /** The column whose cell identifies a row (a "Total" there marks a totals row). */
  key: string;
  fields: readonly ContractField[];
  /** Settings only: the keys of its Key/Value rows. */
  keys?: readonly SettingKey[];
  /** Posts, Budget, Grades, Baseline, Scales: a header that is a year ("2016", "Cost 2016") is a per-year amount. */
  yearColumns: boolean;
  description: string;
}

/** The officer's choice for one contract sheet, saved in the workbook as JSON by the task pane. */
export interface SheetMapping {
  /** The actual sheet or table name to read for this contract sheet. */
  source?: string;
  /** Canonical field name → the actual header text of the column to read for it. */
  columns?: Partial<Record<string, string>>;
}

/** Officer-chosen overrides of the contract; a mapping wins over the names and aliases found. */
export type InputMapping = Partial<Record<ContractSheetName, SheetMapping>>;

const UNIT_ALIASES = ["Service", "Common service", "Team", "Section", "Organizational unit", "Org unit"];
const YEAR_NOTE = "or one column per year";

/** The optional column of Posts, Budget, Rules and Support that holds a row to some options only. */
const SCENARIO_FIELD: ContractField = {
  name: "Scenario",
  aliases: ["Option", "Options", "Scenarios"],
  required: false,
  description: "The options the row holds in, e.g. 'Pilot; Joint secretariat' (blank = every option)",
};

/** Every contract sheet with its fields, aliases and requirements; the task pane lists it to the officer. */
export const CONTRACT: readonly ContractSheet[] = [
  {
    name: "Settings",
    required: false,
    aliases: ["Parameters", "Assumptions", "Setting"],
    key: "Key",
    yearColumns: false,
    description: "Key/Value rows: currency, years, escalation, PSC, rounding, support method, annex.",
    fields: [
      {
        name: "Key",
        aliases: ["Setting", "Parameter", "Name", "Item"],
        required: true,
        description: "The setting's name",
      },
      { name: "Value", aliases: ["Setting value", "Amount"], required: true, description: "Its value" },
    ],
    keys: [
      {
        name: "Currency",
        property: "currency",
        aliases: ["Currency code", "Reporting currency", "Budget currency"],
        words: ["Currency"],
        description: "ISO code, e.g. EUR",
      },
      {
        name: "FirstYear",
        property: "firstYear",
        aliases: [
          "First year",
          "Start year",
          "First budget year",
          "Starting year",
          "Budget start year",
          "First year of the period",
        ],
        words: ["Start year", "Base year", "Beginning year", "Year"],
        description: "First budget year, e.g. 2015",
      },
      {
        name: "Years",
        property: "years",
        aliases: [
          "Number of years",
          "No. of years",
          "Period",
          "Period length",
          "Length of period",
          "Years in period",
          "Duration",
        ],
        words: ["Years", "Period", "Duration"],
        description: "Years in the period (a triennium = 3)",
      },
      {
        name: "Escalation",
        property: "escalation",
        aliases: [
          "Annual escalation",
          "Escalation rate",
          "Annual escalation rate",
          "Cost escalation",
          "Inflation",
          "Inflation rate",
        ],
        words: ["Escalation", "Inflation", "Increase", "Indexation"],
        description: "Annual cost increase, e.g. 2%",
      },
      {
        name: "PSC",
        property: "psc",
        aliases: [
          "Programme support costs",
          "Programme support cost",
          "Programme support cost rate",
          "Programme support",
          "Program support costs",
          "Program support cost",
          "Program support cost rate",
          "PSC rate",
        ],
        words: ["Programme support", "Program support", "Support cost", "Overhead"],
        description: "Programme support cost rate, e.g. 13%",
      },
      {
        name: "Rounding",
        property: "rounding",
        aliases: ["Round to", "Rounding unit", "Round", "Rounding to", "Round amounts to"],
        words: ["Round"],
        description: "1 = whole units, 0.01 = cents, 1000 = thousands",
      },
      {
        name: "SupportMethod",
        property: "supportMethod",
        aliases: [
          "Support method",
          "Support allocation",
          "Support allocation method",
          "Support units method",
          "Support unit method",
          "Method for support units",
        ],
        words: ["Step-down", "Reciprocal", "Support unit"],
        description: "reciprocal or step-down",
      },
      {
        name: "DocumentSymbol",
        property: "documentSymbol",
        aliases: ["Document symbol", "Symbol"],
        description: "Annex header, e.g. UNEP/CMS/StC44/Doc.X",
      },
      {
        name: "Status",
        property: "status",
        aliases: ["Run status", "Document status", "Approval status"],
        words: ["Approval", "Approved"],
        description: "Draft, Submitted or Approved, e.g. Approved — UNEP/CMS/StC44/Doc.X",
      },
      {
        name: "AnnexTitle",
        property: "annexTitle",
        aliases: ["Annex title"],
        description: "Title of the annex tables",
      },
      {
        name: "AnnexStart",
        property: "annexStart",
        aliases: ["First annex number", "First annex", "Annex number", "Annex start"],
        description: "Number of the first annex",
      },
      {
        name: "Language",
        property: "language",
        aliases: ["Annex language", "Language of the annex"],
        words: ["Language", "Langue", "Idioma"],
        description: "en, fr or es",
      },
      {
        name: "Scenarios",
        property: "scenarios",
        aliases: ["Options", "List of options", "Options compared", "Scenario list"],
        words: ["Options", "Scenarios"],
        description: "The options compared, in order, e.g. 'Status quo; Pilot; Joint secretariat'",
      },
      {
        name: "Scenario",
        property: "scenario",
        aliases: ["Option", "Chosen option", "Option written", "Option to write", "Chosen scenario"],
        words: ["Option", "Scenario"],
        description: "The option written as Allocation and Annex 1 (the first when blank)",
      },
    ],
  },
  {
    name: "Instruments",
    required: true,
    aliases: ["Instrument", "Instrument list", "Members"],
    key: "Code",
    yearColumns: false,
    description: "One row per instrument; every other numeric column is a driver for rules.",
    fields: [
      {
        name: "Code",
        aliases: ["Instrument", "Acronym", "Abbreviation", "Short name", "Instrument code"],
        required: true,
        description: "Short code used everywhere else (CMS, AEWA, IOSEA)",
      },
      {
        name: "Name",
        aliases: ["Instrument name", "Full name", "Title"],
        required: false,
        description: "Full name (the code when blank)",
      },
      {
        name: "Type",
        aliases: ["Typology", "Instrument type", "Kind"],
        required: false,
        description: "Agreement, MOU, ... (usable as rule participants)",
      },
      {
        name: "Parties",
        aliases: [
          "Number of Parties",
          "Parties/Signatories",
          "Signatories",
          "No. of Parties",
          "Number of Parties/Signatories",
          "Members",
        ],
        required: false,
        description: "Number of Parties or Signatories (a driver)",
      },
      {
        name: "Budget",
        aliases: ["Annual budget", "Core budget", "Budget amount"],
        required: false,
        description: "Annual budget (a driver)",
      },
    ],
  },
  {
    name: "Grades",
    required: false,
    aliases: ["Grade", "Standard costs", "Standard salary costs", "Salary scale", "Salary costs"],
    key: "Grade",
    yearColumns: true,
    description: "UN grades with their annual standard cost.",
    fields: [
      {
        name: "Grade",
        aliases: [...GRADE_ALIASES],
        required: true,
        description: "P4, D1, G5, ...",
      },
      {
        name: "Cost",
        aliases: [...COST_ALIASES],
        required: true,
        yearsInstead: true,
        description: `Annual standard cost, ${YEAR_NOTE}`,
      },
    ],
  },
  {
    name: "Posts",
    required: true,
    aliases: ["Post", "Staffing", "Staffing table", "Staff", "Positions"],
    key: "PostId",
    yearColumns: true,
    description: "One row per post; a column named after an instrument code holds that post's % split.",
    fields: [
      {
        name: "PostId",
        aliases: [
          "Post ID",
          "Post No.",
          "Post number",
          "Position",
          "Position no.",
          "Position number",
          "Post",
        ],
        required: true,
        description: "Unique post number",
      },
      {
        name: "Title",
        aliases: ["Post title", "Functional title", "Position title", "Job title"],
        required: true,
        description: "Functional title",
      },
      {
        name: "Grade",
        aliases: ["Level", "UN grade"],
        required: true,
        description: "Grade (for its standard cost)",
      },
      {
        name: "Unit",
        aliases: UNIT_ALIASES,
        required: true,
        description: "The common service it belongs to",
      },
      {
        name: "FTE",
        aliases: ["Full-time equivalent", "FTE %", "Time", "Share of time", "Work time"],
        required: false,
        description: "Full-time equivalent: 1, 0.5 or 50% (1 when blank); 2 = a line of two posts",
      },
      {
        name: "Cost",
        aliases: ["Annual cost", "Standard cost", "Salary cost", "Post cost", "Annual salary cost"],
        required: false,
        description: "Annual cost (blank = grade cost × FTE)",
      },
      {
        name: "FundedBy",
        aliases: ["Funded by", "Funding source", "Source of funds", "Funded from", "Funding"],
        required: false,
        description: "Code of the instrument whose budget carries the post",
      },
      SCENARIO_FIELD,
    ],
  },
  {
    name: "Budget",
    required: false,
    aliases: ["Budget lines", "Non-staff costs", "Non-staff", "Other costs"],
    key: "Item",
    yearColumns: true,
    description: "Non-staff budget lines of each unit.",
    fields: [
      {
        name: "Item",
        aliases: ["Budget line", "Description", "Line", "Activity", "Object of expenditure"],
        required: true,
        description: "What the line pays for",
      },
      {
        name: "Unit",
        aliases: UNIT_ALIASES,
        required: true,
        description: "The common service it belongs to",
      },
      {
        name: "Category",
        aliases: ["Cost category", "Type", "Budget category"],
        required: true,
        description: "Meetings, Operational, Travel, ...",
      },
      {
        name: "Amount",
        aliases: ["Annual amount", "Budget", "Cost", "Annual cost", "Annual budget"],
        required: true,
        yearsInstead: true,
        description: `Annual amount, ${YEAR_NOTE}`,
      },
      SCENARIO_FIELD,
    ],
  },
  {
    name: "Rules",
    required: true,
    aliases: ["Rule", "Cost-sharing rules", "Sharing rules", "Cost sharing", "Keys"],
    key: "Unit",
    yearColumns: false,
    description: "How each common service is shared (may be left out when every post has its own split).",
    fields: [
      { name: "Unit", aliases: UNIT_ALIASES, required: true, description: "The common service" },
      {
        name: "Method",
        aliases: ["Cost-sharing method", "Allocation method", "Sharing method"],
        required: true,
        description: "fixed, equal, driver, hybrid or posts",
      },
      {
        name: "Basis",
        aliases: ["Key", "Shares", "Driver", "Sharing key", "Formula"],
        required: false,
        description: "'CMS 50%; AEWA 50%', 'Parties', '40% equal + 60% Parties'",
      },
      {
        name: "Participants",
        aliases: ["Instruments", "Shared by", "Sharing instruments", "Who shares"],
        required: false,
        description: "Codes, 'all' or an instrument type (all when blank)",
      },
      {
        name: "Min",
        aliases: ["Minimum", "Floor", "Min share", "Minimum share"],
        required: false,
        description: "Floor on each share, e.g. 1% (not for fixed or posts rules)",
      },
      {
        name: "Max",
        aliases: ["Maximum", "Ceiling", "Cap", "Max share", "Maximum share"],
        required: false,
        description: "Ceiling on each share, e.g. 22% (not for fixed or posts rules)",
      },
      SCENARIO_FIELD,
    ],
  },
  {
    name: "Support",
    required: false,
    aliases: ["Support units", "Support services", "Support shares"],
    key: "Provider",
    yearColumns: false,
    description: "A support unit's effort spent on the other units.",
    fields: [
      {
        name: "Provider",
        aliases: ["Support unit", "From", "Provider unit", "Service provider", "Providing unit"],
        required: true,
        description: "The support unit",
      },
      {
        name: "Receiver",
        aliases: ["To", "Served unit", "Receiving unit", "Client", "Receiver unit"],
        required: true,
        description: "A unit it serves",
      },
      {
        name: "Share",
        aliases: ["Effort", "Share of effort", "Percent", "Percentage", "Proportion"],
        required: true,
        description: "Share of the provider's effort, e.g. 25%",
      },
      SCENARIO_FIELD,
    ],
  },
  {
    name: "Baseline",
    required: false,
    aliases: ["Stand-alone", "Standalone", "Stand-alone costs", "Current costs", "Baseline costs"],
    key: "Instrument",
    yearColumns: true,
    description: "Today's stand-alone costs of each instrument, for Savings.",
    fields: [
      { name: "Instrument", aliases: ["Code", "Acronym"], required: true, description: "Instrument code" },
      {
        name: "Item",
        aliases: ["Description", "Post", "Budget line"],
        required: false,
        description: "What it is",
      },
      {
        name: "Category",
        aliases: ["Cost category", "Type"],
        required: true,
        description: "Staff, Meetings, Operational, ...",
      },
      { name: "Grade", aliases: ["Level"], required: false, description: "Grade of a staff line" },
      {
        name: "FTE",
        aliases: ["Full-time equivalent", "Staff time"],
        required: false,
        description: "Staff time of the line",
      },
      {
        name: "Cost",
        aliases: ["Annual cost", "Amount", "Annual amount", "Standard cost"],
        required: false,
        description: "Annual cost (blank = grade cost × FTE)",
      },
    ],
  },
  {
    name: "Parties",
    required: false,
    aliases: [
      "Party",
      "Party list",
      "Contracting Parties",
      "Member States",
      "UN scale",
      "Scale of assessments",
    ],
    key: "Party",
    yearColumns: false,
    description: "Each instrument's Parties with their UN scale rate, for the scale of contributions.",
    fields: [
      {
        name: "Party",
        aliases: ["Country", "Member", "Member State", "Contracting Party", "Party name", "State"],
        required: true,
        description: "The Party's name (unique within its instrument)",
      },
      {
        name: "Instrument",
        aliases: ["Code", "Instrument code", "Agreement", "Acronym"],
        required: true,
        description: "Code of the instrument it is a Party to",
      },
      {
        name: "UNScale",
        aliases: [
          "UN scale",
          "UN rate",
          "UN scale of assessments",
          "Scale of assessments",
          "UN assessment rate",
          "Assessment rate",
          "UN scale %",
          "UN share",
        ],
        required: true,
        description: "UN scale rate in percent as the UN publishes it (22.000, 0.001)",
      },
      {
        name: "Fixed",
        aliases: ["Fixed share", "Agreed share", "Fixed rate", "Fixed %", "Fixed contribution"],
        required: false,
        description: "An agreed fixed share of the budget, e.g. 2.5%",
      },
    ],
  },
  {
    name: "Scales",
    required: false,
    aliases: ["Scale", "Scale rules", "Scale of contributions", "Contribution rules", "Contributions rules"],
    key: "Instrument",
    yearColumns: true,
    description:
      "Each instrument's rules for its scale: the amount its Parties fund, threshold, floor and ceiling.",
    fields: [
      {
        name: "Instrument",
        aliases: ["Code", "Instrument code", "Agreement", "Acronym"],
        required: true,
        description: "Instrument code",
      },
      {
        name: "Amount",
        aliases: [
          "Amount to be shared",
          "Amount to be shared by Parties",
          "Budget to be shared",
          "Annual amount",
          "Total contributions",
          "Contributions",
        ],
        required: false,
        description: `What its Parties fund each year, ${YEAR_NOTE} (blank = its total with PSC)`,
      },
      {
        name: "Threshold",
        aliases: ["Exemption threshold", "Minimum UN scale", "Minimum rate", "Exempt below", "Lower limit"],
        required: false,
        description: "A Party whose UN scale rate is below it pays nothing (e.g. 0.1, as the UN scale)",
      },
      {
        name: "Floor",
        aliases: ["Minimum contribution", "Minimum", "Min", "Minimum amount"],
        required: false,
        description: "Minimum contribution a year, in currency (e.g. 2,000)",
      },
      {
        name: "Ceiling",
        aliases: ["Maximum share", "Maximum", "Max", "Cap", "Maximum rate"],
        required: false,
        description: "Maximum share of the amount, e.g. 22%",
      },
    ],
  },
];
