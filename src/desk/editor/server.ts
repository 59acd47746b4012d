// The area editor's server side, for npm start only: puts the editor (src/client/editor/) into the page views the
// dev server serves, and takes its saves. The save endpoint writes into the editor's own files, so it answers only
// the page it served: loopback Host, same Origin, a JSON body and the per-run secret that only that page knows.
import crypto from "node:crypto";
import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { ContentError, formatDiagnostic } from "../../content/diagnostics.ts";
import type { Area } from "../../content/schema.ts";
import { deskStrings } from "../../locale/desk.ts";
import { areaToPolygon, polygonProblem, simplestArea, type Point } from "../../model/geometry.ts";
import { projectRoot } from "../../project.ts";
import { readHotspotPage } from "../hotspots/page-articles.ts";
import { writeAreas } from "../hotspots/write-areas.ts";

export interface EditorOptions {
  editionsDir: string;
  /** The served site's folder (the page views to put the editor into) */
  outDir: string;
  pathPrefix: string;
  lang: string;
  /** The port the dev server listens on; Host and Origin must name it */
  port(): number;
  /** Called after an article file was written, with its edition's date: the dev server rebuilds it */
  changed(date: string): void;
  /** Tests pass one; otherwise a new random one per run */
  secret?: string;
  /** Where a request that failed is reported (once per message); console.error unless given */
  log?: (line: string) => void;
}

export interface Editor {
  secret: string;
  /** A connect-style middleware for @11ty/eleventy-dev-server's `middleware` option */
  middleware(req: IncomingMessage, res: ServerResponse, next: () => void): void;
}

/** What the endpoint says when it refuses: an HTTP status and a message for the editor. */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Where the editor's browser code lives: served from the source, never copied into a site. */
const clientDir = path.join(projectRoot, "src", "client", "editor");
// A Map, not an object: "constructor" or "__proto__" in a URL must not find something that is not an asset.
const assets = new Map<string, { file: string; type: string }>([
  ["editor.js", { file: "editor.js", type: "text/javascript; charset=utf-8" }],
  ["editor.css", { file: "editor.css", type: "text/css; charset=utf-8" }],
]);
const maxBody = 64 * 1024;
/** What a too-large body is read (and dropped) up to before its connection is cut. */
const maxDrain = 256 * 1024 * 1024;

export function createEditor(options: EditorOptions): Editor {
  const secret = options.secret ?? crypto.randomBytes(32).toString("base64url");
  const base = `${options.pathPrefix}_banmian/`;
  const pageView = new RegExp(
    `^${escapeRegExp(options.pathPrefix)}(\\d{4}-\\d{2}-\\d{2})/([a-z0-9]+)/(?:index\\.html)?$`,
  );

  const logged = new Set<string>();
  const log = options.log ?? ((line: string) => console.error(line));
  // Any page the editor visits can send requests here: whatever fails answers 500 and never throws into the dev
  // server, whose request handler is async (a throw there is an unhandled rejection, which ends npm start).
  const fail = (req: IncomingMessage, res: ServerResponse, err: unknown): void => {
    const message = err instanceof Error ? err.message : String(err);
    const line = `✗ editor: ${req.method} ${(req.url ?? "").slice(0, 200)} failed: ${message}`;
    if (!logged.has(line)) {
      logged.add(line);
      log(line);
    }
    if (res.headersSent) return void res.destroy();
    res.statusCode = 500;
    res.setHeader("Content-Type", "text/plain; charset=utf-8");
    res.setHeader("Cache-Control", "no-store");
    res.end("the area editor failed on this request; npm start says why");
  };
  const middleware = (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    let handled: boolean;
    try {
      handled = handle(req, res);
    } catch (err) {
      return fail(req, res, err);
    }
    // Outside the try: what the dev server does next is its own.
    if (!handled) next();
  };
  /** Answers the editor's own requests; false for the dev server to answer. */
  const handle = (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const send = (status: number, body: unknown) => {
      res.statusCode = status;
      res.setHeader("Content-Type", "application/json; charset=utf-8");
      res.setHeader("Cache-Control", "no-store");
      res.end(JSON.stringify(body));
    };
    if (url.pathname === `${base}area`) {
      handleSave(req, options, secret)
        .then(
          (saved) => send(200, saved),
          (err) => {
            if (err instanceof Refusal) send(err.status, { error: err.message });
            else send(500, { error: (err as Error).message });
          },
        )
        .catch((err) => fail(req, res, err));
      return true;
    }
    const asset =
      req.method === "GET" && url.pathname.startsWith(base) ? assets.get(url.pathname.slice(base.length)) : undefined;
    if (asset) {
      const body = fs.readFileSync(path.join(clientDir, asset.file));
      res.setHeader("Content-Type", asset.type);
      res.setHeader("Cache-Control", "no-store");
      res.end(body);
      return true;
    }
    // The page carries the secret: only a page asked for by the dev server's own name gets it, so a DNS-rebinding
    // page (another name pointed at 127.0.0.1) reads the plain page view.
    const match =
      req.method === "GET" && loopbackHosts(options.port()).includes(req.headers.host ?? "")
        ? pageView.exec(url.pathname)
        : null;
    const html = match ? withEditor(match[1], match[2], url.pathname, options, secret, base) : null;
    if (html === null) return false;
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("Cache-Control", "no-store");
    res.end(html);
    return true;
  };
  return { secret, middleware };
}

/** The served page view with the editor's script, style and data (the secret among them) put in; null to pass. */
function withEditor(
  date: string,
  label: string,
  pathname: string,
  options: EditorOptions,
  secret: string,
  base: string,
): string | null {
  const rel = pathname.slice(options.pathPrefix.length).replace(/index\.html$/, "");
  const file = path.join(options.outDir, rel, "index.html");
  if (!fs.existsSync(file)) return null;
  const html = fs.readFileSync(file, "utf8");
  if (!html.includes('class="page-view"')) return null;
  let articles;
  try {
    const page = readHotspotPage(options.editionsDir, date, findLabel(options.editionsDir, date, label));
    articles = page.articles.map((a) => ({
      id: path.relative(options.editionsDir, a.file).split(path.sep).join("/"),
      slug: a.slug,
      headline: a.fields.headline,
      polygon: a.fields.area ? areaToPolygon(a.fields.area) : null,
    }));
  } catch {
    // The page's files have errors (npm start lists them): the page is served as it is, without the editor.
    return null;
  }
  const strings = Object.fromEntries(
    Object.entries(deskStrings(options.lang)).filter(([key]) => key.startsWith("editor")),
  );
  const data = { secret, endpoint: `${base}area`, strings, articles };
  // In a JSON data block "<" is escaped, so no headline can close the script element.
  const json = JSON.stringify(data).replace(/</g, "\\u003c");
  return html
    .replace(
      "</head>",
      `<link rel="stylesheet" href="${base}editor.css"><script src="${base}editor.js" defer></script></head>`,
    )
    .replace("</body>", `<script type="application/json" id="banmian-editor">${json}</script></body>`);
}

/** The page folder's label as written (A3 or a3 in the URL finds A3). */
function findLabel(editionsDir: string, date: string, urlLabel: string): string {
  const dirs = fs.readdirSync(path.join(editionsDir, date));
  const hit = dirs.map((d) => d.split("-")[0]).find((l) => l.toLowerCase() === urlLabel);
  return hit ?? urlLabel;
}

/** Checks a save request from top to bottom and writes the area; every refusal leaves every file as it was. */
export async function handleSave(
  req: IncomingMessage,
  options: EditorOptions,
  secret: string,
): Promise<{ file: string; area: Area }> {
  if (req.method !== "POST") throw new Refusal(405, "only POST saves an area");
  const hosts = loopbackHosts(options.port());
  // DNS rebinding: another site's name pointed at 127.0.0.1 still says its own name in Host.
  if (!hosts.includes(req.headers.host ?? ""))
    throw new Refusal(403, `refused: the Host "${req.headers.host ?? ""}" is not this dev server`);
  const origin = req.headers.origin;
  if (!origin || !hosts.some((h) => origin === `http://${h}`)) {
    throw new Refusal(
      403,
      `refused: a save must come from the page this dev server served, not from ${origin ?? "no origin"}`,
    );
  }
  const site = req.headers["sec-fetch-site"];
  if (site && site !== "same-origin") throw new Refusal(403, `refused: a ${site} request`);
  // A form or a "simple" cross-site request cannot send application/json without asking first (CORS preflight).
  const type = (req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json") throw new Refusal(415, `refused: the body must be application/json, not "${type}"`);
  const given = String(req.headers["x-banmian-secret"] ?? "");
  if (!sameSecret(given, secret))
    throw new Refusal(403, "refused: wrong or missing editor secret (reload the page from npm start)");
  const body = await readBody(req);
  let request: { article?: unknown; polygon?: unknown };
  try {
    request = JSON.parse(body);
  } catch {
    throw new Refusal(400, "the body is not JSON");
  }
  const file = articleFile(options.editionsDir, request.article);
  const polygon = parsePolygon(request.polygon);
  const area = simplestArea(polygon);
  try {
    await writeAreas([{ file, area }], { force: true });
  } catch (err) {
    if (err instanceof ContentError) throw new Refusal(422, err.diagnostics.map(formatDiagnostic).join("\n"));
    throw err;
  }
  options.changed(path.relative(path.resolve(options.editionsDir), file).split(path.sep)[0]);
  return { file: path.relative(process.cwd(), file), area };
}

/** The Host values a browser sends for the dev server itself. */
function loopbackHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

function sameSecret(given: string, secret: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/**
 * The request's body, at most maxBody bytes. A larger one is read to its end and dropped (up to maxDrain), so the
 * editor gets the 413 answer saying why; cutting the connection showed it only a network error.
 */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const tooLarge = () =>
      new Refusal(413, `the body is too large for an area (over ${maxBody / 1024} KB): an area is a few hundred bytes`);
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > maxDrain) {
      reject(tooLarge());
      return;
    }
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBody) chunks.push(chunk);
      else if (size > maxDrain) req.destroy();
    });
    req.on("end", () => (size > maxBody ? reject(tooLarge()) : resolve(Buffer.concat(chunks).toString("utf8"))));
    req.on("error", reject);
    req.on("close", () => {
      if (size > maxBody) reject(tooLarge());
    });
  });
}

/**
 * The article file an id names: `YYYY-MM-DD/NN…/NN-slug.md` under editions/, an existing regular file whose real
 * path is inside editions/ too (no "..", no absolute path, no symlink out).
 */
export function articleFile(editionsDir: string, id: unknown): string {
  if (typeof id !== "string" || id === "")
    throw new Refusal(400, 'no "article": name the article file, e.g. 2022-09-02/02/03-kaixue.md');
  const shape = /^\d{4}-\d{2}-\d{2}\/[A-Za-z]?\d{1,3}(?:-[^/\\]+)?\/\d{1,3}-[^/\\]+\.md$/;
  if (id.includes("\0") || path.isAbsolute(id) || id.split(/[/\\]/).includes("..") || !shape.test(id)) {
    throw new Refusal(
      400,
      `refused: "${id.slice(0, 120)}" is not an article file inside editions/ (YYYY-MM-DD/NN/NN-slug.md)`,
    );
  }
  const root = path.resolve(editionsDir);
  const file = path.resolve(root, id);
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch {
    throw new Refusal(404, `editions/${id} does not exist`);
  }
  const inside = path.relative(fs.realpathSync(root), real);
  if (inside.startsWith("..") || path.isAbsolute(inside) || !fs.statSync(real).isFile()) {
    throw new Refusal(400, `refused: editions/${id} leads outside editions/`);
  }
  return file;
}

/** The outline from the editor, rounded as areas are written (3 decimals), if it can be an area. */
export function parsePolygon(value: unknown): Point[] {
  if (
    !Array.isArray(value) ||
    !value.every(
      (p) => Array.isArray(p) && p.length === 2 && p.every((v) => typeof v === "number" && Number.isFinite(v)),
    )
  ) {
    throw new Refusal(400, '"polygon" must be a list of points [[x, y], …] in fractions of the page');
  }
  const points = (value as [number, number][]).map(
    ([x, y]): Point => [Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000],
  );
  const problem = polygonProblem(points);
  if (problem) throw new Refusal(422, problem);
  return points;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
