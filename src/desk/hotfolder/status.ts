// The status page the desk serves: plain HTML rendered on the server, every value escaped, refreshing itself.
import { urls } from "../../model/urls.ts";
import type { SeenFile } from "./arrivals.ts";
import type { JournalData, PageRecord, PublishRecord } from "./journal.ts";

export interface PageCheck {
  errors: string[];
  warnings: string[];
}

export interface EditionView {
  date: string;
  /** Pages the edition should have, when known */
  expected?: number;
  pages: PageRecord[];
  published?: PublishRecord;
  live: boolean;
  /** The check's findings by page label, from the last proof; undefined before the first */
  checks?: Map<string, PageCheck>;
  checkCounts?: { errors: number; warnings: number };
  proof: boolean;
}

export interface StatusView {
  folder: string;
  polls: number;
  /** What the desk is doing now ("importing …", "publishing …", "waiting") */
  doing: string;
  arriving: SeenFile[];
  editions: EditionView[];
  log: JournalData["log"];
  /** The per-run secret every form carries */
  token: string;
  refreshSeconds: number;
  /** The paper's time zone: times are shown in it */
  timeZone: string;
}

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (value: unknown) => String(value).replace(/[&<>"']/gu, (c) => escapes[c]);

type Clock = (iso: string) => string;

/** Journal times (ISO, UTC) as the newsroom reads them: 2022-09-03 01:05:00 in the paper's zone. */
const clockIn =
  (timeZone: string): Clock =>
  (iso) =>
    new Date(iso).toLocaleString("sv-SE", { timeZone, hour12: false });

function form(action: string, token: string, fields: Record<string, string>, label: string): string {
  const inputs = Object.entries({ ...fields, token })
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join("");
  return `<form method="post" action="${escapeHtml(action)}">${inputs}<button>${escapeHtml(label)}</button></form>`;
}

function pageRow(edition: EditionView, page: PageRecord, token: string, time: Clock): string {
  const imported = page.imported;
  const check = edition.checks?.get(page.label);
  const published = edition.published?.pages[page.label];
  const state =
    page.problem?.kind === "conflict"
      ? "held"
      : page.problem
        ? "failed"
        : !imported
          ? "—"
          : published === imported.hash
            ? "live"
            : "in";
  const notes = [
    ...(page.problem ? [`<p class="problem">${escapeHtml(page.problem.message)}</p>`] : []),
    ...(page.problem?.conflicts ?? []).map(
      (c) => `<p class="problem">${escapeHtml(c.name)}: ${escapeHtml(c.reason)}</p>`,
    ),
    ...(page.problem?.kind === "conflict"
      ? [
          form(
            "/resolve",
            token,
            { page: `${page.date}/${page.label}`, choice: "take" },
            "Take the new file (hand fixes saved aside)",
          ) + form("/resolve", token, { page: `${page.date}/${page.label}`, choice: "keep" }, "Keep the page as it is"),
        ]
      : []),
    ...(imported?.kept ?? []).map(
      (k) => `<p>hand fixes kept: ${escapeHtml(k.name)} (${escapeHtml(k.fields.join(", "))})</p>`,
    ),
    ...(check?.errors ?? []).map((e) => `<p class="error">${escapeHtml(e)}</p>`),
    ...[...(imported?.warnings ?? []), ...(check?.warnings ?? [])].map(
      (w) => `<p class="warning">${escapeHtml(w)}</p>`,
    ),
  ];
  const articles = imported ? `<ol>${imported.headlines.map((h) => `<li>${escapeHtml(h)}</li>`).join("")}</ol>` : "";
  const link =
    edition.live && published ? ` <a href="${escapeHtml(urls.page(page.date, page.label))}">live page</a>` : "";
  return (
    `<tr class="${state}"><th scope="row">${escapeHtml(page.label)}</th><td>${escapeHtml(state)}${link}</td>` +
    `<td>${imported ? `${escapeHtml(imported.source)}<br><small>${escapeHtml(time(imported.time))}</small>` : ""}</td>` +
    `<td>${articles}</td><td>${notes.join("")}</td></tr>`
  );
}

function editionSection(edition: EditionView, token: string, time: Clock): string {
  const inCount = edition.pages.filter((p) => p.imported).length;
  const expected =
    edition.expected === undefined
      ? "pages expected: not given (--pages N or pages: in edition.yml)"
      : `${inCount} of ${edition.expected} pages in`;
  const published = edition.published
    ? `last publish ${escapeHtml(time(edition.published.time))}: ${escapeHtml(edition.published.kind === "late" ? "late page(s)" : "whole edition")}, ` +
      `release ${escapeHtml(edition.published.release)}, pages ${escapeHtml(Object.keys(edition.published.pages).sort().join(", "))} (${edition.published.seconds.toFixed(1)} s)`
    : "not published yet";
  const counts = edition.checkCounts
    ? ` · check: ${edition.checkCounts.errors} errors, ${edition.checkCounts.warnings} warnings`
    : "";
  const links = [
    edition.proof ? `<a href="/proof/${escapeHtml(edition.date)}">proof sheet</a>` : "",
    edition.live ? `<a href="${escapeHtml(urls.edition(edition.date))}">live edition</a>` : "",
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    `<section><h2>${escapeHtml(edition.date)}</h2><p>${escapeHtml(expected)}${counts} · ${published}</p><p>${links}</p>` +
    form("/publish", token, { date: edition.date }, edition.live ? "Publish again now" : "Publish now") +
    `<table><thead><tr><th>page</th><th>state</th><th>file</th><th>articles</th><th>problems and warnings</th></tr></thead>` +
    `<tbody>${[...edition.pages]
      .sort((a, b) => a.label.localeCompare(b.label))
      .map((p) => pageRow(edition, p, token, time))
      .join("")}</tbody></table></section>`
  );
}

export function renderStatus(view: StatusView): string {
  const time = clockIn(view.timeZone);
  const arriving = view.arriving.length
    ? `<p>arriving (not complete yet): ${view.arriving.map((f) => `${escapeHtml(f.relative)} (${f.size} bytes)`).join(", ")}</p>`
    : "";
  const log = [...view.log]
    .reverse()
    .map((l) => `<li><time>${escapeHtml(time(l.time))}</time> ${escapeHtml(l.text)}</li>`)
    .join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="${view.refreshSeconds}">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Night desk: ${escapeHtml(view.folder)}</title>
<style>body{font:15px/1.4 system-ui,sans-serif;margin:1rem 2rem}table{border-collapse:collapse;width:100%}td,th{border-top:1px solid #ccc;padding:.3rem;vertical-align:top;text-align:left}
.held,.failed{background:#fee}.live{background:#efe}.problem,.error{color:#a00}.warning{color:#850}form{display:inline-block;margin:.2rem .5rem .2rem 0}ol{margin:0;padding-left:1.2rem}</style>
</head><body><h1>Night desk</h1><p>hot folder ${escapeHtml(view.folder)} · ${escapeHtml(view.doing)} · poll ${view.polls} · times in ${escapeHtml(view.timeZone)}</p>${arriving}
${view.editions.map((e) => editionSection(e, view.token, time)).join("\n") || "<p>no page has arrived yet</p>"}
<h2>Log</h2><ol reversed>${log}</ol></body></html>
`;
}
