// Whole-site checks on the built sample and fixture editions: valid HTML, no broken internal links, a CSP on
// every page, and byte-identical output from two clean builds.
import fs from "node:fs";
import path from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { HtmlValidate } from "html-validate";
import { beforeAll, describe, expect, it } from "vitest";
import { buildFixture } from "../helpers/build.ts";
import { type FixtureSite, sharedFixtureSites } from "../helpers/fixture-builds.ts";
import { treeHash } from "../helpers/tree.ts";

let builds: FixtureSite[] = [];

beforeAll(async () => {
  builds = await sharedFixtureSites();
});

function htmlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Every URL a reader's browser would fetch or follow from this HTML. */
function references(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) found.push(m[1]);
  for (const m of html.matchAll(/\ssrcset="([^"]*)"/g)) {
    for (const candidate of m[1].split(",")) found.push(candidate.trim().split(/\s+/)[0]);
  }
  for (const m of html.matchAll(/\sdata-(?:tiles|editions|next|previous)="([^"]+)"/g)) found.push(m[1]);
  return found;
}

describe("whole-site checks", () => {
  it("html-validate finds no errors in any page", async () => {
    const validator = new HtmlValidate({
      extends: ["html-validate:recommended"],
      rules: {
        // Serialisation details of the path-prefix rewriter, not errors: <!doctype html>, defer="", hidden="".
        "doctype-style": "off",
        "attribute-boolean-style": "off",
        "attribute-empty-style": "off",
        // Chinese page titles (headline · page · date · paper) run long by nature.
        "long-title": "off",
      },
    });
    const problems: string[] = [];
    for (const { site } of builds) {
      for (const file of htmlFiles(site.out)) {
        const report = await validator.validateFile(file);
        for (const result of report.results) {
          for (const m of result.messages)
            problems.push(`${path.relative(site.out, file)}:${m.line}: ${m.ruleId}: ${m.message}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("every internal link, src, srcset entry and PDF link resolves to a file", () => {
    const broken: string[] = [];
    let checked = 0;
    for (const { site, prefix } of builds) {
      for (const file of htmlFiles(site.out)) {
        for (const ref of references(fs.readFileSync(file, "utf8"))) {
          if (/^(https?:|mailto:|data:|#)/.test(ref) || ref === "") continue;
          const url = new URL(ref, `http://site${prefix}${path.relative(site.out, file).replace(/index\.html$/, "")}`);
          if (!url.pathname.startsWith(prefix)) {
            broken.push(`${path.relative(site.out, file)}: ${ref} is outside the path prefix ${prefix}`);
            continue;
          }
          const target = path.join(site.out, decodeURIComponent(url.pathname.slice(prefix.length)));
          const exists =
            fs.existsSync(target) && (fs.statSync(target).isFile() || fs.existsSync(path.join(target, "index.html")));
          if (!exists) broken.push(`${path.relative(site.out, file)}: ${ref}`);
          checked++;
        }
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });

  it("every page carries the Content-Security-Policy, without unsafe-inline", () => {
    for (const { site } of builds) {
      for (const file of htmlFiles(site.out)) {
        const html = fs.readFileSync(file, "utf8");
        const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
        expect(csp, file).not.toBeNull();
        expect(csp![1]).toContain("default-src 'self'");
        expect(csp![1]).not.toContain("unsafe-inline");
        // Nothing inline that the policy would block: no inline scripts (JSON-LD is data) and no style attributes.
        expect(html.match(/<script(?![^>]*\bsrc=)(?![^>]*application\/ld\+json)[^>]*>/g), file).toBeNull();
        expect(html, file).not.toMatch(/\sstyle="/);
      }
    }
  });

  it("every JSON and XML file (open data, feeds, sitemaps, OpenSearch) is well-formed, and every site URL in the XML resolves", () => {
    const broken: string[] = [];
    let checked = 0;
    for (const { site, prefix, root } of builds) {
      for (const rel of fs
        .readdirSync(site.out, { recursive: true, encoding: "utf8" })
        .filter((f) => /\.(json|xml)$/.test(f))) {
        const text = fs.readFileSync(path.join(site.out, rel), "utf8");
        if (rel.endsWith(".json")) {
          expect(() => JSON.parse(text), rel).not.toThrow();
          continue;
        }
        const valid = XMLValidator.validate(text);
        if (valid !== true) broken.push(`${rel}: ${valid.err.msg} (line ${valid.err.line})`);
        for (const m of text.matchAll(/(?:href|template)="([^"]+)"|<loc>([^<]+)<\/loc>/g)) {
          const url = (m[1] ?? m[2]).split("?")[0];
          if (!url.startsWith(root)) continue;
          const target = path.join(site.out, decodeURIComponent(new URL(url).pathname.slice(prefix.length)));
          if (
            !fs.existsSync(target) ||
            (fs.statSync(target).isDirectory() && !fs.existsSync(path.join(target, "index.html")))
          )
            broken.push(`${rel}: ${url}`);
          checked++;
        }
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(50);
  });

  it("two clean builds of the same input are byte-identical", () => {
    const again = buildFixture("tests/fixtures/editions-zh");
    expect(again.result.code, again.result.output).toBe(0);
    const first = builds.find((b) => b.name === "zh fixtures")!.site.out;
    expect(treeHash(again.out)).toEqual(treeHash(first));
  });
});
