/**
 * Builds assets/cms-family-sample.xlsx, the embedded sample workbook, from the facts of the seed
 * analysis (UNEP/CMS/COP11/Doc.16.2, see ../shared/seed and DOMAIN.md). Figures the seed does not
 * give are plausible and labelled "Illustrative" in each sheet's Notes column and in the note
 * above its table; every UN scale rate in the Parties sheet is illustrative and says so. Run with `npm run build:sample`; the output is committed.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Workbook } from "exceljs";
import type { Worksheet } from "exceljs";

type Value = string | number | null;

/** One input sheet: title and notes above the header, then the table. */
interface SampleSheet {
  name: string;
  title: string;
  notes: string[];
  header: string[];
  rows: Value[][];
  /** Number format per header name. */
  formats?: Record<string, string>;
  /** Number format of the Value cell per first-column key (Settings: percentages). */
  cellFormats?: Record<string, string>;
  widths: number[];
}

const SEED = "Seed (UNEP/CMS/COP11/Doc.16.2)";
const ILLUSTRATIVE = "Illustrative";
const MONEY = "#,##0";
const PERCENT = "0%";
const PERCENT1 = "0.0%";

/** The seed's options, in order: where the CMS Family stands, and three steps towards a joint secretariat. */
const STATUS_QUO = "Status quo";
const PILOT = "Communications pilot made permanent";
const JES = "Joint Executive Secretary";
const JOINT = "Joint secretariat";
const OPTIONS = [STATUS_QUO, PILOT, JES, JOINT];

const settings: SampleSheet = {
  name: "Settings",
  title: "CMS Family common services: cost-sharing settings",
  notes: ["One setting a row. Percentages are typed as percentages (13% is stored as 0.13)."],
  header: ["Key", "Value", "Notes"],
  rows: [
    ["Currency", "EUR", "Euros, as the Bonn-based secretariats budget"],
    ["FirstYear", 2015, "First year of the triennium"],
    ["Years", 3, "A triennium: 2015-2017"],
    ["Escalation", 0.02, `${ILLUSTRATIVE}: 2% a year on staff and budget lines`],
    ["PSC", 0.13, "UN programme support costs: 13% on expenditure"],
    ["Rounding", 1, "Every figure in whole euros"],
    ["SupportMethod", "reciprocal", "Support units are passed on by the reciprocal method (x = d + A·x)"],
    [
      "DocumentSymbol",
      "UNEP/CMS/StC-Sample/Doc.1",
      `${ILLUSTRATIVE}: printed in the header of the annex tables`,
    ],
    [
      "AnnexTitle",
      "Sharing the costs of the CMS Family common services, 2015-2017",
      "Title of the annex tables",
    ],
    ["AnnexStart", 1, "Number of the first annex"],
    ["Language", "en", "Language of the annex: en, fr or es"],
    [
      "Scenarios",
      OPTIONS.join("; "),
      "The options compared (seed ¶26-32 and Annex 2), in order; the Scenario column of Posts and Rules says which rows hold in which",
    ],
    [
      "Scenario",
      JOINT,
      "The option written as Allocation and Annex 1: the joint secretariat of seed Figure 2",
    ],
  ],
  formats: { Value: "General" },
  cellFormats: { Escalation: PERCENT, PSC: PERCENT },
  widths: [18, 58, 66],
};

const instruments: SampleSheet = {
  name: "Instruments",
  title: "Instruments of the CMS Family sharing common services",
  notes: [
    "Type follows the seed's typology (¶47-51): Convention and Agreement = UNEP-administered, co-located in Bonn; " +
      "MOU = administered by CMS in Bonn; MOU-Remote = administered by CMS, not co-located.",
    `CMS's 121 Parties are from the seed (¶52). Other Parties/Signatories and every Budget figure are illustrative.`,
  ],
  header: ["Code", "Name", "Type", "Location", "Parties", "Budget", "Notes"],
  rows: [
    [
      "CMS",
      "Convention on the Conservation of Migratory Species of Wild Animals",
      "Convention",
      "Bonn",
      121,
      2600000,
      `${SEED} ¶52: 121 Parties; budget ${ILLUSTRATIVE.toLowerCase()}`,
    ],
    [
      "AEWA",
      "Agreement on the Conservation of African-Eurasian Migratory Waterbirds",
      "Agreement",
      "Bonn",
      75,
      1050000,
      ILLUSTRATIVE,
    ],
    [
      "EUROBATS",
      "Agreement on the Conservation of Populations of European Bats",
      "Agreement",
      "Bonn",
      36,
      330000,
      ILLUSTRATIVE,
    ],
    [
      "ASCOBANS",
      "Agreement on the Conservation of Small Cetaceans of the Baltic, North East Atlantic, Irish and North Seas",
      "Agreement",
      "Bonn",
      10,
      210000,
      ILLUSTRATIVE,
    ],
    [
      "GORILLA",
      "Agreement on the Conservation of Gorillas and Their Habitats",
      "Agreement",
      "Bonn",
      7,
      95000,
      ILLUSTRATIVE,
    ],
    ["SHARKS", "MOU on the Conservation of Migratory Sharks", "MOU", "Bonn", 39, 250000, ILLUSTRATIVE],
    [
      "RAPTORS",
      "MOU on the Conservation of Migratory Birds of Prey in Africa and Eurasia",
      "MOU-Remote",
      "Abu Dhabi",
      53,
      420000,
      ILLUSTRATIVE,
    ],
    [
      "IOSEA",
      "MOU on Marine Turtles of the Indian Ocean and South-East Asia",
      "MOU-Remote",
      "Bangkok",
      35,
      310000,
      ILLUSTRATIVE,
    ],
    [
      "DUGONG",
      "MOU on the Conservation and Management of Dugongs",
      "MOU-Remote",
      "Abu Dhabi",
      26,
      390000,
      ILLUSTRATIVE,
    ],
  ],
  formats: { Parties: "0", Budget: MONEY },
  widths: [12, 60, 13, 12, 9, 13, 40],
};

const grades: SampleSheet = {
  name: "Grades",
  title: "UN standard staff costs by grade (Bonn), annual",
  notes: [
    `The P4 cost of €140,000 a year is the seed's (¶30, footnote 3); the other grades are illustrative.`,
  ],
  header: ["Grade", "Cost", "Notes"],
  rows: [
    ["D1", 205000, ILLUSTRATIVE],
    ["P5", 172000, ILLUSTRATIVE],
    ["P4", 140000, `${SEED} ¶30: "estimated budget cost of a P4 post per year"`],
    ["P3", 118000, ILLUSTRATIVE],
    ["P2", 96000, ILLUSTRATIVE],
    ["G6", 84000, ILLUSTRATIVE],
    ["G5", 75000, ILLUSTRATIVE],
  ],
  formats: { Cost: MONEY },
  widths: [10, 12, 60],
};

const EM = "Executive management";
const CO = "Communication and outreach";
const CS = "Conference services";
const SS = "Scientific services";
const PF = "Partnerships and fundraising";
const AD = "Administration";
const AV = "Avian unit";
const AQ = "Aquatic unit";
const TE = "Terrestrial unit";

const posts: SampleSheet = {
  name: "Posts",
  title: "Staffing table of the joint secretariat (seed Figure 2), 2015-2017",
  notes: [
    "Cost blank = the grade's standard cost x FTE. A post with its own split (columns CMS to SHARKS) is shared by it; " +
      "the others by their unit's rule (Rules sheet).",
    "The D1, P4 and P2 CMS/ASCOBANS splits and the IOSEA P5 split are the seed's (¶52); post titles and other figures are illustrative.",
  ],
  header: [
    "PostId",
    "Title",
    "Grade",
    "Unit",
    "FTE",
    "Cost",
    "FundedBy",
    "CMS",
    "ASCOBANS",
    "IOSEA",
    "SHARKS",
    "Notes",
  ],
  rows: [
    [
      "EM-01",
      "Joint Executive Secretary",
      "D1",
      EM,
      1,
      null,
      "CMS",
      0.97,
      0.03,
      null,
      null,
      `${SEED} ¶52: D1 97% CMS, 3% ASCOBANS`,
    ],
    [
      "EM-02",
      "Programme Management Officer",
      "P3",
      EM,
      1,
      null,
      "AEWA",
      null,
      null,
      null,
      null,
      ILLUSTRATIVE,
    ],
    ["EM-03", "Executive Assistant", "G6", EM, 1, null, "CMS", null, null, null, null, ILLUSTRATIVE],
    [
      "CO-01",
      "Head, Communication and Outreach (CMS-AEWA pilot)",
      "P4",
      CO,
      1,
      null,
      "CMS",
      null,
      null,
      null,
      null,
      "Seed Annex 2: the CMS-AEWA pilot",
    ],
    ["CO-02", "Information Officer", "P3", CO, 1, null, "AEWA", null, null, null, null, ILLUSTRATIVE],
    [
      "CO-03",
      "Web and Social Media Assistant",
      "G5",
      CO,
      1,
      null,
      "CMS",
      null,
      null,
      null,
      null,
      ILLUSTRATIVE,
    ],
    [
      "CO-04",
      "Editor (consultant)",
      null,
      CO,
      0.5,
      45000,
      "AEWA",
      null,
      null,
      null,
      null,
      `${ILLUSTRATIVE}: a consultant, costed directly`,
    ],
    ["CS-01", "Conference Services Officer", "P3", CS, 1, null, "CMS", null, null, null, null, ILLUSTRATIVE],
    ["CS-02", "Meetings Assistant", "G5", CS, 1, null, "AEWA", null, null, null, null, ILLUSTRATIVE],
    ["SS-01", "Scientific Officer", "P4", SS, 1, null, "CMS", null, null, null, null, ILLUSTRATIVE],
    [
      "SS-02",
      "Associate Scientific Officer",
      "P2",
      SS,
      1,
      null,
      "EUROBATS",
      null,
      null,
      null,
      null,
      ILLUSTRATIVE,
    ],
    [
      "PF-01",
      "Partnerships and Resource Mobilisation Officer",
      "P4",
      PF,
      1,
      null,
      "CMS",
      null,
      null,
      null,
      null,
      ILLUSTRATIVE,
    ],
    [
      "AD-01",
      "Administration and Finance Officer",
      "P4",
      AD,
      1,
      null,
      "CMS",
      null,
      null,
      null,
      null,
      ILLUSTRATIVE,
    ],
    ["AD-02", "Finance Assistant", "G6", AD, 1, null, "AEWA", null, null, null, null, ILLUSTRATIVE],
    ["AD-03", "Human Resources Assistant", "G5", AD, 1, null, "CMS", null, null, null, null, ILLUSTRATIVE],
    [
      "AV-01",
      "Head, Avian Unit (former AEWA Executive Secretary)",
      "P4",
      AV,
      1,
      null,
      "AEWA",
      null,
      null,
      null,
      null,
      `${SEED} ¶30: an Executive Secretary's time redirected to implementation`,
    ],
    ["AV-02", "Avian Species Officer", "P3", AV, 1, null, "CMS", null, null, null, null, ILLUSTRATIVE],
    [
      "AV-03",
      "Raptors MOU Coordinator (Abu Dhabi)",
      "P4",
      AV,
      1,
      null,
      "RAPTORS",
      null,
      null,
      null,
      null,
      ILLUSTRATIVE,
    ],
    [
      "AQ-01",
      "Marine Mammals Officer",
      "P4",
      AQ,
      1,
      null,
      "CMS",
      0.85,
      0.15,
      null,
      null,
      `${SEED} ¶52: P4 85% CMS, 15% ASCOBANS`,
    ],
    [
      "AQ-02",
      "Associate Programme Officer, ASCOBANS",
      "P2",
      AQ,
      1,
      null,
      "ASCOBANS",
      0.25,
      0.75,
      null,
      null,
      `${SEED} ¶52: P2 75% ASCOBANS, 25% CMS`,
    ],
    [
      "AQ-03",
      "IOSEA Coordinator (Bangkok)",
      "P5",
      AQ,
      1,
      null,
      "IOSEA",
      0.125,
      null,
      0.875,
      null,
      `${SEED} ¶52: P5 12.5% CMS, 87.5% IOSEA`,
    ],
    [
      "AQ-04",
      "Sharks MOU Programme Officer",
      "P3",
      AQ,
      1,
      null,
      "SHARKS",
      0.2,
      null,
      null,
      0.8,
      ILLUSTRATIVE,
    ],
    ["TE-01", "Terrestrial Species Officer", "P3", TE, 1, null, "CMS", null, null, null, null, ILLUSTRATIVE],
    [
      "TE-02",
      "Gorilla Agreement Programme Officer",
      "P2",
      TE,
      0.5,
      null,
      "GORILLA",
      null,
      null,
      null,
      null,
      ILLUSTRATIVE,
    ],
  ],
  formats: { FTE: "0.0#", Cost: MONEY, CMS: PERCENT1, ASCOBANS: PERCENT1, IOSEA: PERCENT1, SHARKS: PERCENT1 },
  widths: [9, 48, 7, 28, 6, 10, 12, 9, 11, 9, 9, 60],
};

const budget: SampleSheet = {
  name: "Budget",
  title: "Non-staff budget lines of the common services, annual (EUR)",
  notes: [
    "Amount is escalated from 2015; a line with one column per year uses those amounts as they are. All figures are illustrative.",
  ],
  header: ["Item", "Unit", "Category", "Amount", "2015", "2016", "2017", "Notes"],
  rows: [
    [
      "Meetings of the Parties (COP/MOP servicing)",
      CS,
      "Meetings",
      null,
      420000,
      160000,
      610000,
      `${ILLUSTRATIVE}: COP12 in 2017`,
    ],
    ["Standing Committee and Scientific Council", SS, "Meetings", 115000, null, null, null, ILLUSTRATIVE],
    ["CMS Family website and portal", CO, "Operational", 60000, null, null, null, ILLUSTRATIVE],
    ["Publications and World Migratory Bird Day", CO, "Operational", 40000, null, null, null, ILLUSTRATIVE],
    ["Representation travel", EM, "Travel", 50000, null, null, null, ILLUSTRATIVE],
    ["Resource mobilisation events", PF, "Operational", 25000, null, null, null, ILLUSTRATIVE],
    ["Office accommodation and IT", AD, "Operational", 90000, null, null, null, ILLUSTRATIVE],
    ["Audit and finance systems", AD, "Operational", 30000, null, null, null, ILLUSTRATIVE],
    ["Avian implementation workshops", AV, "Meetings", 80000, null, null, null, ILLUSTRATIVE],
    ["Aquatic species workshops", AQ, "Meetings", 60000, null, null, null, ILLUSTRATIVE],
    ["Terrestrial action plans (CAMI, Gorilla)", TE, "Operational", 40000, null, null, null, ILLUSTRATIVE],
    ["Staff travel to meetings", CS, "Travel", 35000, null, null, null, ILLUSTRATIVE],
  ],
  formats: { Amount: MONEY, "2015": MONEY, "2016": MONEY, "2017": MONEY },
  widths: [46, 28, 12, 11, 11, 11, 11, 30],
};

const rules: SampleSheet = {
  name: "Rules",
  title: "Cost-sharing rule of each common service",
  notes: [
    "Methods: fixed (agreed %), equal, driver (an Instruments column), hybrid (a weighted mix), posts (each post's own split). " +
      "Participants: codes, an instrument Type, or all. Min/Max: floor and ceiling on each share.",
    "The rules are illustrative proposals, not agreed keys; Administration is a support unit (Support sheet) and needs no rule.",
  ],
  header: ["Unit", "Method", "Basis", "Participants", "Min", "Max", "Notes"],
  rows: [
    [
      EM,
      "equal",
      null,
      "CMS; AEWA; EUROBATS; ASCOBANS",
      null,
      null,
      "A Joint Executive Secretary for CMS, AEWA and EUROBATS (seed ¶31), as CMS and ASCOBANS share since 2008 (¶5)",
    ],
    [
      CO,
      "fixed",
      "CMS 60%; AEWA 40%",
      "CMS; AEWA",
      null,
      null,
      "The CMS-AEWA pilot (seed Annex 2); the 60/40 key is illustrative",
    ],
    [
      CS,
      "driver",
      "Parties",
      "all",
      null,
      0.25,
      "By Parties/Signatories, no instrument above 25% (as the UN scale's ceiling)",
    ],
    [
      SS,
      "hybrid",
      "40% equal + 60% Parties",
      "Convention; Agreement; MOU",
      null,
      null,
      "The instruments based in Bonn (types); the key is illustrative",
    ],
    [PF, "driver", "Budget", "all", 0.02, null, "By core budget, at least 2% each"],
    [AV, "driver", "Parties", "CMS; AEWA; RAPTORS", null, null, "Avian instruments (seed Figure 2)"],
    [
      AQ,
      "posts",
      null,
      "all",
      null,
      null,
      "Each post's own split (seed ¶52); workshops follow the posts' cost-weighted split",
    ],
    [TE, "fixed", "CMS 90%; GORILLA 10%", "CMS; GORILLA", null, null, ILLUSTRATIVE],
  ],
  formats: { Min: PERCENT, Max: PERCENT },
  widths: [28, 9, 26, 32, 7, 7, 70],
};

const support: SampleSheet = {
  name: "Support",
  title: "Support units: share of each support unit's effort spent on the units it serves",
  notes: [
    "Administration (finance and human resources) is already common (seed Figure 2). The shares are illustrative and add up to 100%.",
  ],
  header: ["Provider", "Receiver", "Share", "Notes"],
  rows: [
    [AD, EM, 0.1, ILLUSTRATIVE],
    [AD, CO, 0.1, ILLUSTRATIVE],
    [AD, CS, 0.2, ILLUSTRATIVE],
    [AD, SS, 0.1, ILLUSTRATIVE],
    [AD, PF, 0.05, ILLUSTRATIVE],
    [AD, AV, 0.15, ILLUSTRATIVE],
    [AD, AQ, 0.2, ILLUSTRATIVE],
    [AD, TE, 0.1, ILLUSTRATIVE],
  ],
  formats: { Share: PERCENT },
  widths: [20, 28, 8, 20],
};

const baseline: SampleSheet = {
  name: "Baseline",
  title: "Stand-alone costs today, by instrument (annual, for the Savings sheet)",
  notes: [
    "What each instrument would pay for these services on its own. Cost blank = the grade's standard cost x FTE. " +
      `All figures are illustrative; savings are reported by category: Staff, Meetings and Operational, as the BRS Conventions report theirs (${SEED} ¶58), and Travel.`,
  ],
  header: ["Instrument", "Item", "Category", "Grade", "FTE", "Cost", "Notes"],
  rows: [
    ["CMS", "Executive Secretary", "Staff", "D1", 1, null, ILLUSTRATIVE],
    [
      "CMS",
      "Communication team (three staff, seed Annex 2 ¶11)",
      "Staff",
      "P3",
      3,
      null,
      "Seed Annex 2 ¶11: three staff; grade illustrative",
    ],
    ["CMS", "Scientific, conference and partnership officers", "Staff", "P4", 3, null, ILLUSTRATIVE],
    ["CMS", "Species officers (avian, aquatic, terrestrial)", "Staff", "P3", 3, null, ILLUSTRATIVE],
    ["CMS", "Administration and finance", "Staff", "G6", 2, null, ILLUSTRATIVE],
    ["CMS", "Meetings", "Meetings", null, null, 520000, ILLUSTRATIVE],
    ["CMS", "Travel (representation and meetings)", "Travel", null, null, 50000, ILLUSTRATIVE],
    ["CMS", "Operational costs", "Operational", null, null, 230000, ILLUSTRATIVE],
    ["AEWA", "Executive Secretary", "Staff", "P4", 1, null, `${SEED} ¶30: a P4's worth`],
    [
      "AEWA",
      "Communication (one and a half staff, seed Annex 2 ¶11)",
      "Staff",
      "P3",
      1.5,
      null,
      "Seed Annex 2 ¶11: 1.5 staff; grade illustrative",
    ],
    ["AEWA", "Technical and meetings staff", "Staff", "P3", 2, null, ILLUSTRATIVE],
    ["AEWA", "Finance assistant", "Staff", "G6", 1, null, ILLUSTRATIVE],
    ["AEWA", "Meetings", "Meetings", null, null, 260000, ILLUSTRATIVE],
    ["AEWA", "Travel (representation and meetings)", "Travel", null, null, 25000, ILLUSTRATIVE],
    ["AEWA", "Operational costs", "Operational", null, null, 90000, ILLUSTRATIVE],
    ["EUROBATS", "Executive Secretary", "Staff", "P4", 1, null, `${SEED} ¶30: a P4's worth`],
    ["EUROBATS", "Associate officer (half time)", "Staff", "P2", 0.5, null, ILLUSTRATIVE],
    ["EUROBATS", "Meetings", "Meetings", null, null, 60000, ILLUSTRATIVE],
    ["EUROBATS", "Travel (representation and meetings)", "Travel", null, null, 18000, ILLUSTRATIVE],
    ["EUROBATS", "Operational costs", "Operational", null, null, 20000, ILLUSTRATIVE],
    ["ASCOBANS", "Coordinator", "Staff", "P4", 0.5, null, ILLUSTRATIVE],
    ["ASCOBANS", "Associate officer", "Staff", "P2", 1, null, ILLUSTRATIVE],
    ["ASCOBANS", "Meetings", "Meetings", null, null, 90000, ILLUSTRATIVE],
    ["ASCOBANS", "Travel (representation and meetings)", "Travel", null, null, 16000, ILLUSTRATIVE],
    ["ASCOBANS", "Operational costs", "Operational", null, null, 20000, ILLUSTRATIVE],
  ],
  formats: { FTE: "0.0#", Cost: MONEY },
  widths: [12, 52, 12, 7, 6, 11, 40],
};

/**
 * The options in the Posts and Rules sheets. The rows above are the joint secretariat (seed Figure
 * 2); the other options differ where the seed says the joint secretariat changes something:
 * - Status quo: AEWA and EUROBATS keep their own Executive Secretaries (a P4's worth each, seed
 *   ¶30), communication staff are each secretariat's own (their own splits: CMS three staff, AEWA
 *   one and a half, seed Annex 2 ¶11; the website and publications were already joint projects,
 *   Annex 1 ¶13, and keep the unit's rule), scientific services too;
 * - Communications pilot made permanent: the CMS-AEWA common unit (seed ¶32, Annex 2);
 * - Joint Executive Secretary: one executive for CMS, AEWA, EUROBATS and ASCOBANS, the former AEWA
 *   Executive Secretary heading the avian unit (seed ¶26-31);
 * - Joint secretariat: scientific services combined as well (seed ¶31, Figure 2).
 * Every option keeps administration common (already so, seed Figure 2).
 */
function withOptions(): void {
  const scenarioOfPost: Record<string, string> = {
    "AV-01": `${JES}; ${JOINT}`,
    "CO-01": `${PILOT}; ${JES}; ${JOINT}`,
    "CO-02": `${PILOT}; ${JES}; ${JOINT}`,
    "CO-03": `${PILOT}; ${JES}; ${JOINT}`,
    "CO-04": `${PILOT}; ${JES}; ${JOINT}`,
    "SS-01": JOINT,
    "SS-02": JOINT,
  };
  const notes = posts.header.length - 1;
  posts.header.splice(notes, 0, "AEWA", "EUROBATS", "Scenario");
  for (const row of posts.rows) row.splice(notes, 0, null, null, scenarioOfPost[String(row[0])] ?? null);
  /** A post of some options only, its cost borne by one instrument (its own split): [id, title, grade, unit, FTE, code]. */
  const own = (
    id: string,
    title: string,
    grade: string | null,
    unit: string,
    fte: number,
    code: string,
    cost: number | null,
    scenario: string,
    note: string,
  ): Value[] => {
    const split = ["CMS", "ASCOBANS", "IOSEA", "SHARKS", "AEWA", "EUROBATS"].map((c) =>
      c === code ? 1 : null,
    );
    return [id, title, grade, unit, fte, cost, code, ...split, scenario, note];
  };
  const separate = `${STATUS_QUO}; ${PILOT}`;
  posts.rows.push(
    own(
      "EM-04",
      "Executive Secretary, AEWA",
      "P4",
      EM,
      1,
      "AEWA",
      null,
      separate,
      `${SEED} ¶30: a P4's worth`,
    ),
    own(
      "EM-05",
      "Executive Secretary, EUROBATS",
      "P4",
      EM,
      1,
      "EUROBATS",
      null,
      separate,
      `${SEED} ¶30: a P4's worth`,
    ),
    own(
      "CO-01",
      "Head of Communication, CMS",
      "P4",
      CO,
      1,
      "CMS",
      null,
      STATUS_QUO,
      "Seed Annex 2 ¶11: CMS's own team before the pilot",
    ),
    own(
      "CO-02",
      "Information Officer, AEWA",
      "P3",
      CO,
      1,
      "AEWA",
      null,
      STATUS_QUO,
      "Seed Annex 2 ¶11: AEWA's own team before the pilot",
    ),
    own("CO-03", "Web and Social Media Assistant, CMS", "G5", CO, 1, "CMS", null, STATUS_QUO, ILLUSTRATIVE),
    own(
      "CO-04",
      "Editor (consultant), AEWA",
      null,
      CO,
      0.5,
      "AEWA",
      45000,
      STATUS_QUO,
      `${ILLUSTRATIVE}: a consultant, costed directly`,
    ),
    own("SS-01", "Scientific Officer, CMS", "P4", SS, 1, "CMS", null, `${separate}; ${JES}`, ILLUSTRATIVE),
    own(
      "SS-02",
      "Associate Scientific Officer, EUROBATS",
      "P2",
      SS,
      1,
      "EUROBATS",
      null,
      `${separate}; ${JES}`,
      ILLUSTRATIVE,
    ),
  );
  posts.formats = { ...posts.formats, AEWA: PERCENT1, EUROBATS: PERCENT1 };
  posts.widths.splice(notes, 0, 9, 11, 34);
  // Appended to the last note, so that the header stays on the row it was (the fixtures name cells by it).
  posts.notes[posts.notes.length - 1] +=
    ` Scenario: the options a row holds in (blank = every option); options other than ${JOINT} are illustrative arrangements built from the seed.`;

  const scenarioOfRule: Record<string, string> = {
    [EM]: `${JES}; ${JOINT}`,
    [SS]: JOINT,
  };
  const ruleNotes = rules.header.length - 1;
  rules.header.splice(ruleNotes, 0, "Scenario");
  for (const row of rules.rows) row.splice(ruleNotes, 0, scenarioOfRule[String(row[0])] ?? null);
  rules.rows.push(
    [
      EM,
      "fixed",
      "CMS 50%; AEWA 50%",
      "CMS; AEWA",
      null,
      null,
      separate,
      `${ILLUSTRATIVE}: the Executive Secretaries follow their own split; their support staff are shared 50/50`,
    ],
    [
      SS,
      "posts",
      null,
      "all",
      null,
      null,
      `${separate}; ${JES}`,
      `${ILLUSTRATIVE}: each instrument its own scientific staff`,
    ],
  );
  rules.widths.splice(ruleNotes, 0, 34);
}
withOptions();

const RATE_NOTE = "Illustrative rate, not the published one";
const RATE = "0.000";

/** A Party of AEWA or ASCOBANS with an illustrative UN scale rate. */
const member = (party: string, code: string, rate: number): Value[] => [party, code, rate, null, RATE_NOTE];

const parties: SampleSheet = {
  name: "Parties",
  title: "Parties and their rates on the UN scale of assessments (for the scale of contributions)",
  notes: [
    "UNScale is typed as the UN General Assembly publishes the scale: in percent, in cells formatted as plain numbers (22.000 = 22%). " +
      "Every rate here is illustrative, of the order of a recent scale, NOT the published rate: replace them with the scale " +
      "that applies to the budget period (for 2025-2027, General Assembly resolution 79/249, e.g. United States 22.000, " +
      "China 20.004, Japan 6.930).",
    "ASCOBANS: its ten Parties. AEWA: a selection of its Parties, not the whole list. AEWA MOP7 fixed the European Union's " +
      "share at 2.5% of the budget.",
  ],
  header: ["Party", "Instrument", "UNScale", "Fixed", "Notes"],
  rows: [
    ["European Union", "AEWA", null, 0.025, "AEWA MOP7: the European Union pays a fixed 2.5%"],
    member("Belgium", "AEWA", 0.8),
    member("Denmark", "AEWA", 0.55),
    member("Egypt", "AEWA", 0.14),
    member("Ethiopia", "AEWA", 0.01),
    member("Finland", "AEWA", 0.42),
    member("France", "AEWA", 4.3),
    member("Germany", "AEWA", 6.1),
    member("Ghana", "AEWA", 0.024),
    member("Kenya", "AEWA", 0.03),
    member("Mali", "AEWA", 0.004),
    member("Morocco", "AEWA", 0.055),
    member("Netherlands", "AEWA", 1.4),
    member("Niger", "AEWA", 0.002),
    member("Nigeria", "AEWA", 0.18),
    member("Norway", "AEWA", 0.68),
    member("Senegal", "AEWA", 0.007),
    member("South Africa", "AEWA", 0.24),
    member("Sweden", "AEWA", 0.9),
    member("Switzerland", "AEWA", 1.13),
    member("Tunisia", "AEWA", 0.019),
    member("Uganda", "AEWA", 0.008),
    member("United Kingdom", "AEWA", 4.4),
    member("United Republic of Tanzania", "AEWA", 0.01),
    member("Belgium", "ASCOBANS", 0.8),
    member("Denmark", "ASCOBANS", 0.55),
    member("Finland", "ASCOBANS", 0.42),
    member("France", "ASCOBANS", 4.3),
    member("Germany", "ASCOBANS", 6.1),
    member("Lithuania", "ASCOBANS", 0.08),
    member("Netherlands", "ASCOBANS", 1.4),
    member("Poland", "ASCOBANS", 0.8),
    member("Sweden", "ASCOBANS", 0.9),
    member("United Kingdom", "ASCOBANS", 4.4),
  ],
  formats: { UNScale: RATE, Fixed: PERCENT1 },
  widths: [28, 12, 10, 8, 42],
};

const scales: SampleSheet = {
  name: "Scales",
  title: "Scales of contributions: what each instrument's Parties fund, and its rules",
  notes: [
    "Amount blank = the instrument's total with programme support costs from the allocation. Threshold is in percent like " +
      "UNScale; Floor is a minimum contribution in euros a year; Ceiling is the largest share a Party pays.",
  ],
  header: ["Instrument", "Amount", "2015", "2016", "2017", "Threshold", "Floor", "Ceiling", "Notes"],
  rows: [
    [
      "AEWA",
      null,
      1050000,
      1071000,
      1092420,
      null,
      2000,
      0.2,
      "AEWA MOP7: minimum EUR 2,000, no Party above 20%; the budget is illustrative (2% a year)",
    ],
    [
      "ASCOBANS",
      null,
      null,
      null,
      null,
      null,
      null,
      0.25,
      "ASCOBANS: no Party above 25% (a regional economic integration organization would pay 2.5%); " +
        "its share of the common services with PSC",
    ],
  ],
  formats: { Amount: MONEY, "2015": MONEY, "2016": MONEY, "2017": MONEY, Floor: MONEY, Ceiling: PERCENT },
  widths: [12, 11, 11, 11, 11, 10, 9, 8, 70],
};

/** The input sheets in the order an officer reads them. */
export const SAMPLE_SHEETS: readonly SampleSheet[] = [
  settings,
  instruments,
  grades,
  posts,
  budget,
  rules,
  support,
  baseline,
  parties,
  scales,
];

/** Row of the header in every sample sheet: title, notes, a blank row, then the header. */
export function headerRowOf(sheet: SampleSheet): number {
  return sheet.notes.length + 3;
}

/** Writes one input sheet: bold title, italic notes, a header row with a fill, formats, frozen header. */
function writeSampleSheet(ws: Worksheet, sheet: SampleSheet): void {
  ws.getCell(1, 1).value = sheet.title;
  // Every font names Calibri: a font without a name falls back to a serif face in LibreOffice.
  ws.getCell(1, 1).font = { name: "Calibri", bold: true, size: 14 };
  sheet.notes.forEach((note, i) => {
    ws.getCell(2 + i, 1).value = note;
    ws.getCell(2 + i, 1).font = { name: "Calibri", italic: true, color: { argb: "FF595959" } };
  });
  const headerRow = headerRowOf(sheet);
  sheet.header.forEach((h, c) => {
    const cell = ws.getCell(headerRow, c + 1);
    // A year typed into a header cell is a number in Excel; keep it one.
    cell.value = /^\d{4}$/.test(h) ? Number(h) : h;
    cell.font = { name: "Calibri", bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    cell.border = { bottom: { style: "thin" } };
  });
  sheet.rows.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v === null) return;
      const cell = ws.getCell(headerRow + 1 + r, c + 1);
      cell.value = v;
      const fmt =
        (c === 1 ? sheet.cellFormats?.[String(row[0])] : undefined) ?? sheet.formats?.[sheet.header[c]];
      if (fmt && typeof v === "number") cell.numFmt = fmt;
      // Settings mixes words and figures in one column: align them all to the left.
      if (sheet.name === "Settings" && c === 1) cell.alignment = { horizontal: "left" };
    });
  });
  sheet.widths.forEach((w, c) => {
    ws.getColumn(c + 1).width = w;
  });
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: headerRow }];
  ws.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

/** The sample workbook, in memory. */
export function buildSampleWorkbook(): Workbook {
  const wb = new Workbook();
  wb.creator = "CMS Family Cost Sharing";
  wb.title = "CMS Family common services: cost-sharing sample (illustrative)";
  // A fixed date keeps the committed file identical from one build to the next.
  wb.created = new Date(Date.UTC(2015, 0, 1));
  wb.modified = wb.created;
  for (const sheet of SAMPLE_SHEETS) writeSampleSheet(wb.addWorksheet(sheet.name), sheet);
  return wb;
}

async function main(): Promise<void> {
  const out = join(__dirname, "..", "assets", "cms-family-sample.xlsx");
  const data = await buildSampleWorkbook().xlsx.writeBuffer();
  writeFileSync(out, new Uint8Array(data));
  process.stdout.write(`Wrote ${out}\n`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
