/**
 * Puts an HTML table on the clipboard (with a plain-text fallback) so that it pastes into Word or
 * Outlook as a table. Uses the async Clipboard API where the host allows it, otherwise the older
 * copy command on a hidden selection (Office's webviews on Windows often lack ClipboardItem).
 */
export async function copyHtml(html: string): Promise<void> {
  const text = tablesAsText(html);
  const clipboard = typeof navigator !== "undefined" ? navigator.clipboard : undefined;
  if (clipboard && typeof clipboard.write === "function" && typeof ClipboardItem !== "undefined") {
    await clipboard.write([
      new ClipboardItem({
        "text/html": new Blob([html], { type: "text/html" }),
        "text/plain": new Blob([text], { type: "text/plain" }),
      }),
    ]);
    return;
  }
  const holder = document.createElement("div");
  holder.contentEditable = "true";
  holder.style.position = "fixed";
  holder.style.left = "-10000px";
  holder.innerHTML = html;
  document.body.appendChild(holder);
  const range = document.createRange();
  range.selectNodeContents(holder);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  // execCommand is deprecated but is the only copy path left where ClipboardItem is missing.
  const ok = document.execCommand("copy");
  selection?.removeAllRanges();
  holder.remove();
  if (!ok) throw new Error("The browser refused to copy to the clipboard");
}

/**
 * The annex as tab-separated text for a plain-text paste: each heading or note once, each table row
 * once (the cells' own paragraphs are not repeated), and a footnote mark set apart as "(a)".
 */
export function tablesAsText(html: string): string {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const text = (el: Element): string => {
    const copy = el.cloneNode(true) as Element;
    copy.querySelectorAll("sup").forEach((sup) => {
      const mark = (sup.textContent ?? "").trim();
      sup.replaceWith(mark === "" ? "" : ` (${mark})`);
    });
    return (copy.textContent ?? "").replace(/\s+/g, " ").trim();
  };
  const lines: string[] = [];
  doc.body.querySelectorAll("h1, h2, h3, p, tr").forEach((el) => {
    if (el.tagName === "TR") lines.push(Array.from(el.children, text).join("\t"));
    else if (el.closest("table") === null) lines.push(text(el));
  });
  return lines.join("\n");
}
