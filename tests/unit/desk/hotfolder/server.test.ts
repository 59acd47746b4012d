// The desk's status server: the page, the live site at its own addresses and nothing outside it, and forms that
// act only when they come from the page itself.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStatusServer } from "../../../../src/desk/hotfolder/server.ts";
import type { StatusView } from "../../../../src/desk/hotfolder/status.ts";

let server: { url: string; close(): void };
let dir: string;
const asked: string[] = [];

/** A raw request: fetch() would set its own Origin and Host. */
function request(
  method: string,
  target: string,
  headers: Record<string, string> = {},
  body = "",
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(server.url);
    const req = http.request(
      { host: "127.0.0.1", port: url.port, path: target, method, headers: { host: url.host, ...headers } },
      (res) => {
        let text = "";
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode!, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "banmian-desk-server-"));
  fs.mkdirSync(path.join(dir, "live", "2024-05-01", "01"), { recursive: true });
  fs.writeFileSync(path.join(dir, "live", "2024-05-01", "01", "index.html"), "<h1>第一版</h1>");
  fs.writeFileSync(path.join(dir, "secret.txt"), "not for the web");
  const view: StatusView = {
    folder: "hot",
    polls: 1,
    doing: "waiting",
    arriving: [],
    editions: [],
    log: [],
    token: "s3cret",
    refreshSeconds: 3,
    timeZone: "Asia/Shanghai",
  };
  server = await startStatusServer(0, "s3cret", {
    view: () => view,
    proofFile: () => null,
    liveDir: path.join(dir, "live"),
    publishNow: (date) => (asked.push(date), null),
    resolve: () => null,
  });
});
afterAll(() => server.close());

describe("the status server", () => {
  it("listens on 127.0.0.1 and serves the page and its JSON without the form secret", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect((await request("GET", "/")).body).toContain("<h1>Night desk</h1>");
    const json = await request("GET", "/status.json");
    expect(JSON.parse(json.body).polls).toBe(1);
    expect(json.body).not.toContain("s3cret");
  });

  it("answers nothing to a page whose own name was rebound to 127.0.0.1", async () => {
    const rebound = await request("GET", "/", { host: `evil.example:${new URL(server.url).port}` });
    expect(rebound.status).toBe(403);
    expect(rebound.body).not.toContain("s3cret");
    expect((await request("GET", "/2024-05-01/01/", { host: "evil.example" })).status).toBe(403);
  });

  it("serves the live site at its own addresses, and nothing outside it", async () => {
    expect((await request("GET", "/2024-05-01/01/")).body).toBe("<h1>第一版</h1>");
    expect((await request("GET", "/../secret.txt")).status).toBe(404);
    expect((await request("GET", "/%2e%2e/secret.txt")).status).toBe(404);
  });

  it("acts on a form from its own page only", async () => {
    const host = new URL(server.url).host;
    const form = { "content-type": "application/x-www-form-urlencoded", host };
    const body = "date=2024-05-01&token=s3cret";
    expect((await request("POST", "/publish", form, body)).status).toBe(403);
    expect((await request("POST", "/publish", { ...form, origin: "http://evil.example" }, body)).status).toBe(403);
    expect(
      (
        await request(
          "POST",
          "/publish",
          {
            ...form,
            host: `evil.example:${new URL(server.url).port}`,
            origin: `http://evil.example:${new URL(server.url).port}`,
          },
          body,
        )
      ).status,
    ).toBe(403);
    expect(asked).toEqual([]);
    expect((await request("POST", "/publish", { ...form, origin: `http://${host}` }, body)).status).toBe(303);
    expect(asked).toEqual(["2024-05-01"]);
  });
});
