// The status page: what a night editor reads there, every value escaped, and POSTs only from the page itself.
import { describe, expect, it } from "vitest";
import { refusal } from "../../../../src/desk/hotfolder/server.ts";
import { renderStatus, type StatusView } from "../../../../src/desk/hotfolder/status.ts";

const view = (): StatusView => ({
  folder: "/plant/out",
  polls: 7,
  doing: "waiting for pages",
  refreshSeconds: 3,
  token: "s3cret",
  timeZone: "Asia/Shanghai",
  arriving: [{ relative: "rmrb2022090303.pdf", size: 1200, mtimeMs: 0 }],
  log: [{ time: "2022-09-03T01:02:03.000Z", text: "imported <b>01</b>" }],
  editions: [
    {
      date: "2022-09-03",
      expected: 3,
      live: true,
      proof: true,
      published: {
        release: "r1",
        time: "2022-09-03T01:05:00.000Z",
        kind: "edition",
        seconds: 12.3,
        pages: { "01": "h1" },
      },
      checks: new Map([["01", { errors: [], warnings: ["01-x.md: no area"] }]]),
      pages: [
        {
          date: "2022-09-03",
          label: "01",
          imports: 1,
          imported: {
            source: "rmrb2022090301.pdf",
            version: 1,
            inputs: {},
            hash: "h1",
            base: "b",
            time: "2022-09-03T01:00:00.000Z",
            headlines: ["<script>alert(1)</script>"],
            warnings: [],
            kept: [],
          },
        },
        {
          date: "2022-09-03",
          label: "02",
          imports: 0,
          problem: {
            kind: "conflict",
            source: "rmrb2022090302_v2.pdf",
            version: 2,
            hash: "h",
            message: "held",
            conflicts: [{ name: "01-a.md", reason: "fixed by hand" }],
          },
        },
      ],
    },
  ],
});

describe("renderStatus", () => {
  const html = renderStatus(view());
  it("refreshes itself and escapes what came from files", () => {
    expect(html).toContain('<meta http-equiv="refresh" content="3">');
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("imported &lt;b&gt;01&lt;/b&gt;");
  });
  it("shows pages in and expected, the last publish, the live page, the held page's choices and what is arriving", () => {
    expect(html).toContain("1 of 3 pages in");
    expect(html).toMatch(/last publish 2022-09-03 09:05:00: whole edition, release r1, pages 01 \(12\.3 s\)/);
    expect(html).toContain('<a href="/2022-09-03/01/">live page</a>');
    expect(html).toContain("01-a.md: fixed by hand");
    expect(html).toMatch(/name="choice" value="take"/);
    expect(html).toContain('<input type="hidden" name="token" value="s3cret">');
    expect(html).toContain("rmrb2022090303.pdf (1200 bytes)");
    expect(html).toContain("01-x.md: no area");
  });
});

describe("refusal", () => {
  const form = new URLSearchParams({ token: "s3cret" });
  const ok = {
    host: "127.0.0.1:8090",
    origin: "http://127.0.0.1:8090",
    "content-type": "application/x-www-form-urlencoded",
  };
  it("takes the page's own form", () => expect(refusal(ok, 8090, "s3cret", form)).toBeNull());
  it.each([
    [{ ...ok, host: "evil.example:8090" }, /Host/],
    [{ ...ok, origin: undefined }, /Origin \(none\)/],
    [{ ...ok, origin: "http://evil.example" }, /Origin/],
    [{ ...ok, "content-type": "text/plain" }, /form/],
  ])("refuses %o", (headers, reason) => expect(refusal(headers, 8090, "s3cret", form)).toMatch(reason));
  it("refuses a form without this run's secret", () =>
    expect(refusal(ok, 8090, "s3cret", new URLSearchParams({ token: "old" }))).toMatch(/another run/));
});
