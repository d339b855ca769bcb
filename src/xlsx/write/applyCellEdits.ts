import { OpcPackage, relativeTarget } from "../opc/OpcPackage";
import { XlsxPackageError } from "../errors";
import { escapeXml } from "../xml/escapeXml";
import type { PackageState } from "./applyOutputs";
import { editCells } from "./editCells";
import { editListXml } from "./editListXml";
import { OutputStyles } from "./OutputStyles";

/** A cell to write into a sheet of the user's, as the task pane's rule editor gives it. */
export interface SheetCell {
  /** 1-based row and column. */
  row: number;
  col: number;
  /** Text (written as text), a number, or null to empty the cell. */
  value: string | number | null;
  /** The number format a number takes ("0.##%"); text keeps the cell's own format. */
  format?: string;
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

/**
 * Writes cells into a worksheet of the user's (the Rules sheet, when the officer edits rules in the
 * pane): only that sheet's part changes, and the style sheet when a number needs its format; the
 * calculation chain goes if a formula was overwritten. All of it lands at once.
 */
export function applyCellEdits(state: PackageState, sheet: string, cells: readonly SheetCell[]): void {
  const { pkg, workbook, workbookPart } = state;
  const entry = workbook.sheets.find(
    (s) => s.name === sheet && s.kind === "worksheet" && s.part !== undefined,
  );
  if (entry?.part === undefined) throw new XlsxPackageError(`The workbook has no sheet named '${sheet}'`);
  const stylesRel = workbook.rels.find((r) => r.kind === "styles" && r.part !== undefined && pkg.has(r.part));
  const stylesPart =
    stylesRel?.part ?? `${workbookPart.slice(0, workbookPart.lastIndexOf("/") + 1)}styles.xml`;
  const styles = new OutputStyles(stylesRel ? pkg.text(stylesPart) : undefined);
  const { xml, replacedFormula } = editCells(
    pkg.text(entry.part),
    cells.map((c) => ({
      row: c.row,
      col: c.col,
      value: c.value,
      ...(c.format !== undefined && c.format !== "@"
        ? { numberXf: (xf: number) => styles.withNumberFormat(xf, c.format as string) }
        : {}),
    })),
  );
  const edit = pkg.begin();
  edit.set(entry.part, xml);
  const stylesXml = styles.toXml();
  if (stylesXml !== undefined) edit.set(stylesPart, stylesXml);
  const calcChain = replacedFormula ? workbook.rels.find((r) => r.kind === "calcChain") : undefined;
  if (styles.created || calcChain !== undefined) {
    const relsPart = OpcPackage.relsPartOf(workbookPart);
    const created = styles.created && stylesXml !== undefined;
    edit.set(
      relsPart,
      editListXml(
        pkg.text(relsPart),
        (attr) => calcChain !== undefined && attr("Id") === calcChain.id,
        (p) =>
          created
            ? `<${p}Relationship Id="rIdStyles${workbook.rels.length + 1}" Type="${REL}/styles" Target="${escapeXml(relativeTarget(workbookPart, stylesPart))}"/>`
            : "",
      ),
    );
    const chainPart = calcChain?.part !== undefined ? pkg.find(calcChain.part) : undefined;
    edit.set(
      "[Content_Types].xml",
      editListXml(
        pkg.text("[Content_Types].xml"),
        (attr) => chainPart !== undefined && pkg.find(attr("PartName") ?? "") === chainPart,
        (p) =>
          created ? `<${p}Override PartName="/${escapeXml(stylesPart)}" ContentType="${STYLES_TYPE}"/>` : "",
      ),
    );
    if (chainPart !== undefined) edit.remove(chainPart);
  }
  edit.commit();
}
