/**
 * An in-memory Excel behind an object shaped like Excel.RequestContext, for the adapter's tests.
 * It keeps Office.js's contract where the adapter could get it wrong: operations are queued and
 * applied, in order, only at context.sync(); a property read before it was loaded and synced
 * throws; Range.values turns "=..." (and "+x", "-x", "@x") into a formula unless the cell's
 * number format is text; null in a values/formulas matrix leaves the cell alone; a failing
 * operation stops its batch with the operations before it applied (no atomicity), and a failed
 * sync delivers none of its loads; and the last visible sheet cannot be deleted. It counts syncs
 * and the size of each request and response, and can fail a chosen sync halfway (an injected fault).
 *
 * Like Excel on the web, it refuses a request or a response over 5 MB ("Excel on the web has a
 * payload size limit for requests and responses of 5MB", Microsoft's "Resource limits and
 * performance optimization for Office Add-ins"): a request over the limit fails before anything is
 * applied (RequestPayloadSizeLimitExceeded); a response over it fails the sync with its loads
 * undelivered (ResponsePayloadSizeLimitExceeded), the error codes Excel's API reference lists.
 * Sizes are the UTF-8 bytes of the JSON of what is sent (each operation's arguments, with a
 * small allowance per call) and of what is returned (each loaded property's value).
 *
 * Why not office-addin-mock: its OfficeMockObject models a fixed tree of properties loaded in one
 * go; it cannot add, rename or delete sheets within a batch, apply a batch partly, or fill
 * isNullObject on load, and those are exactly what the adapter's write path must get right.
 */

export interface FakeCell {
  value: string | number | boolean | null;
  formula?: string;
  error?: string;
  numberFormat: string;
  look: Record<string, unknown>;
}

/** A plain value as a generated block gives it (null = an empty cell). */
export type FakeValue = string | number | boolean | null;

/**
 * A large block of cells computed on demand rather than stored (a 300,000-row ledger would take
 * gigabytes as FakeCell objects). Its value function is called with 0-based row and column
 * offsets within the block; the block's edges count for the used range whatever they hold.
 */
interface GeneratedBlock {
  top: number;
  left: number;
  rows: number;
  cols: number;
  value: (r: number, c: number) => FakeValue;
}

export class FakeSheet {
  visibility = "Visible";
  readonly cells = new Map<string, FakeCell>();
  /** Sheet-level settings and calls: column widths, merges, panes, page layout, tab colour. */
  readonly props: Record<string, unknown> = {};
  /** A generated block of values (test set-up for large sheets); stored cells take precedence. */
  generated?: GeneratedBlock;
  /**
   * The last row and column that carry formatting only (a fill or a border down to row 1,048,576):
   * part of the used range, but not of the values-only used range.
   */
  formattedTo?: { row: number; col: number };
  constructor(public name: string) {}

  cell(address: string): FakeCell | undefined {
    return this.cells.get(address.toUpperCase());
  }
  /** Fills a block of `rows` × `cols` cells from `value(r, c)`, computed when read (test set-up, no queue). */
  generate(rows: number, cols: number, value: (r: number, c: number) => FakeValue, top = 1, left = 1): this {
    this.generated = { top, left, rows, cols, value };
    return this;
  }
  /** The cell at 1-based row and column as a read sees it, without creating it. */
  peek(row: number, col: number): FakeCell | undefined {
    const stored = this.cells.get(`${letters(col)}${row}`);
    if (stored) return stored;
    const g = this.generated;
    if (!g || row < g.top || row >= g.top + g.rows || col < g.left || col >= g.left + g.cols)
      return undefined;
    return { value: g.value(row - g.top, col - g.left), numberFormat: "General", look: {} };
  }
  /** The cell at 1-based row and column, created on demand. */
  at(row: number, col: number): FakeCell {
    const key = `${letters(col)}${row}`;
    let c = this.cells.get(key);
    if (!c) {
      c = { value: null, numberFormat: "General", look: {} };
      this.cells.set(key, c);
    }
    return c;
  }
  /** Sets plain values from A1 (test set-up, no queue). */
  fill(rows: (string | number | boolean | null | { error: string })[][], top = 1, left = 1): this {
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        const cell = this.at(top + r, left + c);
        if (typeof v === "object") {
          cell.error = v.error;
          cell.value = v.error;
        } else cell.value = v;
      }),
    );
    return this;
  }
}

interface FakeName {
  name: string;
  sheet: FakeSheet | null;
}
interface FakeTable {
  name: string;
  sheet: FakeSheet;
  address: string;
}
interface Queued {
  bytes: number;
  run: () => void;
}
/** A loaded property waiting for its sync to succeed: its size in the response, and how it lands. */
interface Delivery {
  bytes: number;
  deliver: () => void;
}

/** Excel on the web's limit on a request and on a response, in bytes (5 MB, read strictly). */
export const PAYLOAD_LIMIT = 5_000_000;

/** An error shaped like OfficeExtension.Error: a name, a code from Excel.ErrorCodes, a message. */
export class FakeRichApiError extends Error {
  override readonly name = "RichApi.Error";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

/** UTF-8 bytes of a value's JSON, a matrix row by row (no giant string for a large range). */
export function jsonBytes(value: unknown): number {
  if (Array.isArray(value) && value.length > 0 && Array.isArray(value[0])) {
    return 2 + value.length - 1 + value.reduce((t: number, row) => t + jsonBytes(row), 0);
  }
  return Buffer.byteLength(JSON.stringify(value ?? null));
}

export function letters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
function colIndex(l: string): number {
  let n = 0;
  for (const ch of l.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}
/** A box of cells: first and last row and column, 1-based and inclusive. */
interface FakeBox {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** "B3:D5" → rows 3..5, cols 2..4 (1-based, inclusive). */
function parseRange(address: string): FakeBox {
  const text = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
  const [a, b = a] = text.split(":");
  const pa = /^([A-Z]+)(\d+)$/i.exec(a);
  const pb = /^([A-Z]+)(\d+)$/i.exec(b);
  if (!pa || !pb) throw new Error(`InvalidArgument: fake range address '${address}'`);
  return { r0: Number(pa[2]), c0: colIndex(pa[1]), r1: Number(pb[2]), c1: colIndex(pb[1]) };
}
function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** A cell's value as Range.values gives it: "" for an empty cell. */
function cellValue(cell: FakeCell | undefined): unknown {
  return cell?.value ?? "";
}
/** A cell's type as Range.valueTypes gives it. */
function cellType(cell: FakeCell | undefined): string {
  if (cell?.error) return "Error";
  if (cell?.value === null || cell?.value === undefined) return "Empty";
  if (typeof cell.value === "number") return "Double";
  return typeof cell.value === "boolean" ? "Boolean" : "String";
}
/** The cells of a box of a sheet, row by row, through `fn`. */
function readMatrix<T>(sheet: FakeSheet, b: FakeBox, fn: (cell: FakeCell | undefined) => T): T[][] {
  const out: T[][] = [];
  for (let r = b.r0; r <= b.r1; r++) {
    const row: T[] = [];
    for (let c = b.c0; c <= b.c1; c++) row.push(fn(sheet.peek(r, c)));
    out.push(row);
  }
  return out;
}
/**
 * The box of a sheet's used range (values only, or with formatting too), or of the used cells
 * within `clip` (Range.getUsedRangeOrNullObject); null when it has none.
 */
function usedBox(sheet: FakeSheet, valuesOnly: boolean, clip?: FakeBox): FakeBox | null {
  let r0 = Infinity;
  let c0 = Infinity;
  let r1 = 0;
  let c1 = 0;
  const inside = (r: number, c: number) =>
    !clip || (r >= clip.r0 && r <= clip.r1 && c >= clip.c0 && c <= clip.c1);
  const take = (r: number, c: number) => {
    r0 = Math.min(r0, r);
    c0 = Math.min(c0, c);
    r1 = Math.max(r1, r);
    c1 = Math.max(c1, c);
  };
  /** Takes the part of a block of used cells that lies within the clip. */
  const takeBlock = (b: FakeBox) => {
    const top = Math.max(b.r0, clip?.r0 ?? b.r0);
    const left = Math.max(b.c0, clip?.c0 ?? b.c0);
    const bottom = Math.min(b.r1, clip?.r1 ?? b.r1);
    const right = Math.min(b.c1, clip?.c1 ?? b.c1);
    if (top > bottom || left > right) return;
    take(top, left);
    take(bottom, right);
  };
  for (const [key, cell] of sheet.cells) {
    const used =
      cell.value !== null || cell.formula !== undefined || (!valuesOnly && cell.numberFormat !== "General");
    if (!used) continue;
    const { r0: r, c0: c } = parseRange(key);
    if (inside(r, c)) take(r, c);
  }
  const g = sheet.generated;
  if (g && g.rows > 0 && g.cols > 0) {
    takeBlock({ r0: g.top, c0: g.left, r1: g.top + g.rows - 1, c1: g.left + g.cols - 1 });
  }
  if (!valuesOnly && sheet.formattedTo) {
    takeBlock({ r0: 1, c0: 1, r1: sheet.formattedTo.row, c1: sheet.formattedTo.col });
  }
  return r1 === 0 ? null : { r0, c0, r1, c1 };
}

/** A loadable property: how its value is got, what of it the response carries, and an optional setter. */
interface Field {
  get: () => unknown;
  /** The plain data the response carries (for a collection of proxies: the fields loaded of each). */
  json?: (value: unknown) => unknown;
  /** A write to the property (queued like any other operation). */
  set?: (value: unknown) => void;
}

/** Defines `fields` on `target` as properties that throw until loaded and synced. */
function loadable(
  fx: FakeExcel,
  target: Record<string, unknown>,
  specs: Record<string, (() => unknown) | Field>,
): void {
  const fields: Record<string, Field> = {};
  for (const [f, spec] of Object.entries(specs))
    fields[f] = typeof spec === "function" ? { get: spec } : spec;
  const store: Record<string, unknown> = {};
  const loaded = new Set<string>();
  for (const [f, field] of Object.entries(fields)) {
    Object.defineProperty(target, f, {
      configurable: true,
      enumerable: true,
      get: () => {
        if (!loaded.has(f)) throw new Error(`PropertyNotLoaded: '${f}' was read before load() and sync().`);
        return store[f];
      },
      ...(field.set ? { set: field.set } : {}),
    });
  }
  target.load = (spec?: string | string[]) => {
    const wanted = (Array.isArray(spec) ? spec.join(",") : (spec ?? Object.keys(fields).join(",")))
      .split(",")
      // "items/name" loads the collection's items (the fake's items carry every field).
      .map((s) => s.trim().split("/")[0])
      .filter((s, i, all) => s !== "" && all.indexOf(s) === i);
    for (const w of wanted) if (!(w in fields)) throw new Error(`fake: cannot load '${w}'`);
    fx.enqueue(40 + 16 * wanted.length, () => {
      for (const w of wanted) {
        const value = fields[w].get();
        const json = fields[w].json ?? ((v: unknown) => v);
        fx.deliver(w.length + 4 + jsonBytes(json(value)), () => {
          store[w] = value;
          loaded.add(w);
        });
      }
    });
    return target;
  };
}

/** A recorder for format / pageLayout trees: every set and call lands in `sink(path, value)`. */
function recorder(fx: FakeExcel, sink: (path: string, value: unknown) => void, path = ""): unknown {
  return new Proxy(function () {}, {
    get: (_t, key) => {
      if (typeof key !== "string") return undefined;
      return recorder(fx, sink, path ? `${path}.${key}` : key);
    },
    set: (_t, key, value) => {
      const at = path ? `${path}.${String(key)}` : String(key);
      fx.enqueue(60 + JSON.stringify(value ?? null).length, () => sink(at, value));
      return true;
    },
    apply: (_t, _this, args: unknown[]) => {
      const show = () =>
        args.map((a) =>
          typeof a === "object" && a !== null && "address" in a
            ? (a as { address: string }).address
            : String(a),
        );
      // getItem(...) navigates; anything else is a call to record (its arguments read when it runs).
      if (path.endsWith("getItem")) return recorder(fx, sink, `${path}(${show().join(",")})`);
      fx.enqueue(80, () => sink(`${path}(${show().join(",")})`, true));
      return undefined;
    },
  });
}

export class FakeExcel {
  sheets: FakeSheet[] = [];
  names: FakeName[] = [];
  tables: FakeTable[] = [];
  settings = new Map<string, unknown>();
  syncCount = 0;
  /** Bytes of each sync's request. */
  requestBytes: number[] = [];
  /** Bytes of each sync's response (what its loads return). */
  responseBytes: number[] = [];
  /** Every range whose values a sync returned (a used range's too): "Sheet!A1:B2". */
  rangeReads: string[] = [];
  /** The largest request or response a sync may carry; Excel on the web's 5 MB unless a test lifts it. */
  payloadLimit = PAYLOAD_LIMIT;
  suspendCalls = 0;
  /** Fail the n-th sync (1-based) after applying the first half of its operations. */
  failOnSync?: number;
  private queue: Queued[] = [];
  private charged = 0;
  private deliveries: Delivery[] = [];

  constructor(sheetNames: string[] = ["Sheet1"]) {
    this.sheets = sheetNames.map((n) => new FakeSheet(n));
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => same(s.name, name));
  }
  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(name);
    this.sheets.push(s);
    return s;
  }
  /** Marks a sheet as ours the way the adapter does (test set-up). */
  markOwned(sheet: FakeSheet, nameOverride?: string): void {
    this.names.push({
      name: nameOverride ?? `_CMSCS_OWNED_${sheet.name.replace(/[^A-Za-z0-9_]/g, "_")}`,
      sheet,
    });
  }
  addTable(name: string, sheet: FakeSheet, address: string): void {
    this.tables.push({ name, sheet, address });
  }

  enqueue(bytes: number, run: () => void): void {
    this.queue.push({ bytes, run });
  }
  /** Adds to the size of the next request without an operation (a call that only navigates). */
  charge(bytes: number): void {
    this.charged += bytes;
  }
  /** Counts a loaded value in this sync's response; it lands only if the sync succeeds. */
  deliver(bytes: number, land: () => void): void {
    this.deliveries.push({ bytes, deliver: land });
  }

  async sync(): Promise<void> {
    this.syncCount++;
    const batch = this.queue;
    this.queue = [];
    const request = 60 + this.charged + batch.reduce((s, q) => s + q.bytes, 0);
    this.charged = 0;
    this.deliveries = [];
    this.requestBytes.push(request);
    if (request > this.payloadLimit) {
      this.responseBytes.push(0);
      throw new FakeRichApiError(
        "RequestPayloadSizeLimitExceeded",
        `the request is ${request} bytes, over the ${this.payloadLimit}-byte limit of Excel on the web.`,
      );
    }
    const failHere = this.failOnSync === this.syncCount;
    const limit = failHere ? Math.floor(batch.length / 2) : batch.length;
    try {
      for (let i = 0; i < limit; i++) batch[i].run();
    } finally {
      this.responseBytes.push(60 + this.deliveries.reduce((s, d) => s + d.bytes, 0));
    }
    if (failHere) throw new Error("GeneralException: injected fault halfway through the request.");
    const response = this.responseBytes[this.responseBytes.length - 1];
    if (response > this.payloadLimit) {
      throw new FakeRichApiError(
        "ResponsePayloadSizeLimitExceeded",
        `the response is ${response} bytes, over the ${this.payloadLimit}-byte limit of Excel on the web.`,
      );
    }
    for (const d of this.deliveries) d.deliver();
    this.deliveries = [];
    return Promise.resolve();
  }

  /** The object the adapter receives as its Excel.RequestContext. */
  get context(): Excel.RequestContext {
    return this.contextObject as unknown as Excel.RequestContext;
  }

  private readonly contextObject = {
    sync: () => this.sync(),
    application: {
      suspendApiCalculationUntilNextSync: () => {
        this.suspendCalls++;
      },
    },
    workbook: {
      worksheets: this.worksheetCollection(),
      names: this.nameCollection(),
      tables: this.tableCollection(),
      settings: this.settingCollection(),
    },
  };

  private worksheetCollection(): Record<string, unknown> {
    const coll: Record<string, unknown> = {};
    loadable(this, coll, {
      items: {
        get: () => this.sheets.map((s) => this.worksheetProxy(() => s, s.name)),
        json: (items) => (items as { name: string }[]).map((ws) => ({ name: ws.name })),
      },
    });
    coll.getItem = (name: string) => {
      this.charge(40 + jsonBytes(name));
      return this.worksheetProxy(() => {
        const s = this.sheet(name);
        if (!s) throw new Error(`ItemNotFound: no sheet '${name}'.`);
        return s;
      });
    };
    coll.getItemOrNullObject = (name: string) => {
      const proxy = this.worksheetProxy(() => {
        const s = this.sheet(name);
        if (!s) throw new Error(`InvalidArgument: method called on a null object (sheet '${name}').`);
        return s;
      });
      loadable(this, proxy, {
        isNullObject: () => !this.sheet(name),
        name: () => this.sheet(name)?.name ?? null,
      });
      // Office.js fills isNullObject on any load of an *OrNullObject proxy.
      const load = proxy.load as (spec?: string) => unknown;
      proxy.load = (spec?: string) => load(`isNullObject, ${spec ?? "name"}`);
      return proxy;
    };
    coll.add = (name: string) => {
      let created: FakeSheet | undefined;
      this.enqueue(100, () => {
        if (this.sheet(name)) throw new Error(`ItemAlreadyExists: a sheet named '${name}' exists.`);
        created = this.addSheet(name);
      });
      return this.worksheetProxy(() => {
        if (!created) throw new Error("fake: sheet used before it was added");
        return created;
      });
    };
    return coll;
  }

  /** A worksheet proxy; `loadedName` is set for items of a loaded collection. */
  worksheetProxy(resolve: () => FakeSheet, loadedName?: string): Record<string, unknown> {
    const ws: Record<string, unknown> = {};
    Object.defineProperty(ws, "name", {
      configurable: true,
      get: () => {
        if (loadedName === undefined) throw new Error("PropertyNotLoaded: 'name'");
        return loadedName;
      },
      set: (value: string) =>
        this.enqueue(80, () => {
          const s = resolve();
          const clash = this.sheets.find((o) => o !== s && same(o.name, value));
          if (clash) throw new Error(`InvalidArgument: the name '${value}' is taken.`);
          s.name = value;
        }),
    });
    Object.defineProperty(ws, "position", {
      set: (value: number) =>
        this.enqueue(60, () => {
          const s = resolve();
          if (!Number.isInteger(value) || value < 0 || value >= this.sheets.length) {
            throw new Error(`InvalidArgument: position ${value} is out of range.`);
          }
          this.sheets = this.sheets.filter((o) => o !== s);
          this.sheets.splice(value, 0, s);
        }),
    });
    for (const prop of ["visibility", "tabColor"]) {
      Object.defineProperty(ws, prop, {
        set: (value: string) =>
          this.enqueue(60, () => {
            const s = resolve();
            if (prop === "visibility") {
              if (
                value !== "Visible" &&
                this.sheets.filter((o) => o !== s && o.visibility === "Visible").length === 0
              ) {
                throw new Error("InvalidOperation: cannot hide the last visible sheet.");
              }
              s.visibility = value;
            } else s.props.tabColor = value;
          }),
      });
    }
    ws.delete = () =>
      this.enqueue(60, () => {
        const s = resolve();
        if (
          s.visibility === "Visible" &&
          this.sheets.filter((o) => o !== s && o.visibility === "Visible").length === 0
        ) {
          throw new Error("InvalidOperation: cannot delete the last visible sheet.");
        }
        this.sheets = this.sheets.filter((o) => o !== s);
        for (const n of this.names) if (n.sheet === s) n.sheet = null;
      });
    // Without an address, the whole sheet (Worksheet.getRange()).
    ws.getRange = (address?: string) => {
      this.charge(40 + jsonBytes(address ?? ""));
      return this.rangeProxy(resolve, () => address ?? "A1:XFD1048576");
    };
    ws.getUsedRangeOrNullObject = (valuesOnly?: boolean) => {
      this.charge(60);
      return this.usedRangeProxy(resolve, valuesOnly === true);
    };
    const sheetSink = (path: string, value: unknown) => {
      resolve().props[path] = value;
    };
    ws.freezePanes = recorder(this, sheetSink, "freezePanes");
    ws.autoFilter = recorder(this, sheetSink, "autoFilter");
    ws.pageLayout = recorder(this, sheetSink, "pageLayout");
    // Manual page breaks, kept as the list of cells each one comes above.
    ws.horizontalPageBreaks = {
      add: (at: string) =>
        this.enqueue(60, () => {
          const s = resolve();
          s.props.pageBreaks = [...((s.props.pageBreaks as string[] | undefined) ?? []), at];
        }),
    };
    return ws;
  }

  /**
   * A range at a fixed address. Its values and value types load like Office.js's; its address is
   * loadable when `loadableAddress` (a table's range) and otherwise known without a load (the
   * adapter only hands such ranges back to Excel, as in names.add).
   */
  rangeProxy(
    resolveSheet: () => FakeSheet,
    address: () => string,
    loadableAddress = false,
  ): Record<string, unknown> {
    const range: Record<string, unknown> = {};
    const each = (fn: (cell: FakeCell, r: number, c: number) => void) => {
      const { r0, c0, r1, c1 } = parseRange(address());
      const s = resolveSheet();
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) fn(s.at(r, c), r - r0, c - c0);
    };
    const matrixSetter = (kind: "values" | "formulas" | "numberFormat") => (m: unknown) =>
      this.enqueue(100 + jsonBytes(m), () => {
        const { r0, c0, r1, c1 } = parseRange(address());
        const rows = m as unknown[][];
        if (rows.length !== r1 - r0 + 1 || rows.some((row) => row.length !== c1 - c0 + 1)) {
          throw new Error(`InvalidArgument: a ${rows.length}-row matrix does not fit ${address()}.`);
        }
        each((cell, r, c) => {
          const v = rows[r][c];
          if (v === null) return; // Office.js: null leaves the cell as it is.
          if (kind === "numberFormat") {
            cell.numberFormat = v as string;
            return;
          }
          const text = typeof v === "string" ? v : undefined;
          const formulaLike =
            text !== undefined &&
            (text.startsWith("=") || (/^[+\-@]/.test(text) && !/^[+-]?\d+(\.\d+)?$/.test(text)));
          if (formulaLike && (kind === "formulas" || cell.numberFormat !== "@")) {
            cell.formula = text;
            cell.value = null;
          } else {
            delete cell.formula;
            cell.value = v as FakeCell["value"];
          }
        });
      });
    const box = () => parseRange(address());
    const read = () => {
      this.rangeReads.push(`${resolveSheet().name}!${address()}`);
      return readMatrix(resolveSheet(), box(), cellValue);
    };
    loadable(this, range, {
      values: { get: read, set: matrixSetter("values") },
      valueTypes: () => readMatrix(resolveSheet(), box(), cellType),
      numberFormat: {
        get: () => readMatrix(resolveSheet(), box(), (cell) => cell?.numberFormat ?? "General"),
        set: matrixSetter("numberFormat"),
      },
      ...(loadableAddress ? { address: () => `${quoteSheet(resolveSheet().name)}!${address()}` } : {}),
    });
    Object.defineProperty(range, "formulas", { set: matrixSetter("formulas") });
    range.format = recorder(this, (path, value) => {
      if (path === "columnWidth") {
        resolveSheet().props[`columnWidth.${address()}`] = value;
        return;
      }
      each((cell) => {
        cell.look[path] = value;
      });
    });
    range.merge = () =>
      this.enqueue(60, () => {
        resolveSheet().props[`merge.${address()}`] = true;
      });
    range.getUsedRangeOrNullObject = (valuesOnly?: boolean) => {
      this.charge(60);
      return this.usedRangeProxy(resolveSheet, valuesOnly === true, () => parseRange(address()));
    };
    // The merged ranges (Range.merge, or "merge.D6:D8" in a sheet's props) whose first cell is in this range.
    range.getMergedAreasOrNullObject = () => {
      this.charge(60);
      const areas = () => {
        const b = box();
        return Object.keys(resolveSheet().props)
          .filter((k) => k.startsWith("merge."))
          .map((k) => k.slice("merge.".length))
          .filter((a) => {
            const m = parseRange(a);
            return m.r0 >= b.r0 && m.r0 <= b.r1 && m.c0 >= b.c0 && m.c0 <= b.c1;
          });
      };
      const merged: Record<string, unknown> = {};
      loadable(this, merged, {
        isNullObject: () => areas().length === 0,
        address: () =>
          areas()
            .map((a) => `${quoteSheet(resolveSheet().name)}!${a}`)
            .join(", "),
      });
      const load = merged.load as (spec?: string) => unknown;
      merged.load = (spec?: string) => load(`isNullObject, ${spec ?? "address"}`);
      return merged;
    };
    if (!loadableAddress) {
      Object.defineProperty(range, "address", {
        configurable: true,
        get: () => `${quoteSheet(resolveSheet().name)}!${address()}`,
      });
    }
    return range;
  }

  /** A sheet's used range, or (with `clip`) the used cells within a range, as Office.js gives them. */
  private usedRangeProxy(
    resolveSheet: () => FakeSheet,
    valuesOnly: boolean,
    clip?: () => FakeBox,
  ): Record<string, unknown> {
    const box = () => usedBox(resolveSheet(), valuesOnly, clip?.());
    const matrix = <T>(fn: (cell: FakeCell | undefined) => T): T[][] => {
      const b = box();
      return b ? readMatrix(resolveSheet(), b, fn) : [];
    };
    const range: Record<string, unknown> = {};
    loadable(this, range, {
      isNullObject: () => box() === null,
      address: () => {
        const b = box();
        return b ? `${quoteSheet(resolveSheet().name)}!${letters(b.c0)}${b.r0}:${letters(b.c1)}${b.r1}` : "";
      },
      values: () => {
        const b = box();
        if (b) this.rangeReads.push(`${resolveSheet().name}!${letters(b.c0)}${b.r0}:${letters(b.c1)}${b.r1}`);
        return matrix(cellValue);
      },
      valueTypes: () => matrix(cellType),
    });
    // Every field is read together after one load, as the adapter does.
    const load = range.load as (spec?: string) => unknown;
    range.load = (spec?: string) => load(`isNullObject, ${spec ?? "address, values, valueTypes"}`);
    return range;
  }

  private nameCollection(): Record<string, unknown> {
    const coll: Record<string, unknown> = {};
    loadable(this, coll, {
      items: () =>
        this.names.map((n) => ({
          name: n.name,
          formula: n.sheet ? `=${quoteSheet(n.sheet.name)}!$A$1` : "=#REF!",
        })),
    });
    coll.getItem = (name: string) => ({
      delete: () =>
        this.enqueue(60, () => {
          const i = this.names.findIndex((n) => same(n.name, name));
          if (i < 0) throw new Error(`ItemNotFound: no name '${name}'.`);
          this.names.splice(i, 1);
        }),
    });
    coll.add = (name: string, reference: { address: string }) =>
      this.enqueue(100, () => {
        if (this.names.some((n) => same(n.name, name)))
          throw new Error(`InvalidArgument: the name '${name}' exists.`);
        const target = reference.address;
        const sheetName = target
          .slice(0, target.lastIndexOf("!"))
          .replace(/^'(.*)'$/, "$1")
          .replace(/''/g, "'");
        this.names.push({ name, sheet: this.sheet(sheetName) ?? null });
      });
    return coll;
  }

  private tableCollection(): Record<string, unknown> {
    const coll: Record<string, unknown> = {};
    loadable(this, coll, {
      items: () =>
        this.tables.map((t) => ({
          name: t.name,
          worksheet: { name: t.sheet.name },
          getRange: () => {
            this.charge(40);
            return this.rangeProxy(
              () => t.sheet,
              () => t.address,
              true,
            );
          },
        })),
    });
    return coll;
  }

  private settingCollection(): Record<string, unknown> {
    return {
      add: (key: string, value: unknown) =>
        this.enqueue(60 + JSON.stringify(value).length, () => {
          // Office stores settings as JSON: what comes back is a copy.
          this.settings.set(key, JSON.parse(JSON.stringify(value)));
        }),
      getItemOrNullObject: (key: string) => {
        const item: Record<string, unknown> = {};
        loadable(this, item, {
          isNullObject: () => !this.settings.has(key),
          value: () => this.settings.get(key) ?? null,
        });
        const load = item.load as (spec?: string) => unknown;
        item.load = (spec?: string) => load(`isNullObject, ${spec ?? "value"}`);
        item.delete = () => this.enqueue(60, () => this.settings.delete(key));
        return item;
      },
    };
  }
}
