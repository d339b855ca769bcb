import { initialDrafts } from "../../src/taskpane/initialDrafts";
import { sampleModel } from "./paneFixtures";

describe("initialDrafts", () => {
  it("gives each rule a draft and each unit without one an empty draft, leaving support units out", () => {
    const model = sampleModel([]);
    model.posts.push({
      id: "P3",
      title: "Clerk",
      unit: "Admin",
      fte: 1,
      cost: 1,
      source: { sheet: "Posts", row: 4 },
    });
    model.posts.push({
      id: "P4",
      title: "Officer",
      unit: "Aquatic",
      fte: 1,
      cost: 1,
      split: { CMS: 0.5, AEWA: 0.5 },
      source: { sheet: "Posts", row: 5 },
    });
    model.support.push({
      provider: "Admin",
      receiver: "Communications",
      share: 1,
      source: { sheet: "Support", row: 2 },
    });
    const drafts = initialDrafts(model);
    expect(drafts.map((d) => [d.unit, d.method, d.optional ?? false])).toEqual([
      ["Communications", "", false],
      ["Conference services", "", false],
      ["Aquatic", "", true],
    ]);
  });

  it("restates a rule's basis and bounds as the Rules sheet writes them", () => {
    const [, conference] = initialDrafts(sampleModel());
    expect(conference).toEqual({
      unit: "Conference services",
      method: "driver",
      basis: "Parties",
      participants: ["all"],
      min: "",
      max: "50%",
      row: 3,
    });
  });
});
