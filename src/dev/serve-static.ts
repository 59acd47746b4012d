// A small static file server for a built site (browser tests, Lighthouse): a path prefix, real content types,
// symlinks followed (a published site is a symlink to its release), gzip for text. Not for production.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import zlib from "node:zlib";

export interface StaticServerOptions {
  /** The site is served under this path, e.g. "/epaper/"; default "/" */
  prefix?: string;
  /** Default 127.0.0.1 */
  host?: string;
  /** Default 0: a free port */
  port?: number;
}

export interface StaticServer {
  /** Where the site's root is, with the prefix: http://127.0.0.1:PORT/epaper/ */
  url: string;
  origin: string;
  port: number;
  close(): Promise<void>;
}

export const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".gif": "image/gif",
  ".ico": "image/x-icon",
  ".pdf": "application/pdf",
  ".epub": "application/epub+zip",
  ".wasm": "application/wasm",
  ".woff2": "font/woff2",
  ".webmanifest": "application/manifest+json",
};

const compressible = /^(text\/|application\/(json|xml|javascript|manifest\+json)|image\/svg)/;

export function serveStatic(root: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const prefix = normalizePrefix(options.prefix ?? "/");
  const host = options.host ?? "127.0.0.1";
  const server = http.createServer((req, res) => {
    try {
      handle(root, prefix, req, res);
    } catch (err) {
      // One bad request must not stop the server that a whole test file shares.
      res.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end(String(err));
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      const { port } = server.address() as AddressInfo;
      const origin = `http://${host}:${port}`;
      resolve({
        url: `${origin}${prefix}`,
        origin,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

function handle(root: string, prefix: string, req: http.IncomingMessage, res: http.ServerResponse): void {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { allow: "GET, HEAD" }).end();
    return;
  }
  const { pathname } = new URL(req.url ?? "/", "http://localhost");
  if (`${pathname}/` === prefix) return redirect(res, prefix);
  if (!pathname.startsWith(prefix)) return notFound(res);
  let rel: string;
  try {
    rel = decodeURIComponent(pathname.slice(prefix.length));
  } catch {
    return notFound(res);
  }
  // Resolve against the root without letting ".." climb out of it; symlinks inside are followed by stat.
  const file = path.join(root, path.posix.normalize(`/${rel}`));
  let stat = statOrNull(file);
  if (stat?.isDirectory()) {
    if (!pathname.endsWith("/")) return redirect(res, `${pathname}/`);
    stat = statOrNull(path.join(file, "index.html"));
    if (stat?.isFile()) return send(req, res, path.join(file, "index.html"), stat);
    return notFound(res);
  }
  if (stat?.isFile()) return send(req, res, file, stat);
  notFound(res);
}

function send(req: http.IncomingMessage, res: http.ServerResponse, file: string, stat: fs.Stats): void {
  const type = contentTypes[path.extname(file).toLowerCase()] ?? "application/octet-stream";
  const headers: http.OutgoingHttpHeaders = { "content-type": type, "last-modified": stat.mtime.toUTCString() };
  const gzip = compressible.test(type) && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  if (gzip) {
    headers["content-encoding"] = "gzip";
    headers.vary = "accept-encoding";
  } else {
    headers["content-length"] = stat.size;
  }
  res.writeHead(200, headers);
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  const stream = fs.createReadStream(file);
  stream.on("error", (err) => res.destroy(err));
  if (gzip) stream.pipe(zlib.createGzip()).pipe(res);
  else stream.pipe(res);
}

function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    // Missing, or a dangling symlink: both are a 404 for the reader.
    return null;
  }
}

function redirect(res: http.ServerResponse, location: string): void {
  res.writeHead(301, { location }).end();
}

function notFound(res: http.ServerResponse): void {
  res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found\n");
}

function normalizePrefix(prefix: string): string {
  const trimmed = prefix.replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}
