import { isPercentFormat } from "../../workbook/percentFormat";
import { START, XmlScanner } from "../xml/XmlScanner";

/** Built-in number formats that show a date or a time (ECMA-376 §18.8.30, and the East Asian ones). */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** Built-in number formats that show a percentage: 0% and 0.00%. */
const BUILT_IN_PERCENTS = new Set([9, 10]);

/** For each cell format (the `s` index of a cell), what its number format shows. */
export interface NumberStyles {
  /** A date or a time: such a cell's number is a date serial, read as a Date. */
  dates: boolean[];
  /** A percentage: such a cell's number is a fraction (6.10% holds 0.061). */
  percents: boolean[];
}

/** Reads the styles part's cell formats: which show dates, which percentages. */
export function readNumberStyles(stylesXml: string | undefined): NumberStyles {
  if (stylesXml === undefined) return { dates: [], percents: [] };
  const codes = new Map<number, string>();
  const dates: boolean[] = [];
  const percents: boolean[] = [];
  const sc = new XmlScanner(stylesXml);
  let inCellXfs = false;
  for (let k = sc.next(); k !== 0; k = sc.next()) {
    if (k === START) {
      if (sc.local === "numFmt") {
        codes.set(Number(sc.attr("numFmtId")), sc.attr("formatCode") ?? "");
      } else if (sc.local === "cellXfs") {
        inCellXfs = !sc.selfClosing;
      } else if (sc.local === "xf" && inCellXfs) {
        const id = Number(sc.attr("numFmtId") ?? "0");
        const code = codes.get(id);
        dates.push(code !== undefined ? isDateFormat(code) : BUILT_IN_DATES.has(id));
        percents.push(code !== undefined ? isPercentFormat(code) : BUILT_IN_PERCENTS.has(id));
        sc.skipElement();
      }
    } else if (k === 2 && sc.local === "cellXfs") {
      inCellXfs = false;
    }
  }
  return { dates, percents };
}

/**
 * True when a number format code shows a date or time: it holds d, m, y, h or s (any case; b, e
 * and g for the Buddhist and era years) outside quoted text, escapes, colours, conditions and
 * locale tags; an elapsed-time section such as [h] counts as a time.
 */
export function isDateFormat(code: string): boolean {
  if (/\[(?:h+|m+|s+)\]/i.test(code)) return true;
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/general/gi, "")
    .replace(/e[+-]/gi, "");
  return /[dmyhsbeg]/i.test(bare);
}
