/** The hidden sheet where each run keeps its record (see RunRecord), read back by the next run. */
export const RUN_RECORDS_SHEET = "Run records";

/** The records sheet's columns, in order. */
export const RECORD_COLUMNS = ["Run", "Part", "Parts", "Checksum", "Record"] as const;

/** Characters of record text per cell: under Excel's 32,767, with room to spare. */
export const RECORD_CHUNK = 30000;
