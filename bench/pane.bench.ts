/**
 * The task pane's figures: the gzip size of the JS that Excel loads up front (the page's own
 * scripts: the functions bundle and the pane; office.js comes from Microsoft's CDN and is not
 * ours), and the time to an interactive pane (its first screen) in Chromium, in browser mode with
 * the sample workbook loaded and read, against the floor of an empty page from the same server.
 * Also, in Excel mode (a stand-in office.js over the sample's grids), the time to the first screen
 * and every script fetched before it: the target is at most 250 KB gzip, without the spreadsheet library.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { XlsxWorkbook } from "../src/xlsx/xlsxWorkbook";
import { buildPane, initialScripts, scriptSizes } from "../tests/e2e/buildPane";
import { fakeOfficeScript } from "../tests/e2e/fakeOffice";
import { staticServer, type StaticServer } from "../tests/e2e/staticServer";
import { peakRssMB, type BenchResult } from "./benchmark";

// One folder per run: the work tree is shared with parallel test runs.
const DIST = join(__dirname, `../out/bench/pane-dist-${process.pid}`);
const LOADS = 7;
const TARGET_MS = 1500;
const TARGET_GZIP_KB = 400;
const TARGET_EXCEL_FIRST_SCREEN_KB = 250;
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** One cold load of the pane: the time of its first screen and the scripts it fetched before it. */
async function loadOnce(
  browser: Browser,
  server: StaticServer,
  office?: string,
): Promise<{ ms: number; floor: number; scripts: string[]; heapMB: number }> {
  // A fresh context per load: no cache, as when Excel opens the pane for the first time in a session.
  const context = await browser.newContext();
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (office !== undefined && url === OFFICE_JS)
      return route.fulfill({ contentType: "text/javascript", body: office });
    return url.startsWith(server.url) ? route.continue() : route.abort("internetdisconnected");
  });
  const page = await context.newPage();
  await page.goto(`${server.url}/empty.html`);
  const floor = await page.evaluate(() => performance.getEntriesByType("navigation")[0].duration);
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.url().startsWith(server.url) && r.url().endsWith(".js"))
      scripts.push(r.url().slice(server.url.length + 1));
  });
  await page.goto(`${server.url}/taskpane.html`);
  await page.waitForSelector("html[data-pane='ready']", { timeout: 30_000 });
  const ms = await page.evaluate(() => performance.getEntriesByName("pane-interactive")[0]?.startTime ?? NaN);
  const heapMB = await page.evaluate(
    () =>
      ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) /
      2 ** 20,
  );
  await context.close();
  return { ms, floor, scripts: [...new Set(scripts)], heapMB };
}

/** Median of a list of numbers. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Builds the pane, weighs it, and times LOADS cold loads of the pane and of an empty page. */
export async function bench(): Promise<BenchResult> {
  buildPane(DIST);
  const sizes = scriptSizes(DIST);
  const initial = new Set(initialScripts(DIST));
  const initialGzip = sizes.filter((s) => initial.has(s.file)).reduce((t, s) => t + s.gzipBytes, 0);
  const allGzip = sizes.reduce((t, s) => t + s.gzipBytes, 0);
  writeFileSync(join(DIST, "empty.html"), "<!doctype html><title>empty</title><p>empty</p>");

  const server = await staticServer(DIST);
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const pane: number[] = [];
  const empty: number[] = [];
  const excel: number[] = [];
  let heapMB = 0;
  let excelScripts: string[] = [];
  let browserScripts: string[] = [];
  const book = await XlsxWorkbook.fromBuffer(
    readFileSync(join(__dirname, "../assets/cms-family-sample.xlsx")),
  );
  const office = fakeOfficeScript(await book.readInputs());
  try {
    for (let i = 0; i < LOADS + 1; i++) {
      const b = await loadOnce(browser, server);
      const x = await loadOnce(browser, server, office);
      heapMB = Math.max(heapMB, b.heapMB, x.heapMB);
      browserScripts = b.scripts;
      excelScripts = x.scripts;
      if (i === 0) continue; // the first load warms Chromium itself, not the pane
      pane.push(b.ms);
      empty.push(b.floor);
      excel.push(x.ms);
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(DIST, { recursive: true, force: true });
  }
  const gzipOf = (files: string[]) =>
    files.reduce((t, f) => t + (sizes.find((s) => s.file === f)?.gzipBytes ?? 0), 0) / 1024;
  const excelKB = gzipOf(excelScripts);
  const ms = median(pane);
  const baselineMs = median(empty);
  const initialKB = initialGzip / 1024;
  return {
    name: "pane-interactive",
    ms,
    baselineMs,
    ratio: ms / baselineMs,
    peakMB: peakRssMB(),
    baseline: "an empty page from the same server, same browser",
    target: `interactive <= ${TARGET_MS} ms; initial JS <= ${TARGET_GZIP_KB} KB gzip; Excel mode: JS before the first screen <= ${TARGET_EXCEL_FIRST_SCREEN_KB} KB gzip`,
    met: ms <= TARGET_MS && initialKB <= TARGET_GZIP_KB && excelKB <= TARGET_EXCEL_FIRST_SCREEN_KB,
    extra: {
      initialJsGzipKB: Number(initialKB.toFixed(1)),
      firstScreenBrowserMs: Number(ms.toFixed(0)),
      firstScreenExcelMs: Number(median(excel).toFixed(0)),
      excelFirstScreenJsGzipKB: Number(excelKB.toFixed(1)),
      excelFirstScreenScripts: excelScripts.join(" "),
      browserFirstScreenJsGzipKB: Number(gzipOf(browserScripts).toFixed(1)),
      browserFirstScreenScripts: browserScripts.join(" "),
      initialScripts: [...initial].join(" "),
      allJsGzipKB: Number((allGzip / 1024).toFixed(1)),
      chunks: sizes.map((s) => `${s.file}=${(s.gzipBytes / 1024).toFixed(1)}KB`).join(" "),
      pageJsHeapMB: Number(heapMB.toFixed(1)),
      loads: LOADS,
    },
  };
}
