/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import "./jsdomShims";
import type { Allocation } from "../../src/engine/result";
import type { PreviewSlice } from "../../src/taskpane/previewModel";
import { ContributionsStep } from "../../src/taskpane/steps/ContributionsStep";
import { scaleAllocation } from "./scaleAllocation";

/** The view with its state held as the pane holds it. */
function Harness({ allocation }: { allocation: Allocation }) {
  const [instrument, setInstrument] = useState<string>();
  const [slice, setSlice] = useState<PreviewSlice>("period");
  const [query, setQuery] = useState("");
  return (
    <FluentProvider theme={webLightTheme}>
      <ContributionsStep
        allocation={allocation}
        {...(instrument ? { instrument } : {})}
        onInstrument={setInstrument}
        slice={slice}
        onSlice={setSlice}
        query={query}
        onQuery={setQuery}
      />
    </FluentProvider>
  );
}

/** The text of each body row of the table, cells joined by " | ". */
function rows(name: RegExp): string[] {
  return within(screen.getByRole("table", { name }))
    .getAllByRole("row")
    .slice(1)
    .map((r) =>
      within(r)
        .getAllByRole("cell")
        .map((c) => c.textContent)
        .join(" | "),
    );
}

describe("ContributionsStep", () => {
  it("lists an instrument's Parties with their share, amount and rule, and a total that is the amount shared", () => {
    render(<Harness allocation={scaleAllocation()} />);
    expect(
      screen.getByRole("heading", { name: "Scale of contributions, AEWA, 2025–2026 (EUR)" }),
    ).toBeInTheDocument();
    const shown = rows(/^Contributions to AEWA, 2025–2026/);
    expect(shown[0]).toBe("European Union fixed share | 2.500% | 10,000");
    expect(shown).toContain("Tiny UN 0.010% · minimum contribution in 2025 | 1.125% | 4,500");
    expect(shown[shown.length - 1]).toBe("Total, all 7 Parties | 100.000% | 400,000");
    expect(screen.getByText("7 Parties")).toBeInTheDocument();
  });

  it("finds a Party as the officer types, and says when none matches", async () => {
    const user = userEvent.setup();
    render(<Harness allocation={scaleAllocation()} />);
    await user.type(screen.getByRole("searchbox", { name: "Find a Party" }), "mod");
    expect(rows(/^Contributions to AEWA/).map((r) => r.split(" ")[0])).toEqual(["Modest", "Total,"]);
    expect(screen.getByText("1 of 7 Parties match “mod”")).toBeInTheDocument();
    await user.type(screen.getByRole("searchbox", { name: "Find a Party" }), "zz");
    expect(screen.getByText("No Party of AEWA matches “modzz”")).toBeInTheDocument();
    // The total stays the instrument's: the search hides rows, never money.
    expect(screen.getByTestId("contributions-total")).toHaveTextContent("400,000");
  });

  it("switches instrument and year from their dropdowns", async () => {
    const user = userEvent.setup();
    render(<Harness allocation={scaleAllocation()} />);
    await user.click(screen.getByRole("combobox", { name: "Instrument shown" }));
    await user.click(screen.getByRole("option", { name: "ASCOBANS" }));
    await user.click(screen.getByRole("combobox", { name: "Period shown" }));
    await user.click(screen.getByRole("option", { name: "2026" }));
    expect(
      screen.getByRole("heading", { name: "Scale of contributions, ASCOBANS, 2026 (EUR)" }),
    ).toBeInTheDocument();
    expect(rows(/^Contributions to ASCOBANS, 2026/).map((r) => r.split(" |")[0].split(" UN")[0])).toEqual([
      "Belgium",
      "Costa Rica",
      "Côte d'Ivoire",
      "Total, all 3 Parties",
    ]);
    expect(screen.getByTestId("contributions-total")).toHaveTextContent("56,500");
  });

  it("says how to add Parties when the workbook has none", () => {
    const { contributions: _none, ...without } = scaleAllocation();
    render(<Harness allocation={without} />);
    expect(screen.getByText(/the workbook has no Parties sheet/)).toBeInTheDocument();
  });
});
