/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import "./jsdomShims";
import type { Comparison } from "../../src/workbook/history/compareRuns";
import type { RunRecord } from "../../src/workbook/history/runRecord";
import { ChangesStep } from "../../src/taskpane/steps/ChangesStep";

const record: RunRecord = {
  run: 1,
  time: "2026-12-01T09:00:00Z",
  version: "0.1.0",
  fingerprint: "x",
  status: "Approved",
  documentSymbol: "UNEP/CMS/StC44/Doc.X",
  years: [2025],
  figures: { currency: "EUR", rounding: 1, instruments: ["CMS", "AEWA"], byInstrument: {} },
  byYear: {},
  units: [],
};

function view(otherOptions: Comparison["otherOptions"]) {
  const previous: Comparison = {
    basis: "previous",
    against: record,
    outcome: { ok: false, reason: "the currency changed" },
    ...(otherOptions !== undefined ? { otherOptions } : {}),
  };
  render(
    <FluentProvider theme={webLightTheme}>
      <ChangesStep review={{ run: 2, comparison: { previous, skipped: [] } }} />
    </FluentProvider>,
  );
}

describe("ChangesStep, other options", () => {
  it("lists each other option's instrument whose total changed, before, after and the difference", () => {
    view([
      { option: "Status quo", instrument: "CMS", before: 66000, after: 77000 },
      { option: "Status quo", instrument: "AEWA", before: 44000, after: 33000 },
    ]);
    const list = screen.getByRole("list", { name: /The other options: the totals that changed/ });
    const items = within(list)
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(items).toEqual([
      "Status quo, CMS66,000 → 77,000 (+11,000)",
      "Status quo, AEWA44,000 → 33,000 (\u221211,000)",
    ]);
  });

  it("says which option is new, and which is no longer compared, rather than a total of 0", () => {
    view([
      { option: "Lean", instrument: "CMS", before: 0, after: 4799608, only: "now" },
      { option: "Pilot", instrument: "CMS", before: 120000, after: 0, only: "before" },
    ]);
    const list = screen.getByRole("list", { name: /The other options: the totals that changed/ });
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["Lean, CMSnew option: 4,799,608", "Pilot, CMSno longer an option (was 120,000)"]);
  });

  it("says when the other options' totals did not change", () => {
    view([]);
    expect(screen.getByText("The other options have the same totals as in run 1.")).toBeVisible();
  });

  it("shows no such section when the runs compared no options", () => {
    view(undefined);
    expect(screen.queryByText(/other options/)).toBeNull();
  });
});

describe("ChangesStep, an approved run", () => {
  const approvedChanges = [
    "Run 1 of 2026-12-01 09:00:00 UTC was approved (UNEP/CMS/StC44/Doc.X). This run would change its figures:",
    "  CMS: total 66,000 → 77,000 (+11,000)",
  ];
  const show = (refused?: { title: string; message: string }) =>
    render(
      <FluentProvider theme={webLightTheme}>
        <ChangesStep
          review={{ run: 2, comparison: { skipped: [] }, approvedChanges }}
          {...(refused ? { refused } : {})}
        />
      </FluentProvider>,
    );

  it("says that writing asks first", () => {
    show();
    expect(screen.getByText(/Writing asks you first\./)).toBeVisible();
  });

  it("says instead why the figures cannot be written, when they are marked approved under that paper", () => {
    show({
      title: "These figures cannot be written as approved",
      message: "Settings!B9: Status says Approved …",
    });
    expect(screen.getByText("These figures cannot be written as approved")).toBeVisible();
    expect(screen.getByText(/Settings!B9: Status says Approved/)).toBeVisible();
    expect(screen.queryByText(/Writing asks you first/)).toBeNull();
  });
});
