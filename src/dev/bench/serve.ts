// The night editor's preview, measured from outside: npm start until the newest edition answers, against npm run
// build of the same site; then one article file edited, until the dev server serves the new words.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { listEditionDates } from "../../content/load.ts";
import { Diagnostics } from "../../content/diagnostics.ts";
import { projectRoot, scriptArgs } from "../../project.ts";
import { timeNode } from "./measure.ts";

export interface ServeBench {
  editions: number;
  buildSeconds: number;
  /** From starting npm start to the newest edition's page answering */
  serveSeconds: number;
  ratio: number;
  /** From saving an edited article file to the dev server answering with the edit */
  editSeconds: number;
}

export async function benchServe(editionsDir: string, work: string, cacheDir: string): Promise<ServeBench> {
  const dates = listEditionDates(editionsDir, new Diagnostics());
  const newest = dates[dates.length - 1];
  const common = ["--editions", editionsDir, "--cache", cacheDir];
  // Images are made once first, so both sides find them cached.
  await timeNode([...scriptArgs("build"), ...common, "--out", path.join(work, "warm-up")], { cwd: projectRoot });
  const build = await timeNode([...scriptArgs("build"), ...common, "--out", path.join(work, "built")], {
    cwd: projectRoot,
  });

  const port = await freePort();
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [...scriptArgs("serve"), ...common, "--out", path.join(work, "served"), "--port", String(port)],
    {
      cwd: projectRoot,
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  try {
    const base = `http://127.0.0.1:${port}`;
    await until(async () => (await fetch(`${base}/${newest}/`)).ok);
    const serveSeconds = (performance.now() - started) / 1000;
    const page = fs
      .readdirSync(path.join(editionsDir, newest))
      .filter((n) => /^[A-Z]?\d+$/.test(n))
      .sort()[0];
    const file = fs.readdirSync(path.join(editionsDir, newest, page)).find((n) => n.endsWith(".md"))!;
    const articleUrl = `${base}/${newest}/${page}/${file.replace(/^\d+-/, "").replace(/\.md$/, "")}/`;
    const marker = `改稿测试${Date.now()}`;
    const full = path.join(editionsDir, newest, page, file);
    const before = fs.readFileSync(full, "utf8");
    const edited = performance.now();
    fs.writeFileSync(full, `${before.trimEnd()}\n\n${marker}\n`);
    try {
      await until(async () => (await (await fetch(articleUrl)).text()).includes(marker));
    } finally {
      fs.writeFileSync(full, before);
    }
    const editSeconds = (performance.now() - edited) / 1000;
    return {
      editions: dates.length,
      buildSeconds: build.seconds,
      serveSeconds,
      ratio: serveSeconds / build.seconds,
      editSeconds,
    };
  } finally {
    child.kill("SIGTERM");
  }
}

/** Polls `check` every 20 ms for at most two minutes; a refused connection counts as not yet. */
async function until(check: () => Promise<boolean>): Promise<void> {
  const deadline = performance.now() + 120_000;
  while (performance.now() < deadline) {
    try {
      if (await check()) return;
    } catch {
      // The server is not listening yet.
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("the dev server did not answer within two minutes");
}

/** A port nothing listens on now, from the kernel. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
