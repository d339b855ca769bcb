import type { Allocation } from "../../src/engine/result";
import { writeAnnexDocx } from "../../src/annex/writeAnnexDocx";
import { analyseWorkbook } from "../../src/workbook/analyseWorkbook";
import { annexHtml } from "../../src/workbook/annex/annexHtml";
import { annexTables } from "../../src/workbook/annex/annexTables";
import { buildAnnexSheet } from "../../src/workbook/annex/buildAnnexSheet";
import { formatProblem } from "../../src/workbook/formatProblem";
import { formulaMismatches } from "../workbook/fixtures/formulaMismatches";
import { HAND_OPTIONS, handOptionsGrids, handOptionsSheets } from "../workbook/fixtures/handOptions";
import { sheetOf } from "../workbook/gridsOf";
import { readDocx } from "./helpers/readDocx";

const NNBSP = "\u202f";
/** Staff time as printed: two decimals, the thirds of the joint posts rounded so that they add up to 2. */
const SHOWN_FTE = [
  [2.2, 1.8, 1],
  [1.5, 1.5, 1],
  [0.84, 0.63, 0.53],
];

function allocationOf(extraSettings: (string | number)[][] = []): Allocation {
  const settings = sheetOf("Settings", [...handOptionsSheets().Settings.rows, ...extraSettings]);
  const analysis = analyseWorkbook(handOptionsGrids({ Settings: settings }));
  if (analysis.allocation === undefined) throw new Error(analysis.problems.map(formatProblem).join("\n"));
  return analysis.allocation;
}

describe("annex table 'Options compared'", () => {
  const allocation = allocationOf();

  it("follows Annexes 1–3 as Annex 4, one block per option with the figures worked by hand", () => {
    const tables = annexTables(allocation, "en");
    const table = tables[tables.length - 1];
    expect([table.heading, table.title, table.caption]).toEqual([
      "Annex 4",
      "Options compared",
      "What each instrument pays under each option, period 2025 (EUR)",
    ]);
    expect(table.columns.map((c) => c.header)).toEqual([
      "Instrument",
      "Direct costs",
      "Programme support costs (10%)",
      "Total",
      "Savings",
      "Staff time (FTE)",
      "Difference from Status quo",
    ]);
    const rows = table.rows.map((r) => r.cells);
    HAND_OPTIONS.forEach((option, k) => {
      const block = rows.slice(k * 5, k * 5 + 5);
      expect(block[0][0]).toBe(option.name);
      option.direct.forEach((direct, i) =>
        expect(block[1 + i]).toEqual([
          ["CMS", "AEWA", "EUROBATS"][i],
          direct,
          option.psc[i],
          option.total[i],
          option.savings[i],
          SHOWN_FTE[k][i],
          option.total[i] - HAND_OPTIONS[0].total[i],
        ]),
      );
      const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
      expect(block[4].slice(0, 5)).toEqual([
        `Total, ${option.name}`,
        sum(option.direct),
        sum(option.psc),
        sum(option.total),
        sum(option.savings),
      ]);
    });
    expect(table.notes[0]).toBe("Annexes 1 to 3 show the option \u201cStatus quo\u201d.");
  });

  it("numbers itself from AnnexStart and names the option written", () => {
    const tables = annexTables(
      allocationOf([
        ["AnnexStart", 3],
        ["Scenario", "Joint secretariat"],
      ]),
      "en",
    );
    const table = tables[tables.length - 1];
    expect(table.heading).toBe("Annex 6");
    expect(table.notes[0]).toBe("Annexes 3 to 5 show the option \u201cJoint secretariat\u201d.");
    expect(tables[0].rows.at(-1)?.cells.at(-1)).toBe(231000);
  });

  it("speaks French and Spanish", () => {
    const fr = annexTables(allocation, "fr").at(-1);
    expect(fr?.title).toBe("Comparaison des options");
    expect(fr?.columns.at(-1)?.header).toBe("Écart par rapport à «\u00a0Status quo\u00a0»");
    const es = annexTables(allocation, "es").at(-1);
    expect(es?.title).toBe("Comparación de las opciones");
    expect(es?.heading).toBe("Anexo 4");
    expect(es?.columns[1].header).toBe("Costos directos");
  });

  it("prints on the Annex sheet with live totals that recalculate to the figures shown", () => {
    const sheet = buildAnnexSheet(allocation);
    const texts = sheet.cells.map((r) => r[0]?.v);
    const title = texts.indexOf("Options compared");
    expect(title).toBeGreaterThan(0);
    expect(texts[title - 1]).toBe("Annex 4");
    const pilotTotal = sheet.cells.findIndex((r) => r[0]?.v === "Total, Pilot");
    expect(sheet.cells[pilotTotal].slice(1, 8).map((c) => c?.v ?? null)).toEqual([
      360000, 36000, 396000, 10000, 4, -11000,
    ]);
    expect(sheet.cells[pilotTotal][3]?.f).toMatch(/^SUM\(/);
    expect(formulaMismatches(sheet)).toEqual([]);
  });

  it("goes into the .docx, in the annex language", async () => {
    const { tables } = await readDocx(await writeAnnexDocx(allocation, { language: "fr" }));
    const table = tables.find((t) => t[0][0] === "Instrument" && t[0][1] === "Coûts directs");
    expect(table).toBeDefined();
    expect(table?.find((r) => r[0] === "Total, Joint secretariat")).toEqual([
      "Total, Joint secretariat",
      `210${NNBSP}000`,
      `21${NNBSP}000`,
      `231${NNBSP}000`,
      `160${NNBSP}000`,
      // Two decimals, as the staff time of the other rows of its column needs them.
      "2,00",
      `-176${NNBSP}000`,
    ]);
    const fte = table!
      .slice(1)
      .map((r) => r[5])
      .filter((v) => v !== "");
    expect(fte.every((v) => /,\d\d$/.test(v))).toBe(true);
  });

  it("goes into the HTML copied as a table", () => {
    const html = annexHtml(allocation, "es");
    expect(html).toContain("Comparaci&#243;n de las opciones");
    expect(html).toContain("Total, Pilot");
    expect(html).toContain("-11.000");
  });

  it("is left out without options", () => {
    const posts = handOptionsSheets()
      .Posts.rows.filter((r) => r[8] === null || r[8] === "Scenario")
      .map((r) => r.slice(0, 8));
    const analysis = analyseWorkbook(
      handOptionsGrids({
        Settings: sheetOf("Settings", handOptionsSheets().Settings.rows.slice(0, 5)),
        Posts: sheetOf("Posts", posts),
        Budget: undefined,
        Rules: sheetOf("Rules", [
          ["Unit", "Method"],
          ["Communication", "equal"],
        ]),
      }),
    );
    if (!analysis.allocation) throw new Error("expected an allocation");
    expect(annexTables(analysis.allocation).map((t) => t.part)).toEqual([1, 2, 3]);
  });
});
