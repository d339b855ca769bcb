import { mixModels } from "../../../src/engine/changes/mixModels";
import type { Model, Post } from "../../../src/engine/model";
import { buildModel } from "../buildModel";

/** A post with every field Post has: the type makes a new field of Post appear here. */
const full = (id: string, marker: string): Required<Post> => ({
  id,
  title: `${marker} title`,
  grade: `${marker} grade`,
  unit: `${marker} unit`,
  fte: marker === "before" ? 0.5 : 1,
  cost: marker === "before" ? 1000 : 2000,
  costByYear: { 2025: marker === "before" ? 10 : 20 },
  fundedBy: `${marker} funder`,
  split: { [marker]: 1 },
  scenarios: [marker],
  source: { sheet: "Posts", row: marker === "before" ? 2 : 3 },
});

const withPosts = (posts: Post[]): Model => ({ ...buildModel({}), posts });

describe("mixModels", () => {
  const before = withPosts([full("P1", "before")]);
  const after = withPosts([full("p1", "after")]);

  it("places every field of a kept post: costs from one run, assignment from one, the rest with the posts", () => {
    const [mixed] = mixModels(before, after, new Set(["costs"])).posts;
    const b = full("P1", "before");
    const a = full("p1", "after");
    expect(mixed).toEqual({
      id: b.id,
      title: b.title,
      source: b.source,
      scenarios: b.scenarios,
      unit: b.unit,
      fundedBy: b.fundedBy,
      split: b.split,
      fte: a.fte,
      grade: a.grade,
      cost: a.cost,
      costByYear: a.costByYear,
    });
    expect(Object.keys(mixed).sort()).toEqual(Object.keys(b).sort());
  });

  it("takes which posts there are and their assignment from the later run when those groups apply", () => {
    const [mixed] = mixModels(before, after, new Set(["posts", "assignment"])).posts;
    const b = full("P1", "before");
    const a = full("p1", "after");
    expect(mixed).toEqual({ ...a, fte: b.fte, grade: b.grade, cost: b.cost, costByYear: b.costByYear });
  });
});
