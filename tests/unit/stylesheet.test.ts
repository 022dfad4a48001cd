import fs from "node:fs";
import { transformSync } from "esbuild";
import { describe, expect, it } from "vitest";

const STYLESHEET = "app/styles/app.css";

/** The outermost at-rules in the stylesheet with the selectors that open a block directly inside them. */
function topLevelBlocks(css: string): { rule: string; inner: string[] }[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, "");
  const blocks: { rule: string; inner: string[] }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === "{") {
      const head = text.slice(start, i).trim();
      if (depth === 0) blocks.push({ rule: head, inner: [] });
      else if (depth === 1) blocks[blocks.length - 1]!.inner.push(head);
      depth += 1;
      start = i + 1;
    } else if (text[i] === "}") {
      depth -= 1;
      start = i + 1;
    } else if (text[i] === ";") {
      start = i + 1;
    }
  }
  return blocks;
}

describe("the stylesheet", () => {
  const css = fs.readFileSync(STYLESHEET, "utf8");

  it("parses without a warning (an unclosed block would swallow every rule after it)", () => {
    const result = transformSync(css, { loader: "css", logLevel: "silent" });
    expect(result.warnings.map((w) => `${w.location?.line}: ${w.text}`)).toEqual([]);
  });

  it("keeps the screen rules of the meetings pages outside the print block", () => {
    const print = topLevelBlocks(css).filter((b) => b.rule === "@media print");
    expect(print.length).toBeGreaterThan(0);
    const insidePrint = print.flatMap((b) => b.inner);
    expect(insidePrint).not.toContain("table.calendar td");
    expect(insidePrint).not.toContain(".priority-list");
    expect(topLevelBlocks(css).map((b) => b.rule)).toContain("table.calendar td");
  });
});
