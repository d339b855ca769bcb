/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import "./jsdomShims";
import type { Allocation } from "../../src/engine/result";
import { PreviewStep } from "../../src/taskpane/steps/PreviewStep";
import { sampleAllocation } from "../workbook/annex/fixtures/sampleAllocation";

function show(allocation: Allocation, unit: string) {
  render(
    <FluentProvider theme={webLightTheme}>
      <PreviewStep
        allocation={allocation}
        slice="period"
        onSlice={() => undefined}
        unit={unit}
        onUnit={() => undefined}
        onExplain={() => undefined}
      />
    </FluentProvider>,
  );
}

describe("PreviewStep, one service", () => {
  it("says which posts follow their own split beside a rule they do not follow", () => {
    const allocation = sampleAllocation();
    const unit = allocation.rules.find((r) => r.method !== "posts")?.unit as string;
    const post = allocation.lines.find((l) => l.kind === "post" && l.unit === unit);
    if (post === undefined) throw new Error(`the sample has no post in ${unit}`);
    post.rule = "Own split: CMS 97%, AEWA 3%";
    show(allocation, unit);
    expect(
      screen.getByText(`The post ${post.title} follows its own agreed split rather than this rule; the figures below include it.`),
    ).toBeVisible();
  });

  it("says nothing of the kind for a unit shared by its posts' own splits", () => {
    const allocation = sampleAllocation();
    const unit = allocation.rules.find((r) => r.method === "posts")?.unit as string;
    for (const l of allocation.lines) if (l.unit === unit) l.rule = "Own split: CMS 50%, ASCOBANS 50%";
    show(allocation, unit);
    expect(screen.queryByText(/own agreed split rather than this rule/)).toBeNull();
  });
});

describe("PreviewStep, options", () => {
  it("names the option its figures are of, in a workbook with options", () => {
    const allocation = sampleAllocation();
    const unit = allocation.units[0].unit;
    show(
      {
        ...allocation,
        scenario: "Joint secretariat",
        scenarios: [
          { name: "Status quo", allocation },
          { name: "Joint secretariat", allocation },
        ],
      },
      unit,
    );
    expect(screen.getByText(/^Option Joint secretariat, the one written \(Compare shows the others\)\./)).toBeVisible();
  });

  it("names no option in a workbook without", () => {
    const allocation = sampleAllocation();
    show(allocation, allocation.units[0].unit);
    expect(screen.queryByText(/^Option /)).toBeNull();
  });
});
