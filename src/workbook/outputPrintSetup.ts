import type { Settings } from "../engine/model";
import type { PrintSetup } from "./grid";

/** Print setup of every output sheet: A4 landscape, one page wide, header rows repeated, page numbers. */
export function outputPrintSetup(repeatRows: [number, number], settings: Settings): PrintSetup {
  return {
    orientation: "landscape",
    paperSize: "A4",
    fitToWidth: true,
    repeatRows,
    ...(settings.documentSymbol ? { header: settings.documentSymbol } : {}),
    footer: "Page &P of &N",
  };
}
