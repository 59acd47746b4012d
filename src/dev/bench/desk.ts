// The hot-folder bench: 24 page PDFs dropped into the folder npm run desk watches at once, timed until the edition
// is live; one page replaced, timed until it is live; the next edition's pages arriving one every few seconds, timed
// from the last until live. The desk runs as the night desk runs it (its default poll).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { JournalData } from "../../desk/hotfolder/journal.ts";
import type { Log } from "../../pipeline/stages.ts";
import { projectRoot, scriptArgs } from "../../project.ts";
import { round } from "./measure.ts";
import { benchPagePdf } from "./page-pdfs.ts";

export const deskGoals = { editionSeconds: 60, replacedSeconds: 15 };

/** Seconds between pages in the night-like run: a page passed for press every few seconds */
const trickleSeconds = 5;

export interface DeskBench {
  pages: number;
  /** From the last page's arrival (renamed into the folder) until the journal says the edition is live */
  editionSeconds: number;
  /** Of that, the publish itself (as the desk timed it) */
  publishSeconds: number;
  /** From the replaced page's arrival until it is live */
  replacedSeconds: number;
  replacedPublishSeconds: number;
  /** The next night's edition with its pages arriving one every few seconds: from the last page until live */
  trickle: { intervalSeconds: number; editionSeconds: number; publishSeconds: number };
  ok: boolean;
  note: string;
}

const date = "2024-05-01";
const nextDate = "2024-05-02";

function journal(state: string): JournalData | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(state, "journal.json"), "utf8"));
  } catch {
    // Not written yet (or being renamed into place): asked again on the next look.
    return null;
  }
}

async function until(condition: () => boolean, what: string, seconds: number): Promise<void> {
  const deadline = performance.now() + seconds * 1000;
  while (!condition()) {
    if (performance.now() > deadline)
      throw new Error(`hot-folder bench: gave up waiting for ${what} after ${seconds} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Runs the bench in `work` (emptied first) with `pages` pages; `cache` may hold images made before. */
export async function benchDesk(work: string, log: Log = console.log, pages = 24): Promise<DeskBench> {
  fs.rmSync(work, { recursive: true, force: true });
  const dirs = Object.fromEntries(
    ["hot", "editions", "public", "cache", "state", "made"].map((d) => [d, path.join(work, d)]),
  );
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  const label = (n: number) => String(n).padStart(2, "0");
  // The PDFs are made first, so that dropping them is a rename each, as a typesetting system's export ends.
  for (let n = 1; n <= pages; n++)
    fs.writeFileSync(path.join(dirs.made, `bench${date.replace(/-/g, "")}${label(n)}.pdf`), benchPagePdf(n));
  const replaced = `bench${date.replace(/-/g, "")}07_v2.pdf`;
  fs.writeFileSync(path.join(dirs.made, replaced), benchPagePdf(7, 1));
  const next = (n: number) => `bench${nextDate.replace(/-/g, "")}${label(n)}.pdf`;
  for (let n = 1; n <= pages; n++) fs.writeFileSync(path.join(dirs.made, next(n)), benchPagePdf(n, 2));

  const child = spawn(
    process.execPath,
    [
      ...scriptArgs("desk"),
      dirs.hot,
      "--pages",
      String(pages),
      "--section",
      "要闻",
      "--port",
      "0",
      "--editions",
      dirs.editions,
      "--root",
      dirs.public,
      "--cache",
      dirs.cache,
      "--state",
      dirs.state,
    ],
    { cwd: projectRoot, stdio: ["ignore", "ignore", "inherit"] },
  );
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  try {
    await until(() => fs.existsSync(path.join(dirs.state, "status-url")), "the desk to start", 60);
    log(`  hot folder: dropping ${pages} page PDFs into ${dirs.hot}`);
    for (let n = 1; n <= pages; n++) {
      const name = `bench${date.replace(/-/g, "")}${label(n)}.pdf`;
      fs.renameSync(path.join(dirs.made, name), path.join(dirs.hot, name));
    }
    const lastArrival = performance.now();
    await until(() => Boolean(journal(dirs.state)?.published[date]), "the edition to go live", 600);
    const editionSeconds = (performance.now() - lastArrival) / 1000;
    const published = journal(dirs.state)!.published[date];
    log(
      `  hot folder: edition live ${editionSeconds.toFixed(1)} s after the last page arrived (publish ${published.seconds.toFixed(1)} s)`,
    );
    // A replacement comes once the desk has drawn the proof sheet of the edition (it does after publishing).
    await until(
      () => journal(dirs.state)!.log.some((l) => l.text.startsWith(`checked ${date}`)),
      "the proof sheet",
      300,
    );
    fs.renameSync(path.join(dirs.made, replaced), path.join(dirs.hot, replaced));
    const arrived = performance.now();
    const live = () => {
      const data = journal(dirs.state);
      const hash = data?.pages[`${date}/07`]?.imported;
      return Boolean(hash && hash.source === replaced && data!.published[date]?.pages["07"] === hash.hash);
    };
    await until(live, "the replaced page to go live", 300);
    const replacedSeconds = (performance.now() - arrived) / 1000;
    const late = journal(dirs.state)!.published[date];
    log(
      `  hot folder: replaced page live ${replacedSeconds.toFixed(1)} s after it arrived (publish ${late.seconds.toFixed(1)} s)`,
    );

    // The next night, as a plant sends it: a page every few seconds, each imported, checked and its images made
    // while the next is on its way.
    log(`  hot folder: the next edition's ${pages} pages, one every ${trickleSeconds} s`);
    for (let n = 1; n <= pages; n++) {
      if (n > 1) await new Promise((resolve) => setTimeout(resolve, trickleSeconds * 1000));
      fs.renameSync(path.join(dirs.made, next(n)), path.join(dirs.hot, next(n)));
    }
    const lastOfNight = performance.now();
    await until(() => Boolean(journal(dirs.state)?.published[nextDate]), "the next edition to go live", 600);
    const trickle = {
      intervalSeconds: trickleSeconds,
      editionSeconds: round((performance.now() - lastOfNight) / 1000, 1),
      publishSeconds: round(journal(dirs.state)!.published[nextDate].seconds, 1),
    };
    log(
      `  hot folder: that edition live ${trickle.editionSeconds.toFixed(1)} s after its last page (publish ${trickle.publishSeconds.toFixed(1)} s)`,
    );
    return {
      pages,
      editionSeconds: round(editionSeconds, 1),
      publishSeconds: round(published.seconds, 1),
      replacedSeconds: round(replacedSeconds, 1),
      replacedPublishSeconds: round(late.seconds, 1),
      trickle,
      ok:
        editionSeconds <= deskGoals.editionSeconds &&
        replacedSeconds <= deskGoals.replacedSeconds &&
        trickle.editionSeconds <= deskGoals.editionSeconds,
      note: `node dist/scripts/desk.js (npm run desk) with its default 1 s poll and 2 settle polls, fresh editions, publish root and cache; ${pages} made-up page PDFs (6 articles and a photo each) renamed into the hot folder at once, timed from the last rename until the journal records the edition live; then page 07 replaced, timed until the journal records it live; then the next date's ${pages} pages renamed in one every ${trickleSeconds} s, timed from the last until live`,
    };
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}
