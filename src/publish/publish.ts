// npm run publish: validate, build tonight's edition and what lists it, and swap the new release in atomically.
import fs from "node:fs";
import path from "node:path";
import { buildSite, type BuildSummary } from "../pipeline/run.ts";
import type { SiteOptions } from "../pipeline/site.ts";
import { stage, type Log } from "../pipeline/stages.ts";
import { Diagnostics } from "../content/diagnostics.ts";
import { listEditionDates } from "../content/load.ts";
import { linkTree } from "../pipeline/files.ts";
import { urls } from "../model/urls.ts";
import { PublishRoot } from "./release.ts";

export interface PublishOptions {
  date: string;
  editionsDir: string;
  siteFile: string;
  /** The publish root (see release.ts); the web server serves <root>/current */
  root: string;
  cacheDir: string;
}

export interface PublishSummary extends BuildSummary {
  release: string;
  rebuiltEditions: string[];
}

/**
 * Test hooks for publishes that fail or are killed half-way: BANMIAN_FAIL_AT=<point> throws there;
 * BANMIAN_HOLD_AT=<point> prints "holding at <point>" and waits there to be killed.
 */
async function failurePoint(name: string): Promise<void> {
  if (process.env.BANMIAN_FAIL_AT === name) throw new Error(`publish stopped at "${name}" (BANMIAN_FAIL_AT)`);
  if (process.env.BANMIAN_HOLD_AT === name) {
    console.log(`holding at ${name}`);
    await new Promise(() => setInterval(() => undefined, 1000));
  }
}

/** An edition's search index inside a folder holding that edition's pages. */
function searchIndexIn(editionDir: string, date: string): string {
  return path.join(editionDir, path.relative(urls.edition(date), urls.searchIndex(date)));
}

export async function publishEdition(options: PublishOptions, log: Log = console.log): Promise<PublishSummary> {
  const root = new PublishRoot(options.root);
  const unlock = root.lock();
  try {
    return await publishLocked(root, options, log);
  } finally {
    unlock();
  }
}

async function publishLocked(root: PublishRoot, options: PublishOptions, log: Log): Promise<PublishSummary> {
  fs.mkdirSync(root.releases, { recursive: true });
  fs.mkdirSync(root.editionStore, { recursive: true });
  fs.mkdirSync(root.imageStore, { recursive: true });

  const allDates = listEditionDates(options.editionsDir, new Diagnostics());
  if (!allDates.includes(options.date)) {
    throw new Error(`${path.join(options.editionsDir, options.date)}: no such edition folder: run npm run new -- ${options.date} first`);
  }
  const live = root.currentEditions();
  // Tonight's edition, its neighbours (their previous/next edition links change) and the newest (the home page).
  const rebuild = new Set([options.date, allDates[allDates.length - 1]]);
  const i = allDates.indexOf(options.date);
  for (const j of [i - 1, i + 1]) if (allDates[j]) rebuild.add(allDates[j]);
  // Editions deleted from editions/ leave the site; editions never published before are built now too.
  for (const date of allDates) if (!live.has(date)) rebuild.add(date);

  const id = root.newReleaseId();
  const staging = path.join(options.root, `staging-${id}`);
  const release = path.join(root.releases, id);
  try {
    const siteOptions: SiteOptions = {
      editionsDir: options.editionsDir, siteFile: options.siteFile, outDir: staging, cacheDir: options.cacheDir,
      imageDir: root.imageStore, previousSite: root.currentRelease() ?? staging,
      dates: [...rebuild].sort(),
      // Neighbours and the newest edition are rebuilt for their links only: their words, and so their search
      // indexes, are as published; those are linked from the live store below instead of being made again.
      searchDates: [...rebuild].filter(
        (d) => d === options.date || !live.has(d) || !fs.existsSync(searchIndexIn(live.get(d)!, d)),
      ),
    };
    const summary = await buildSite(siteOptions, log);
    await failurePoint("build");

    await stage("release", log, async () => {
      fs.mkdirSync(release);
      const links = new Map(live);
      for (const date of allDates) {
        if (rebuild.has(date)) {
          const stored = path.join(root.editionStore, `${date}@${id}`);
          if (!siteOptions.searchDates!.includes(date)) {
            linkTree(searchIndexIn(live.get(date)!, date), searchIndexIn(path.join(staging, date), date));
          }
          fs.renameSync(path.join(staging, date), stored);
          links.set(date, stored);
        }
      }
      await failurePoint("release");
      for (const name of fs.readdirSync(staging)) fs.renameSync(path.join(staging, name), path.join(release, name));
      root.carryOver(release, "sitemaps");
      for (const date of allDates) fs.symlinkSync(path.relative(release, links.get(date)!), path.join(release, date));
      fs.symlinkSync(path.relative(release, root.imageStore), path.join(release, "img"));
    });
    await failurePoint("swap");
    await stage("swap", log, () => root.swap(release));
    await failurePoint("clean up");
    await stage("clean up", log, () => root.collectGarbage());
    return { ...summary, release: id, rebuiltEditions: [...rebuild].sort() };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
