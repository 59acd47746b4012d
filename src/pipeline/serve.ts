// npm start: the night editor's preview. One build of the newest editions with the one pipeline, then a dev
// server with live reload; when files under editions/ change, only the editions they belong to (with their
// neighbours' links and the cross-edition pages) are prepared and rendered again.
import fs from "node:fs";
import path from "node:path";
import EleventyDevServer from "@11ty/eleventy-dev-server";
import { ContentError, Diagnostics } from "../content/diagnostics.ts";
import { createEditor, type Editor } from "../desk/editor/server.ts";
import { listEditionDates } from "../content/load.ts";
import { loadSettings } from "../content/settings.ts";
import { affectedEditions, build, type BuildSummary } from "./build.ts";
import type { SiteOptions } from "./options.ts";
import type { Log } from "./stages.ts";

export interface ServeOptions extends SiteOptions {
  port: number;
  /** Serve the newest N editions (default 30); 0 for all */
  recent: number;
  /** The area editor in the page views (default on); its save endpoint's secret, for tests */
  editor?: boolean;
  editorSecret?: string;
}

export interface DevSite {
  url: string;
  first: BuildSummary;
  /** Resolves when the rebuild for changes seen so far is done (tests, benchmarks) */
  settled(): Promise<void>;
  /** Rebuilds after a change to these edition dates, as the watcher does */
  rebuild(dates: string[]): Promise<BuildSummary | null>;
  close(): Promise<void>;
}

/** The dev server, on loopback only: what it serves is the editor's unpublished work. */
class LoopbackServer extends (EleventyDevServer as any) {
  _serverListen(port: number): void {
    (this as any).server.listen({ port, host: "127.0.0.1" });
  }
}

export async function serveSite(options: ServeOptions, log: Log = console.log): Promise<DevSite> {
  const recent = options.recent || undefined;
  const site = { ...options, recent };
  const first = await build(site, log);
  const settings = loadSettings(options.siteFile);
  // Only here, in the dev server, do page views get the area editor; a built site never has it.
  const editor: Editor | null = options.editor === false ? null : createEditor({
    editionsDir: options.editionsDir, outDir: options.outDir, pathPrefix: settings.pathPrefix, lang: settings.locale,
    port: (): number => (server as any).server.address().port, changed: (date) => schedule(date), secret: options.editorSecret,
    log,
  });
  const server: any = new (LoopbackServer as any)("banmian", options.outDir, {
    pathPrefix: settings.pathPrefix, domDiff: false, logger: { info: log, log, error: log },
    middleware: editor ? [editor.middleware] : [],
  });
  server.serve(options.port);
  await server.ready();
  const url: string = server.getServerUrl("localhost");

  let pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const rebuild = async (changed: string[]): Promise<BuildSummary | null> => {
    const all = listEditionDates(options.editionsDir, new Diagnostics()).slice(-(recent ?? 0));
    const dates = [...affectedEditions(changed.filter((d) => all.includes(d)), all)].sort();
    if (!dates.length) return null;
    try {
      const summary = await build({ ...site, dates, previousSite: options.outDir }, log);
      server.reload({ files: [] });
      return summary;
    } catch (err) {
      // The editor fixes the file and saves again; the errors are listed above, the old pages stay served.
      if (err instanceof ContentError) log("✗ not rebuilt: fix the errors above and save again");
      else log(`✗ not rebuilt: ${(err as Error).message}`);
      return null;
    }
  };
  const schedule = (date: string) => {
    pending.add(date);
    if (timer) clearTimeout(timer);
    // Editors' tools write a file in several steps: wait for them to finish.
    timer = setTimeout(() => {
      const dates = [...pending];
      pending = new Set();
      timer = null;
      running = running.then(() => rebuild(dates).then(() => undefined));
    }, 150);
  };
  const watcher = fs.watch(options.editionsDir, { recursive: true }, (_event, name) => {
    const date = name ? String(name).split(path.sep)[0] : "";
    if (/^\d{4}-\d{2}-\d{2}$/.test(date)) schedule(date);
  });
  log(`serving ${first.editions} edition${first.editions === 1 ? "" : "s"} at ${url} (live reload; ${recent ? `the newest ${recent}, --recent 0 for all` : "every edition"})`);
  return {
    url,
    first,
    settled: async () => {
      while (timer || pending.size) await new Promise((r) => setTimeout(r, 50));
      await running;
    },
    rebuild,
    close: async () => {
      watcher.close();
      await server.close();
    },
  };
}
