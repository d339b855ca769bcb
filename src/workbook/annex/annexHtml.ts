import type { Language } from "../../engine/model";
import type { Allocation } from "../../engine/result";
import { annexCellText } from "./annexCellText";
import { annexTables, type AnnexColumn, type AnnexRow, type AnnexTable } from "./annexTables";
import { annexTitle } from "./annexTitle";
import { annexMessages } from "./i18n";
import { sliceColumns } from "./sliceColumns";

/** Inline styles: Word and Outlook keep inline CSS on paste but drop style sheets they do not know. */
const FONT = "font-family:Calibri,Carlito,Arial,sans-serif;";
/** Every cell carries its own font: Word's and LibreOffice's HTML import do not pass a table's font down to its cells. */
const CELL = `${FONT}font-size:9pt;padding:1pt 4pt;border:none;vertical-align:bottom;`;
const RULE = "1px solid #000";
/** Cell text in a paragraph without spacing: otherwise Word gives each pasted cell its Normal style's space after. */
const PARA = `${FONT}font-size:9pt;margin:0;`;

/**
 * The annex tables as an HTML document for the clipboard ("copy as table"), so that they paste
 * into Word or Outlook as real tables with the same figures as the sheet and the .docx. Every text
 * is escaped, and characters outside ASCII are written as numeric references, so the French
 * narrow no-break space survives any clipboard encoding.
 */
export function annexHtml(allocation: Allocation, language?: Language): string {
  const lang = language ?? allocation.settings.language ?? "en";
  const m = annexMessages[lang];
  const { settings } = allocation;
  const title = annexTitle(settings, lang);
  const symbol = settings.documentSymbol?.trim();
  const parts: string[] = [];
  const status = settings.status ?? "Draft";
  const colour = status === "Approved" ? "" : "color:#c00000;";
  parts.push(
    `<p style="${FONT}font-size:10pt;font-weight:bold;${colour}margin:0 0 3pt 0">${escapeHtml(m.status[status])}</p>`,
  );
  if (symbol)
    parts.push(`<p style="${FONT}font-size:9pt;text-align:right;margin:0 0 6pt 0">${escapeHtml(symbol)}</p>`);
  parts.push(`<p style="${FONT}font-size:13pt;font-weight:bold;margin:0 0 6pt 0">${escapeHtml(title)}</p>`);
  for (const table of annexTables(allocation, lang)) {
    if (table.first) {
      parts.push(
        `<p style="${FONT}font-size:12pt;font-weight:bold;text-align:center;margin:12pt 0 0 0">${escapeHtml(table.heading)}</p>`,
        `<p style="${FONT}font-size:12pt;font-weight:bold;text-align:center;margin:0 0 6pt 0">${escapeHtml(table.title)}</p>`,
      );
    }
    // More instruments than a page holds: the table continues below with the next ones, as in the .docx.
    sliceColumns(table).forEach((part, p) => {
      const caption = p === 0 ? table.caption : `${table.caption} (${m.continued})`;
      parts.push(
        `<p style="${FONT}font-size:9pt;font-style:italic;margin:6pt 0 3pt 0">${escapeHtml(caption)}</p>`,
      );
      if (part.rows.length > 0) parts.push(htmlTable(part, settings.rounding, lang));
    });
    for (const note of table.footnotes) {
      parts.push(
        `<p style="${FONT}font-size:8pt;margin:0"><sup>${escapeHtml(note.letter)}</sup> ${escapeHtml(note.text)}</p>`,
      );
    }
    for (const note of table.notes) {
      parts.push(`<p style="${FONT}font-size:8pt;font-style:italic;margin:0">${escapeHtml(note)}</p>`);
    }
  }
  return [
    "<!DOCTYPE html>",
    `<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>`,
    `<body>${parts.join("\n")}</body></html>`,
  ].join("\n");
}

function htmlTable(table: AnnexTable, rounding: number, language: Language): string {
  const head = table.columns
    .map((col, c) => {
      // The label column takes what the figures leave; figures keep to one line each.
      const width = c === 0 ? ` width="${labelPercent(table)}%"` : "";
      return `<th${width} style="${CELL}text-align:${alignOf(col)};font-weight:bold;background:#f2f2f2;border-bottom:${RULE}"><p style="${PARA}">${escapeHtml(col.header)}</p></th>`;
    })
    .join("");
  const body = table.rows.map((row) => htmlRow(table, row, rounding, language)).join("\n");
  return [
    `<table style="${FONT}font-size:9pt;border-collapse:collapse;border-top:${RULE};border-bottom:${RULE};width:100%">`,
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>\n${body}\n</tbody></table>`,
  ].join("\n");
}

function htmlRow(table: AnnexTable, row: AnnexRow, rounding: number, language: Language): string {
  const isTotal = row.kind === "subtotal" || row.kind === "total";
  const weight = isTotal || row.kind === "group" ? "font-weight:bold;" : "";
  const rule = isTotal ? `border-top:${RULE};` : "";
  const cells = table.columns.map((col, c) => {
    let text = escapeHtml(annexCellText(row, col, c, rounding, language));
    if (c === 0 && row.notes.length > 0) text += ` <sup>${escapeHtml(row.notes.join(", "))}</sup>`;
    const indent = c === 0 && row.kind === "detail" && table.part === 2 ? "padding-left:10pt;" : "";
    // A figure never breaks across lines, however narrow the page it is pasted into.
    const figure = c > 0 && alignOf(col) === "right";
    const nowrap = figure ? "white-space:nowrap;" : "";
    return `<td${figure ? " nowrap" : ""} style="${CELL}${weight}${rule}${indent}${nowrap}text-align:${c === 0 ? "left" : alignOf(col)}"><p style="${PARA}">${text}</p></td>`;
  });
  return `<tr>${cells.join("")}</tr>`;
}

/** Share of the table's width for the label column: a third with few columns, less with many. */
function labelPercent(table: AnnexTable): number {
  return Math.max(18, Math.min(34, 100 - 7 * (table.columns.length - 1)));
}

function alignOf(col: AnnexColumn): "left" | "right" {
  return col.kind === "label" || col.kind === "text" ? "left" : "right";
}

/** Escapes markup characters, and writes every non-ASCII character as a numeric reference. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']|[^\x20-\x7e]/gu, (ch) => {
    switch (ch) {
      case "&":
        return "&amp;";
      case "<":
        return "&lt;";
      case ">":
        return "&gt;";
      case '"':
        return "&quot;";
      case "'":
        return "&#39;";
      default:
        return `&#${ch.codePointAt(0)};`;
    }
  });
}
