import { columnLetter } from "../../src/workbook/columnLetter";
import type { CellValue, WorkbookGrids } from "../../src/workbook/grid";

/** A cell as Office.js hands it over: a primitive value and its value type. */
function officeCell(v: CellValue): { value: unknown; type: string } {
  if (v === null) return { value: "", type: "Empty" };
  if (typeof v === "number") return { value: v, type: "Double" };
  if (typeof v === "string") return { value: v, type: "String" };
  if (typeof v === "boolean") return { value: v, type: "Boolean" };
  if (v instanceof Date) return { value: 25569 + v.getTime() / 86_400_000, type: "Double" };
  if ("error" in v) return { value: v.error, type: "Error" };
  return { value: "", type: "Empty" };
}

/**
 * The source of a stand-in for office.js that makes the pane believe it runs inside Excel, over a
 * workbook given as grids: enough of Office.onReady, Excel.run and the read path (worksheets, used
 * ranges, tables, names, settings) to open the pane on its first screen. Writing is not supported:
 * it exists to measure what Excel mode loads, and to test its first screen, in Chromium.
 */
export function fakeOfficeScript(grids: WorkbookGrids): string {
  const sheets = grids.sheets.map((s) => {
    const width = Math.max(0, ...s.rows.map((r) => r.length));
    const cells = s.rows.map((r) => Array.from({ length: width }, (_, c) => officeCell(r[c] ?? null)));
    const last = `${columnLetter(s.firstCol + Math.max(width, 1) - 1)}${s.firstRow + Math.max(s.rows.length, 1) - 1}`;
    return {
      name: s.name,
      empty: s.rows.length === 0,
      address: `'${s.name.replace(/'/g, "''")}'!${columnLetter(s.firstCol)}${s.firstRow}:${last}`,
      values: cells.map((r) => r.map((c) => c.value)),
      valueTypes: cells.map((r) => r.map((c) => c.type)),
    };
  });
  const tables = grids.tables.map((t) => {
    const width = Math.max(1, ...t.rows.map((r) => r.length));
    return {
      name: t.name,
      sheet: t.sheet,
      address: `'${t.sheet}'!${columnLetter(t.firstCol)}${t.firstRow}:${columnLetter(t.firstCol + width - 1)}${t.firstRow + t.rows.length - 1}`,
    };
  });
  return `(() => {
  const data = ${JSON.stringify({ sheets, tables })};
  const settings = {};
  const loadable = (o) => Object.assign(o, { load() { return o; } });
  const worksheet = (s) => loadable({
    name: s.name,
    getUsedRangeOrNullObject: () => loadable({ isNullObject: s.empty, address: s.address, values: s.values, valueTypes: s.valueTypes }),
    activate() {},
    getRange: () => loadable({ select() {} }),
  });
  const context = () => ({
    workbook: {
      worksheets: loadable({
        items: data.sheets.map(worksheet),
        getItem: (name) => worksheet(data.sheets.find((s) => s.name === name) ?? data.sheets[0]),
        onSelectionChanged: { add: () => ({ context: {}, remove() {} }) },
      }),
      tables: loadable({
        items: data.tables.map((t) => ({ name: t.name, worksheet: { name: t.sheet }, getRange: () => loadable({ address: t.address }) })),
      }),
      names: loadable({ items: [] }),
      settings: {
        getItemOrNullObject: (key) => loadable({ isNullObject: !(key in settings), value: settings[key] ?? null }),
        add: (key, value) => { settings[key] = value; },
      },
    },
    sync: () => Promise.resolve(),
  });
  window.Excel = { run: async (a, b) => (typeof a === "function" ? a(context()) : b(context())) };
  window.Office = {
    HostType: { Excel: "Excel" },
    context: { officeTheme: undefined, requirements: { isSetSupported: () => true } },
    onReady: () => Promise.resolve({ host: "Excel", platform: "OfficeOnline" }),
  };
})();`;
}
