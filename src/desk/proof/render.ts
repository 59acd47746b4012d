// The proof sheet as one self-contained HTML file: per edition, its pages side by side as on the desk (images
// embedded), each article's area drawn and labelled, continuation arrows between the pages (red when the other
// page is not in the edition), and under each page its articles without an area and every problem the check found.
import path from "node:path";
import { formatDiagnostic, type Diagnostic } from "../../content/diagnostics.ts";
import type { ProofImage } from "../../images/proof.ts";
import { deskStrings, fill, type DeskString } from "../../locale/desk.ts";
import { polygonBounds, type Point } from "../../model/geometry.ts";
import type { ProofContinuation, ProofEdition, ProofPage, ProofSheet } from "./model.ts";

/** Column width and gap in CSS pixels: the spread's SVG and the columns under it share them. */
const column = 320;
const gap = 40;
/** Room above the pages for the arrows between them. */
const band = 72;
const palette = ["#0b57d0", "#1e8e3e", "#9334e6", "#e37400", "#007b83", "#b3261e", "#5f6368", "#c2185b"];

const escape = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const anchor = (pageId: string) => `page-${pageId.replace(/[^\w-]/g, "-")}`;

interface Placed {
  page: ProofPage;
  x: number;
  width: number;
  height: number;
  image: ProofImage | null;
}

/** The page's point in spread pixels. */
const at = (p: Placed, [x, y]: Point): Point => [p.x + x * p.width, band + y * p.height];

function centre(polygon: Point[]): Point {
  const [x, y, w, h] = polygonBounds(polygon);
  return [x + w / 2, y + h / 2];
}

export function renderProof(sheet: ProofSheet, images: Map<string, ProofImage | null>): string {
  const t = deskStrings(sheet.lang);
  const counts = fill(t.proofCounts, { ...sheet.counts });
  const body = [
    `<header><h1>${escape(sheet.paper)} · ${escape(t.proofTitle)}</h1><p class="counts" id="counts">${escape(counts)}</p></header>`,
    ...sheet.editions.map((e) => renderEdition(e, images, t)),
    sheet.problems.length
      ? `<section class="other"><h2>${escape(t.proofOtherProblems)}</h2>${problemList(sheet.problems, t)}</section>`
      : "",
  ].join("\n");
  return `<!doctype html>
<html lang="${escape(sheet.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(sheet.paper)} · ${escape(t.proofTitle)}</title>
<style>${style}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function renderEdition(
  edition: ProofEdition,
  images: Map<string, ProofImage | null>,
  t: Record<DeskString, string>,
): string {
  const placed: Placed[] = edition.pages.map((page, i) => {
    const image = images.get(page.id) ?? null;
    // A page without an image keeps the proportions of a broadsheet so its areas can still be drawn.
    const height = image ? Math.round((column * image.height) / image.width) : Math.round(column * 1.41);
    return { page, x: i * (column + gap), width: column, height, image };
  });
  const width = Math.max(column, placed.length * (column + gap) - gap);
  const height = band + Math.max(0, ...placed.map((p) => p.height)) + 8;
  const byId = new Map(placed.map((p) => [p.page.id, p]));
  const svg = [
    `<svg class="spread" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escape(edition.dateLabel)}">`,
    `<defs><marker id="head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="context-stroke"/></marker></defs>`,
    ...placed.map((p) => renderPage(p, t)),
    ...edition.continuations.map((c) => renderContinuation(c, byId, t)),
    "</svg>",
  ].join("\n");
  const columns = placed.map((p) => renderColumn(p.page, t)).join("\n");
  return `<section class="edition" id="edition-${edition.date}">
<h2>${escape(edition.dateLabel)} <small>${edition.date}</small></h2>
${edition.problems.length ? `<div class="edition-problems"><h3>${escape(t.proofEditionProblems)}</h3>${problemList(edition.problems, t)}</div>` : ""}
<div class="desk">
${svg}
<div class="columns" style="grid-template-columns: repeat(${Math.max(1, placed.length)}, ${column}px)">
${columns}
</div>
</div>
</section>`;
}

function renderPage(p: Placed, t: Record<DeskString, string>): string {
  const parts = [`<g class="page" id="${anchor(p.page.id)}-image" data-page="${escape(p.page.id)}">`];
  parts.push(
    p.image
      ? `<image href="${p.image.src}" x="${p.x}" y="${band}" width="${p.width}" height="${p.height}" preserveAspectRatio="none"/>`
      : `<rect class="no-image" x="${p.x}" y="${band}" width="${p.width}" height="${p.height}"/><text class="no-image-text" x="${p.x + p.width / 2}" y="${band + p.height / 2}" text-anchor="middle">${escape(t.proofNoImage)}</text>`,
  );
  parts.push(`<rect class="frame" x="${p.x}" y="${band}" width="${p.width}" height="${p.height}"/>`);
  p.page.articles.forEach((a, i) => {
    if (!a.polygon) return;
    const colour = palette[i % palette.length];
    const points = a.polygon
      .map((pt) =>
        at(p, pt)
          .map((v) => v.toFixed(1))
          .join(","),
      )
      .join(" ");
    const [bx, by, bw] = polygonBounds(a.polygon.map((pt) => at(p, pt)));
    const label = fitLabel(a.headline, bw - 8);
    const overlap = a.overlaps.length > 0;
    parts.push(
      `<g class="area${overlap ? " overlap" : ""}" data-article="${escape(a.id)}" style="--c:${colour}">` +
        `<title>${escape(a.headline)}${overlap ? ` — ${escape(t.proofOverlaps)}: ${escape(a.overlaps.map((f) => path.basename(f)).join(", "))}` : ""}</title>` +
        `<polygon points="${points}"/>` +
        `<text x="${(bx + 4).toFixed(1)}" y="${(by + 15).toFixed(1)}">${overlap ? "⚠ " : ""}${escape(label)}</text></g>`,
    );
  });
  parts.push("</g>");
  return parts.join("");
}

/**
 * The headline cut to fit `room` pixels of 11 px bold type (a Chinese character about 12 px, a Latin letter about
 * 6.5 px); the full headline is the area's tooltip.
 */
function fitLabel(headline: string, room: number): string {
  const width = (c: string) => (/[\u2018-\u201f\u2e80-\uffef]/.test(c) ? 12 : 6.5);
  const chars = [...headline];
  let used = 0;
  for (let i = 0; i < chars.length; i++) {
    used += width(chars[i]);
    if (used > room) return `${chars.slice(0, Math.max(1, i - 1)).join("")}…`;
  }
  return headline;
}

function renderContinuation(c: ProofContinuation, byId: Map<string, Placed>, t: Record<DeskString, string>): string {
  const fromPage = byId.get(c.from.page)!;
  const fromArticle = fromPage.page.articles.find((a) => a.id === c.from.article);
  const start = at(fromPage, fromArticle?.polygon ? centre(fromArticle.polygon) : [0.5, 0.02]);
  if (!c.to) {
    const label: Point = [fromPage.x + 6, 18];
    const d = `M${label[0] + 40},${label[1] + 8} C${label[0] + 40},${band} ${start[0]},${band - 20} ${start[0]},${start[1]}`;
    return (
      `<g class="continuation dangling" data-article="${escape(c.from.article)}"><path d="${d}" marker-${c.direction === "from" ? "end" : "start"}="url(#head)"/>` +
      `<text x="${label[0]}" y="${label[1]}">✗ ${escape(c.text)}</text><text class="why" x="${label[0]}" y="${label[1] + 14}">${escape(t.proofDangling)}</text></g>`
    );
  }
  const toPage = byId.get(c.to.page)!;
  const toArticle = toPage.page.articles.find((a) => a.id === c.to!.article);
  const end = at(toPage, toArticle?.polygon ? centre(toArticle.polygon) : [0.5, 0.02]);
  const d = `M${start[0].toFixed(1)},${start[1].toFixed(1)} C${start[0].toFixed(1)},8 ${end[0].toFixed(1)},8 ${end[0].toFixed(1)},${end[1].toFixed(1)}`;
  const mid = (start[0] + end[0]) / 2;
  return (
    `<g class="continuation" data-article="${escape(c.from.article)}" data-to="${escape(c.to.article)}"><path d="${d}" marker-end="url(#head)"/>` +
    `<text x="${mid.toFixed(1)}" y="22" text-anchor="middle">${escape(c.text)}</text></g>`
  );
}

function renderColumn(page: ProofPage, t: Record<DeskString, string>): string {
  const without = page.withoutArea.length
    ? `<h4>${escape(t.proofWithoutArea)}</h4><ul class="without-area">${page.withoutArea.map((a) => `<li data-article="${escape(a.id)}">${escape(a.headline)} <code>${escape(path.basename(a.file))}</code></li>`).join("")}</ul>`
    : "";
  const problems = page.problems.length
    ? problemList(page.problems, t)
    : `<p class="clean">${escape(t.proofNoProblems)}</p>`;
  return `<div class="column" id="${anchor(page.id)}" data-page="${escape(page.id)}"><h3>${escape(page.name)}</h3>${without}${problems}</div>`;
}

function problemList(problems: Diagnostic[], t: Record<DeskString, string>): string {
  const items = problems.map(
    (d) =>
      `<li class="${d.level}"><strong>${escape(d.level === "error" ? t.proofError : t.proofWarning)}</strong> ${escape(formatDiagnostic(d).replace(/^(error|warning): /, ""))}</li>`,
  );
  return `<ul class="problems">${items.join("")}</ul>`;
}

const style = `
body { margin: 0; padding: 1rem 1.5rem; font: 14px/1.5 "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; color: #1a1a1a; background: #f4f2ec; }
h1 { font-size: 1.4rem; margin: 0; } h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; } h3 { font-size: 1rem; margin: .4rem 0; } h4 { font-size: .9rem; margin: .6rem 0 .2rem; }
.counts { font-weight: 600; }
.desk { overflow-x: auto; padding-bottom: 1rem; }
.spread { display: block; }
.spread .frame { fill: none; stroke: #999; }
.spread .no-image { fill: #e0ddd4; } .no-image-text { fill: #666; font-size: 14px; }
.area polygon { fill: color-mix(in srgb, var(--c) 18%, transparent); stroke: var(--c); stroke-width: 2; }
.area text { fill: var(--c); font-size: 11px; font-weight: 700; stroke: #fff; stroke-width: 3px; paint-order: stroke; }
.area.overlap polygon { stroke: #d93025; stroke-dasharray: 6 3; stroke-width: 3; fill: rgba(217, 48, 37, .22); }
.area.overlap text { fill: #d93025; }
.continuation path { fill: none; stroke: #333; stroke-width: 2; }
.continuation text { font-size: 12px; fill: #333; stroke: #f4f2ec; stroke-width: 3px; paint-order: stroke; }
.continuation.dangling path { stroke: #d93025; stroke-dasharray: 5 3; }
.continuation.dangling text { fill: #d93025; font-weight: 700; } .continuation.dangling .why { font-weight: 400; font-size: 11px; }
.columns { display: grid; column-gap: ${gap}px; margin-top: .5rem; }
.column { font-size: 12.5px; overflow-wrap: anywhere; }
ul { margin: .2rem 0; padding-left: 1.1rem; }
.problems li.error { color: #b3261e; } .problems li.warning { color: #8a5300; }
.clean { color: #1e8e3e; }
code { font-size: 11px; color: #555; }
`;
