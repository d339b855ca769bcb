import { inputFingerprint } from "../../src/workbook/inputFingerprint";
import type { CellValue, WorkbookGrids } from "../../src/workbook/grid";

function grids(posts: CellValue[][], extra: Partial<WorkbookGrids> = {}): WorkbookGrids {
  return {
    sheets: [
      {
        name: "Instruments",
        rows: [
          ["Code", "Name"],
          ["CMS", "Convention"],
          ["AEWA", "Agreement"],
        ],
        firstRow: 1,
        firstCol: 1,
      },
      { name: "Posts", rows: posts, firstRow: 3, firstCol: 1 },
    ],
    tables: [],
    ownedSheets: [],
    ...extra,
  };
}

const posts: CellValue[][] = [
  ["PostId", "Title", "FTE", "Cost", "Start"],
  ["P1", "Officer", 1, 140000, new Date("2015-01-01T00:00:00Z")],
  ["P2", "Assistant", 0.5, null, null],
];

describe("inputFingerprint", () => {
  it("is full SHA-256 hex and stable across calls", () => {
    const a = inputFingerprint(grids(posts));
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(inputFingerprint(grids(posts.map((r) => [...r])))).toBe(a);
  });

  it("changes when any input cell changes, even to a value that prints the same", () => {
    const base = inputFingerprint(grids(posts));
    const variants: [number, number, CellValue][] = [
      [1, 3, 140001],
      [1, 3, "140000"],
      [2, 3, 0],
      [2, 2, true],
      [1, 1, "Officer "],
      [1, 4, new Date("2015-01-02T00:00:00Z")],
      [2, 4, { error: "#REF!" }],
      [0, 0, "Post ID"],
    ];
    const seen = new Set([base]);
    for (const [r, c, v] of variants) {
      const changed = posts.map((row) => [...row]);
      changed[r][c] = v;
      const fp = inputFingerprint(grids(changed));
      expect(seen.has(fp)).toBe(false);
      seen.add(fp);
    }
  });

  it("changes when a table moves, or a sheet is renamed", () => {
    const base = inputFingerprint(grids(posts));
    const moved = grids(posts);
    moved.sheets[1] = { ...moved.sheets[1], firstRow: 4 };
    expect(inputFingerprint(moved)).not.toBe(base);
    const renamed = grids(posts);
    renamed.sheets[1] = { ...renamed.sheets[1], name: "Staff" };
    expect(inputFingerprint(renamed)).not.toBe(base);
  });

  it("ignores sheet order, trailing empty cells, and our own output sheets", () => {
    const base = inputFingerprint(grids(posts));
    const g = grids(posts.map((r) => [...r, null, ""]));
    g.sheets.reverse();
    g.sheets.push({ name: "Allocation", rows: [["anything", 1]], firstRow: 1, firstCol: 1 });
    g.ownedSheets = ["Allocation"];
    expect(inputFingerprint(g)).toBe(base);
  });

  it("counts a sheet of the user's named like ours", () => {
    const g = grids(posts);
    g.sheets.push({ name: "Log", rows: [["my notes"]], firstRow: 1, firstCol: 1 });
    expect(inputFingerprint(g)).not.toBe(inputFingerprint(grids(posts)));
  });

  it("hashes text outside ASCII as UTF-8", () => {
    const a = inputFingerprint(grids([["Title"], ["Coordinateur — ñandú 🦇"]]));
    const b = inputFingerprint(grids([["Title"], ["Coordinateur — ñandú 🦅"]]));
    expect(a).not.toBe(b);
  });
  it("counts a table read alone from a sheet otherwise left unread, and only once from a sheet read whole", () => {
    const ledger = (cost: number): Partial<WorkbookGrids> => ({
      tables: [
        {
          name: "tblPosts",
          sheet: "Ledger",
          rows: [
            ["PostId", "Cost"],
            ["P9", cost],
          ],
          firstRow: 40,
          firstCol: 3,
        },
      ],
    });
    const unread = (cost: number) => {
      const g = grids(posts, ledger(cost));
      g.sheets.push({ name: "Ledger", rows: [], firstRow: 1, firstCol: 1 });
      return inputFingerprint(g);
    };
    expect(unread(90000)).toBe(unread(90000));
    expect(unread(90001)).not.toBe(unread(90000));
    expect(unread(90000)).not.toBe(inputFingerprint(grids(posts)));

    // Read whole, the sheet already holds the table's cells: the table adds nothing of its own.
    const whole = (withTable: boolean) => {
      const g = grids(posts, withTable ? ledger(90000) : {});
      g.sheets.push({
        name: "Ledger",
        rows: [
          ["PostId", "Cost"],
          ["P9", 90000],
        ],
        firstRow: 40,
        firstCol: 3,
      });
      return inputFingerprint(g);
    };
    expect(whole(true)).toBe(whole(false));
  });
});
