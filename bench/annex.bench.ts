/**
 * Annex benchmark: the Word annex (writeAnnexDocx) for a large joint secretariat — 400 posts in
 * 20 units, 12 instruments, 3 years, four times the staff the seed's Figure 2 sketches — against
 * the floor of the docx package itself: packing a bare table with the same number of cells, plain
 * text only, in the same run. The Annex sheet and the HTML for "copy as table" are timed as extras.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import { writeAnnexDocx } from "../src/annex/writeAnnexDocx";
import { computeAllocation } from "../src/engine/computeAllocation";
import type { BaselineItem, BudgetLine, Instrument, Model, Post, Rule } from "../src/engine/model";
import { annexHtml } from "../src/workbook/annex/annexHtml";
import { annexTables } from "../src/workbook/annex/annexTables";
import { buildAnnexSheet } from "../src/workbook/annex/buildAnnexSheet";
import { type BenchResult, medianMs, peakRssMB } from "./benchmark";

const POSTS = 400;
const UNITS = 20;
const INSTRUMENTS = 12;
const YEARS = 3;

/** A large but plausible secretariat: every rule kind, posts with their own splits, a baseline for four instruments. */
function annexModel(): Model {
  const src = (sheet: string, row: number) => ({ sheet, row });
  const codes = ["CMS", "AEWA", "EUROBATS", "ASCOBANS", "GORILLA", "SHARKS", "RAPTORS", "IOSEA", "DUGONG"];
  while (codes.length < INSTRUMENTS) codes.push(`MOU${codes.length}`);
  const instruments: Instrument[] = codes.map((code, i) => ({
    code,
    name: code,
    type: i < 4 ? "Agreement" : "MOU",
    drivers: { Parties: 5 + ((i * 37) % 120), Budget: 100000 + i * 75000 },
    source: src("Instruments", i + 2),
  }));
  const grades = ["G4", "G5", "G6", "P2", "P3", "P4", "P5", "D1"].map((grade, k) => ({
    grade,
    cost: 70000 + k * 15000,
    source: src("Grades", k + 2),
  }));
  const units = Array.from({ length: UNITS }, (_, k) => `Unit ${k + 1}`);
  const rules: Rule[] = units.map((unit, k) => {
    const base = { unit, participants: [] as string[], source: src("Rules", k + 2) };
    switch (k % 5) {
      case 0:
        return { ...base, spec: { method: "fixed", shares: { CMS: 0.6, AEWA: 0.4 } } };
      case 1:
        return { ...base, spec: { method: "equal" } };
      case 2:
        return { ...base, spec: { method: "driver", driver: "Parties" }, max: 0.25 };
      case 3:
        return {
          ...base,
          spec: {
            method: "hybrid",
            parts: [
              { weight: 0.4, basis: "equal" },
              { weight: 0.6, basis: "Parties" },
            ],
          },
        };
      default:
        return { ...base, spec: { method: "posts" } };
    }
  });
  const posts: Post[] = Array.from({ length: POSTS }, (_, p) => {
    const unitIndex = p % UNITS;
    const own = unitIndex % 5 === 4;
    return {
      id: `P${p + 1}`,
      title: `Programme post ${p + 1}`,
      grade: grades[p % grades.length].grade,
      unit: units[unitIndex],
      fte: p % 7 === 0 ? 0.5 : 1,
      fundedBy: codes[p % INSTRUMENTS],
      ...(own ? { split: { [codes[p % INSTRUMENTS]]: 0.875, [codes[(p + 5) % INSTRUMENTS]]: 0.125 } } : {}),
      source: src("Posts", p + 2),
    };
  });
  const budget: BudgetLine[] = units.flatMap((unit, k) =>
    ["Meetings", "Operational"].map((category, j) => ({
      item: `${category} ${k + 1}`,
      unit,
      category,
      amount: 40000 + 5000 * k + 1000 * j,
      source: src("Budget", k * 2 + j + 2),
    })),
  );
  const baseline: BaselineItem[] = codes.slice(0, 4).flatMap((instrument, i) =>
    ["Staff", "Meetings", "Operational"].map((category, j) => ({
      instrument,
      category,
      cost: 900000 / (i + 1) / (j + 1),
      ...(category === "Staff" ? { fte: 30 / (i + 1) } : {}),
      source: src("Baseline", i * 3 + j + 2),
    })),
  );
  return {
    settings: {
      currency: "EUR",
      firstYear: 2015,
      years: YEARS,
      escalation: 0.02,
      psc: 0.13,
      rounding: 1,
      supportMethod: "reciprocal",
      documentSymbol: "UNEP/CMS/StC-Bench/Doc.1",
      language: "fr",
    },
    instruments,
    grades,
    posts,
    budget,
    rules,
    support: [],
    baseline,
  };
}

/** The floor: the docx package packing bare tables with the same cells, unstyled. */
async function floorDocx(shape: { rows: number; columns: number }[]): Promise<number> {
  const tables = shape.map(
    ({ rows, columns }) =>
      new Table({
        rows: Array.from(
          { length: rows },
          () =>
            new TableRow({
              children: Array.from(
                { length: columns },
                () => new TableCell({ children: [new Paragraph("1 234")] }),
              ),
            }),
        ),
      }),
  );
  const bytes = await Packer.toArrayBuffer(new Document({ sections: [{ children: tables }] }));
  return bytes.byteLength;
}

/** Runs the benchmark and reports median times. */
export async function bench(): Promise<BenchResult> {
  const outcome = computeAllocation(annexModel());
  if (!outcome.ok) throw new Error(`The benchmark model is invalid: ${outcome.problems[0]?.message}`);
  const allocation = outcome.allocation;
  const tables = annexTables(allocation);
  const shape = tables.map((t) => ({ rows: t.rows.length + 1, columns: t.columns.length }));
  const cells = shape.reduce((sum, s) => sum + s.rows * s.columns, 0);
  let sink = 0;
  const baselineMs = await medianMs(async () => (sink += await floorDocx(shape)), 5, 1);
  let docxBytes = 0;
  const ms = await medianMs(
    async () => {
      docxBytes = (await writeAnnexDocx(allocation)).length;
    },
    5,
    1,
  );
  const sheetMs = await medianMs(() => (sink += buildAnnexSheet(allocation).cells.length), 9, 2);
  let htmlChars = 0;
  const htmlMs = await medianMs(() => (htmlChars = annexHtml(allocation).length), 9, 2);
  const ratio = ms / baselineMs;
  return {
    name: "annex-docx-400-posts-12-instruments-3-years",
    ms,
    baselineMs,
    ratio,
    peakMB: peakRssMB(),
    baseline: "the docx package packing bare tables with the same number of cells, unstyled",
    target: "<= 3000 ms and <= 3x baseline",
    met: ms <= 3000 && ratio <= 3,
    extra: {
      posts: POSTS,
      instruments: INSTRUMENTS,
      years: YEARS,
      tableCells: cells,
      docxBytes,
      sheetMs: Math.round(sheetMs * 10) / 10,
      htmlMs: Math.round(htmlMs * 10) / 10,
      htmlChars,
      sink: sink > 0 ? "ok" : "0",
    },
  };
}
