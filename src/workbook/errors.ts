import { CostSharingError } from "../engine/errors";

/** A write would replace a sheet that the user owns (it has no ownership mark of ours). */
export class ForeignSheetError extends CostSharingError {
  constructor(readonly sheets: string[]) {
    super(
      `The workbook already has ${sheets.length === 1 ? "a sheet" : "sheets"} named ${sheets
        .map((s) => `'${s}'`)
        .join(", ")} that this add-in did not write. Rename or remove ${
        sheets.length === 1 ? "it" : "them"
      } first: nothing was written.`,
    );
  }
}
