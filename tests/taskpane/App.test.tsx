/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "./jsdomShims";
import { App } from "../../src/taskpane/App";
import type { Problem } from "../../src/engine/problem";
import { fakePipeline, fakeSession } from "./paneFixtures";

// The chart library is ESM and draws with SVG measurements jsdom lacks; the chart has its own test in the browser.
jest.mock("../../src/taskpane/SharesChart", () => ({
  SharesChart: ({ view }: { view: { label: string } }) => (
    <div role="figure" aria-label={`Chart ${view.label}`} />
  ),
}));

function setup(
  opts: {
    problems?: Problem[];
    existing?: { name: string; owned: boolean }[];
    mode?: "excel" | "browser";
  } = {},
) {
  const pipeline = fakePipeline(opts.problems ?? []);
  const { session, log } = fakeSession(opts.existing ?? [], opts.mode ?? "excel");
  const openFile = opts.mode === "browser" ? jest.fn(() => Promise.resolve(session)) : undefined;
  render(
    <App pipeline={pipeline} initial={() => Promise.resolve(session)} openFile={openFile} theme="light" />,
  );
  return { pipeline, session, log, user: userEvent.setup() };
}

async function goTo(user: ReturnType<typeof userEvent.setup>, step: RegExp) {
  await user.click(await screen.findByRole("tab", { name: step }));
}

describe("App", () => {
  it("opens on the Inputs step with the sheets and columns it found", async () => {
    setup();
    expect(await screen.findByRole("tab", { name: /1 Inputs/, selected: true })).toBeInTheDocument();
    const posts = screen.getByRole("region", { name: "Sheet Posts" });
    expect(within(posts).getByText("found: Staff list")).toBeInTheDocument();
    expect(within(posts).getByRole("combobox", { name: "Posts column used as PostId" })).toHaveTextContent(
      "Post No.",
    );
    expect(screen.getByRole("region", { name: "Sheet Baseline" })).toHaveTextContent(
      "not present (optional)",
    );
    expect(document.documentElement.dataset.pane).toBe("ready");
  });

  it("saves a column mapping chosen from the dropdown", async () => {
    const { user, log } = setup();
    await user.click(await screen.findByRole("combobox", { name: "Posts column used as FundedBy" }));
    await user.click(screen.getByRole("option", { name: "Paid by" }));
    await waitFor(() => expect(log.mappings).toEqual([{ Posts: { columns: { FundedBy: "Paid by" } } }]));
  });

  it("lists problems by sheet, goes to a cell when one is clicked, and blocks the write", async () => {
    const problems: Problem[] = [
      {
        severity: "error",
        sheet: "Posts",
        row: 3,
        field: "Cost",
        cell: "F3",
        message: "Cost must be a number of euros, found 'sixty thousand'.",
      },
      {
        severity: "warning",
        sheet: "Instruments",
        row: 4,
        cell: "D4",
        message: "Parties is blank; read as 0.",
      },
    ];
    const { user, log } = setup({ problems });
    expect(await screen.findByRole("tab", { name: /2 Problems/, selected: true })).toBeInTheDocument();
    expect(screen.getByText("1 problem blocks the run")).toBeInTheDocument();
    const posts = screen.getByRole("region", { name: "Problems on Posts" });
    expect(posts).toHaveTextContent("Cost must be a number of euros, found 'sixty thousand'.");
    await user.click(within(posts).getByRole("button", { name: "Go to Posts!F3" }));
    expect(log.selected).toEqual(["Posts!F3"]);
    await goTo(user, /5 Write/);
    expect(screen.getByRole("button", { name: "Write the results" })).toBeDisabled();
    expect(screen.getByText(/1 problem must be fixed first/)).toBeInTheDocument();
    await goTo(user, /3 Rules/);
    expect(screen.getByText(/The rules can be edited once the problems/)).toBeInTheDocument();
  });

  it("updates the preview as a rule changes, without touching the workbook", async () => {
    const { user, log } = setup();
    await goTo(user, /4 Preview/);
    const totals = await screen.findByRole("table", { name: /Totals by instrument/ });
    // Communications 120,000 x 2 years equal (120,000 to CMS) + Conference 60,000 x 2 at 60% (72,000 to CMS).
    expect(within(totals).getByRole("row", { name: /^CMS/ })).toHaveTextContent("CMS192,000");
    await goTo(user, /3 Rules/);
    await user.click(screen.getByRole("button", { name: /Communications: equal/ }));
    expect(screen.getByText("In the preview: Shared equally among all instruments.")).toBeInTheDocument();
    await user.click(screen.getByRole("combobox", { name: "Method for Communications" }));
    await user.click(screen.getByRole("option", { name: "fixed" }));
    const basis = screen.getByRole("textbox", { name: "Basis for Communications" });
    await user.type(basis, "CMS 75%; AEWA 25%");
    expect(screen.getByRole("tab", { name: /3 Rules \*/ })).toBeInTheDocument();
    await goTo(user, /4 Preview/);
    const after = await screen.findByRole("table", { name: /Totals by instrument/ });
    // Communications now 180,000 to CMS over two years.
    expect(within(after).getByRole("row", { name: /^CMS/ })).toHaveTextContent("CMS252,000");
    expect(log.rules).toEqual([]);
    expect(log.written).toEqual([]);
  });

  it("shows a rule's mistake under its field and blocks the write until it is fixed", async () => {
    const { user } = setup();
    await goTo(user, /3 Rules/);
    await user.click(await screen.findByRole("button", { name: /Conference services: driver/ }));
    await user.click(screen.getByRole("combobox", { name: "Method for Conference services" }));
    await user.click(screen.getByRole("option", { name: "fixed" }));
    expect(await screen.findByText("Fixed shares must add up to 100%.")).toBeInTheDocument();
    await goTo(user, /5 Write/);
    expect(screen.getByRole("button", { name: "Write the results" })).toBeDisabled();
    expect(screen.getByText("A rule needs attention first (see Rules).")).toBeInTheDocument();
  });

  it("saves edited rules to the Rules sheet, only the rows that changed", async () => {
    const { user, log } = setup();
    await goTo(user, /3 Rules/);
    await user.click(await screen.findByRole("button", { name: /Communications: equal/ }));
    await user.type(screen.getByRole("textbox", { name: "Ceiling on each share of Communications" }), "60%");
    await user.click(screen.getByRole("button", { name: "Save rules to the Rules sheet" }));
    await waitFor(() => expect(log.rules).toHaveLength(1));
    // Row 2 (Communications) only, restated whole; Max is column 6; no Min column is created for a blank floor.
    expect(log.rules[0]).toEqual([
      { row: 2, col: 1, value: "Communications", format: "@" },
      { row: 2, col: 2, value: "equal", format: "@" },
      { row: 2, col: 3, value: null, format: "@" },
      { row: 2, col: 4, value: null, format: "@" },
      { row: 2, col: 6, value: 0.6, format: "0.##%" },
    ]);
  });

  it("asks before replacing an earlier run, then writes and links to each sheet", async () => {
    const existing = ["Allocation", "Savings", "Settlement", "Annex", "Log"].map((name) => ({
      name,
      owned: true,
    }));
    const { user, log } = setup({ existing });
    await goTo(user, /5 Write/);
    await user.click(screen.getByRole("button", { name: "Write the results" }));
    // In jsdom, Tabster's modalizer leaves the surface aria-hidden (in Chromium it is not: see the e2e test),
    // so the dialog is found including hidden elements.
    const dialog = await screen.findByRole("dialog", { hidden: true });
    expect(dialog).toHaveTextContent("Replace the earlier results?");
    expect(dialog).toHaveTextContent("Allocation, Savings, Settlement, Annex from an earlier run");
    await user.click(within(dialog).getByRole("button", { name: "Replace", hidden: true }));
    await screen.findByText("Results written");
    expect(log.written).toEqual([["Allocation", "Savings", "Settlement", "Annex", "Log"]]);
    await user.click(screen.getByRole("button", { name: "Settlement" }));
    expect(log.selected).toEqual(["Settlement"]);
  });

  it("writes nothing when the officer cancels the replacement", async () => {
    const { user, log, pipeline } = setup({ existing: [{ name: "Allocation", owned: true }] });
    await goTo(user, /5 Write/);
    await user.click(screen.getByRole("button", { name: "Write the results" }));
    await user.click(await screen.findByRole("button", { name: "Cancel", hidden: true }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(log.written).toEqual([]);
    expect(pipeline.outputsCalls).toBe(0);
  });

  it("never overwrites a sheet of the officer's and says how to get out of it", async () => {
    const { user, log } = setup({ existing: [{ name: "Savings", owned: false }] });
    await goTo(user, /5 Write/);
    await user.click(screen.getByRole("button", { name: "Write the results" }));
    expect(await screen.findByText("A sheet of yours is in the way")).toBeInTheDocument();
    expect(
      screen.getByText(/named 'Savings' that this add-in did not write. Rename or remove it first/),
    ).toBeInTheDocument();
    expect(log.written).toEqual([]);
  });

  it("offers Open .xlsx and the download of the result in browser mode", async () => {
    const { user } = setup({ mode: "browser" });
    expect(await screen.findByText("Working on budget.xlsx in this browser")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Open .xlsx" })).toBeEnabled();
    await goTo(user, /5 Write/);
    await user.click(screen.getByRole("button", { name: "Write the results" }));
    await screen.findByText("Results written");
    expect(screen.getAllByRole("button", { name: "Download result (.xlsx)" })[0]).toBeEnabled();
  });

  it("explains what went wrong when the workbook cannot be opened", async () => {
    // The pane logs the fault for the developer console; caught here so the test run stays quiet.
    const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const fault = new Error("The sample workbook could not be loaded (HTTP 404)");
      render(
        <App
          pipeline={fakePipeline()}
          initial={() => Promise.reject(fault)}
          openFile={() => Promise.reject(new Error("unused"))}
          theme="dark"
        />,
      );
      expect(await screen.findByText("The workbook could not be opened")).toBeInTheDocument();
      expect(screen.getByText(/\(HTTP 404\)\. Open an \.xlsx file of your own/)).toBeInTheDocument();
      expect(logged).toHaveBeenCalledWith(fault);
    } finally {
      logged.mockRestore();
    }
  });
});
