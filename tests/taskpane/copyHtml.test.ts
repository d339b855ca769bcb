/** @jest-environment jsdom */
import { tablesAsText } from "../../src/taskpane/copyHtml";

describe("tablesAsText", () => {
  it("gives each row once as tab-separated cells, headings once, and footnote marks set apart", () => {
    const html = `<p>Annexe 1</p><table><thead><tr><th><p>Service</p></th><th><p>CMS</p></th></tr></thead>
      <tbody><tr><td><p>Communication <sup>a</sup></p></td><td><p>1 234</p></td></tr></tbody></table>
      <p><sup>a</sup> Note on communication.</p>`;
    expect(tablesAsText(html)).toBe(
      "Annexe 1\nService\tCMS\nCommunication (a)\t1 234\n(a) Note on communication.",
    );
  });
});
