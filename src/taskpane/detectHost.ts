/** Where the pane runs: inside Excel, or in a plain browser (no Office, another host, or no office.js). */
export type HostKind = "excel" | "browser";

/**
 * Waits for Office.onReady, but no longer than `timeoutMs`: when office.js never loaded (a closed
 * network cannot reach Microsoft's CDN), or the page is not inside Excel, the pane opens in
 * browser mode instead of waiting for ever.
 */
export async function detectHost(timeoutMs = 1500): Promise<HostKind> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (office === undefined || typeof office.onReady !== "function") return "browser";
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"browser">((resolve) => {
    timer = setTimeout(() => resolve("browser"), timeoutMs);
  });
  const ready = office
    .onReady()
    .then((info): HostKind => (info.host === office.HostType.Excel ? "excel" : "browser"))
    // office.js loaded but could not start (no host to talk to): a browser, as far as we care.
    .catch((): HostKind => "browser");
  try {
    return await Promise.race([ready, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
