// npm run publish: validate, build tonight's edition and what lists it, and swap the new release in atomically.
import fs from "node:fs";
import path from "node:path";
import { Diagnostics } from "../content/diagnostics.ts";
import { listEditionDates } from "../content/load.ts";
import { affectedEditions, build, type BuildSummary } from "../pipeline/build.ts";
import { builtAfter } from "../util/files.ts";
import { addStageTimes, Stages, type Log } from "../pipeline/stages.ts";
import { readLedger, type Redirect, type UrlLedger } from "../model/ledger.ts";
import { checkLatePage, deleteWithdrawnImages, findWithdrawnArticle, recordWithdrawal } from "./late.ts";
import { PublishRoot, searchIndexIn } from "./release.ts";

export interface PublishOptions {
  date: string;
  editionsDir: string;
  siteFile: string;
  /** The publish root (see release.ts); the web server serves <root>/current */
  root: string;
  cacheDir: string;
  /** Replace this page of a live edition (a late page): only the edition is rebuilt */
  page?: string;
  /** Take this article ("slug" or "02/slug") off the live site: recorded in edition.yml, the edition rebuilt */
  withdraw?: string;
  /**
   * Called as the publish reaches each point; a test throws there, or never returns and is killed, to check what
   * a publish failing half-way leaves. Nothing in the product passes it.
   */
  at?: (point: PublishPoint) => Promise<void> | void;
}

/** The points of a publish where it can stop half-way: after the build, before the release is moved in place,
 * before the swap, and after it, before the clean-up. */
export type PublishPoint = "build" | "release" | "swap" | "clean up";

export interface PublishSummary extends BuildSummary {
  release: string;
  rebuiltEditions: string[];
  /** Addresses of the edition's withdrawn articles, and the image folders deleted with them tonight */
  withdrawn: string[];
  deletedImages: string[];
  /** Old addresses of renamed articles and where they go now */
  redirects: Redirect[];
}

/**
 * A publish that failed after its release went live (the swap was done): the live site is the new one, so
 * nothing is put back (a withdrawal stays recorded in edition.yml, as the live site has it); only the clean-up
 * after it is unfinished, which the next publish does again.
 */
export class CleanUpError extends Error {}

export async function publishEdition(options: PublishOptions, log: Log = console.log): Promise<PublishSummary> {
  const root = new PublishRoot(options.root);
  // Before the build: a root the swap cannot use failed only at the end, after a whole build.
  root.check();
  const unlock = root.lock();
  const editionDir = path.join(options.editionsDir, options.date);
  try {
    root.removeTempLinks();
    if (options.page !== undefined) checkLatePage(editionDir, options.page);
    if (options.withdraw === undefined) return await publishLocked(root, options, log);
    // The withdrawal is recorded first (the build reads it), and taken back if the publish does not go live;
    // once it is live, edition.yml must say what the live site shows, so a later publish keeps it withdrawn.
    // The settings (and zod, which checks them) are loaded for a withdrawal only: its time is in the paper's zone.
    const { timeZone } = (await import("../content/settings.ts")).loadSettings(options.siteFile);
    const restore = recordWithdrawal(editionDir, findWithdrawnArticle(editionDir, options.withdraw), timeZone);
    try {
      return await publishLocked(root, options, log);
    } catch (err) {
      if (!(err instanceof CleanUpError)) restore();
      throw err;
    }
  } finally {
    unlock();
  }
}

/** Tonight's edition with what it affects, and every edition not live yet (editions deleted from editions/
 * leave the site). A late page or a withdrawal (`late`) changes that live edition's own pages only: its
 * neighbours' links and the other editions stay as they are (the home page is carried over, see release.ts).
 * A neighbour whose previous and next editions are the live ones already (tonight's edition published again,
 * after a fix) is left as it is live, unless `changed` says its folder changed since its live copy was built. */
export function editionsToRebuild(
  date: string,
  allDates: string[],
  liveDates: Set<string>,
  late = false,
  changed: (date: string) => boolean = () => true,
): Set<string> {
  if (late) return new Set([date]);
  const rebuild = affectedEditions([date], allDates);
  const live = [...liveDates].sort();
  const sameLinks = (d: string) => {
    const [i, j] = [allDates.indexOf(d), live.indexOf(d)];
    return j >= 0 && allDates[i - 1] === live[j - 1] && allDates[i + 1] === live[j + 1];
  };
  const newest = allDates[allDates.length - 1];
  for (const d of rebuild) if (d !== date && d !== newest && sameLinks(d) && !changed(d)) rebuild.delete(d);
  for (const d of allDates) if (!liveDates.has(d)) rebuild.add(d);
  return rebuild;
}

async function publishLocked(root: PublishRoot, options: PublishOptions, log: Log): Promise<PublishSummary> {
  for (const dir of [root.releases, root.editionStore, root.imageStore]) fs.mkdirSync(dir, { recursive: true });
  const allDates = listEditionDates(options.editionsDir, new Diagnostics());
  if (!allDates.includes(options.date)) {
    throw new Error(
      `${path.join(options.editionsDir, options.date)}: no such edition folder: run npm run new -- ${options.date} first`,
    );
  }
  const live = root.currentEditions();
  const late = options.page !== undefined || options.withdraw !== undefined;
  if (late && !live.has(options.date)) {
    throw new Error(
      `${options.date} is not live yet: publish the whole edition first (npm run publish -- ${options.date})`,
    );
  }
  const changedSinceLive = (d: string) =>
    !builtAfter(path.join(options.editionsDir, d), path.join(live.get(d)!, "edition.json"));
  const rebuild = editionsToRebuild(options.date, allDates, new Set(live.keys()), late, changedSinceLive);
  // Neighbours and the newest edition are rebuilt for their links only: their words, and so their search
  // indexes, are as published; the build links those from the live release instead of making them again.
  const keepSearch = new Set(
    [...rebuild].filter((d) => d !== options.date && live.has(d) && fs.existsSync(searchIndexIn(live.get(d)!, d))),
  );
  const id = root.newReleaseId();
  const staging = path.join(root.dir, `staging-${id}`);
  // The new release's links to the live editions not rebuilt are made before the build (from the spare release: a
  // few changed; without one, all of them, while the build runs); a failed publish deletes the folder again.
  const linked = root.linkLiveEditions({ id, allDates, rebuilt: rebuild }, live);
  linked.catch(() => undefined);
  let swapped = false;
  try {
    const summary = await build(
      {
        editionsDir: options.editionsDir,
        siteFile: options.siteFile,
        outDir: staging,
        cacheDir: options.cacheDir,
        imageDir: root.imageStore,
        previousSite: root.currentRelease() ?? staging,
        dates: [...rebuild].sort(),
        searchDates: [...rebuild].filter((d) => !keepSearch.has(d)),
        linksOnly: [...keepSearch],
      },
      log,
    );
    const at = async (point: PublishPoint) => {
      await options.at?.(point);
    };
    await at("build");
    const stages = new Stages(log);
    const release = await stages.run("release", () =>
      root.assembleRelease({ id, staging, allDates, rebuilt: rebuild, linked }, () => at("release")),
    );
    await at("swap");
    await stages.run("swap", () => root.swap(release));
    swapped = true;
    let ledgerAfter: UrlLedger | null;
    let deletedImages: string[];
    try {
      await at("clean up");
      ledgerAfter = readLedger(release, options.date);
      // The image store is shared by all editions: what any live edition shows stays. Every live ledger is read
      // only when tonight's edition has withdrawn pictures to delete.
      const liveLedgers = ledgerAfter?.withdrawnImages?.length
        ? [...root.currentEditions().keys()].map((d) => readLedger(release, d))
        : [];
      deletedImages = deleteWithdrawnImages(root.imageStore, ledgerAfter, liveLedgers);
      await stages.run("clean up", () => root.collectGarbage());
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new CleanUpError(
        `${reason}\nthe new release ${id} IS live (${root.current}): the live site was changed and stays so` +
          `${options.withdraw === undefined ? "" : `, and ${path.join(options.editionsDir, options.date, "edition.yml")} keeps the withdrawal`}; ` +
          `only the clean-up after it (deleting withdrawn pictures and old releases) did not finish: run the same publish again to finish it`,
      );
    }
    addStageTimes(summary, stages);
    return {
      ...summary,
      release: id,
      rebuiltEditions: [...rebuild].sort(),
      withdrawn: ledgerAfter?.withdrawn ?? [],
      deletedImages,
      redirects: ledgerAfter?.redirects ?? [],
    };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    if (!swapped) {
      await linked.catch(() => undefined);
      fs.rmSync(path.join(root.releases, id), { recursive: true, force: true });
    }
  }
}
