/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import "./jsdomShims";
import type { Allocation } from "../../src/engine/result";
import type { CompareFigure } from "../../src/taskpane/compareModel";
import { CompareStep } from "../../src/taskpane/steps/CompareStep";
import { adjustFor, withOption } from "../../src/taskpane/withOption";
import { analyseWorkbook } from "../../src/workbook/analyseWorkbook";
import { handOptionsGrids } from "../workbook/fixtures/handOptions";

/** The hand-worked workbook's run, with an option chosen as the one written (as the pane runs it). */
function handAllocation(option?: string): Allocation {
  const adjust = adjustFor(undefined, option);
  const allocation = analyseWorkbook(handOptionsGrids(), {
    ...(adjust ? { adjust: (m) => ({ model: adjust(m), problems: [] }) } : {}),
  }).allocation;
  if (!allocation) throw new Error("the hand-worked workbook does not allocate");
  return allocation;
}

/** The view as the pane holds it: the chosen option and the figure compared are state of the pane. */
function Harness({ onChoose }: { onChoose: (o: string) => void }) {
  const [option, setOption] = useState<string>();
  const [figure, setFigure] = useState<CompareFigure>("total");
  return (
    <FluentProvider theme={webLightTheme}>
      <CompareStep
        allocation={handAllocation(option)}
        figure={figure}
        onFigure={setFigure}
        onChoose={(o) => {
          setOption(o);
          onChoose(o);
        }}
      />
    </FluentProvider>
  );
}

/** The rows of the table of one block, as [option, figure, difference]. */
function rowsOf(block: string): string[][] {
  const table = screen.getByRole("table", { name: `${block}, by option` });
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((r) =>
      within(r)
        .getAllByRole("cell")
        .map((c) => c.textContent ?? ""),
    );
}

describe("CompareStep", () => {
  it("shows every option's total for all instruments and for each, with the difference from the first", () => {
    render(<Harness onChoose={() => undefined} />);
    expect(rowsOf("All instruments")).toEqual([
      ["Status quo in Allocation", "407,000", "–"],
      ["Pilot", "396,000", "\u221211,000"],
      ["Joint secretariat", "231,000", "\u2212176,000"],
    ]);
    expect(rowsOf("AEWA")).toEqual([
      ["Status quo in Allocation", "143,000", "–"],
      ["Pilot", "148,500", "+5,500"],
      ["Joint secretariat", "72,600", "\u221270,400"],
    ]);
    expect(rowsOf("EUROBATS")[1]).toEqual(["Pilot", "88,000", "0"]);
  });

  it("compares direct costs or savings when asked", async () => {
    const user = userEvent.setup();
    render(<Harness onChoose={() => undefined} />);
    await user.click(screen.getByRole("combobox", { name: "Figure compared" }));
    await user.click(screen.getByRole("option", { name: "Savings against the baseline" }));
    expect(rowsOf("CMS")).toEqual([
      ["Status quo in Allocation", "0", "–"],
      ["Pilot", "15,000", "+15,000"],
      ["Joint secretariat", "70,000", "+70,000"],
    ]);
    await user.click(screen.getByRole("combobox", { name: "Figure compared" }));
    await user.click(screen.getByRole("option", { name: "Direct costs, before programme support costs" }));
    expect(rowsOf("CMS")[2]).toEqual(["Joint secretariat", "90,000", "\u221270,000"]);
  });

  it("chooses the option written, by mouse or keyboard, and marks it", async () => {
    const user = userEvent.setup();
    const chosen: string[] = [];
    render(<Harness onChoose={(o) => chosen.push(o)} />);
    const group = screen.getByRole("radiogroup", { name: "Option written as Allocation and Annex 1" });
    expect(within(group).getByRole("radio", { name: "Status quo" })).toBeChecked();
    await user.click(within(group).getByRole("radio", { name: "Joint secretariat" }));
    expect(chosen).toEqual(["Joint secretariat"]);
    expect(within(group).getByRole("radio", { name: "Joint secretariat" })).toBeChecked();
    expect(rowsOf("CMS")[2][0]).toBe("Joint secretariat in Allocation");
    // Differences stay those from the first option, whichever is written.
    expect(rowsOf("CMS")[2][2]).toBe("\u221277,000");
    await user.keyboard("{ArrowUp}");
    expect(chosen).toEqual(["Joint secretariat", "Pilot"]);
    expect(within(group).getByRole("radio", { name: "Pilot" })).toBeChecked();
  });

  it("says how to set up options when the workbook has none", () => {
    const { scenarios: _, scenario: __, ...plain } = handAllocation();
    render(
      <FluentProvider theme={webLightTheme}>
        <CompareStep
          allocation={plain}
          figure="total"
          onFigure={() => undefined}
          onChoose={() => undefined}
        />
      </FluentProvider>,
    );
    expect(screen.getByText(/add a Scenario column to Posts, Budget, Rules or Support/)).toBeInTheDocument();
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
  });
});

describe("withOption", () => {
  it("makes the chosen option the one written, and ignores a name the workbook does not have", () => {
    expect(handAllocation("pilot").grandTotal.total).toEqual([396000]);
    expect(handAllocation("pilot").scenario).toBe("Pilot");
    const model = analyseWorkbook(handOptionsGrids()).model!;
    expect(withOption(model, "pilot").settings.scenario).toBe("Pilot");
    expect(withOption(model, "Merger")).toBe(model);
    expect(withOption(model, undefined)).toBe(model);
  });
});
