import { createRoot } from "react-dom/client";
import { useEffect, useState } from "react";
import { App } from "./App";
import { browserSession } from "./browserSession";
import { corePipeline } from "./corePipeline";
import { detectHost, type HostKind } from "./detectHost";
import { excelSession } from "./excelSession";
import { themeKind, type ThemeKind } from "./paneTheme";

/** Where the sample workbook is served from, next to the pane's page. */
const SAMPLE_URL = "assets/cms-family-sample.xlsx";

/** How long to wait for Office.onReady before opening in browser mode. */
const OFFICE_TIMEOUT_MS = 1500;

/** Opens the embedded sample workbook in browser mode. */
async function openSample() {
  const response = await fetch(SAMPLE_URL);
  if (!response.ok) throw new Error(`The sample workbook could not be loaded (HTTP ${response.status})`);
  return browserSession("cms-family-sample.xlsx", await response.arrayBuffer());
}

const openExcel = () => Promise.resolve(excelSession());

/** The pane with its theme, following the system's colour scheme while the page is open. */
function Root({ host }: { host: HostKind }) {
  const officeDark = host === "excel" ? Office.context.officeTheme?.isDarkTheme : undefined;
  const media = (q: string) => typeof window.matchMedia === "function" && window.matchMedia(q).matches;
  const [theme, setTheme] = useState<ThemeKind>(() => themeKind(officeDark, media));
  useEffect(() => {
    if (typeof window.matchMedia !== "function") return undefined;
    const queries = ["(prefers-color-scheme: dark)", "(forced-colors: active)"].map((q) =>
      window.matchMedia(q),
    );
    const update = () => setTheme(themeKind(officeDark, media));
    queries.forEach((q) => q.addEventListener("change", update));
    return () => queries.forEach((q) => q.removeEventListener("change", update));
  }, [officeDark]);
  return (
    <App
      pipeline={corePipeline}
      initial={host === "excel" ? openExcel : openSample}
      openFile={host === "browser" ? browserSession : undefined}
      theme={theme}
    />
  );
}

void detectHost(OFFICE_TIMEOUT_MS).then((host) => {
  const container = document.getElementById("root");
  if (container === null) throw new Error("The page has no #root element");
  document.documentElement.dataset.host = host;
  createRoot(container).render(<Root host={host} />);
});
