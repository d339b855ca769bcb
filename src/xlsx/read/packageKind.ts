import { NotAWorkbookError, XlsxPackageError } from "../errors";
import type { OpcPackage, Relationship } from "../opc/OpcPackage";
import { readContentTypes } from "../opc/readContentTypes";

/** The kinds of spreadsheet package this adapter reads and writes. */
export type WorkbookKind = "xlsx" | "xlsm";

/** What the package's main part is, once it is known to be a workbook we read. */
export interface PackageKind {
  kind: WorkbookKind;
  /** The workbook part's name ("xl/workbook.xml"). */
  workbookPart: string;
  /** The workbook part's content type, as the package states it. */
  contentType: string;
}

const WORKBOOK_TYPES: Record<string, WorkbookKind> = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
  "application/vnd.ms-excel.sheet.macroenabled.main+xml": "xlsm",
};

/** Other main parts, by content type, as the user would call the file. */
const OTHER_OFFICE_TYPES: [RegExp, string][] = [
  [
    /spreadsheetml\.template\.main/,
    "an Excel template (.xltx); create a workbook from it and save that as .xlsx",
  ],
  [
    /ms-excel\.template\.macroenabled/,
    "an Excel macro-enabled template (.xltm); create a workbook from it and save that as .xlsm",
  ],
  [/ms-excel\.addin\.macroenabled/, "an Excel add-in (.xlam)"],
  [
    /ms-excel\.sheet\.binary/,
    "an Excel Binary Workbook (.xlsb), which costshare cannot read; save it as Excel Workbook (.xlsx)",
  ],
  [/wordprocessingml|ms-word/, "a Word document (.docx)"],
  [/presentationml|ms-powerpoint/, "a PowerPoint presentation (.pptx)"],
  [/visio|vsdx/, "a Visio drawing (.vsdx)"],
];

const OPEN_DOCUMENT: Record<string, string> = {
  "application/vnd.oasis.opendocument.spreadsheet":
    "an OpenDocument spreadsheet (.ods); open it in LibreOffice or Excel and save it as Excel Workbook (.xlsx)",
  "application/vnd.oasis.opendocument.text": "an OpenDocument text document (.odt)",
  "application/vnd.oasis.opendocument.presentation": "an OpenDocument presentation (.odp)",
  "application/vnd.oasis.opendocument.graphics": "an OpenDocument drawing (.odg)",
  "application/epub+zip": "an e-book (.epub)",
};

/**
 * Decides from the package's relationships and content types whether it is an Excel workbook
 * (.xlsx or .xlsm) and where its workbook part is; any other zip (an .ods, a .docx renamed)
 * is a NotAWorkbookError that says what the file is, when that can be recognised.
 */
export function packageKind(pkg: OpcPackage): PackageKind {
  if (pkg.has("mimetype")) {
    const mimetype = pkg.text("mimetype").trim();
    const what = OPEN_DOCUMENT[mimetype];
    throw new NotAWorkbookError(`not an Excel workbook: it is ${what ?? `a document of type ${mimetype}`}.`);
  }
  const main = pkg.rels("").find((r: Relationship) => r.kind === "officeDocument" && r.part !== undefined);
  if (!pkg.has("[Content_Types].xml") || main?.part === undefined) {
    throw new NotAWorkbookError(
      "not an Excel workbook: it is a zip archive, but holds no workbook (no Office document part).",
    );
  }
  if (!pkg.has(main.part)) throw new XlsxPackageError(`the workbook part ${main.part} is missing`);
  const types = readContentTypes(pkg);
  const contentType = types.of(main.part) ?? "";
  const kind = WORKBOOK_TYPES[contentType.toLowerCase()];
  if (kind !== undefined) return { kind, workbookPart: pkg.find(main.part) ?? main.part, contentType };
  const other = OTHER_OFFICE_TYPES.find(([pattern]) => pattern.test(contentType.toLowerCase()));
  if (other) throw new NotAWorkbookError(`not an Excel workbook: it is ${other[1]}.`);
  // Some producers leave the workbook's content type to the "xml" default: judge by its root element.
  const head = pkg.text(main.part).slice(0, 2000);
  if (/<(?:\w+:)?workbook[\s>]/.test(head) && /spreadsheetml/.test(head)) {
    return { kind: "xlsx", workbookPart: pkg.find(main.part) ?? main.part, contentType };
  }
  throw new NotAWorkbookError(
    `not an Excel workbook: its main part is of type ${contentType === "" ? "(none stated)" : contentType}.`,
  );
}
