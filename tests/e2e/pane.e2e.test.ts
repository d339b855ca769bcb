/**
 * The pane end to end in Debian's Chromium, as an officer uses it: by mouse and by keyboard, at
 * Excel's default task-pane width (350 px) and at 800 px, in light and dark. Browser mode (office.js
 * cannot load: every request off 127.0.0.1 is refused), plus Excel mode over a stand-in office.js
 * for what the first screen loads. Every dropdown and dialog is opened by mouse with a check that
 * the pane's content stays visible (nothing covers the step's heading) and that the choice is taken.
 * axe-core scans every step; a screenshot of every step at 350 px is kept in artifacts/e2e.
 */
import AxeBuilder from "@axe-core/playwright";
import { Workbook } from "exceljs";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { main } from "../../src/cli/main";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { buildPane, initialScripts, scriptSizes, type ScriptSize } from "./buildPane";
import { fakeOfficeScript } from "./fakeOffice";
import { staticServer, type StaticServer } from "./staticServer";
import { handOptionsSheets } from "../workbook/fixtures/handOptions";

const ROOT = join(__dirname, "../..");
const ARTIFACTS = join(ROOT, "artifacts/e2e");
// One folder per run: the work tree is shared, and a parallel run must not delete this one's build.
const RUN = join(ROOT, `out/e2e/run-${process.pid}`);
// PANE_DIST serves an existing build instead of building (to iterate on the test itself).
const DIST = process.env.PANE_DIST ?? join(RUN, "dist");
const WORK = join(RUN, "work");
const CHROMIUM = "/usr/bin/chromium";
const SAMPLE = join(ROOT, "assets/cms-family-sample.xlsx");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** The rule change made in the pane and, with ExcelJS, in the CLI's copy. */
const UNIT = "Communication and outreach";
const NEW_BASIS = "CMS 50%; AEWA 50%";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

type Result = {
  instrumentTotals: Record<string, { direct: number; psc: number; total: number }>;
  grandTotal: { direct: number; psc: number; total: number };
  contributions: Record<
    string,
    {
      amount: Record<string, number>;
      parties: Record<string, { byYear: Record<string, number>; total: number }>;
    }
  >;
  [key: string]: unknown;
};

const quiet = { out: () => undefined, err: (s: string) => void process.stderr.write(s) };

// Skipped only on a developer machine without Chromium; in CI (.ci/run installs it) a missing browser fails.
const describeIfChromium = existsSync(CHROMIUM) || process.env.CI ? describe : describe.skip;

describeIfChromium("the task pane in Chromium", () => {
  let server: StaticServer;
  let browser: Browser;
  const axeViolations: { step: string; id: string; impact: string; nodes: string[] }[] = [];
  const consoleErrors: string[] = [];
  const contexts: BrowserContext[] = [];
  const cspViolations: string[] = [];

  beforeAll(async () => {
    rmSync(WORK, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    mkdirSync(WORK, { recursive: true });
    if (process.env.PANE_DIST === undefined) buildPane(DIST);
    server = await staticServer(DIST);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 600_000);

  afterAll(async () => {
    writeFileSync(join(ARTIFACTS, "axe-violations.json"), JSON.stringify(axeViolations, null, 2));
    await browser?.close();
    await server?.close();
    rmSync(RUN, { recursive: true, force: true });
  });

  /** A fresh pane in a new context, at a width and colour scheme, opened on the sample (browser mode). */
  async function openPane(
    width: number,
    scheme: "light" | "dark",
    office?: string,
  ): Promise<{ page: Page; scripts: string[] }> {
    const context = await browser.newContext({
      acceptDownloads: true,
      viewport: { width, height: 900 },
      colorScheme: scheme,
    });
    contexts.push(context);
    // A closed network: only the pane's own server answers (office.js from the CDN fails at once),
    // unless a stand-in office.js is given, which then makes the pane believe it runs in Excel.
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (office !== undefined && url === OFFICE_JS)
        return route.fulfill({ contentType: "text/javascript", body: office });
      return url.startsWith(server.url) ? route.continue() : route.abort("internetdisconnected");
    });
    // Every Content-Security-Policy violation the pages meet, reloads included, as the browser reports it.
    await context.exposeFunction("reportCspViolation", (v: string) => cspViolations.push(v));
    await context.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        const report = (window as unknown as { reportCspViolation: (v: string) => void }).reportCspViolation;
        void report(`${e.effectiveDirective} ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
      });
    });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on("request", (r) => {
      const url = r.url();
      if (url.startsWith(server.url) && url.endsWith(".js")) scripts.push(url.slice(server.url.length + 1));
    });
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    page.on("pageerror", (err) => consoleErrors.push(`uncaught: ${err.message}`));
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForSelector("html[data-pane='ready']", { timeout: 30_000 });
    return { page, scripts: [...scripts] };
  }

  /** Scans for accessibility violations and keeps a screenshot of the whole pane. */
  async function scan(page: Page, step: string) {
    // Let Fluent's enter animations finish: a half-faded button would fail contrast for the wrong reason.
    await settled(page);
    const result = await new AxeBuilder({ page }).analyze();
    for (const v of result.violations) {
      // Tabster's focus bumpers (<i data-tabster-dummy aria-hidden tabindex=0>) are a known false positive of
      // aria-hidden-focus in every Fluent UI v9 app (microsoft/tabster#288): they only pass focus on.
      const nodes = v.nodes.filter(
        (n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy")),
      );
      if (nodes.length > 0) {
        axeViolations.push({
          step,
          id: v.id,
          impact: v.impact ?? "",
          nodes: nodes.map((n) => n.target.join(" ")),
        });
      }
    }
    await page.screenshot({ path: join(ARTIFACTS, `${step}.png`), fullPage: true });
  }

  /**
   * True when the pane still shows at the element: what is at its visible centre is the element
   * (or inside it), or the open popup lying over it. A popup portal that blanks the pane fails this.
   */
  async function uncovered(target: Locator): Promise<boolean> {
    return target.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const x = box.left + Math.min(box.width / 2, 24);
      const y = Math.min(Math.max(box.top + box.height / 2, 1), window.innerHeight - 1);
      const hit = document.elementFromPoint(x, y);
      return hit !== null && (el.contains(hit) || hit.closest(".fui-Listbox") !== null);
    });
  }

  /** What covers a target ("" when nothing does): the element met at its point, for a failure that says why. */
  async function coverOf(target: Locator): Promise<string> {
    return target.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const x = box.left + Math.min(box.width / 2, 24);
      const y = Math.min(Math.max(box.top + box.height / 2, 1), window.innerHeight - 1);
      const hit = document.elementFromPoint(x, y);
      if (hit !== null && (el.contains(hit) || hit.closest(".fui-Listbox") !== null)) return "";
      return hit === null ? `nothing at ${x},${y}` : `${hit.tagName}.${hit.className} at ${x},${y}`;
    });
  }

  /** Waits until `check` holds (what a click sets off may settle a frame later), for up to 5 s. */
  async function eventually(check: () => Promise<boolean>): Promise<void> {
    const until = Date.now() + 5000;
    while (!(await check())) {
      if (Date.now() > until) throw new Error(`Still not so after 5 s: ${check.toString()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Waits until no motion runs in the page (Fluent's enter and collapse motions; a spinner's endless turn aside). */
  async function settled(page: Page): Promise<void> {
    await page.waitForFunction(() =>
      document
        .getAnimations()
        .every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity),
    );
  }

  /**
   * Fails with why a dropdown is not as a click should have left it, for the next reader of a CI
   * log: a screenshot of the whole pane, the control's state and what lies over it.
   */
  async function unexplained(page: Page, what: string, combobox: Locator, cause: unknown): Promise<never> {
    await page.screenshot({ path: join(ARTIFACTS, `unexplained-${Date.now()}.png`), fullPage: true });
    const state = await combobox.evaluate(
      (el) => `aria-expanded=${el.getAttribute("aria-expanded")}, focused=${el === document.activeElement}`,
    );
    throw new Error(`${what} (${state}; ${(await coverOf(combobox)) || "uncovered"}): ${String(cause)}`);
  }

  /** The open popup's listbox (Fluent renders it in a portal at the end of the body). */
  const listbox = (page: Page) => page.locator(".fui-Listbox:visible");

  /**
   * Opens a dropdown by mouse, checks that the list opened over the pane and that the step's
   * heading is still what the officer sees (not a blank portal), picks an option, checks the choice.
   */
  async function chooseByMouse(page: Page, combobox: Locator, option: string | RegExp, heading: Locator) {
    await heading.scrollIntoViewIfNeeded();
    await combobox.scrollIntoViewIfNeeded();
    // The officer clicks a pane at rest. A click is a press and a release; on a starved CI machine a
    // motion still running (a panel opening, the list sliding in) can move the target between them,
    // and the click is lost: that tests the machine, not the dropdown.
    await settled(page);
    await combobox.click();
    await listbox(page)
      .waitFor({ timeout: 10_000 })
      .catch(async (e: unknown) => unexplained(page, "The list did not open after a click", combobox, e));
    const choice = listbox(page).getByRole("option", { name: option, exact: typeof option === "string" });
    await choice.scrollIntoViewIfNeeded();
    expect(await uncovered(choice)).toBe(true);
    expect(await uncovered(page.getByRole("heading", { level: 1 }))).toBe(true);
    await heading.scrollIntoViewIfNeeded();
    expect(await uncovered(heading)).toBe(true);
    await settled(page);
    await choice.click();
    await listbox(page)
      .waitFor({ state: "hidden", timeout: 10_000 })
      .catch(async (e: unknown) => unexplained(page, "The list did not close after a choice", combobox, e));
    await page.locator(".fui-Spinner").waitFor({ state: "detached" });
    await heading.scrollIntoViewIfNeeded();
    expect(await uncovered(heading)).toBe(true);
  }

  /** Opens a dropdown with the keyboard (Enter), checks the pane stays visible, picks an option by arrows. */
  async function chooseByKeyboard(page: Page, combobox: Locator, option: string, heading: Locator) {
    await combobox.focus();
    await page.keyboard.press("Enter");
    await listbox(page).waitFor();
    // Focus may have scrolled the heading out of the pane's view (at 350 px, in dark mode after a
    // dialog): bring it back, as chooseByMouse does, then check the open list leaves it visible.
    await heading.scrollIntoViewIfNeeded();
    expect(await coverOf(heading)).toBe("");
    const names = await listbox(page).getByRole("option").allInnerTexts();
    const target = names.findIndex((n) => n.trim() === option);
    expect(target).toBeGreaterThanOrEqual(0);
    await page.keyboard.press("Home");
    for (let k = 0; k < target; k++) await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await listbox(page).waitFor({ state: "hidden" });
    expect(await combobox.innerText()).toContain(option);
  }

  /** Goes to a step by mouse: its tab, or the More menu when the tab does not fit. */
  async function stepByMouse(page: Page, name: string) {
    const tab = page.getByRole("tab", { name, exact: true });
    if (await tab.isVisible()) await tab.click();
    else {
      await page.getByRole("tab", { name: /^More/ }).click();
      // The menu slides in: clicked at rest, as chooseByMouse clicks a list.
      await settled(page);
      await page.getByRole("menuitem", { name }).click();
    }
    await page.getByRole("tabpanel", { name }).waitFor();
  }

  /** Goes to a step by keyboard: focus the selected tab, arrow to the step, Enter. */
  async function stepByKeyboard(page: Page, name: string) {
    await page.locator("[role=tab][aria-selected=true]").focus();
    const names = (await page.getByRole("tab").allInnerTexts()).map((t) => t.trim());
    const here = await page.locator("[role=tab][aria-selected=true]").innerText();
    const from = names.findIndex((n) => n.startsWith(here.trim()));
    const to = names.findIndex((n) => n === name || n.startsWith(`${name}`));
    if (to < 0) {
      // Not in the row at this width: the More menu, by keyboard.
      await page.getByRole("tab", { name: /^More/ }).focus();
      await page.keyboard.press("Enter");
      await page.getByRole("menuitem", { name }).focus();
      await page.keyboard.press("Enter");
    } else {
      for (let k = from; k < to; k++) await page.keyboard.press("ArrowRight");
      for (let k = from; k > to; k--) await page.keyboard.press("ArrowLeft");
      await page.keyboard.press("Enter");
    }
    await page.getByRole("tabpanel", { name }).waitFor();
  }

  /** The text of a table row whose first cell starts with `first`. */
  async function rowText(page: Page, table: RegExp, first: string): Promise<string> {
    const row = page
      .getByRole("table", { name: table })
      .getByRole("row", { name: new RegExp(`^${first}\\b`) });
    return (await row.innerText()).replace(/\s+/g, " ");
  }

  let sizes: ScriptSize[] = [];

  it("keeps the JS that the page loads up front within 400 KB gzip", () => {
    const initial = new Set(initialScripts(DIST));
    sizes = scriptSizes(DIST);
    const gzip = sizes.filter((s) => initial.has(s.file)).reduce((t, s) => t + s.gzipBytes, 0);
    writeFileSync(
      join(ARTIFACTS, "sizes.json"),
      JSON.stringify({ initial: [...initial], gzip, sizes }, null, 2),
    );
    expect([...initial].sort()).toEqual(["functions.js", "taskpane.js"]);
    expect(gzip).toBeLessThanOrEqual(400 * 1024);
  });

  it("in Excel mode, shows the first screen with at most 250 KB gzip of JS and without the spreadsheet library", async () => {
    const book = await XlsxWorkbook.fromBuffer(readFileSync(SAMPLE));
    const { page, scripts } = await openPane(350, "light", fakeOfficeScript(await book.readInputs()));
    expect(await page.getAttribute("html", "data-host")).toBe("excel");
    await page.getByRole("heading", { name: "Your budget workbook" }).waitFor();
    expect(await page.getByText("This workbook", { exact: true }).isVisible()).toBe(true);
    const gzip = scripts.reduce((t, f) => t + (sizes.find((s) => s.file === f)?.gzipBytes ?? 0), 0);
    writeFileSync(join(ARTIFACTS, "excel-first-screen.json"), JSON.stringify({ scripts, gzip }, null, 2));
    // Only the page's own two scripts: no view chunk, no spreadsheet library, no chart.
    expect([...new Set(scripts)].sort()).toEqual(["functions.js", "taskpane.js"]);
    expect(gzip).toBeLessThanOrEqual(250 * 1024);
    await scan(page, "350-excel-1-start");
    await page.context().close();
  });

  describe("by mouse at 350 px, light", () => {
    let page: Page;
    beforeAll(async () => {
      const started = Date.now();
      ({ page } = await openPane(350, "light"));
      const mark = await page.evaluate(
        () => performance.getEntriesByName("pane-interactive")[0]?.startTime ?? -1,
      );
      writeFileSync(
        join(ARTIFACTS, "interactive.json"),
        JSON.stringify({ markMs: mark, wallMs: Date.now() - started }),
      );
    }, 120_000);

    it("opens on a first screen that summarises the workbook, with one primary action", async () => {
      expect(await page.getAttribute("html", "data-host")).toBe("browser");
      const heading = page.getByRole("heading", { name: "Your budget workbook" });
      expect(await uncovered(heading)).toBe(true);
      expect(
        await page.locator(".fui-MessageBarBody", { hasText: "No problem stops the run." }).isVisible(),
      ).toBe(true);
      expect(await page.getByTestId("start-grand-total").innerText()).toMatch(/^[\d,]+ EUR$/);
      expect(await page.getByRole("definition").allInnerTexts()).toEqual([
        "9",
        "24",
        "12",
        "8",
        "4",
        "2015–2017",
      ]);
      // One primary action on screen, within the first screen's height.
      const write = page.getByRole("button", { name: "Write the results" });
      expect(await write.isVisible()).toBe(true);
      const box = (await write.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(900);
      // The navigation is one row: every visible tab sits on the same line.
      const tops = await page
        .getByRole("tab")
        .evaluateAll((els) =>
          els
            .filter((e) => (e as HTMLElement).offsetParent !== null)
            .map((e) => e.getBoundingClientRect().top),
        );
      expect(new Set(tops.map((t) => Math.round(t))).size).toBe(1);
      await scan(page, "350-light-1-start");
    });

    it("maps a column from a dropdown over the Sheets step, which stays visible", async () => {
      await page.getByRole("button", { name: "Check which sheets and columns are used" }).click();
      const heading = page.getByRole("heading", { name: "Sheets and columns read" });
      await heading.waitFor();
      await page
        .getByRole("region", { name: "Sheet Posts" })
        .getByText(/^Columns/)
        .click();
      const combobox = page.getByRole("combobox", { name: "Posts column used as FundedBy" });
      await chooseByMouse(page, combobox, "Found by name", heading);
      await page.waitForSelector("html[data-pane='ready']");
      await scan(page, "350-light-2-sheets");
    });

    it("edits a rule by mouse: the effect shows beside it, an invalid rule cannot be saved, the rule stays open", async () => {
      await stepByMouse(page, "Rules");
      const heading = page.getByRole("button", { name: new RegExp(`^${UNIT}:`) });
      await heading.click();
      const method = page.getByRole("combobox", { name: `How ${UNIT} is shared` });
      await chooseByMouse(page, method, "Equal shares", heading);
      expect(await method.innerText()).toContain("Equal shares");
      await page.getByText(new RegExp(`Effect on ${UNIT}: CMS −`)).waitFor();
      expect(await page.getByText("Your changes, totals with PSC over the period").isVisible()).toBe(true);

      // Back to agreed shares that add up to 120%: said under the field, Save and Write refused.
      await chooseByMouse(page, method, "Agreed shares", heading);
      const basis = page.getByRole("textbox", { name: `Agreed shares for ${UNIT}` });
      await basis.fill("CMS 70%; AEWA 50%");
      await page.getByText(/add up to 120%/).waitFor();
      expect(await page.getByRole("button", { name: "Save rules to the Rules sheet" }).isDisabled()).toBe(
        true,
      );
      expect(await page.getByRole("button", { name: "Fix the rule" }).isVisible()).toBe(true);
      await scan(page, "350-light-3-rules-invalid");

      await basis.fill(NEW_BASIS);
      await page.getByText(/add up to 120%/).waitFor({ state: "hidden" });
      expect(await page.getByRole("button", { name: "Save rules to the Rules sheet" }).isEnabled()).toBe(
        true,
      );
      // What a save will write, and the officer's note beside the changed rule, flagged.
      expect(await page.getByText("Saving changes 1 cell of the Rules sheet").isVisible()).toBe(true);
      expect(await page.getByText(/“CMS 60%; AEWA 40%” → “CMS 50%; AEWA 50%”/).isVisible()).toBe(true);
      expect(await page.getByText(/the 60\/40 key is illustrative/).isVisible()).toBe(true);
      await scan(page, "350-light-4-rules-changed");

      // The open rule stays open across steps.
      await stepByMouse(page, "Preview");
      await stepByMouse(page, "Rules");
      expect(await basis.isVisible()).toBe(true);
      expect(await basis.inputValue()).toBe(NEW_BASIS);
    });

    it("explains the preview with percentages and totals, and says why a number is what it is", async () => {
      await stepByMouse(page, "Preview");
      const heading = page.getByRole("heading", { name: /What each instrument pays/ });
      await chooseByMouse(page, page.getByRole("combobox", { name: "Period shown" }), "2016", heading);
      expect(await heading.innerText()).toContain("2016");
      await chooseByMouse(
        page,
        page.getByRole("combobox", { name: "Period shown" }),
        /Whole period/,
        heading,
      );
      expect(await rowText(page, /Totals by instrument/, "CMS")).toMatch(/CMS [\d,]+ \d+\.\d% [\d,]+/);
      // The units add up to the direct total: support units are shown apart, never counted twice.
      expect(await page.getByTestId("units-total").innerText()).toBe(
        await page.getByTestId("grand-direct").innerText(),
      );
      expect(await page.getByText(/Administration: .* not counted again/).isVisible()).toBe(true);
      const unitHeading = page.getByRole("heading", { name: "One service, instrument by instrument" });
      await chooseByMouse(page, page.getByRole("combobox", { name: "Service shown" }), UNIT, unitHeading);
      expect(
        await page.getByText(/CMS pays [\d,]+ more into the common pool than the posts it funds/).count(),
      ).toBe(1);
      await scan(page, "350-light-5-preview");

      const figure = page
        .getByRole("table", { name: new RegExp(`^${UNIT} by instrument`) })
        .getByRole("button", {
          name: new RegExp(`^[\\d,]+, CMS share of ${UNIT}`),
        });
      const shown = await figure.innerText();
      await figure.click();
      const drawer = page.getByRole("dialog", { name: "Why this number" });
      await drawer.waitFor();
      expect(await drawer.getByTestId("why-amount").innerText()).toBe(`${shown} EUR`);
      expect(await drawer.innerText()).toContain("Shared 50/50 between CMS and AEWA");
      expect(await drawer.getByRole("heading", { name: "Rounding" }).isVisible()).toBe(true);
      await scan(page, "350-light-6-why");
      await drawer.getByRole("button", { name: "Close" }).click();
      await drawer.waitFor({ state: "hidden" });
      expect(await figure.evaluate((el) => el === document.activeElement)).toBe(true);
    });

    it("writes, marks the results stale after an edit, and downloads figures equal to the command line's", async () => {
      await page.getByRole("button", { name: "Write the results" }).click();
      await page.getByText(/^Results written at \d\d:\d\d$/).waitFor({ timeout: 60_000 });
      const download = page.getByRole("button", { name: "Download result (.xlsx)" });
      expect(await download.isEnabled()).toBe(true);
      await scan(page, "350-light-7-written");

      // An edit after the write: written results and the download are marked out of date.
      await stepByMouse(page, "Rules");
      const basis = page.getByRole("textbox", { name: `Agreed shares for ${UNIT}` });
      await basis.fill("CMS 55%; AEWA 45%");
      await page.getByText("Written results (", { exact: false }).waitFor();
      await stepByMouse(page, "Results");
      expect(await page.getByText("The written results are out of date").isVisible()).toBe(true);
      expect(await download.isDisabled()).toBe(true);
      await scan(page, "350-light-8-stale");
      // Back to the rule as written: the results match again.
      await stepByMouse(page, "Rules");
      await basis.fill(NEW_BASIS);
      await stepByMouse(page, "Results");
      await page.getByText(/^Results written at \d\d:\d\d$/).waitFor();
      expect(await download.isEnabled()).toBe(true);

      const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
      const downloaded = join(ARTIFACTS, "pane-result.xlsx");
      await file.saveAs(downloaded);

      // The command line on a copy of the sample with the same change, made with ExcelJS.
      const copy = join(WORK, "sample-changed.xlsx");
      const wb = new Workbook();
      await wb.xlsx.readFile(SAMPLE);
      let changed = 0;
      wb.getWorksheet("Rules")!.eachRow((row) => {
        if (row.getCell(1).value === UNIT) {
          row.getCell(3).value = NEW_BASIS;
          changed++;
        }
      });
      expect(changed).toBe(1);
      await wb.xlsx.writeFile(copy);
      const args = (i: string, o: string) => [
        "allocate",
        i,
        "--out",
        join(WORK, `${o}.xlsx`),
        "--json",
        join(WORK, `${o}.json`),
      ];
      expect(await main(args(copy, "cli"), quiet)).toBe(0);
      const cli = JSON.parse(readFileSync(join(WORK, "cli.json"), "utf8")) as Result;
      // The downloaded workbook carries the changed rule: the command line on it gives the same figures.
      expect(await main(args(downloaded, "again"), quiet)).toBe(0);
      // The same figures; only the comparison with the pane's run differs (the copy has no earlier run).
      const { changes: sincePane, ...figures } = JSON.parse(
        readFileSync(join(WORK, "again.json"), "utf8"),
      ) as Result;
      expect(sincePane).toMatchObject({ previous: { run: 1 } });
      expect(figures).toEqual(cli);
      const result = new Workbook();
      await result.xlsx.readFile(downloaded);
      for (const name of ["Allocation", "Savings", "Settlement", "Contributions", "Annex", "Log"])
        expect(result.getWorksheet(name)).toBeDefined();

      // Writing again asks first; the dialog opens over the pane, and Cancel puts focus back on Write.
      const again = page.getByRole("button", { name: "Write the results again" });
      await again.click();
      const dialog = page.getByRole("dialog", { name: "Replace the earlier results?" });
      await dialog.waitFor();
      expect(await uncovered(dialog.getByRole("button", { name: "Replace" }))).toBe(true);
      await scan(page, "350-light-9-replace");
      await dialog.getByRole("button", { name: "Cancel" }).click();
      await dialog.waitFor({ state: "hidden" });
      expect(
        await uncovered(page.getByRole("heading", { name: /Annex for a Standing Committee paper/ })),
      ).toBe(true);
      expect(await again.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await download.isEnabled()).toBe(true);

      // The preview showed the same grand total the command line computed.
      await stepByMouse(page, "Preview");
      const shown = await page.getByTestId("grand-total").innerText();
      expect(Number(shown.replace(/[^\d.-]/g, ""))).toBe(cli.grandTotal.total);
    });

    it("exports the annex in French: translated title, clean text and an HTML table", async () => {
      await stepByMouse(page, "Results");
      const heading = page.getByRole("heading", { name: "Annex for a Standing Committee paper" });
      await chooseByMouse(
        page,
        page.getByRole("combobox", { name: "Language of the annex" }),
        "Français",
        heading,
      );
      await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
      await page.getByRole("button", { name: "Copy annex as a table" }).click();
      await page.getByText(/The annex tables are on the clipboard/).waitFor();
      const [html, text] = await page.evaluate(async () => {
        const [item] = await navigator.clipboard.read();
        return [
          await (await item.getType("text/html")).text(),
          await (await item.getType("text/plain")).text(),
        ];
      });
      expect(html).toContain("<table");
      expect(html).toMatch(/<sup>[a-z]<\/sup>/);
      expect(html).not.toContain("Cost sharing of the common services of the CMS Family");
      const lines = text.split("\n").filter((l) => l.trim() !== "");
      expect(lines.length).toBeGreaterThan(10);
      // Every table row once, not once per cell paragraph.
      const rows = lines.filter((l) => l.includes("\t"));
      expect(new Set(rows).size).toBeGreaterThan(rows.length * 0.9);
      // Footnote marks set apart from the names they follow: "Executive management (a, i)".
      expect(text).toMatch(/[a-z] \([a-z](, [a-z])*\)\t/);
      const [file] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Download annex (.docx)" }).click(),
      ]);
      const path = join(ARTIFACTS, "annex-fr.docx");
      await file.saveAs(path);
      expect(readFileSync(path).subarray(0, 2).toString()).toBe("PK");
      await scan(page, "350-light-10-export");
    });

    it("shows each instrument's scale of contributions, searchable by Party, with the command line's figures", async () => {
      await stepByMouse(page, "Contributions");
      const heading = page.getByRole("heading", { name: /^Scale of contributions, / });
      await heading.waitFor();
      expect(await heading.innerText()).toBe("Scale of contributions, AEWA, 2015–2017 (EUR)");
      // The figures of the command line on the same rules (written by the test above).
      const cli = JSON.parse(readFileSync(join(WORK, "cli.json"), "utf8")) as Result;
      const money = (v: number) => v.toLocaleString("en-GB");
      const sum = (byYear: Record<string, number>) => Object.values(byYear).reduce((a, b) => a + b, 0);
      const aewa = cli.contributions.AEWA;
      const count = Object.keys(aewa.parties).length;
      expect(await page.getByText(`${count} Parties`, { exact: true }).isVisible()).toBe(true);
      expect(await page.getByTestId("contributions-total").innerText()).toBe(money(sum(aewa.amount)));
      expect(await rowText(page, /^Contributions to AEWA/, "European Union")).toMatch(
        /^European Union fixed share 2\.500% [\d,]+$/,
      );
      // Nothing wider than the pane: no sideways scrolling at 350 px.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);
      await scan(page, "350-light-14-contributions");

      // Search: typed by mouse focus and keys, the table keeps the matching Party and the instrument's total.
      const search = page.getByRole("searchbox", { name: "Find a Party" });
      await search.click();
      await page.keyboard.type("GERM");
      await page.getByText(`1 of ${count} Parties match “GERM”`).waitFor();
      const table = page.getByRole("table", { name: /^Contributions to AEWA/ });
      expect(await table.getByRole("row").count()).toBe(3);
      expect(await rowText(page, /^Contributions to AEWA/, "Germany")).toMatch(
        new RegExp(`^Germany UN 6\\.100%.* ${money(aewa.parties.Germany.total)}$`),
      );
      expect(await page.getByTestId("contributions-total").innerText()).toBe(money(sum(aewa.amount)));
      await scan(page, "350-light-15-contributions-search");

      // Another instrument and one year, from the dropdowns over a visible pane; the search holds.
      await chooseByMouse(
        page,
        page.getByRole("combobox", { name: "Instrument shown" }),
        "ASCOBANS",
        heading,
      );
      await chooseByMouse(page, page.getByRole("combobox", { name: "Period shown" }), "2016", heading);
      expect(await heading.innerText()).toBe("Scale of contributions, ASCOBANS, 2016 (EUR)");
      const ascobans = cli.contributions.ASCOBANS;
      expect(await rowText(page, /^Contributions to ASCOBANS, 2016/, "Germany")).toMatch(
        new RegExp(` ${money(ascobans.parties.Germany.byYear["2016"])}$`),
      );
      expect(await page.getByTestId("contributions-total").innerText()).toBe(money(ascobans.amount["2016"]));
      await search.fill("");
      expect(
        await page
          .getByRole("table", { name: /^Contributions to ASCOBANS, 2016/ })
          .getByRole("row")
          .count(),
      ).toBe(Object.keys(ascobans.parties).length + 2);
      await scan(page, "350-light-16-contributions-ascobans");
    });
  });

  describe("by keyboard at 350 px, dark", () => {
    let page: Page;
    beforeAll(async () => {
      ({ page } = await openPane(350, "dark"));
    }, 120_000);

    it("does the whole job by keyboard, with focus kept where the officer was", async () => {
      await scan(page, "350-dark-1-start");
      await stepByKeyboard(page, "Rules");
      const header = page.getByRole("button", { name: new RegExp(`^${UNIT}:`) });
      await header.focus();
      await page.keyboard.press("Enter");
      const heading = header;
      await chooseByKeyboard(
        page,
        page.getByRole("combobox", { name: `How ${UNIT} is shared` }),
        "Equal shares",
        heading,
      );
      await page.getByText(new RegExp(`Effect on ${UNIT}:`)).waitFor();
      await scan(page, "350-dark-2-rules");

      await stepByKeyboard(page, "Preview");
      const heading2 = page.getByRole("heading", { name: /What each instrument pays/ });
      await chooseByKeyboard(page, page.getByRole("combobox", { name: "Period shown" }), "2017", heading2);
      // The chart is one tab stop with a text alternative.
      const chart = page.getByRole("img", { name: /^Share of each instrument, 2017: CMS [\d.]+%/ });
      expect(await chart.getAttribute("tabindex")).toBe("0");
      expect(await chart.locator("[tabindex]").count()).toBe(0);
      const figure = page.getByRole("button", { name: /, CMS share: why this number/ });
      await figure.focus();
      await page.keyboard.press("Enter");
      const drawer = page.getByRole("dialog", { name: "Why this number" });
      await drawer.waitFor();
      await scan(page, "350-dark-3-why");
      await page.keyboard.press("Escape");
      await drawer.waitFor({ state: "hidden" });
      expect(await figure.evaluate((el) => el === document.activeElement)).toBe(true);
      await scan(page, "350-dark-4-preview");

      await stepByKeyboard(page, "Results");
      const write = page.getByRole("button", { name: "Write the results" });
      await write.focus();
      await page.keyboard.press("Enter");
      const done = page.getByText(/^Results written at \d\d:\d\d$/);
      await done.waitFor({ timeout: 60_000 });
      // Focus goes to the outcome, not to the top of the page.
      expect(await page.evaluate(() => document.activeElement?.textContent ?? "")).toMatch(
        /^Results written at/,
      );
      const again = page.getByRole("button", { name: "Write the results again" });
      await again.focus();
      await page.keyboard.press("Enter");
      const dialog = page.getByRole("dialog", { name: "Replace the earlier results?" });
      await dialog.waitFor();
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "hidden" });
      // The dialog's backdrop fades out after the dialog itself: until it has gone, it is what a
      // click (or elementFromPoint) meets over the pane.
      await page.locator(".fui-DialogSurface__backdrop").waitFor({ state: "detached" });
      expect(await again.evaluate((el) => el === document.activeElement)).toBe(true);
      await chooseByKeyboard(
        page,
        page.getByRole("combobox", { name: "Language of the annex" }),
        "Español",
        page.getByRole("heading", { name: "Annex for a Standing Committee paper" }),
      );
      await scan(page, "350-dark-5-results");
      // Step changes are announced.
      expect(await page.getByRole("status").innerText()).toBe("Results step");
    });

    it("reaches the scale of contributions by keyboard, picks an instrument and a year, and finds a Party", async () => {
      await stepByKeyboard(page, "Contributions");
      const heading = page.getByRole("heading", { name: /^Scale of contributions, / });
      await heading.waitFor();
      await chooseByKeyboard(
        page,
        page.getByRole("combobox", { name: "Instrument shown" }),
        "ASCOBANS",
        heading,
      );
      await chooseByKeyboard(page, page.getByRole("combobox", { name: "Period shown" }), "2016", heading);
      expect(await heading.innerText()).toBe("Scale of contributions, ASCOBANS, 2016 (EUR)");
      // From the period to the search box with Tab, then type.
      await page.keyboard.press("Tab");
      const search = page.getByRole("searchbox", { name: "Find a Party" });
      expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.type("neth");
      await page.getByText(/^1 of \d+ Parties match “neth”$/).waitFor();
      expect(await rowText(page, /^Contributions to ASCOBANS, 2016/, "Netherlands")).toMatch(
        /^Netherlands UN 1\.400% [\d.]+% [\d,]+$/,
      );
      await scan(page, "350-dark-6-contributions");
      expect(await page.getByRole("status").innerText()).toBe("Contributions step");
    });
  });

  describe("what changed, and a run the Committee approved, by mouse at 350 px", () => {
    let page: Page;
    beforeAll(async () => {
      ({ page } = await openPane(350, "light"));
    }, 120_000);

    /** The Changes view's line for an instrument: "CMS 1,234 → 1,200 (−34)". */
    const instrument = (code: string) =>
      page.getByRole("button", { name: new RegExp(`^${code} [\\d,]+ → [\\d,]+`) });

    it("shows nothing to compare before the first run, then what a rule changed, broken down by cause", async () => {
      await stepByMouse(page, "Changes");
      await page.getByText(/No earlier run is recorded in this workbook/).waitFor();
      await scan(page, "350-changes-1-first");
      await stepByMouse(page, "Results");
      await page.getByRole("button", { name: "Write the results" }).click();
      await page.getByText(/^Results written at \d\d:\d\d$/).waitFor({ timeout: 60_000 });
      await page
        .getByText(/^Run 1 \(Draft, UNEP\/CMS\/StC-Sample\/Doc\.1\)\. First recorded run\.$/)
        .waitFor();

      await stepByMouse(page, "Rules");
      await page.getByRole("button", { name: new RegExp(`^${UNIT}:`) }).click();
      await page.getByRole("textbox", { name: `Agreed shares for ${UNIT}` }).fill(NEW_BASIS);
      await stepByMouse(page, "Changes");
      await page.getByRole("heading", { name: "Since the previous run: run 1" }).waitFor();
      const cms = instrument("CMS");
      const header = (await cms.innerText()).replace(/\s+/g, " ");
      // CMS paid 60% of communications and now pays 50%: its total falls.
      const [, was, now, diff] = /^CMS ([\d,]+) → ([\d,]+) \(−([\d,]+)\)$/.exec(header) ?? [];
      const n = (s: string) => Number(s.replace(/,/g, ""));
      expect(n(was) - n(now)).toBe(n(diff));
      await cms.click();
      const causes = page.getByRole("list", { name: "Causes of the change for CMS" });
      await causes.waitFor();
      expect((await causes.innerText()).replace(/\s+/g, " ")).toBe(`Rules −${diff} Difference −${diff}`);
      // Opened at the foot of the pane, the causes scroll up clear of the sticky action bar.
      await eventually(() => uncovered(causes));
      expect(
        await page
          .getByText(
            /^Rules row \d+: Rule of Communication and outreach, Method and basis fixed: CMS 60%, AEWA 40% → fixed: CMS 50%, AEWA 50%$/,
          )
          .isVisible(),
      ).toBe(true);
      await scan(page, "350-changes-2-rule");
    });

    it("sets the status and paper from the pane, writes an approved run, and asks before changing its figures", async () => {
      await stepByMouse(page, "Results");
      const heading = page.getByRole("heading", { name: "Status of these results" });
      await chooseByMouse(
        page,
        page.getByRole("combobox", { name: "Status" }),
        "Approved by the Committee",
        heading,
      );
      const symbol = page.getByRole("textbox", { name: "Document symbol" });
      await symbol.fill("");
      expect(await page.getByText("An approved run names the paper that approved it.").isVisible()).toBe(
        true,
      );
      await symbol.fill("UNEP/CMS/StC44/Doc.X");
      await page.getByRole("button", { name: "Save to the Settings sheet" }).click();
      await page
        .getByRole("status")
        .getByText("Status saved in the Settings sheet: Approved, UNEP/CMS/StC44/Doc.X.")
        .waitFor();
      // The rule edited before is still there, to be saved with the write.
      await page.getByRole("button", { name: "Write the results again" }).click();
      const replace = page.getByRole("dialog", { name: "Replace the earlier results?" });
      await replace.getByRole("button", { name: "Replace" }).click();
      await page
        .getByText(/^Run 2 \(Approved, UNEP\/CMS\/StC44\/Doc\.X\)\. Since run 1: (Settings|Rules)/)
        .waitFor({ timeout: 60_000 });
      await scan(page, "350-changes-3-approved");

      // A new draft that moves the figures: the Changes view warns, and writing asks first.
      await chooseByMouse(page, page.getByRole("combobox", { name: "Status" }), "Draft", heading);
      await page.getByRole("button", { name: "Save to the Settings sheet" }).click();
      await page
        .getByRole("status")
        .getByText("Status saved in the Settings sheet: Draft, UNEP/CMS/StC44/Doc.X.")
        .waitFor();
      await stepByMouse(page, "Rules");
      await page.getByRole("textbox", { name: `Agreed shares for ${UNIT}` }).fill("CMS 70%; AEWA 30%");
      await stepByMouse(page, "Changes");
      await page.getByText("These figures change an approved run").waitFor();
      expect(
        await page
          .getByText(
            /^Run 2 of .* was approved \(UNEP\/CMS\/StC44\/Doc\.X\)\. This run would change its figures:$/,
          )
          .isVisible(),
      ).toBe(true);
      await scan(page, "350-changes-4-warning");
      // The other options' lines (long option names) wrap within the pane: nothing past its edge.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);

      await stepByMouse(page, "Results");
      const write = page.getByRole("button", { name: "Write the results again" });
      await write.click();
      const ask = page.getByRole("dialog", { name: "Change the approved figures?" });
      await ask.waitFor();
      expect(await ask.getByText(/^CMS: total [\d,]+ → [\d,]+ \(\+[\d,]+\)/).isVisible()).toBe(true);
      // The draft still names the approved paper: the officer is told before writing, in case it is a revision.
      expect(
        await ask
          .getByText(/^This run still names the approved paper, UNEP\/CMS\/StC44\/Doc\.X: /)
          .isVisible(),
      ).toBe(true);
      expect(await uncovered(ask.getByRole("button", { name: "Write the new run" }))).toBe(true);
      await scan(page, "350-changes-5-ask");
      await ask.getByRole("button", { name: "Cancel" }).click();
      await ask.waitFor({ state: "hidden" });
      expect(await write.evaluate((el) => el === document.activeElement)).toBe(true);
      // Cancelled: nothing was saved or written, the rule is still an edit and run 2's sheets are out of date.
      expect(await page.getByText("The written results are out of date").isVisible()).toBe(true);
      expect(await page.getByText(/^Run 3 /).count()).toBe(0);

      await write.click();
      await ask.getByRole("button", { name: "Write the new run" }).click();
      await page
        .getByText(/^Run 3 \(Draft, UNEP\/CMS\/StC44\/Doc\.X\)\. Since run 2: /)
        .waitFor({ timeout: 60_000 });
      // The approved run stays, and the Changes view now compares with it as well as with run 3.
      await stepByMouse(page, "Changes");
      await page.getByRole("heading", { name: "Since the previous run: run 3" }).waitFor();
      expect(
        await page.getByRole("heading", { name: "Since the last approved run: run 2" }).isVisible(),
      ).toBe(true);
      await scan(page, "350-changes-6-after");

      await stepByMouse(page, "Results");
      const [file] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Download result (.xlsx)" }).click(),
      ]);
      const path = join(ARTIFACTS, "pane-approved.xlsx");
      await file.saveAs(path);
      const wb = new Workbook();
      await wb.xlsx.readFile(path);
      const log: unknown[][] = [];
      wb.getWorksheet("Log")!.eachRow((row) =>
        log.push([row.getCell(1).value, row.getCell(5).value, row.getCell(6).value]),
      );
      expect(log.filter((r) => typeof r[0] === "number")).toEqual([
        [1, "Draft", "UNEP/CMS/StC-Sample/Doc.1"],
        [2, "Approved", "UNEP/CMS/StC44/Doc.X"],
        [3, "Draft", "UNEP/CMS/StC44/Doc.X"],
      ]);
      expect(wb.getWorksheet("Run records")!.state).toBe("hidden");
      await page.context().close();
    });
  });

  it("asks by keyboard before changing an approved run's figures, and shows the changes at 800 px", async () => {
    // An approved run made on the command line, then a rule changed in the sheet (ExcelJS).
    const approved = new Workbook();
    await approved.xlsx.readFile(SAMPLE);
    approved.getWorksheet("Settings")!.eachRow((row) => {
      if (row.getCell(1).value === "DocumentSymbol") row.getCell(2).value = "UNEP/CMS/StC44/Doc.X";
    });
    const settings = approved.getWorksheet("Settings")!;
    settings.addRow(["Status", "Approved"]);
    await approved.xlsx.writeFile(join(WORK, "approved-in.xlsx"));
    expect(
      await main(["allocate", join(WORK, "approved-in.xlsx"), "--out", join(WORK, "approved.xlsx")], quiet),
    ).toBe(0);
    const edited = new Workbook();
    await edited.xlsx.readFile(join(WORK, "approved.xlsx"));
    edited.getWorksheet("Rules")!.eachRow((row) => {
      if (row.getCell(1).value === UNIT) row.getCell(3).value = NEW_BASIS;
    });
    edited.getWorksheet("Settings")!.eachRow((row) => {
      if (row.getCell(1).value === "Status") row.getCell(2).value = "Draft";
    });
    await edited.xlsx.writeFile(join(WORK, "approved-edited.xlsx"));

    for (const width of [350, 800]) {
      const { page } = await openPane(width, width === 350 ? "dark" : "light");
      const [chooser] = await Promise.all([
        page.waitForEvent("filechooser"),
        page.getByRole("button", { name: "Open .xlsx" }).click(),
      ]);
      await chooser.setFiles(join(WORK, "approved-edited.xlsx"));
      await page.getByText("approved-edited.xlsx, a copy in this page").waitFor();
      if (width === 800) {
        expect(await page.getByRole("tab", { name: /^More/ }).count()).toBe(0);
        await stepByMouse(page, "Changes");
        await page.getByText("These figures change an approved run").waitFor();
        await page.getByRole("button", { name: /^AEWA / }).click();
        await page.getByRole("list", { name: "Causes of the change for AEWA" }).waitFor();
        await scan(page, "800-light-changes");
        await page.context().close();
        continue;
      }
      await stepByKeyboard(page, "Changes");
      await page.getByText("These figures change an approved run").waitFor();
      await page.getByRole("heading", { name: "Since the previous run: run 1" }).waitFor();
      const cms = page.getByRole("button", { name: /^CMS / });
      await cms.focus();
      await page.keyboard.press("Enter");
      await page.getByRole("list", { name: "Causes of the change for CMS" }).waitFor();
      await scan(page, "350-dark-changes");
      await stepByKeyboard(page, "Results");
      const write = page.getByRole("button", { name: "Write the results" });
      await write.focus();
      await page.keyboard.press("Enter");
      const ask = page.getByRole("dialog", { name: "Change the approved figures?" });
      await ask.waitFor();
      await scan(page, "350-dark-changes-ask");
      await page.keyboard.press("Escape");
      await ask.waitFor({ state: "hidden" });
      expect(await write.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press("Enter");
      await ask.waitFor();
      // The primary action takes the focus: Enter on it writes the new run.
      await ask.getByRole("button", { name: "Write the new run" }).focus();
      await page.keyboard.press("Enter");
      await page
        .getByText(/^Run 2 \(Draft, UNEP\/CMS\/StC44\/Doc\.X\)\. Since run 1: /)
        .waitFor({ timeout: 60_000 });
      await page.context().close();
    }
  });

  for (const scheme of ["light", "dark"] as const) {
    it(`at 800 px, ${scheme}: every view by mouse, each dropdown over a visible pane`, async () => {
      const { page } = await openPane(800, scheme);
      // Every view fits on one row at 800 px.
      expect(await page.getByRole("tab", { name: /^More/ }).count()).toBe(0);
      await scan(page, `800-${scheme}-1-start`);
      await stepByMouse(page, "Rules");
      const header = page.getByRole("button", { name: /^Conference services:/ });
      await header.click();
      await chooseByMouse(
        page,
        page.getByRole("combobox", { name: "Figure used for Conference services" }),
        "Budget",
        header,
      );
      await scan(page, `800-${scheme}-2-rules`);
      await stepByMouse(page, "Preview");
      const heading = page.getByRole("heading", { name: /What each instrument pays/ });
      await chooseByMouse(page, page.getByRole("combobox", { name: "Period shown" }), "2015", heading);
      await scan(page, `800-${scheme}-3-preview`);
      await stepByMouse(page, "Results");
      await chooseByMouse(
        page,
        page.getByRole("combobox", { name: "Language of the annex" }),
        "Español",
        page.getByRole("heading", { name: "Annex for a Standing Committee paper" }),
      );
      await scan(page, `800-${scheme}-4-results`);
      await stepByMouse(page, "Problems");
      await scan(page, `800-${scheme}-5-problems`);
      await stepByMouse(page, "Sheets");
      await scan(page, `800-${scheme}-6-sheets`);
      await stepByMouse(page, "Contributions");
      const scale = page.getByRole("heading", { name: /^Scale of contributions, / });
      await chooseByMouse(page, page.getByRole("combobox", { name: "Instrument shown" }), "ASCOBANS", scale);
      await scan(page, `800-${scheme}-7-contributions`);
      await page.context().close();
    });
  }

  /** The hand-worked three-option workbook (tests/workbook/fixtures/handOptions.ts) as an .xlsx file. */
  async function optionsWorkbook(): Promise<string> {
    const path = join(WORK, "three-options.xlsx");
    const wb = new Workbook();
    for (const sheet of Object.values(handOptionsSheets())) {
      const ws = wb.addWorksheet(sheet.name);
      for (const row of sheet.rows) ws.addRow(row);
    }
    await wb.xlsx.writeFile(path);
    return path;
  }

  /** Opens a workbook of the officer's through the file chooser. */
  async function openOwnFile(page: Page, path: string) {
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      page.getByRole("button", { name: "Open .xlsx" }).click(),
    ]);
    await chooser.setFiles(path);
    await page.getByText(`${path.split("/").pop()}, a copy in this page`).waitFor();
  }

  it("compares the options at 350 px by mouse, and writes the option chosen", async () => {
    const { page } = await openPane(350, "light");
    await openOwnFile(page, await optionsWorkbook());
    await stepByMouse(page, "Compare");
    const heading = page.getByRole("heading", { name: "All instruments" });
    expect(await uncovered(heading)).toBe(true);
    expect(await rowText(page, /^All instruments, by option$/, "Status quo")).toBe(
      "Status quo in Allocation 407,000 –",
    );
    expect(await rowText(page, /^All instruments, by option$/, "Pilot")).toBe("Pilot 396,000 \u221211,000");
    expect(await rowText(page, /^AEWA, by option$/, "Pilot")).toBe("Pilot 148,500 +5,500");
    // Nothing runs past the pane's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);
    await scan(page, "350-light-14-compare");

    await chooseByMouse(
      page,
      page.getByRole("combobox", { name: "Figure compared" }),
      "Savings against the baseline",
      heading,
    );
    expect(await rowText(page, /^CMS, by option$/, "Joint secretariat")).toBe(
      "Joint secretariat 70,000 +70,000",
    );
    await page.getByRole("radio", { name: "Pilot" }).click();
    expect(await page.getByRole("radio", { name: "Pilot" }).isChecked()).toBe(true);
    expect(await rowText(page, /^All instruments, by option$/, "Pilot")).toBe(
      "Pilot in Allocation 10,000 +10,000",
    );
    expect(await page.getByRole("status").innerText()).toBe(
      "Option Pilot will be written as Allocation and Annex 1.",
    );
    await scan(page, "350-light-15-compare-chosen");

    // The preview and the results follow the option chosen.
    await stepByMouse(page, "Preview");
    expect(await page.getByTestId("grand-total").innerText()).toBe("396,000");
    // Scrolled down in one step, the next opens at its top.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await stepByMouse(page, "Results");
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    // The Results view loads on first use: wait for its text rather than look once.
    await page
      .getByText(/Writes the sheets Allocation, Savings, Settlement, Options, Changes, Annex, Log/)
      .waitFor();
    await page.getByRole("button", { name: "Write the results" }).click();
    await page.getByText(/^Results written at \d\d:\d\d$/).waitFor({ timeout: 60_000 });
    // The results written are only in this page until downloaded: another file asks first, and
    // Cancel keeps them.
    await page.getByRole("button", { name: "Open .xlsx" }).click();
    const ask = page.getByRole("dialog", { name: "Open another workbook?" });
    await ask.waitFor();
    expect(await ask.innerText()).toMatch(/What was written into .* in this page .* not downloaded since/);
    await scan(page, "350-light-16-open-another");
    await ask.getByRole("button", { name: "Cancel" }).click();
    await ask.waitFor({ state: "hidden" });
    await page.getByText(/^Results written at \d\d:\d\d$/).waitFor();
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download result (.xlsx)" }).click(),
    ]);
    const downloaded = join(ARTIFACTS, "pane-options-result.xlsx");
    await file.saveAs(downloaded);
    const out = new Workbook();
    await out.xlsx.readFile(downloaded);
    const options = out.getWorksheet("Options");
    expect(options).toBeDefined();
    const notes: string[] = [];
    options?.eachRow((row) => {
      const a = row.getCell(1).value;
      if (typeof a === "string" && a.startsWith("Allocation, Savings")) notes.push(a);
    });
    expect(notes).toEqual([
      "Allocation, Savings, Settlement and the Annex show option 'Pilot' (Settings: Scenario).",
    ]);
    // Choosing another option makes the written results out of date.
    await stepByMouse(page, "Compare");
    await page.getByRole("radio", { name: "Status quo" }).click();
    await stepByMouse(page, "Results");
    expect(await page.getByText("The written results are out of date").isVisible()).toBe(true);
    await page.context().close();
  });

  it("compares the options at 800 px by keyboard, in the dark", async () => {
    const { page } = await openPane(800, "dark");
    await openOwnFile(page, await optionsWorkbook());
    await stepByKeyboard(page, "Compare");
    const heading = page.getByRole("heading", { name: "All instruments" });
    await page.getByRole("radio", { name: "Status quo" }).focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    expect(await page.getByRole("radio", { name: "Joint secretariat" }).isChecked()).toBe(true);
    expect(await rowText(page, /^All instruments, by option$/, "Joint secretariat")).toBe(
      "Joint secretariat in Allocation 231,000 \u2212176,000",
    );
    await chooseByKeyboard(
      page,
      page.getByRole("combobox", { name: "Figure compared" }),
      "Direct costs, before programme support costs",
      heading,
    );
    expect(await rowText(page, /^EUROBATS, by option$/, "Joint secretariat")).toBe(
      "Joint secretariat in Allocation 54,000 \u221226,000",
    );
    await scan(page, "800-dark-7-compare");
    await page.context().close();
  });

  it("opens the officer's own file, announces its problem, lists it at its cell and writes nothing", async () => {
    const { page } = await openPane(350, "light");
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      page.getByRole("button", { name: "Open .xlsx" }).click(),
    ]);
    await chooser.setFiles(join(ROOT, "tests/fixtures/invalid-text-in-cost.xlsx"));
    await page.getByText("invalid-text-in-cost.xlsx, a copy in this page").waitFor();
    expect(await page.getByRole("status").innerText()).toMatch(
      /Opened invalid-text-in-cost\.xlsx\. 1 problem stops the run\. First: Posts!F12/,
    );
    expect(await page.locator(".fui-MessageBarBody", { hasText: "First: Posts!F12" }).isVisible()).toBe(true);
    await scan(page, "350-light-11-own-file");
    await page.getByRole("button", { name: "Show the problems" }).click();
    const problems = page.getByRole("region", { name: "Problems on Posts" });
    await problems.waitFor();
    expect(await problems.innerText()).toContain("Posts!F12");
    await scan(page, "350-light-12-problems");
    await stepByMouse(page, "Results");
    expect(await page.getByRole("button", { name: "Write the results" }).isDisabled()).toBe(true);

    // Valid inputs, but a sheet of the officer's is named Allocation: found on opening, as the CLI finds
    // it, with the way out named; nothing can be written.
    await page
      .getByLabel("Choose an .xlsx workbook")
      .setInputFiles(join(ROOT, "tests/fixtures/invalid-output-sheet-taken.xlsx"));
    await page.getByText("invalid-output-sheet-taken.xlsx, a copy in this page").waitFor();
    await page
      .getByText(/1 problem stops the run\. First: Allocation!A1/)
      .first()
      .waitFor();
    await page.getByRole("button", { name: "Show the problems" }).click();
    const taken = page.getByRole("region", { name: "Problems on Allocation" });
    await taken.waitFor();
    expect(await taken.innerText()).toMatch(/named 'Allocation' that this add-in did not write/);
    await scan(page, "350-light-13-foreign-sheet");
    await stepByMouse(page, "Results");
    expect(await page.getByRole("button", { name: "Write the results" }).isDisabled()).toBe(true);
    await page.context().close();
  });

  it("follows the system's high-contrast theme", async () => {
    const { page } = await openPane(350, "dark");
    await page.emulateMedia({ colorScheme: "dark", forcedColors: "active" });
    await page.waitForFunction(
      () =>
        getComputedStyle(document.querySelector(".fui-FluentProvider")!)
          .getPropertyValue("--colorNeutralBackground1")
          .trim() !== "#292929",
    );
    await stepByMouse(page, "Preview");
    await page.screenshot({ path: join(ARTIFACTS, "350-high-contrast-preview.png"), fullPage: true });
    await page.context().close();
  });

  it("runs under its Content-Security-Policy without a single violation", async () => {
    const { page } = await openPane(350, "light");
    const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
    expect(policy).toMatch(/default-src 'none'/);
    expect(policy).toMatch(/connect-src 'self'/);
    await page.context().close();
    // Over every page of this file: both modes, every view, both widths and themes.
    expect(cspViolations).toEqual([]);
  });

  it("finds no serious or critical accessibility violation and logs no error", async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    const serious = axeViolations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious).toEqual([]);
    // office.js is refused on purpose; anything else in the console is a fault of ours.
    expect(
      consoleErrors.filter(
        (e) => !/office|appsforoffice|ERR_INTERNET_DISCONNECTED|Failed to load resource/i.test(e),
      ),
    ).toEqual([]);
  });
});
