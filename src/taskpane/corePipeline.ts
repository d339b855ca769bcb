import type { Model } from "../engine/model";
import { parseBasis } from "../engine/parseBasis";
import { analyseWorkbook } from "../workbook/analyseWorkbook";
import type { CellValue, WorkbookGrids } from "../workbook/grid";
import { CONTRACT, type ContractSheet, type InputMapping } from "../workbook/inputMapping";
import { locateProblem } from "../workbook/locateProblem";
import { OUTPUT_SHEETS } from "../workbook/ownership";
import { readWorkbook } from "../workbook/readWorkbook";
import type { SheetLayout } from "../workbook/workbookLayout";
import { readRunHistory, type RunHistory } from "../workbook/history/readRunHistory";
import type {
  Pipeline,
  RulesColumn,
  RulesLocation,
  RunOutcome,
  SettingsLocation,
  SheetFinding,
} from "./pipeline";

const RULES_COLUMNS: readonly RulesColumn[] = ["Unit", "Method", "Basis", "Participants", "Min", "Max"];

/** The real engine and workbook layer, as the pane runs them in Excel and in a browser. */
export const corePipeline: Pipeline = {
  read(grids, mapping) {
    const outcome = knownOf(grids, mapping).read;
    return {
      ...(outcome.model ? { model: outcome.model } : {}),
      problems: outcome.problems,
      sheets: CONTRACT.map((c) => sheetFinding(c, outcome.layout.sheets[c.name], grids)),
      ...(outcome.layout.sheets.Rules ? { rules: rulesLocation(outcome.layout.sheets.Rules) } : {}),
      ...(outcome.layout.sheets.Settings
        ? { settings: settingsLocation(outcome.layout.sheets.Settings) }
        : {}),
      locate: (p) => locateProblem(p, outcome.layout),
    };
  },
  analyse(grids, mapping, adjust) {
    const known = knownOf(grids, mapping);
    if (adjust === undefined && known.asRead !== undefined) return known.asRead;
    const { problems, allocation, model, history } = analyseWorkbook(grids, {
      mapping,
      read: known.read,
      history: known.history,
      ...(adjust ? { adjust: (m: Model) => ({ model: adjust(m), problems: [] }) } : {}),
    });
    const outcome: RunOutcome = {
      problems,
      history,
      ...(allocation ? { allocation } : {}),
      ...(model ? { model } : {}),
    };
    if (adjust === undefined) known.asRead = outcome;
    return outcome;
  },
  parseBasis,
  outputs: async (allocation, grids, time) => (await runHistory()).outputsOf(allocation, grids, time),
  // The output sheets, and what a run records and compares (the waterfall, the run records), load
  // when first needed: a write, the Changes view, a cell explained; not the first screen.
  plan: async (run, grids, time) => (await runHistory()).planOf(run, grids, time),
  review: async (run) => (await runHistory()).reviewOf(run),
  outputNames: OUTPUT_SHEETS,
  // The Word writer carries the docx library: loaded only when the officer asks for a .docx.
  annexDocx: async (allocation, language) => {
    const { writeAnnexDocx } = await import(/* webpackChunkName: "docx" */ "../annex/writeAnnexDocx");
    return writeAnnexDocx(allocation, { language });
  },
  // Loaded when first asked for, as the .docx writer is: the annex tables and their three
  // languages are no part of the first screen.
  annexHtml: async (allocation, language) => {
    const { annexHtml } = await import(/* webpackChunkName: "annex" */ "../workbook/annex/annexHtml");
    return annexHtml(allocation, language);
  },
};

/** The run-history half of the pipeline, in a chunk of its own. */
function runHistory() {
  return import(/* webpackChunkName: "run-history" */ "./runHistoryPipeline");
}

/** What is known of grids read with a mapping: how they read, what earlier runs left, and their run as read once made. */
interface Known {
  mapping: InputMapping;
  read: ReturnType<typeof readWorkbook>;
  history: RunHistory;
  asRead?: RunOutcome;
}

/**
 * Kept for the grids they came from: every edit of a rule runs the whole analysis again, and the
 * pane shows the run as read beside it; reading 10,000 rows again each time would be wasted.
 */
const known = new WeakMap<WorkbookGrids, Known>();
function knownOf(grids: WorkbookGrids, mapping: InputMapping): Known {
  const found = known.get(grids);
  if (found !== undefined && found.mapping === mapping) return found;
  const fresh = { mapping, read: readWorkbook(grids, mapping), history: readRunHistory(grids) };
  known.set(grids, fresh);
  return fresh;
}

/** What the Inputs step shows for one contract sheet. */
function sheetFinding(
  contract: ContractSheet,
  layout: SheetLayout | undefined,
  grids: WorkbookGrids,
): SheetFinding {
  const years = (layout?.yearColumns.length ?? 0) > 0;
  const columns = contract.fields.map((f) => {
    const found = layout?.columns.find((c) => c.field === f.name)?.header;
    return { name: f.name, required: f.required && !(f.yearsInstead && years), ...(found ? { found } : {}) };
  });
  const taken = new Set(
    [...(layout?.columns ?? []), ...(layout?.yearColumns ?? []), ...(layout?.splitColumns ?? [])].map(
      (c) => c.index,
    ),
  );
  const otherHeaders = layout
    ? headerTexts(layout, grids)
        .filter((h) => !taken.has(h.index))
        .map((h) => h.text)
    : [];
  return {
    name: contract.name,
    required: contract.required,
    description: contract.description,
    columns,
    otherHeaders,
    ...(layout ? { found: layout.name } : {}),
    ...(layout?.headerRow !== undefined ? { headerRow: layout.headerRow } : {}),
  };
}

/** The header row's texts with their worksheet columns, read from the sheet or table the layout names. */
function headerTexts(layout: SheetLayout, grids: WorkbookGrids): { index: number; text: string }[] {
  if (layout.headerRow === undefined) return [];
  const block = layout.fromTable
    ? grids.tables.find((t) => t.name === layout.name)
    : grids.sheets.find((s) => s.name === layout.sheet);
  const row: CellValue[] = block?.rows[layout.headerRow - block.firstRow] ?? [];
  const out: { index: number; text: string }[] = [];
  row.forEach((v, i) => {
    const index = (block?.firstCol ?? 1) + i;
    const text = typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "";
    if (text !== "" && index >= layout.firstColumn && index <= layout.lastColumn) out.push({ index, text });
  });
  return out;
}

/** Where edited rules go back: the Rules sheet's header and its columns. */
function rulesLocation(layout: SheetLayout): RulesLocation {
  const columns: Partial<Record<RulesColumn, number>> = {};
  for (const name of RULES_COLUMNS) {
    const c = layout.columns.find((col) => col.field === name);
    if (c) columns[name] = c.index;
  }
  const headerRow = layout.headerRow ?? layout.firstDataRow - 1;
  return {
    sheet: layout.sheet,
    headerRow,
    columns,
    lastRow: Math.max(headerRow, layout.lastDataRow),
  };
}

/** Where the Settings sheet's keys and values stand: its Key and Value columns and the row of each key. */
function settingsLocation(layout: SheetLayout): SettingsLocation {
  const column = (name: string, fallback: number) =>
    layout.columns.find((c) => c.field === name)?.index ?? fallback;
  const rows = layout.settingRows;
  return {
    sheet: layout.sheet,
    keyColumn: column("Key", layout.firstColumn),
    valueColumn: column("Value", layout.firstColumn + 1),
    rows: { ...rows },
    lastRow: Math.max(layout.lastDataRow, layout.headerRow ?? 0, ...Object.values(rows).map((r) => r ?? 0)),
  };
}
