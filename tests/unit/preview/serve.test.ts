// npm start's dev server never dies on a request: an encoded "../", a malformed %-escape, a NUL, each answered
// 400, and the server still serves the site afterwards.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DevSite } from "../../../src/preview/serve.ts";
import { requestProblem } from "../../../src/preview/serve.ts";
import { repo, tempDir } from "../../helpers/build.ts";

let site: DevSite;

beforeAll(async () => {
  // The compiled server, as npm start runs it: Eleventy loads the compiled config then, without a TypeScript loader.
  const { serveSite } = (await import(
    path.join(repo, "dist/src/preview/serve.js")
  )) as typeof import("../../../src/preview/serve.ts");
  const base = tempDir("serve-guard");
  site = await serveSite(
    {
      editionsDir: path.join(repo, "editions"),
      siteFile: path.join(repo, "_data/site.json"),
      outDir: path.join(base, "site"),
      cacheDir: path.join(base, "cache"),
      port: 0,
      recent: 0,
      editor: false,
    },
    () => {},
  );
}, 120_000);
afterAll(async () => {
  await site?.close();
});

/** Sends a request line as written (no client library re-encodes it) and gives the status code. */
function raw(target: string): Promise<number> {
  const { port, hostname } = new URL(site.url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname === "localhost" ? "127.0.0.1" : hostname, () => {
      socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
    });
    let text = "";
    socket.on("data", (c) => (text += c));
    socket.on("end", () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0)));
    socket.on("error", reject);
  });
}

describe("the dev server's one guarded handler", () => {
  it.each([
    ["an encoded traversal", "/..%2f..%2f..%2f..%2fetc%2fpasswd"],
    ["an encoded traversal under a folder", "/2022-09-02/..%2f..%2f..%2fetc%2fpasswd"],
    ["a malformed escape", "/%E0%A4%A"],
    ["a lone percent sign", "/%"],
    ["a NUL", "/index.html%00"],
    ["an encoded backslash", "/..%5c..%5cetc%5cpasswd"],
  ])("answers %s with 400 and keeps serving", async (_, target) => {
    expect(await raw(target)).toBe(400);
    const home = await fetch(site.url);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("<html");
  });

  it("serves what it served before", async () => {
    expect(await raw("/")).toBe(200);
    expect(fs.existsSync(path.join(repo, "editions"))).toBe(true);
  });
});

describe("requestProblem", () => {
  it.each([
    ["/", null],
    ["/2022-09-02/02/?q=%E4%B8%AD", null],
    ["/%E4%B8%AD%E6%96%87/", null],
    ["/a/../b", "bad request: the address leads outside the site"],
    ["/%2e%2e/etc/passwd", "bad request: the address leads outside the site"],
    ["/%ZZ", "bad request: the address has a malformed %-escape"],
  ])("%s → %s", (url, expected) => {
    expect(requestProblem(url)).toBe(expected);
  });
});
