import { diffModels } from "../../../src/engine/changes/diffModels";
import { buildModel, instrument, post, rule } from "../buildModel";

function model() {
  return buildModel({
    settings: { psc: 0.13, sources: { psc: { sheet: "Settings", row: 6 } } },
    instruments: [instrument("CMS", 2, { Parties: 120 }), instrument("AEWA", 3, { Parties: 80 })],
    posts: [
      post("P-1", "Communications", 2, { cost: 100000, title: "Communications officer" }),
      post("P-2", "Communications", 3, { cost: 50000 }),
    ],
    rules: [rule("Communications", { method: "equal" }, 2)],
  });
}

describe("diffModels", () => {
  it("finds nothing between a model and itself", () => {
    expect(diffModels(model(), model())).toEqual([]);
  });

  it("names each changed input by sheet, row, record and column, with its group", () => {
    const b = model();
    b.settings = { ...b.settings, psc: 0.07 };
    b.posts = [
      post("p-1", "Communications", 2, { cost: 120000, title: "Communications officer" }),
      post("P-3", "Communications", 4, { cost: 10000 }),
    ];
    b.rules = [rule("Communications", { method: "driver", driver: "Parties" }, 2)];
    expect(diffModels(model(), b)).toEqual([
      {
        cause: "psc",
        sheet: "Settings",
        row: 6,
        kind: "changed",
        item: "PSC",
        field: "Value",
        before: "13%",
        after: "7%",
      },
      {
        cause: "costs",
        sheet: "Posts",
        row: 2,
        kind: "changed",
        item: "Post p-1 (Communications officer)",
        field: "Cost",
        before: "100000",
        after: "120000",
      },
      { cause: "posts", sheet: "Posts", row: 4, kind: "added", item: "Post P-3 (Post P-3)" },
      { cause: "posts", sheet: "Posts", row: 3, kind: "removed", item: "Post P-2 (Post P-2)" },
      {
        cause: "rules",
        sheet: "Rules",
        row: 2,
        kind: "changed",
        item: "Rule of Communications",
        field: "Method and basis",
        before: "equal",
        after: "driver: Parties",
      },
    ]);
  });

  it("counts a new title as a change that moves no figure", () => {
    const b = model();
    b.posts[0] = { ...b.posts[0], title: "Head of communications" };
    expect(diffModels(model(), b).map((c) => [c.cause, c.field])).toEqual([["other", "Title"]]);
  });

  it("pairs the rows of a PostId that hold in different options by their options, whatever their order", () => {
    const a = model();
    a.posts = [
      post("SS-01", "Science", 15, { cost: 90000, title: "Officer", scenarios: ["Status quo"] }),
      post("SS-01", "Science", 36, { cost: 120000, title: "Head", scenarios: ["Joint secretariat"] }),
    ];
    // The two rows swapped: nothing changed but their rows.
    const b = model();
    b.posts = [
      post("SS-01", "Science", 15, { cost: 120000, title: "Head", scenarios: ["joint secretariat"] }),
      post("SS-01", "Science", 36, { cost: 90000, title: "Officer", scenarios: ["Status quo"] }),
    ];
    expect(diffModels(a, b)).toEqual([]);
    // A row moved to another option still pairs with its earlier self, by PostId.
    const c = model();
    c.posts = [a.posts[0], { ...a.posts[1], scenarios: ["Pilot"] }];
    expect(diffModels(a, c).map((x) => [x.row, x.field, x.before, x.after])).toEqual([
      [36, "Scenario", "Joint secretariat", "Pilot"],
    ]);
  });

  it("names a changed UN scale rate, and a Party added to an instrument's scale", () => {
    const a = {
      ...model(),
      parties: [
        { party: "Belgium", instrument: "AEWA", unScale: 0.008, source: { sheet: "Parties", row: 7 } },
      ],
    };
    const b = {
      ...model(),
      parties: [
        { party: "belgium", instrument: "AEWA", unScale: 0.012, source: { sheet: "Parties", row: 7 } },
        { party: "Denmark", instrument: "AEWA", unScale: 0.0055, source: { sheet: "Parties", row: 8 } },
      ],
    };
    expect(
      diffModels(a, b).map((x) => [x.sheet, x.row, x.kind, x.cause, x.field, x.before, x.after]),
    ).toEqual([
      ["Parties", 7, "changed", "other", "UNScale", "0.8%", "1.2%"],
      ["Parties", 8, "added", "other", undefined, undefined, undefined],
    ]);
  });
});
