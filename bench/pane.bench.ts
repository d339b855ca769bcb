/**
 * The task pane's figures: the gzip size of the JS that Excel loads up front (the page's own
 * scripts: the functions bundle and the pane; office.js comes from Microsoft's CDN and is not
 * ours), and the time to an interactive pane in Chromium, in browser mode with the sample
 * workbook loaded and read, against the floor of an empty page from the same server.
 */
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { buildPane, initialScripts, scriptSizes } from "../tests/e2e/buildPane";
import { staticServer } from "../tests/e2e/staticServer";
import { peakRssMB, type BenchResult } from "./benchmark";

// One folder per run: the work tree is shared with parallel test runs.
const DIST = join(__dirname, `../out/bench/pane-dist-${process.pid}`);
const LOADS = 7;
const TARGET_MS = 1500;
const TARGET_GZIP_KB = 400;

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
  let heapMB = 0;
  try {
    for (let i = 0; i < LOADS + 1; i++) {
      // A fresh context per load: no cache, as when Excel opens the pane for the first time in a session.
      const context = await browser.newContext();
      await context.route("**/*", (route) =>
        route.request().url().startsWith(server.url) ? route.continue() : route.abort("internetdisconnected"),
      );
      const page = await context.newPage();
      await page.goto(`${server.url}/empty.html`);
      const floor = await page.evaluate(() => performance.getEntriesByType("navigation")[0].duration);
      await page.goto(`${server.url}/taskpane.html`);
      await page.waitForSelector("html[data-pane='ready']", { timeout: 30_000 });
      const ready = await page.evaluate(
        () => performance.getEntriesByName("pane-interactive")[0]?.startTime ?? NaN,
      );
      heapMB = Math.max(
        heapMB,
        await page.evaluate(
          () =>
            ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ??
              0) /
            2 ** 20,
        ),
      );
      await context.close();
      if (i === 0) continue; // the first load warms Chromium itself, not the pane
      pane.push(ready);
      empty.push(floor);
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(DIST, { recursive: true, force: true });
  }
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
    target: `interactive <= ${TARGET_MS} ms; initial JS <= ${TARGET_GZIP_KB} KB gzip`,
    met: ms <= TARGET_MS && initialKB <= TARGET_GZIP_KB,
    extra: {
      initialJsGzipKB: Number(initialKB.toFixed(1)),
      initialScripts: [...initial].join(" "),
      allJsGzipKB: Number((allGzip / 1024).toFixed(1)),
      chunks: sizes.map((s) => `${s.file}=${(s.gzipBytes / 1024).toFixed(1)}KB`).join(" "),
      pageJsHeapMB: Number(heapMB.toFixed(1)),
      loads: LOADS,
    },
  };
}
