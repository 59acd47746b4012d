// After midnight: one page replaced in a live edition (--page), or an article taken off the site (--withdraw).
// Both rebuild that edition alone — its pages, articles, stories, page strip, search index and offline manifest —
// and publish it as a new release; every other edition keeps the store folder it had, untouched.
import fs from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { DateTime } from "luxon";
import { UsageError } from "../cli/index.ts";
import type { UrlLedger } from "../model/ledger.ts";

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
    throw new UsageError(
      `${editionDir}: --page ${label}: no such page folder; the pages are ${[...folders.keys()].sort().join(", ")}`,
    );
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
  if (found.length === 0)
    throw new UsageError(
      `${editionDir}: --withdraw ${given}: no article file with that slug (NN-${slug}.md) in the edition`,
    );
  if (found.length > 1)
    throw new UsageError(
      `${editionDir}: --withdraw ${given}: the slug is on pages ${found.map((f) => f.split("/")[0]).join(" and ")}: give the page too, e.g. --withdraw ${found[0]}`,
    );
  return found[0];
}

/** edition.yml's `withdrawn` entries, or the reason the file cannot take one more. */
function withdrawnEntries(file: string, text: string): unknown[] {
  let data: unknown;
  try {
    data = yaml.load(text);
  } catch (err) {
    throw new UsageError(
      `${file}: not valid YAML (${(err as Error).message.split("\n")[0]}): correct it, then run this again`,
    );
  }
  const list = data && typeof data === "object" ? (data as Record<string, unknown>).withdrawn : undefined;
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list))
    throw new UsageError(
      `${file}: "withdrawn" is not a list of "- { article: …, time: … }" lines: write it as one, then run this again`,
    );
  return list;
}

/**
 * Adds the article to edition.yml's `withdrawn` list (the record a later publish or full rebuild goes by) and
 * returns the function that puts edition.yml back as it was, for a publish that fails. Only one line is added,
 * at the list's own indent: every other line and comment of the file stays as the editor wrote it.
 */
export function recordWithdrawal(editionDir: string, article: string, timeZone: string): () => void {
  const file = path.join(editionDir, "edition.yml");
  const before = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
  const text = before ?? "";
  const entries = withdrawnEntries(file, text);
  // Withdrawn already (a publish that failed after writing it, or run twice): publish again, add nothing.
  const named = (e: unknown) =>
    e !== null && typeof e === "object" && String((e as { article?: unknown }).article) === article;
  if (entries.some(named)) return () => undefined;
  const time = DateTime.now().setZone(timeZone).toFormat("yyyy-MM-dd HH:mm");
  const entry = `- { article: ${article}, time: "${time}" }`;
  const lines = text.split("\n");
  const key = lines.findIndex((line) => /^withdrawn:[ \t]*(#.*)?$/.test(line));
  let after: string;
  if (key >= 0) {
    // The new line goes first, at the indent of the list's first item ("  - " or "- "); comments may come between.
    const first = lines.slice(key + 1).find((line) => line.trim() !== "" && !line.trimStart().startsWith("#"));
    const indent = first !== undefined ? (/^([ \t]*)- /.exec(first)?.[1] ?? "  ") : "  ";
    lines.splice(key + 1, 0, `${indent}${entry}`);
    after = lines.join("\n");
  } else if (/^withdrawn[ \t]*:/m.test(text)) {
    throw new UsageError(
      `${file}: "withdrawn" is not a list of "- { article: …, time: … }" lines: write it as one, then run this again`,
    );
  } else {
    const gap = text && !text.endsWith("\n") ? "\n" : "";
    after = `${text}${gap}# Taken off the site by npm run publish -- --withdraw; delete a line and publish to bring the article back.\nwithdrawn:\n  ${entry}\n`;
  }
  // What was written must read back as the list with one more entry, this one; else the file is left alone.
  let check: unknown[] = [];
  try {
    check = withdrawnEntries(file, after);
  } catch {
    // Reported below.
  }
  if (check.length !== entries.length + 1 || !check.some(named)) {
    throw new UsageError(
      `${file}: cannot add ${article} to "withdrawn": write it as a list of "- { article: …, time: … }" lines, then run this again`,
    );
  }
  fs.writeFileSync(file, after);
  return () => (before === null ? fs.rmSync(file, { force: true }) : fs.writeFileSync(file, before));
}

/**
 * Deletes from the image store the derivatives only withdrawn articles used (their clippings, share cards and
 * photos), so the article's pictures are gone from the live site too. The store is content-addressed and shared by
 * every edition, so a picture any article of any live edition still shows (`liveLedgers`: the ledgers of every
 * edition in the live release, this one's included) stays; while a live edition has no ledger to say what it
 * shows, nothing is deleted (a later publish does it). The page scan stays: it is the printed page. Safe to run
 * again (a killed publish).
 */
export function deleteWithdrawnImages(
  imageStore: string,
  ledger: UrlLedger | null,
  liveLedgers: (UrlLedger | null)[],
): string[] {
  if (!ledger || liveLedgers.includes(null)) return [];
  const kept = new Set([ledger, ...liveLedgers].flatMap((l) => l!.articles.flatMap((a) => a.images)));
  const deleted = (ledger.withdrawnImages ?? []).filter(
    (key) => !kept.has(key) && fs.existsSync(path.join(imageStore, key)),
  );
  for (const key of deleted) fs.rmSync(path.join(imageStore, key), { recursive: true, force: true });
  return deleted;
}
