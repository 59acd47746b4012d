// The area editor's save endpoint over real HTTP: what it writes (only the area: line) and everything it refuses —
// no or a wrong secret, another Origin, another Host (DNS rebinding), a text/plain "simple" cross-site POST, a path
// out of editions/, a polygon off the page or crossing itself — each with the article file left byte for byte; and
// what it serves to GETs from any page: its two files only, the secret only under its own Host, 500 not a crash.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createEditor, type Editor } from "../../../../src/desk/editor/server.ts";

const fixture = new URL("../../../fixtures/hotspots/2022-09-02", import.meta.url).pathname;
const secret = "s3cret-for-this-run-only-0123456789abcdef";
const article = "2022-09-02/02/03-laojiu-xiaoqu.md";
let tmp: string;
let editions: string;
let server: http.Server;
let port: number;
let editor: Editor;
const changed: string[] = [];
const logged: string[] = [];

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "banmian-editor-"));
  editions = path.join(tmp, "editions");
  fs.cpSync(fixture, path.join(editions, "2022-09-02"), { recursive: true });
  fs.writeFileSync(path.join(tmp, "outside.md"), "---\nheadline: outside\n---\n");
  fs.symlinkSync(path.join(tmp, "outside.md"), path.join(editions, "2022-09-02", "02", "09-link.md"));
  editor = createEditor({
    editionsDir: editions,
    outDir: path.join(tmp, "site"),
    pathPrefix: "/",
    lang: "zh-CN",
    secret,
    port: () => port,
    changed: (date) => changed.push(date),
    log: (line) => logged.push(line),
  });
  // A page view as the build writes it, for the editor to be put into: page 03, a copy of 02 without the link out.
  fs.cpSync(path.join(fixture, "02"), path.join(editions, "2022-09-02", "03"), { recursive: true });
  fs.mkdirSync(path.join(tmp, "site", "2022-09-02", "03"), { recursive: true });
  fs.writeFileSync(
    path.join(tmp, "site", "2022-09-02", "03", "index.html"),
    '<!doctype html><html><head><title>02</title></head><body><main class="page-view"></main></body></html>',
  );
  server = http.createServer((req, res) =>
    editor.middleware(req, res, () => {
      res.statusCode = 404;
      res.end();
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  fs.rmSync(tmp, { recursive: true, force: true });
});
beforeEach(() => {
  changed.length = 0;
  logged.length = 0;
});

interface Sent {
  status: number;
  body: { error?: string; file?: string; area?: unknown };
}

/** A request as a browser page would send it; `headers` changes or drops (undefined) any of them. */
function post(body: unknown, headers: Record<string, string | undefined> = {}, method = "POST"): Promise<Sent> {
  const all: Record<string, string | undefined> = {
    host: `127.0.0.1:${port}`,
    origin: `http://127.0.0.1:${port}`,
    "content-type": "application/json",
    "x-banmian-secret": secret,
    "sec-fetch-site": "same-origin",
    ...headers,
  };
  const data = typeof body === "string" ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        path: "/_banmian/area",
        method,
        headers: Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined)) as Record<string, string>,
      },
      (res) => {
        let text = "";
        res.on("data", (c) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text || "{}") }));
      },
    );
    req.on("error", reject);
    req.end(data);
  });
}

const file = (id: string) => path.join(editions, id);
const polygon = [
  [0.03, 0.484],
  [0.96, 0.484],
  [0.96, 0.56],
  [0.5, 0.58],
  [0.03, 0.552],
];
const good = { article, polygon };

/** Sends a request that must be refused and checks that no file changed and no rebuild was asked for. */
async function refused(
  body: unknown,
  headers: Record<string, string | undefined>,
  status: number,
  message: RegExp,
): Promise<void> {
  const before = fs.readFileSync(file(article));
  const outside = fs.readFileSync(path.join(tmp, "outside.md"));
  const sent = await post(body, headers);
  expect(sent.status).toBe(status);
  expect(sent.body.error).toMatch(message);
  expect(fs.readFileSync(file(article)).equals(before)).toBe(true);
  expect(fs.readFileSync(path.join(tmp, "outside.md")).equals(outside)).toBe(true);
  expect(changed).toEqual([]);
}

describe("the save endpoint", () => {
  it("writes the polygon on the article's area: line only and asks for its edition's rebuild", async () => {
    const before = fs.readFileSync(file(article), "utf8");
    const sent = await post(good);
    expect(sent.status).toBe(200);
    const after = fs.readFileSync(file(article), "utf8");
    expect(after).toBe(
      before.replace(/^area: .*$/m, "area: [[0.03, 0.484], [0.96, 0.484], [0.96, 0.56], [0.5, 0.58], [0.03, 0.552]]"),
    );
    expect(after).not.toBe(before);
    expect(changed).toEqual(["2022-09-02"]);
  });

  it("refuses a request without the secret, or with a wrong one", async () => {
    await refused(good, { "x-banmian-secret": undefined }, 403, /secret/);
    await refused(good, { "x-banmian-secret": `${secret.slice(0, -1)}x` }, 403, /secret/);
  });

  it("refuses another web page's request (foreign Origin, no Origin, a cross-site fetch)", async () => {
    await refused(good, { origin: "http://evil.example" }, 403, /evil\.example/);
    await refused(good, { origin: "null" }, 403, /null/);
    await refused(good, { origin: undefined }, 403, /no origin/);
    await refused(good, { "sec-fetch-site": "cross-site" }, 403, /cross-site/);
  });

  it("refuses a Host that is not the dev server's (DNS rebinding)", async () => {
    await refused(
      good,
      { host: `evil.example:${port}`, origin: `http://evil.example:${port}` },
      403,
      /Host "evil\.example/,
    );
    await refused(good, { host: `127.0.0.1:${port + 1}` }, 403, /Host/);
  });

  it('refuses a text/plain "simple" POST, as a cross-site form or no-cors fetch would send', async () => {
    await refused(
      JSON.stringify(good),
      {
        "content-type": "text/plain",
        origin: "http://evil.example",
        "x-banmian-secret": undefined,
        "sec-fetch-site": "cross-site",
      },
      403,
      /evil/,
    );
    await refused(JSON.stringify(good), { "content-type": "text/plain;charset=UTF-8" }, 415, /application\/json/);
    await refused("article=x", { "content-type": "application/x-www-form-urlencoded" }, 415, /application\/json/);
  });

  it("refuses GET and other methods", async () => {
    const sent = await post(good, {}, "PUT");
    expect(sent.status).toBe(405);
  });

  it("refuses an article id that leads out of editions/", async () => {
    for (const id of [
      "../outside.md",
      "2022-09-02/02/../../../outside.md",
      path.join(tmp, "outside.md"),
      "2022-09-02/02/09-link.md",
      "2022-09-02/02/03-laojiu-xiaoqu.md\0",
      "2022-09-02\\02\\..\\..\\..\\outside.md",
    ]) {
      await refused({ article: id, polygon }, {}, 400, /outside editions|not an article file/);
    }
    await refused({ article: "2022-09-02/02/99-none.md", polygon }, {}, 404, /does not exist/);
  });

  it("refuses a polygon off the page, crossing itself or with too few points, naming what is wrong", async () => {
    await refused(
      {
        article,
        polygon: [
          [0.1, 0.1],
          [1.2, 0.1],
          [0.5, 0.5],
        ],
      },
      {},
      422,
      /point 2 \[1\.2, 0\.1\] is off the page/,
    );
    await refused(
      {
        article,
        polygon: [
          [0.1, 0.1],
          [0.5, 0.5],
          [0.5, 0.1],
          [0.1, 0.5],
        ],
      },
      {},
      422,
      /crosses itself/,
    );
    await refused(
      {
        article,
        polygon: [
          [0.1, 0.1],
          [0.5, 0.5],
        ],
      },
      {},
      422,
      /at least 3 points/,
    );
    await refused({ article, polygon: "[[0.1, 0.1]]" }, {}, 400, /list of points/);
    await refused("{not json", {}, 400, /not JSON/);
  });
});

/** A GET as any web page (an <img>, a rebinding page) could make it; `host` is the Host header it sends. */
function get(pathname: string, host = `127.0.0.1:${port}`): Promise<{ status: number; type: string; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: pathname, headers: { host } }, (res) => {
      let text = "";
      res.on("data", (c) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), text }));
    });
    // A handler that throws never answers: fail, not hang.
    req.setTimeout(5000, () => req.destroy(new Error(`no answer to GET ${pathname}`)));
    req.on("error", reject);
    req.end();
  });
}

describe("what the editor serves", () => {
  it("serves its two files and nothing an object's prototype has (constructor, __proto__, toString)", async () => {
    const js = await get("/_banmian/editor.js");
    expect(js.status).toBe(200);
    expect(js.type).toMatch(/javascript/);
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"]) {
      const sent = await get(`/_banmian/${name}`);
      // Passed on to the dev server (404 here), not thrown: before, path.join(clientDir, undefined) threw.
      expect(sent.status, name).toBe(404);
    }
    expect(logged).toEqual([]);
  });

  it("answers 500 with a short message, logged once, when a request fails, and never throws", async () => {
    // A folder where the page view's file should be makes reading it fail.
    const dir = path.join(tmp, "site", "2022-09-03", "01");
    fs.mkdirSync(path.join(dir, "index.html"), { recursive: true });
    for (let i = 0; i < 2; i++) {
      const sent = await get("/2022-09-03/01/");
      expect(sent.status).toBe(500);
      expect(sent.text).toBe("the area editor failed on this request; npm start says why");
    }
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^✗ editor: GET \/2022-09-03\/01\/ failed: EISDIR/);
    fs.rmSync(path.join(tmp, "site", "2022-09-03"), { recursive: true });
  });

  it("puts the editor and its secret into a page view only when asked for as 127.0.0.1 or localhost", async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      const sent = await get("/2022-09-02/03/", host);
      expect(sent.status, host).toBe(200);
      expect(sent.text).toContain(secret);
      expect(sent.text).toContain('<script src="/_banmian/editor.js" defer></script>');
    }
    // A DNS-rebinding page (its own name pointed at 127.0.0.1) or another port: the dev server's plain page.
    for (const host of [`evil.example:${port}`, `127.0.0.1:${port + 1}`, "localhost"]) {
      const sent = await get("/2022-09-02/03/", host);
      expect(sent.status, host).toBe(404);
      expect(sent.text).not.toContain(secret);
    }
  });
});

describe("a body too large for an area", () => {
  it("is answered 413 with the reason, not a cut connection, and no file changes", async () => {
    const before = fs.readFileSync(file(article));
    const huge = JSON.stringify({ article, polygon, padding: "x".repeat(8 * 1024 * 1024) });
    const sent = await post(huge);
    expect(sent.status).toBe(413);
    expect(sent.body.error).toMatch(/too large for an area/);
    expect(fs.readFileSync(file(article)).equals(before)).toBe(true);
    expect(changed).toEqual([]);
  });
});
