// npm run bench:images — the image stage cold and warm against a plain sharp script doing the same work, and the
// size and speed of each candidate format, on real page scans from ../shared/samples (never copied into the
// project). Writes bench-results/images.json.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp, { type OutputInfo, type Sharp } from "sharp";
import { Diagnostics } from "../../content/diagnostics.ts";
import { runImageStage, type ImageStageResult } from "../../images/stage.ts";
import { extensions, imageSettings, type Encoding } from "../../images/settings.ts";
import type { Edition } from "../../model/types.ts";
import { UsageError } from "../../cli/index.ts";
import { formatTable } from "../../cli/table.ts";
import { runPool } from "../../util/pool.ts";
import { buildModel, readContent } from "../../pipeline/prepare.ts";
import { projectRoot } from "../../project.ts";

const resultFile = path.join(projectRoot, "bench-results", "images.json");
/** The sample scans, relative to the samples folder: the seed page and two Chronicling America front pages. */
const scans = [
  "seed/page.jpg",
  "chronam/omaha-daily-bee-1887-03-03/0003.jpg",
  "chronam/evening-star-1920-11-15/0007.jpg",
];
/** Article areas on every bench page, as a night editor marks them: a lead story, a column, a box below. */
const areas: [number, number, number, number][] = [
  [0.02, 0.1, 0.46, 0.3],
  [0.5, 0.1, 0.24, 0.6],
  [0.1, 0.72, 0.8, 0.25],
];
/** The Evening Star's front-page cartoon, a real printed illustration, stands in for an article figure. */
const figureScan = scans[2];
const figureArea = { left: 1150, top: 395, width: 950, height: 900 };
const siteRoot = "https://epaper.example.cn/";
const date = "2024-01-01";

let dataDir = "";
let work = "";
const cores = os.availableParallelism();
// The stage sets this too; set it first so the plain script runs with the same threads.
sharp.concurrency(cores);

/** An editions folder with one page per bench scan, each with the bench areas as articles. */
function writeBenchEdition(): string {
  const editions = path.join(work, "editions");
  scans.forEach((scan, i) => {
    const dir = path.join(editions, date, String(i + 1).padStart(2, "0"));
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(path.join(dataDir, scan), path.join(dir, "page.jpg"));
    fs.writeFileSync(path.join(dir, "page.yml"), "section: 要闻\n");
    areas.forEach((area, j) => {
      fs.writeFileSync(
        path.join(dir, `0${j + 1}-story-${j + 1}.md`),
        `---\nheadline: 稿件${j + 1}\narea: [${area.join(", ")}]\n---\n\n正文。\n`,
      );
    });
  });
  return editions;
}

/** The build's own content and model stages over the bench edition. */
async function loadModel(editionsDir: string): Promise<Edition[]> {
  const diagnostics = new Diagnostics();
  const options = { editionsDir, siteFile: path.join(projectRoot, "_data", "site.json"), outDir: work, cacheDir: work };
  const editions = buildModel(await readContent(options, diagnostics), diagnostics);
  if (diagnostics.errors.length) throw new Error(diagnostics.errors.map((d) => `${d.file}: ${d.message}`).join("\n"));
  return editions;
}

let runNumber = 0;
function freshDir(name: string): string {
  return path.join(work, `${name}-${++runNumber}`);
}

/** The build's image stage, as `npm run build` runs it, over the bench edition. */
async function pipeline(editionsDir: string, cacheDir: string): Promise<{ ms: number; result: ImageStageResult }> {
  const editions = await loadModel(editionsDir);
  const diagnostics = new Diagnostics();
  const started = performance.now();
  const result = await runImageStage(editions, { outDir: freshDir("site"), cacheDir, siteRoot, diagnostics });
  const ms = performance.now() - started;
  if (diagnostics.items.length) throw new Error(diagnostics.items.map((d) => `${d.file}: ${d.message}`).join("\n"));
  return { ms, result };
}

function write(image: Sharp, encoding: Encoding, file: string): Promise<OutputInfo> {
  return image.toFormat(encoding.format, encoding.options).toFile(`${file}.${extensions[encoding.format]}`);
}

/** The same derivatives written directly with sharp: no inspection, no cache, no hashing, no publishing. */
async function plainPage(file: string, out: string): Promise<void> {
  const s = imageSettings.page;
  fs.mkdirSync(out, { recursive: true });
  const meta = await sharp(file).metadata();
  const width = (meta.orientation ?? 1) >= 5 ? meta.height! : meta.width!;
  const widths = [...new Set(s.widths.map((w) => Math.min(w, width)))];
  for (const w of widths) {
    for (const encoding of s.encodings)
      await write(sharp(file).rotate().resize({ width: w }), encoding, path.join(out, `${w}`));
  }
  await write(sharp(file).rotate().resize({ width: s.thumbWidth }), s.thumb, path.join(out, "thumb"));
  await sharp(file)
    .rotate()
    .jpeg(s.tiles.options)
    .tile({ layout: "iiif3", size: s.tileSize, id: `${siteRoot}img/plain` })
    .toFile(path.join(out, "iiif"));
  const height = (meta.orientation ?? 1) >= 5 ? meta.width! : meta.height!;
  for (const [i, [x, y, w, h]] of areas.entries()) {
    const region = {
      left: Math.floor(x * width),
      top: Math.floor(y * height),
      width: Math.round(w * width),
      height: Math.round(h * height),
    };
    const { clipping, share } = imageSettings;
    await write(
      sharp(file)
        .rotate()
        .extract(region)
        .resize({ width: Math.min(clipping.width, region.width) }),
      clipping.encoding,
      path.join(out, `clip-${i}`),
    );
    await write(
      sharp(file)
        .rotate()
        .extract(region)
        .resize({ width: share.width, height: share.height, fit: "cover", position: "top" }),
      share.encoding,
      path.join(out, `share-${i}`),
    );
  }
}

/** The plain script over the same pages, two at a time like the stage. */
async function plain(): Promise<number> {
  const out = freshDir("plain");
  const files = scans.map((scan) => path.join(dataDir, scan));
  const started = performance.now();
  await runPool(
    files.map((file, i) => ({ file, i })),
    Math.min(2, cores),
    ({ file, i }) => plainPage(file, path.join(out, `page-${i}`)),
  );
  return performance.now() - started;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const round = (x: number, digits = 0) => Number(x.toFixed(digits));

/** Runs the image bench `reps` times over the scans in `samples` (default ../shared/samples) and prints it. */
export async function runImageBench(reps: number, samples: string): Promise<void> {
  dataDir = samples;
  for (const scan of scans) {
    if (!fs.existsSync(path.join(dataDir, scan)))
      throw new UsageError(`${path.join(dataDir, scan)}: missing; pass --samples DIR (the shared samples folder)`);
  }
  work = fs.mkdtempSync(path.join(os.tmpdir(), "banmian-bench-images-"));
  // ── (a)–(c): stage cold, stage warm, plain sharp; alternating so drift on a shared machine hits both alike ──
  const editionsDir = writeBenchEdition();
  const cold: { ms: number; encoded: number; cacheDir: string }[] = [];
  const plainMs: number[] = [];
  const warm: { ms: number; encoded: number }[] = [];
  console.log(
    `bench:images — ${scans.length} pages × (page derivatives + ${areas.length} clippings), ${reps} runs each, ${cores} cores`,
  );
  for (let rep = 0; rep < reps; rep++) {
    const order = rep % 2 === 0 ? ["pipeline", "plain"] : ["plain", "pipeline"];
    for (const which of order) {
      if (which === "plain") {
        plainMs.push(await plain());
      } else {
        const cacheDir = freshDir("cache");
        const { ms, result } = await pipeline(editionsDir, cacheDir);
        cold.push({ ms, encoded: result.encoded, cacheDir });
      }
    }
    const { ms, result } = await pipeline(editionsDir, cold[cold.length - 1].cacheDir);
    warm.push({ ms, encoded: result.encoded });
    console.log(
      `  run ${rep + 1}: stage cold ${round(cold[rep].ms)} ms (${cold[rep].encoded} encoded), plain ${round(plainMs[rep])} ms, stage warm ${round(ms)} ms (${result.encoded} encoded)`,
    );
  }
  const ratios = cold.map((c, i) => c.ms / plainMs[i]);

  // ── Format choice: encode time and size per candidate, from pixels already decoded and resized ──
  interface Candidate {
    label: string;
    encoding: Encoding;
  }
  const candidates: Candidate[] = [
    { label: "JPEG q78", encoding: { format: "jpeg", options: { quality: 78, progressive: true } } },
    { label: "WebP q72 effort 3", encoding: { format: "webp", options: { quality: 72, effort: 3 } } },
    { label: "WebP q72 effort 4", encoding: { format: "webp", options: { quality: 72, effort: 4 } } },
    { label: "AVIF q55 effort 2", encoding: { format: "avif", options: { quality: 55, effort: 2 } } },
    { label: "AVIF q55 effort 4", encoding: { format: "avif", options: { quality: 55, effort: 4 } } },
  ];

  async function rawOf(image: Sharp): Promise<{ data: Buffer; info: OutputInfo }> {
    return image.raw().toBuffer({ resolveWithObject: true });
  }

  const subjects = [
    {
      name: "page 1600 px",
      source: scans[0],
      pixels: await rawOf(sharp(path.join(dataDir, scans[0])).resize({ width: 1600 })),
    },
    {
      name: "page 1600 px",
      source: scans[2],
      pixels: await rawOf(sharp(path.join(dataDir, scans[2])).resize({ width: 1600 })),
    },
    {
      name: "figure 800 px",
      source: `${figureScan} cartoon`,
      pixels: await rawOf(sharp(path.join(dataDir, figureScan)).extract(figureArea).resize({ width: 800 })),
    },
  ];
  const formats: {
    subject: string;
    source: string;
    width: number;
    height: number;
    format: string;
    options: Record<string, unknown>;
    kb: number;
    ms: number;
  }[] = [];
  for (const subject of subjects) {
    const { data, info } = subject.pixels;
    const times = new Map<string, number[]>();
    const sizes = new Map<string, number>();
    // Candidates alternate within each round, so a slow moment of the machine does not fall on one format only.
    for (let rep = 0; rep < reps; rep++) {
      for (const c of candidates) {
        const started = performance.now();
        const bytes = await sharp(data, { raw: info }).toFormat(c.encoding.format, c.encoding.options).toBuffer();
        times.set(c.label, [...(times.get(c.label) ?? []), performance.now() - started]);
        sizes.set(c.label, bytes.length);
      }
    }
    for (const c of candidates) {
      formats.push({
        subject: subject.name,
        source: subject.source,
        width: info.width,
        height: info.height,
        format: c.label,
        options: c.encoding.options,
        kb: round(sizes.get(c.label)! / 1024, 1),
        ms: round(median(times.get(c.label)!)),
      });
    }
  }

  // ── Report ──
  const pages = await Promise.all(
    scans.map(async (scan) => {
      const meta = await sharp(path.join(dataDir, scan)).metadata();
      return { file: scan, width: meta.width, height: meta.height, channels: meta.channels };
    }),
  );
  const report = {
    date: new Date().toISOString(),
    machine: { cores, node: process.version, sharp: sharp.versions.sharp, vips: sharp.versions.vips },
    reps,
    pages,
    areasPerPage: areas.length,
    stage: {
      coldMs: cold.map((c) => round(c.ms)),
      coldMedianMs: round(median(cold.map((c) => c.ms))),
      coldEncoded: cold.map((c) => c.encoded),
      warmMs: warm.map((w) => round(w.ms)),
      warmMedianMs: round(median(warm.map((w) => w.ms))),
      warmEncoded: warm.map((w) => w.encoded),
    },
    plain: { ms: plainMs.map((x) => round(x)), medianMs: round(median(plainMs)) },
    coldOverPlain: { perRun: ratios.map((r) => round(r, 3)), median: round(median(ratios), 3), goal: 1.25 },
    warmEncodedGoal: 0,
    formats,
  };
  fs.mkdirSync(path.dirname(resultFile), { recursive: true });
  fs.writeFileSync(resultFile, `${JSON.stringify(report, null, 2)}\n`);

  console.log("");
  console.log(
    formatTable(
      ["measurement", "median ms", "runs"],
      [
        [
          "stage cold (empty cache)",
          String(report.stage.coldMedianMs),
          `${report.stage.coldMs.join(" / ")} ms, encoded ${report.stage.coldEncoded.join(" / ")}`,
        ],
        [
          "stage warm (same cache)",
          String(report.stage.warmMedianMs),
          `${report.stage.warmMs.join(" / ")} ms, encoded ${report.stage.warmEncoded.join(" / ")} (goal 0)`,
        ],
        ["plain sharp, same transforms", String(report.plain.medianMs), `${report.plain.ms.join(" / ")} ms`],
        [
          "ratio stage cold / plain",
          report.coldOverPlain.median.toFixed(2),
          `${report.coldOverPlain.perRun.map((r) => r.toFixed(2)).join(" / ")} (goal ≤ 1.25)`,
        ],
      ],
    ),
  );
  console.log("");
  console.log(
    formatTable(
      ["format (median ms)", ...subjects.map((s) => `${s.name}: ${s.source.split("/")[1]}`)],
      candidates.map((c) => [
        c.label,
        ...subjects.map((s) => {
          const row = formats.find((f) => f.source === s.source && f.format === c.label)!;
          return `${row.kb.toFixed(1)} KB ${row.ms} ms`;
        }),
      ]),
    ),
  );
  console.log(`\nwritten: ${path.relative(process.cwd(), resultFile)}`);
  fs.rmSync(work, { recursive: true, force: true });
}
