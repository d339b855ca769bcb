import type { SupportLink } from "../engine/model";
import { SUM_TOLERANCE, supportSumMessage } from "../engine/stages/linkSupport";
import { nameKey } from "../engine/stages/nameKey";
import type { CellReader, CellRef } from "./cellReader";
import { describeValue } from "./describeValue";
import type { FoundSheet } from "./foundSheet";
import type { ScenarioCells } from "./scenarioCells";

/**
 * Reads the Support sheet: the share of each support unit's effort spent on each unit it serves,
 * and the options each row holds in.
 */
export function readSupport(sheet: FoundSheet, reader: CellReader, options: ScenarioCells): SupportLink[] {
  const links: SupportLink[] = [];
  // Each link's Share cell, for a sum that does not come to 100%.
  const shareCells: CellRef[] = [];
  const start = reader.problems.length;
  for (const row of sheet.rows) {
    const before = reader.problems.length;
    const providerRef = sheet.cell(row, "Provider");
    const receiverRef = sheet.cell(row, "Receiver");
    const shareRef = sheet.cell(row, "Share");
    if (providerRef === undefined || receiverRef === undefined || shareRef === undefined) continue;
    const provider = reader.requiredText(providerRef, "type the support unit");
    const receiver = reader.requiredText(receiverRef, "type the unit it serves");
    let share: number | undefined;
    if (reader.isBlank(shareRef.value)) {
      reader.report(shareRef, "Share is blank; type the share of the provider's effort, e.g. 25%");
    } else {
      share = reader.percent(shareRef, { plainAbove1: true });
      if (share !== undefined && (share <= 0 || share > 1)) {
        reader.report(
          shareRef,
          `Share must be more than 0% and at most 100%, found ${describeValue(shareRef.value)}`,
        );
      }
    }
    const scenarios = options.read(sheet, row, reader);
    if (
      reader.problems.length > before ||
      provider === undefined ||
      receiver === undefined ||
      share === undefined ||
      scenarios === null
    ) {
      continue;
    }
    links.push({
      provider,
      receiver,
      share,
      ...(scenarios !== undefined ? { scenarios } : {}),
      source: { sheet: sheet.layout.sheet, row: row.row },
    });
    shareCells.push(shareRef);
  }
  // Only where every row read and holds in every option: a row left out, or rows of other
  // options, would give another sum. Elsewhere the engine checks it (linkSupport.ts).
  if (reader.problems.length === start && links.every((l) => l.scenarios === undefined))
    checkSums(links, shareCells, reader);
  return links;
}

/**
 * Each support unit's shares must add up to 100%, as the engine requires; checked here too so
 * that it comes with the workbook's other problems, not once they are fixed. At the first row.
 */
function checkSums(links: readonly SupportLink[], shareCells: readonly CellRef[], reader: CellReader): void {
  // Each provider's links, by their place in `links`.
  const byProvider = new Map<string, number[]>();
  links.forEach((l, k) => {
    const key = nameKey(l.provider);
    byProvider.set(key, [...(byProvider.get(key) ?? []), k]);
  });
  for (const places of byProvider.values()) {
    const sum = places.reduce((a, k) => a + links[k].share, 0);
    if (Math.abs(sum - 1) <= SUM_TOLERANCE) continue;
    const rows = places.map((k) => links[k].source.row);
    reader.report(shareCells[places[0]], supportSumMessage(links[places[0]].provider, sum, rows));
  }
}
