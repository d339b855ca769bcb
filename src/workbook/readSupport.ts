import type { SupportLink } from "../engine/model";
import type { CellReader } from "./cellReader";
import { describeValue } from "./describeValue";
import type { FoundSheet } from "./foundSheet";
import type { ScenarioCells } from "./scenarioCells";

/**
 * Reads the Support sheet: the share of each support unit's effort spent on each unit it serves,
 * and the options each row holds in.
 */
export function readSupport(sheet: FoundSheet, reader: CellReader, options: ScenarioCells): SupportLink[] {
  const links: SupportLink[] = [];
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
  }
  return links;
}
