import { computeAllocation } from "../../src/engine/computeAllocation";
import type { Model } from "../../src/engine/model";
import type { Problem } from "../../src/engine/problem";
import { buildModel, instrument, post, rule } from "./buildModel";

const instruments = [
  instrument("CMS", 2, { Parties: 121 }),
  instrument("AEWA", 3, { Parties: 75 }),
  instrument("ASCOBANS", 4, { Parties: 10 }),
];
const grades = [{ grade: "P4", cost: 140000, source: { sheet: "Grades", row: 2 } }];

function problems(
  model: Omit<Partial<Model>, "settings"> & { settings?: Partial<Model["settings"]> },
): Problem[] {
  const out = computeAllocation(buildModel({ instruments, grades, ...model }));
  if (out.ok) throw new Error("expected problems, got an allocation");
  return out.problems;
}

/** The one error expected, as [sheet, row, field, message]. */
function only(
  model: Parameters<typeof problems>[0],
): [string, number | undefined, string | undefined, string] {
  const errors = problems(model).filter((p) => p.severity === "error");
  expect(errors).toHaveLength(1);
  const [p] = errors;
  return [p.sheet, p.row, p.field, p.message];
}

const okRule = rule("U", { method: "equal" }, 2);

describe("computeAllocation problems", () => {
  it("asks whether an unknown code is the instrument it is one slip from", () => {
    const rules = [rule("U", { method: "fixed", shares: { CMS: 0.6, AEWAA: 0.4 } }, 3)];
    expect(only({ posts: [post("1", "U", 2, { cost: 1 })], rules })[3]).toBe(
      "The rule of unit 'U' gives a share to 'AEWAA', which is not in the Instruments sheet; did you mean AEWA?",
    );
    const split = { CMS: 0.5, ASCOBAN: 0.5 };
    expect(only({ posts: [post("1", "U", 2, { cost: 1, split })] })[3]).toBe(
      "Post '1' gives a share to 'ASCOBAN', which is not in the Instruments sheet; did you mean ASCOBANS?",
    );
    expect(only({ posts: [post("1", "U", 2, { cost: 1, fundedBy: "CMC" })], rules: [okRule] })[3]).toBe(
      "Post '1' is funded by 'CMC', which is not in the Instruments sheet; did you mean CMS?",
    );
  });

  it("warns at a grade whose standard cost is 0 that costs posts, naming them, and runs", () => {
    const free = [
      { grade: "P4", cost: 140000, source: { sheet: "Grades", row: 2 } },
      { grade: "G5", cost: 0, source: { sheet: "Grades", row: 3 } },
    ];
    const posts = [
      post("A", "U", 2, { grade: "G5" }),
      post("B", "U", 3, { grade: "g5 " }),
      // With a cost of its own, the grade is a label only.
      post("C", "U", 4, { grade: "G5", cost: 60000 }),
      post("D", "U", 5, { grade: "P4" }),
    ];
    const out = computeAllocation(buildModel({ instruments, grades: free, posts, rules: [okRule] }));
    if (!out.ok) throw new Error(JSON.stringify(out.problems));
    expect(out.allocation.warnings.map((w) => [w.sheet, w.row, w.field, w.message])).toEqual([
      [
        "Grades",
        3,
        "Cost",
        "The standard cost of grade 'G5' is 0, so posts A, B cost nothing: type the grade's cost, unless that is meant.",
      ],
    ]);
  });

  it("reports an unknown instrument code in a split, a fixed basis, participants, FundedBy and the baseline", () => {
    expect(only({ posts: [post("1", "U", 2, { cost: 1, split: { CMS: 0.5, UNEP: 0.5 } })] })).toEqual([
      "Posts",
      2,
      "UNEP",
      "Post '1' gives a share to 'UNEP', which is not in the Instruments sheet.",
    ]);
    expect(
      only({
        posts: [post("1", "U", 2, { cost: 1 })],
        rules: [rule("U", { method: "fixed", shares: { CMS: 0.5, UNEP: 0.5 } }, 3)],
      }),
    ).toEqual([
      "Rules",
      3,
      "Basis",
      "The rule of unit 'U' gives a share to 'UNEP', which is not in the Instruments sheet.",
    ]);
    expect(
      only({
        posts: [post("1", "U", 2, { cost: 1 })],
        rules: [rule("U", { method: "equal" }, 3, { participants: ["CMS", "Sharks"] })],
      }),
    ).toEqual([
      "Rules",
      3,
      "Participants",
      "Participants of unit 'U' name 'Sharks', which is neither an instrument code, an instrument Type nor 'all'.",
    ]);
    expect(only({ posts: [post("1", "U", 2, { cost: 1, fundedBy: "UNEP" })], rules: [okRule] })).toEqual([
      "Posts",
      2,
      "FundedBy",
      "Post '1' is funded by 'UNEP', which is not in the Instruments sheet.",
    ]);
    expect(
      only({
        posts: [post("1", "U", 2, { cost: 1 })],
        rules: [okRule],
        baseline: [{ instrument: "UNEP", category: "Staff", cost: 1, source: { sheet: "Baseline", row: 5 } }],
      }),
    ).toEqual([
      "Baseline",
      5,
      "Instrument",
      "Baseline line 'Staff' names instrument 'UNEP', which is not in the Instruments sheet.",
    ]);
  });

  it("takes a grade not in the Grades sheet as a label where the line gives its own cost", () => {
    // A staffing table with "P5" and a cost, and no Grades sheet, is complete: nothing needs the grade's cost.
    const out = computeAllocation(
      buildModel({
        instruments,
        grades: [],
        posts: [post("1", "U", 2, { grade: "P5", cost: 150000 })],
        rules: [okRule],
        baseline: [
          {
            instrument: "CMS",
            category: "Staff",
            grade: "P5",
            fte: 1,
            cost: 160000,
            source: { sheet: "Baseline", row: 2 },
          },
        ],
      }),
    );
    expect(out.ok && out.allocation.grandTotal.direct[0]).toBe(150000);
    expect(out.ok && out.allocation.savings.map((s) => [s.code, s.baseline])).toEqual([["CMS", 160000]]);
    // Without a cost for every year the grade is needed, and an unknown one is still reported.
    expect(
      only({ posts: [post("1", "U", 2, { grade: "P9", costByYear: { 2014: 1 } })], rules: [okRule] })[3],
    ).toBe("Grade 'P9' of post '1' is not in the Grades sheet.");
  });

  it("reports an unknown grade, a post with neither cost nor grade, and an FTE of zero", () => {
    expect(only({ posts: [post("1", "U", 2, { grade: "P9" })], rules: [okRule] })).toEqual([
      "Posts",
      2,
      "Grade",
      "Grade 'P9' of post '1' is not in the Grades sheet.",
    ]);
    expect(only({ posts: [post("1", "U", 2)], rules: [okRule] })).toEqual([
      "Posts",
      2,
      "Cost",
      "Post '1' has neither a Cost nor a Grade; give one of them.",
    ]);
    expect(only({ posts: [post("1", "U", 2, { grade: "P4", fte: 0 })], rules: [okRule] })).toEqual([
      "Posts",
      2,
      "FTE",
      "The FTE of post '1' must be above zero (1 = full time).",
    ]);
  });

  it("reports a split that does not add up to 100%", () => {
    expect(only({ posts: [post("1", "U", 2, { cost: 1, split: { CMS: 0.85, ASCOBANS: 0.1 } })] })).toEqual([
      "Posts",
      2,
      "CMS",
      "The split of post '1' adds up to 95%; it must add up to 100%.",
    ]);
  });

  it("reports a bad split on every post that repeats it", () => {
    const split = { CMS: 0.85, ASCOBANS: 0.1 };
    const ps = problems({
      posts: [post("1", "U", 2, { cost: 1, split }), post("2", "U", 3, { cost: 1, split: { ...split } })],
    });
    expect(ps.map((p) => [p.row, p.field])).toEqual([
      [2, "CMS"],
      [3, "CMS"],
    ]);
  });

  it("accepts a split within a hundredth of a percent of 100%", () => {
    const out = computeAllocation(
      buildModel({
        instruments,
        posts: [post("1", "U", 2, { cost: 3, split: { CMS: 0.33333, AEWA: 0.33333, ASCOBANS: 0.33333 } })],
      }),
    );
    expect(out.ok).toBe(true);
  });

  it("asks whether a unit with no rule is the unit of a rule no line names, on both sides", () => {
    const found = problems({
      posts: [post("1", "Avian unt", 7, { cost: 1 })],
      rules: [rule("Avian unit", { method: "equal" }, 4)],
    }).map((p) => [p.severity, p.sheet, p.row, p.message]);
    expect(found).toEqual([
      [
        "error",
        "Posts",
        7,
        "Unit 'Avian unt' has costs but no rule in the Rules sheet, and not all of its posts carry their own split: " +
          "add a rule for it in the Rules sheet, or give each of its posts its own split. " +
          "The Rules sheet has a rule for 'Avian unit' (row 4), which no post or budget line names: is it this unit?",
      ],
      [
        "warning",
        "Rules",
        4,
        "Unit 'Avian unit' has a rule but no posts or budget lines, so the rule is not used. " +
          "Posts row 7 names unit 'Avian unt', which has no rule: is it this unit?",
      ],
    ]);
  });

  it("asks whether a unit with no rule is a unit whose rule is in use, when a post moved to a misspelt unit", () => {
    const errors = problems({
      posts: [post("1", "Avian unit", 3, { cost: 1 }), post("2", "Avian unitt", 7, { cost: 1 })],
      rules: [rule("Avian unit", { method: "equal" }, 4)],
    }).filter((p) => p.severity === "error");
    expect(errors.map((p) => [p.sheet, p.row, p.message])).toEqual([
      [
        "Posts",
        7,
        "Unit 'Avian unitt' has costs but no rule in the Rules sheet, and not all of its posts carry their own split: " +
          "add a rule for it in the Rules sheet, or give each of its posts its own split. " +
          "The Rules sheet has a rule for 'Avian unit' (row 4): is it this unit?",
      ],
    ]);
  });

  it("reports a unit with costs but no rule, and budget lines of an own-split unit with no rule", () => {
    expect(only({ posts: [post("1", "Conference services", 7, { cost: 1 })] })).toEqual([
      "Posts",
      7,
      "Unit",
      "Unit 'Conference services' has costs but no rule in the Rules sheet, and not all of its posts carry their own split: add a rule for it in the Rules sheet, or give each of its posts its own split.",
    ]);
    expect(
      only({
        posts: [post("1", "Joint", 2, { cost: 1, split: { CMS: 1 } })],
        budget: [
          {
            item: "Travel",
            unit: "Joint",
            category: "Travel",
            amount: 5,
            source: { sheet: "Budget", row: 4 },
          },
        ],
      }),
    ).toEqual([
      "Posts",
      2,
      "Unit",
      "Unit 'Joint' has budget lines but no rule in the Rules sheet; its posts carry their own split, but its budget lines need a rule.",
    ]);
  });

  it("reports a post without a split in a posts unit", () => {
    expect(
      only({ posts: [post("1", "U", 2, { cost: 1 })], rules: [rule("U", { method: "posts" }, 3)] }),
    ).toEqual([
      "Posts",
      2,
      "CMS",
      "Post '1' is in unit 'U', whose rule is 'posts', but it has no split of its own.",
    ]);
  });

  it("reports fixed shares not adding up to 100% and a share for a non-participant", () => {
    expect(
      only({
        posts: [post("1", "U", 2, { cost: 1 })],
        rules: [rule("U", { method: "fixed", shares: { CMS: 0.5, AEWA: 0.4 } }, 3)],
      }),
    ).toEqual(["Rules", 3, "Basis", "The fixed shares of unit 'U' add up to 90%; they must add up to 100%."]);
    expect(
      only({
        posts: [post("1", "U", 2, { cost: 1 })],
        rules: [
          rule("U", { method: "fixed", shares: { CMS: 0.5, AEWA: 0.5 } }, 3, {
            participants: ["CMS", "ASCOBANS"],
          }),
        ],
      }),
    ).toEqual([
      "Rules",
      3,
      "Basis",
      "The rule of unit 'U' gives a share to 'AEWA', which is not one of its Participants.",
    ]);
  });

  it("reports a missing driver column, a blank or negative driver, and all-zero drivers", () => {
    expect(
      only({
        posts: [post("1", "U", 2, { cost: 1 })],
        rules: [rule("U", { method: "driver", driver: "Budget" }, 3)],
      }),
    ).toEqual([
      "Rules",
      3,
      "Basis",
      "Unit 'U' is shared by 'Budget', but the Instruments sheet has no such column (its number columns are: Parties).",
    ]);
    const blank = [
      instrument("CMS", 2, { Parties: 121 }),
      instrument("AEWA", 3, {}),
      instrument("IOSEA", 4, { Parties: -1 }),
    ];
    const ps = problems({
      instruments: blank,
      posts: [post("1", "U", 2, { cost: 1 })],
      rules: [rule("U", { method: "driver", driver: "Parties" }, 3)],
    });
    expect(ps.map((p) => [p.sheet, p.row, p.field, p.message])).toEqual([
      [
        "Instruments",
        3,
        "Parties",
        "Instrument 'AEWA' has no Parties figure, which the rule of unit 'U' needs.",
      ],
      ["Instruments", 4, "Parties", "The Parties figure of instrument 'IOSEA' is negative."],
    ]);
    const zero = [instrument("CMS", 2, { Parties: 0 }), instrument("AEWA", 3, { Parties: 0 })];
    expect(
      only({
        instruments: zero,
        posts: [post("1", "U", 2, { cost: 1 })],
        rules: [rule("U", { method: "driver", driver: "Parties" }, 3)],
      }),
    ).toEqual([
      "Rules",
      3,
      "Basis",
      "Unit 'U' is shared by Parties, but every participant's Parties is zero.",
    ]);
  });

  it("reports infeasible bounds in words", () => {
    expect(
      only({
        posts: [post("1", "U", 2, { cost: 1 })],
        rules: [rule("U", { method: "equal" }, 3, { min: 0.4 })],
      }),
    ).toEqual([
      "Rules",
      3,
      "Min",
      "Unit 'U': Floors of 40% for 3 participants cannot all hold: they add up to 120%.",
    ]);
    expect(
      only({
        posts: [post("1", "U", 2, { cost: 1 })],
        rules: [rule("U", { method: "equal" }, 3, { max: 0.3 })],
      }),
    ).toEqual([
      "Rules",
      3,
      "Max",
      "Unit 'U': Ceilings of 30% for 3 participants cannot all hold: they add up to only 90%.",
    ]);
    expect(
      only({
        posts: [post("1", "U", 2, { cost: 1 })],
        rules: [rule("U", { method: "equal" }, 3, { max: 1.5 })],
      })[2],
    ).toBe("Max");
  });

  it("reports support shares not adding up to 100%, a unit serving itself, and an unknown receiver", () => {
    const posts = [post("1", "U", 2, { cost: 1 }), post("2", "Admin", 3, { cost: 1 })];
    expect(
      only({
        posts,
        rules: [okRule],
        support: [
          { provider: "Admin", receiver: "U", share: 0.6, source: { sheet: "Support", row: 2 } },
          { provider: "Admin", receiver: "U2", share: 0.4, source: { sheet: "Support", row: 3 } },
        ],
      }).slice(0, 3),
    ).toEqual(["Support", 3, "Receiver"]);
    const sum = problems({
      posts,
      rules: [okRule],
      support: [{ provider: "Admin", receiver: "U", share: 0.9, source: { sheet: "Support", row: 2 } }],
    });
    expect(sum.map((p) => [p.sheet, p.row, p.field, p.message])).toEqual([
      [
        "Support",
        2,
        "Share",
        "The shares of support unit 'Admin' add up to 90% (Support row 2); they must add up to 100%.",
      ],
    ]);
    const self = problems({
      posts,
      rules: [okRule],
      support: [
        { provider: "Admin", receiver: "Admin", share: 0.1, source: { sheet: "Support", row: 2 } },
        { provider: "Admin", receiver: "U", share: 0.9, source: { sheet: "Support", row: 3 } },
      ],
    });
    expect(self[0]).toMatchObject({
      sheet: "Support",
      row: 2,
      field: "Receiver",
      message: "Support unit 'Admin' cannot serve itself.",
    });
  });

  it("reports a singular reciprocal system: support units serving only each other", () => {
    const ps = problems({
      posts: [
        post("1", "U", 2, { cost: 1 }),
        post("2", "HR", 3, { cost: 1 }),
        post("3", "IT", 4, { cost: 1 }),
      ],
      rules: [okRule],
      support: [
        { provider: "HR", receiver: "IT", share: 1, source: { sheet: "Support", row: 2 } },
        { provider: "IT", receiver: "HR", share: 1, source: { sheet: "Support", row: 3 } },
      ],
    });
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatchObject({ sheet: "Support", field: "Share" });
    expect(ps[0].message).toMatch(/no single solution/);
  });

  it("reports duplicate instrument codes, PostIds, grades and rules", () => {
    const ps = problems({
      instruments: [...instruments, instrument("cms", 5)],
      grades: [...grades, { grade: "p4", cost: 1, source: { sheet: "Grades", row: 3 } }],
      posts: [post("1", "U", 2, { cost: 1 }), post("1", "U", 3, { cost: 1 })],
      rules: [okRule, rule("u", { method: "equal" }, 3)],
    });
    expect(ps.map((p) => [p.sheet, p.row, p.field])).toEqual([
      ["Instruments", 5, "Code"],
      ["Grades", 3, "Grade"],
      ["Posts", 3, "PostId"],
      ["Rules", 3, "Unit"],
    ]);
  });

  it("reports every setting out of range at once, on the Value of its row", () => {
    const ps = problems({
      settings: {
        years: 0,
        rounding: 0,
        psc: 1,
        escalation: -1,
        supportMethod: "direct" as never,
        sources: { Years: { sheet: "Settings", row: 4 }, Rounding: { sheet: "Settings", row: 7 } },
      },
    });
    expect(ps.map((p) => [p.sheet, p.row, p.field])).toEqual([
      ["Settings", 4, "Value"],
      ["Settings", 7, "Value"],
      ["Settings", undefined, "Value"],
      ["Settings", undefined, "Value"],
      ["Settings", undefined, "Value"],
    ]);
    expect(ps[0].message).toBe("Years must be a whole number from 1 to 50, not 0.");
    expect(problems({ settings: { years: 51 } })[0].message).toMatch(/from 1 to 50/);
  });

  it("collects all problems at once rather than stopping at the first", () => {
    const ps = problems({
      posts: [
        post("1", "U", 2, { grade: "P9" }),
        post("2", "U", 3, { cost: 1, fte: -1 }),
        post("3", "V", 4, { cost: 1 }),
      ],
      rules: [okRule],
    });
    expect(ps.map((p) => [p.row, p.field])).toEqual([
      [2, "Grade"],
      [3, "FTE"],
      [4, "Unit"],
    ]);
  });
});
