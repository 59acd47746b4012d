// Runs every bad-input case: the one message expected, the exit code, and the live site untouched after errors.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { repo, runScript, tempDir } from "../helpers/build.ts";
import { copyTree, treeHash } from "../helpers/tree.ts";

interface Case {
  expect: "error" | "warning" | "ok";
  message?: string;
  file: string;
  line?: number;
  present?: string[];
  absent?: string[];
  /** Strings no PDF of the built site may hold (active content removed from what readers download) */
  absentPdf?: string[];
}

const corpus = path.join(repo, "tests/bad-input");
const names = fs.readdirSync(path.join(corpus, "cases")).sort();
const date = "2024-05-06";
let root: string;
let cache: string;

beforeAll(() => {
  const base = tempDir("corpus");
  root = path.join(base, "public");
  cache = path.join(base, "cache");
  const good = runScript("publish.ts", [
    date,
    "--editions",
    path.join(corpus, "base/editions"),
    "--root",
    root,
    "--cache",
    cache,
  ]);
  if (good.code !== 0) throw new Error(`the base edition must publish cleanly:\n${good.output}`);
});

function lines(output: string, level: "error" | "warning"): string[] {
  return output.split("\n").filter((l) => l.startsWith(`${level}: `));
}

function allFiles(dir: string, extension: string, encoding: BufferEncoding = "utf8"): string {
  let text = "";
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(extension))
      text += fs.readFileSync(path.join(entry.parentPath, entry.name), encoding);
  }
  return text;
}

const allHtml = (dir: string) => allFiles(dir, ".html");

describe("bad-input corpus", () => {
  it("holds only cases: numbered 01 to N without a gap or a repeat, each with a case.json and an edition folder", () => {
    expect(
      names.filter((n) => !/^\d{2,}-[a-z0-9-]+$/.test(n)),
      "folders not named NN-what-is-wrong",
    ).toEqual([]);
    expect(names.map((n) => Number(n.split("-")[0]))).toEqual(names.map((_, i) => i + 1));
    for (const name of names) {
      const spec = JSON.parse(fs.readFileSync(path.join(corpus, "cases", name, "case.json"), "utf8")) as Case;
      expect(["error", "warning", "ok"], `${name}/case.json: expect`).toContain(spec.expect);
      expect(typeof spec.file, `${name}/case.json: file`).toBe("string");
      expect(fs.statSync(path.join(corpus, "cases", name, "editions")).isDirectory(), name).toBe(true);
    }
  });

  for (const name of names) {
    const spec = JSON.parse(fs.readFileSync(path.join(corpus, "cases", name, "case.json"), "utf8")) as Case;
    it(`${name}: ${spec.expect}${spec.message ? ` — ${spec.message}` : ""}`, () => {
      const work = tempDir(name);
      copyTree(path.join(corpus, "cases", name), work);
      const editions = path.join(work, "editions");
      const where = spec.line ? `${spec.file}:${spec.line}:` : spec.file;

      if (spec.expect === "error") {
        const before = treeHash(path.join(root, "current"));
        const result = runScript("publish.ts", [date, "--editions", editions, "--root", root, "--cache", cache]);
        // Content errors exit 2 (other failures 1), so a parent process tells them apart without reading text.
        expect(result.code, result.output).toBe(2);
        const errors = lines(result.output, "error");
        expect(errors, result.output).toHaveLength(1);
        expect(errors[0]).toContain(where);
        expect(errors[0]).toContain(spec.message);
        expect(result.stderr).toContain("the live site was not changed");
        expect(treeHash(path.join(root, "current"))).toEqual(before);
        return;
      }

      const out = path.join(work, "site");
      const result = runScript("build.ts", ["--editions", editions, "--out", out, "--cache", cache]);
      expect(result.code, result.output).toBe(0);
      expect(lines(result.output, "error")).toEqual([]);
      const warnings = lines(result.output, "warning");
      if (spec.expect === "warning") {
        expect(warnings, result.output).toHaveLength(1);
        expect(warnings[0]).toContain(where);
        expect(warnings[0]).toContain(spec.message);
      } else {
        expect(warnings).toEqual([]);
      }
      const html = allHtml(out);
      for (const text of spec.present ?? []) expect(html).toContain(text);
      for (const text of spec.absent ?? []) expect(html).not.toContain(text);
      if (spec.absentPdf) {
        // The page download and the edition PDF are both made; neither may carry what was removed.
        const pdfs = allFiles(out, ".pdf", "latin1");
        expect(pdfs).toContain("%PDF-");
        for (const text of spec.absentPdf) expect(pdfs).not.toContain(text);
      }
    });
  }
});
