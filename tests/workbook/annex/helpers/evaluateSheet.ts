import type { OutputSheet } from "../../../../src/workbook/grid";

/** The numeric value of a cell by A1 address (0 for an empty or text cell, as SUM treats it). */
export function valueAt(sheet: OutputSheet, address: string): number {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(`bad address ${address}`);
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const v = sheet.cells[Number(m[2]) - 1]?.[col]?.v;
  return typeof v === "number" ? v : 0;
}

function columnIndex(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

function columnLetters(index: number): string {
  let text = "";
  let i = index;
  do {
    text = String.fromCharCode(65 + (i % 26)) + text;
    i = Math.floor(i / 26) - 1;
  } while (i >= 0);
  return text;
}

/** Evaluates the formulas the Annex sheet writes, from the cells' values: SUM of ranges and lists, and A1-B1. */
export function evaluateFormula(sheet: OutputSheet, formula: string): number {
  const sum = /^SUM\((.*)\)$/.exec(formula);
  if (sum) {
    return sum[1].split(",").reduce((total, part) => {
      const range = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(part);
      if (!range) return total + valueAt(sheet, part);
      let t = 0;
      for (let c = columnIndex(range[1]); c <= columnIndex(range[3]); c++) {
        for (let r = Number(range[2]); r <= Number(range[4]); r++)
          t += valueAt(sheet, `${columnLetters(c)}${r}`);
      }
      return total + t;
    }, 0);
  }
  const diff = /^([A-Z]+\d+)-([A-Z]+\d+)$/.exec(formula);
  if (diff) return valueAt(sheet, diff[1]) - valueAt(sheet, diff[2]);
  throw new Error(`unexpected formula ${formula}`);
}
