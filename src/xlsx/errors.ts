import { CostSharingError } from "../engine/errors";

/**
 * The bytes are a zip archive but not a spreadsheet package this adapter can read (a part is
 * missing or malformed): the message says what is wrong, in words, without a library's jargon.
 */
export class XlsxPackageError extends CostSharingError {}

/** The bytes are a zip archive of another kind (an OpenDocument file, a Word document, ...), named in the message. */
export class NotAWorkbookError extends CostSharingError {}

/** The workbook is beyond a size this adapter reads (stated in the message), refused before the work starts. */
export class WorkbookTooLargeError extends CostSharingError {}
