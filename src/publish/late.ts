// After midnight: one page replaced in a live edition (--page), or an article taken off the site (--withdraw).
// Both rebuild that edition alone — its pages, articles, stories, page strip, search index and offline manifest —
// and publish it as a new release; every other edition keeps the store folder it had, untouched.
import fs from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { UsageError } from "../cli/index.ts";
import { loadSettings } from "../content/settings.ts";
import type { UrlLedger } from "../pipeline/ledger.ts";

const pageDirPattern = /^([A-Z]?\d{1,3})(?:-[a-z0-9-]+)?$/;

/** The edition's page folders by printed label ("03" → "03-wenti"). */
function pageFolders(editionDir: string): Map<string, string> {
  if (!fs.existsSync(editionDir)) throw new UsageError(`${editionDir}: no such edition folder`);
  const folders = new Map<string, string>();
  for (const entry of fs.readdirSync(editionDir, { withFileTypes: true })) {
    const match = pageDirPattern.exec(entry.name);
    if (match && entry.isDirectory()) folders.set(match[1], entry.name);
  }
  return folders;
}

/** Checks that `label` is a page of the edition, or says which pages there are. */
export function checkLatePage(editionDir: string, label: string): void {
  const folders = pageFolders(editionDir);
  if (!folders.has(label)) {
    throw new UsageError(`${editionDir}: --page ${label}: no such page folder; the pages are ${[...folders.keys()].sort().join(", ")}`);
  }
}

/** "chenzhou-jiedao" or "02/chenzhou-jiedao" → "02/chenzhou-jiedao", the article as edition.yml names it. */
export function findWithdrawnArticle(editionDir: string, given: string): string {
  const [label, slug] = given.includes("/") ? given.split("/", 2) : [null, given];
  const found: string[] = [];
  for (const [pageLabel, folder] of pageFolders(editionDir)) {
    if (label !== null && pageLabel !== label) continue;
    for (const name of fs.readdirSync(path.join(editionDir, folder))) {
      const match = /^\d{1,3}-([a-z0-9][a-z0-9-]*)\.md$/.exec(name);
      if (match?.[1] === slug) found.push(`${pageLabel}/${slug}`);
    }
  }
  if (found.length === 0) throw new UsageError(`${editionDir}: --withdraw ${given}: no article file with that slug (NN-${slug}.md) in the edition`);
  if (found.length > 1) throw new UsageError(`${editionDir}: --withdraw ${given}: the slug is on pages ${found.map((f) => f.split("/")[0]).join(" and ")}: give the page too, e.g. --withdraw ${found[0]}`);
  return found[0];
}

/**
 * Adds the article to edition.yml's `withdrawn` list (the record a later publish or full rebuild goes by) and
 * returns the function that puts edition.yml back as it was, for a publish that fails.
 */
export function recordWithdrawal(editionDir: string, article: string, siteFile: string): () => void {
  const file = path.join(editionDir, "edition.yml");
  const before = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
  const text = before ?? "";
  // Withdrawn already (a publish that failed after writing it, or run twice): publish again, add nothing.
  if (text.split("\n").some((line) => line.includes(`article: ${article},`) || line.includes(`article: ${article} `))) return () => undefined;
  const time = DateTime.now().setZone(loadSettings(siteFile).timeZone).toFormat("yyyy-MM-dd HH:mm");
  const entry = `  - { article: ${article}, time: "${time}" }`;
  let after: string;
  if (/^withdrawn:[ \t]*$/m.test(text)) {
    after = text.replace(/^withdrawn:[ \t]*$/m, (key) => `${key}\n${entry}`);
  } else if (/^withdrawn:/m.test(text)) {
    throw new UsageError(`${file}: "withdrawn" is not a list of "- { article: …, time: … }" lines: write it as one, then run this again`);
  } else {
    const gap = text && !text.endsWith("\n") ? "\n" : "";
    after = `${text}${gap}# Taken off the site by npm run publish -- --withdraw; delete a line and publish to bring the article back.\nwithdrawn:\n${entry}\n`;
  }
  fs.writeFileSync(file, after);
  return () => (before === null ? fs.rmSync(file, { force: true }) : fs.writeFileSync(file, before));
}

/**
 * Deletes from the image store the derivatives only withdrawn articles used (their clippings, share cards and
 * photos), so the article's pictures are gone from the live site too. A picture another article of the edition
 * still shows stays. The page scan stays: it is the printed page. Safe to run again (a killed publish).
 */
export function deleteWithdrawnImages(imageStore: string, ledger: UrlLedger | null): string[] {
  if (!ledger) return [];
  const kept = new Set(ledger.articles.flatMap((a) => a.images));
  const deleted = (ledger.withdrawnImages ?? []).filter((key) => !kept.has(key) && fs.existsSync(path.join(imageStore, key)));
  for (const key of deleted) fs.rmSync(path.join(imageStore, key), { recursive: true, force: true });
  return deleted;
}
