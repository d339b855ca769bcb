import { columnLetter } from "../../src/workbook/columnLetter";
import { cellKey, type CellValue, type WorkbookGrids } from "../../src/workbook/grid";

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
 * ranges, ranges by address with their number formats and their own used range, tables, names, settings) to open the pane on
 * its first screen. Writing is not supported: it exists to measure what Excel mode loads, and to
 * test its first screen, in Chromium.
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
      // The number formats Excel would give: percentages where the grids had them, else General.
      numberFormat: cells.map((r, i) =>
        r.map((_, c) =>
          grids.percentCells?.[s.name]?.has(cellKey(s.firstRow + i, s.firstCol + c)) === true
            ? "0.00%"
            : "General",
        ),
      ),
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
  const col = (letters) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const letters = (n) => { let t = ""; for (; n > 0; n = Math.floor((n - 1) / 26)) t = String.fromCharCode(65 + ((n - 1) % 26)) + t; return t; };
  // "B3:D5" (or a sheet's "'Posts'!B3:D5") as 1-based rows and columns.
  const box = (address) => {
    const m = /([A-Z]+)([0-9]+)(?::([A-Z]+)([0-9]+))?$/i.exec(address.split("$").join(""));
    return { r0: +m[2], c0: col(m[1]), r1: +(m[4] ?? m[2]), c1: col(m[3] ?? m[1]) };
  };
  const cells = (s, b) => {
    const at = box(s.address);
    const pick = (m, empty) => Array.from({ length: b.r1 - b.r0 + 1 }, (_, r) =>
      Array.from({ length: b.c1 - b.c0 + 1 }, (_, c) => m[b.r0 + r - at.r0]?.[b.c0 + c - at.c0] ?? empty));
    return {
      values: pick(s.values, ""),
      valueTypes: pick(s.valueTypes, "Empty"),
      numberFormat: pick(s.numberFormat, "General"),
    };
  };
  const range = (s, address) => {
    const b = box(address);
    return loadable({
      ...cells(s, b),
      select() {},
      getMergedAreasOrNullObject: () => loadable({ isNullObject: true, address: "" }),
      // The used cells within the range (the sheet's used range cut to it), or a null object.
      getUsedRangeOrNullObject: () => {
        const u = box(s.address);
        const i = { r0: Math.max(b.r0, u.r0), c0: Math.max(b.c0, u.c0), r1: Math.min(b.r1, u.r1), c1: Math.min(b.c1, u.c1) };
        const none = s.empty || i.r0 > i.r1 || i.c0 > i.c1;
        const text = none ? "" : letters(i.c0) + i.r0 + ":" + letters(i.c1) + i.r1;
        return loadable({ isNullObject: none, address: text, ...(none ? {} : cells(s, i)) });
      },
    });
  };
  const worksheet = (s) => loadable({
    name: s.name,
    getUsedRangeOrNullObject: () => loadable({ isNullObject: s.empty, address: s.address, values: s.values, valueTypes: s.valueTypes }),
    activate() {},
    getRange: (address) => range(s, address ?? "A1"),
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
