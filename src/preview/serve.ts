// npm start: the night editor's preview. One build of the newest editions with the one pipeline, then a dev
// server with live reload; when files under editions/ change, only the editions they belong to (with their
// neighbours' links and the cross-edition pages) are prepared and rendered again.
import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import EleventyDevServer from "@11ty/eleventy-dev-server";
import { ContentError, Diagnostics } from "../content/diagnostics.ts";
import { createEditor, type Editor } from "../desk/editor/server.ts";
import { listEditionDates } from "../content/load.ts";
import { loadSettings } from "../content/settings.ts";
import { affectedEditions, build, type BuildSummary } from "../pipeline/build.ts";
import type { SiteOptions } from "../pipeline/options.ts";
import type { Log } from "../pipeline/stages.ts";

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

  /**
   * Every request goes through here: any page open in the browser can send one, and @11ty/eleventy-dev-server
   * throws on some (an encoded "../", a malformed escape), which ended npm start. A path that is not a clean path
   * inside the site is answered 400 before the server sees it; anything else that fails is answered 500.
   */
  async onRequestHandler(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refused = requestProblem(req.url ?? "/");
    if (refused) return answer(res, 400, refused);
    try {
      await (super.onRequestHandler as (req: IncomingMessage, res: ServerResponse) => Promise<void>)(req, res);
    } catch (err) {
      this.failed(req, res, err);
    }
  }

  /** The server's last middleware (its static files) is started without being awaited: guarded here as well. */
  async eleventyProjectMiddleware(
    req: IncomingMessage,
    res: ServerResponse,
    next: (err?: unknown) => void,
  ): Promise<void> {
    try {
      await (
        super.eleventyProjectMiddleware as (
          req: IncomingMessage,
          res: ServerResponse,
          next: (err?: unknown) => void,
        ) => Promise<void>
      )(req, res, next);
    } catch (err) {
      this.failed(req, res, err);
    }
  }

  private failed(req: IncomingMessage, res: ServerResponse, err: unknown): void {
    (this as any).banmianLog?.(
      `✗ dev server: ${req.method} ${(req.url ?? "").slice(0, 200)} failed: ${(err as Error).message}`,
    );
    if (res.headersSent) res.destroy();
    else answer(res, 500, "the dev server failed on this request; npm start says why");
  }
}

/** Why a request's path is refused (400), or null: it must decode, and hold no "..", NUL or backslash. */
export function requestProblem(url: string): string | null {
  const pathname = url.split(/[?#]/)[0];
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return "bad request: the address has a malformed %-escape";
  }
  if (
    !decoded.startsWith("/") ||
    decoded.includes("\0") ||
    decoded.includes("\\") ||
    decoded.split("/").includes("..")
  ) {
    return "bad request: the address leads outside the site";
  }
  return null;
}

function answer(res: ServerResponse, status: number, message: string): void {
  res.statusCode = status;
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  res.end(message);
}

export async function serveSite(options: ServeOptions, log: Log = console.log): Promise<DevSite> {
  const recent = options.recent || undefined;
  const site = { ...options, recent };
  const first = await build(site, log);
  const settings = loadSettings(options.siteFile);
  // Only here, in the dev server, do page views get the area editor; a built site never has it.
  const editor: Editor | null =
    options.editor === false
      ? null
      : createEditor({
          editionsDir: options.editionsDir,
          outDir: options.outDir,
          pathPrefix: settings.pathPrefix,
          lang: settings.locale,
          port: (): number => (server as any).server.address().port,
          changed: (date) => schedule(date),
          secret: options.editorSecret,
          log,
        });
  const server: any = new (LoopbackServer as any)("banmian", options.outDir, {
    pathPrefix: settings.pathPrefix,
    domDiff: false,
    logger: { info: log, log, error: log },
    middleware: editor ? [editor.middleware] : [],
  });
  server.banmianLog = log;
  server.serve(options.port);
  await server.ready();
  const url: string = server.getServerUrl("localhost");

  let pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const rebuild = async (changed: string[]): Promise<BuildSummary | null> => {
    const all = listEditionDates(options.editionsDir, new Diagnostics()).slice(-(recent ?? 0));
    const dates = [
      ...affectedEditions(
        changed.filter((d) => all.includes(d)),
        all,
      ),
    ].sort();
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
  log(
    `serving ${first.editions} edition${first.editions === 1 ? "" : "s"} at ${url} (live reload; ${recent ? `the newest ${recent}, --recent 0 for all` : "every edition"})`,
  );
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
