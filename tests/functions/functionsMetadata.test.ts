import { join } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

interface Parameter {
  name: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  result: { type?: string; dimensionality?: string };
}

const source = join(__dirname, "..", "..", "src", "functions", "functions.ts");

/** [name, optional, dimensionality] for each parameter; dimensionality absent means scalar. */
const expected: Record<
  string,
  { params: [string, boolean, "scalar" | "matrix"][]; result: "scalar" | "matrix" }
> = {
  COSTSHARE: {
    params: [
      ["amount", false, "scalar"],
      ["weights", false, "matrix"],
      ["rounding", true, "scalar"],
    ],
    result: "matrix",
  },
  SHARE: {
    params: [
      ["amount", false, "scalar"],
      ["weights", false, "matrix"],
      ["index", false, "scalar"],
      ["rounding", true, "scalar"],
    ],
    result: "scalar",
  },
  ALLOCATE: {
    params: [
      ["costs", false, "matrix"],
      ["splits", false, "matrix"],
      ["rounding", true, "scalar"],
    ],
    result: "matrix",
  },
  PSC: {
    params: [
      ["amount", false, "scalar"],
      ["rate", true, "scalar"],
    ],
    result: "scalar",
  },
  ESCALATE: {
    params: [
      ["amount", false, "scalar"],
      ["rate", false, "scalar"],
      ["years", false, "scalar"],
    ],
    result: "scalar",
  },
  STDCOST: {
    params: [
      ["grade", false, "scalar"],
      ["grades", false, "matrix"],
      ["fte", true, "scalar"],
      ["year", true, "scalar"],
    ],
    result: "scalar",
  },
  SCALE: {
    params: [
      ["rates", false, "matrix"],
      ["floor", true, "scalar"],
      ["ceiling", true, "scalar"],
    ],
    result: "matrix",
  },
  CONTRIBUTIONS: {
    params: [
      ["amount", false, "scalar"],
      ["rates", false, "matrix"],
      ["fixed", true, "matrix"],
      ["threshold", true, "scalar"],
      ["floor", true, "scalar"],
      ["ceiling", true, "scalar"],
      ["rounding", true, "scalar"],
    ],
    result: "matrix",
  },
  SAVINGS: {
    params: [
      ["baseline", false, "scalar"],
      ["shared", false, "scalar"],
    ],
    result: "matrix",
  },
  RECIPROCAL: {
    params: [
      ["direct_costs", false, "matrix"],
      ["support_matrix", false, "matrix"],
    ],
    result: "matrix",
  },
};

describe("functions.json", () => {
  let functions: FunctionMetadata[];

  beforeAll(async () => {
    const result = await generateCustomFunctionsMetadata(source);
    expect(result.errors).toEqual([]);
    functions = (JSON.parse(result.metadataJson) as { functions: FunctionMetadata[] }).functions;
  });

  it("lists exactly the ten CMS functions, each with a description the unified manifest accepts", () => {
    expect(functions.map((f) => f.id).sort()).toEqual(Object.keys(expected).sort());
    for (const f of functions) {
      expect(f.name).toBe(f.id);
      expect(f.description?.length).toBeGreaterThan(20);
      // The unified manifest's schema refuses a function description over 128 characters.
      expect({ id: f.id, length: f.description?.length }).toEqual({
        id: f.id,
        length: Math.min(f.description?.length ?? 0, 128),
      });
    }
  });

  it.each(Object.keys(expected))("declares %s's parameters, optional flags and dimensionality", (id) => {
    const f = functions.find((x) => x.id === id)!;
    const got = f.parameters.map((p) => [p.name, p.optional === true, p.dimensionality ?? "scalar"]);
    expect(got).toEqual(expected[id].params);
    expect(f.result.dimensionality ?? "scalar").toBe(expected[id].result);
  });

  it("declares number parameters except the grade and the grade table", () => {
    const types = Object.fromEntries(
      functions.flatMap((f) => f.parameters.map((p) => [`${f.id}.${p.name}`, p.type ?? "any"])),
    );
    expect(types["STDCOST.grade"]).toBe("string");
    expect(types["STDCOST.grades"]).toBe("any");
    expect(types["COSTSHARE.weights"]).toBe("number");
    expect(types["RECIPROCAL.support_matrix"]).toBe("number");
  });
});
