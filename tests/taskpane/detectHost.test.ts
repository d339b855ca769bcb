import { detectHost } from "../../src/taskpane/detectHost";

type OfficeLike = { onReady: () => Promise<{ host: string | null }>; HostType: { Excel: string } };
const g = globalThis as unknown as { Office?: OfficeLike };

describe("detectHost", () => {
  afterEach(() => delete g.Office);

  it("opens in browser mode when office.js did not load", async () => {
    await expect(detectHost(50)).resolves.toBe("browser");
  });

  it("opens in Excel when Office says so", async () => {
    g.Office = { onReady: () => Promise.resolve({ host: "Excel" }), HostType: { Excel: "Excel" } };
    await expect(detectHost(50)).resolves.toBe("excel");
  });

  it("falls back to browser mode when Office.onReady never answers", async () => {
    g.Office = { onReady: () => new Promise(() => undefined), HostType: { Excel: "Excel" } };
    const t0 = Date.now();
    await expect(detectHost(100)).resolves.toBe("browser");
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it("treats another Office host as a browser", async () => {
    g.Office = { onReady: () => Promise.resolve({ host: "Word" }), HostType: { Excel: "Excel" } };
    await expect(detectHost(50)).resolves.toBe("browser");
  });
});
