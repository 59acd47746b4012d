// Compiled Nunjucks templates are kept in the cache: real Nunjucks renders from the kept code, compiles a template
// once across environments (each build is a fresh Eleventy), and again when its source changes.
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cacheCompiledTemplates } from "../../../src/render/template-cache.ts";

// A fresh copy of the library per test, so that one test's patch is not another's.
function freshNunjucks(): any {
  const require = createRequire(import.meta.url);
  for (const id of Object.keys(require.cache))
    if (id.includes(`${path.sep}nunjucks${path.sep}`)) delete require.cache[id];
  return require("nunjucks");
}

function render(nunjucks: any, dir: string, name: string): string {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(dir));
  return env.render(name, { who: "读者" });
}

describe("cacheCompiledTemplates", () => {
  it("compiles a template once, renders from the kept code after, and compiles again when it changes", () => {
    const nunjucks = freshNunjucks();
    const templates = fs.mkdtempSync(path.join(os.tmpdir(), "njk-src-"));
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), "njk-cache-"));
    fs.writeFileSync(path.join(templates, "hello.njk"), "{% import 'm.njk' as m %}{{ m.greet(who) }}");
    fs.writeFileSync(path.join(templates, "m.njk"), "{% macro greet(name) %}你好，{{ name }}{% endmacro %}");
    let compiled = 0;
    const compile = nunjucks.compiler.compile;
    nunjucks.compiler.compile = (...args: unknown[]) => (compiled++, compile(...args));
    cacheCompiledTemplates(nunjucks, cache);

    expect(render(nunjucks, templates, "hello.njk")).toBe("你好，读者");
    expect(compiled).toBe(2);
    expect(fs.readdirSync(path.join(cache, "templates"))).toHaveLength(2);
    // A new environment (a new build) compiles nothing: both templates come from the cache.
    expect(render(nunjucks, templates, "hello.njk")).toBe("你好，读者");
    expect(compiled).toBe(2);

    fs.writeFileSync(path.join(templates, "m.njk"), "{% macro greet(name) %}早上好，{{ name }}{% endmacro %}");
    expect(render(nunjucks, templates, "hello.njk")).toBe("早上好，读者");
    expect(compiled).toBe(3);
  });

  it("compiles as before when the build has no cache folder", () => {
    const nunjucks = freshNunjucks();
    const templates = fs.mkdtempSync(path.join(os.tmpdir(), "njk-src-"));
    fs.writeFileSync(path.join(templates, "t.njk"), "{{ who }}");
    cacheCompiledTemplates(nunjucks, undefined);
    expect(render(nunjucks, templates, "t.njk")).toBe("读者");
  });
});
