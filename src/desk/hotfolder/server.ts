// The desk's status page on 127.0.0.1: GET the page, its proof sheets and the live site (public/current) at its
// own addresses; POST
// "publish now" and an editor's answer to a held page, only from the page itself (same origin, this run's secret).
import fs from "node:fs";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { renderStatus, type StatusView } from "./status.ts";

export interface StatusActions {
  view(): StatusView;
  /** The proof sheet of an edition, or null when there is none */
  proofFile(date: string): string | null;
  /** The live site's folder (public/current) */
  liveDir: string;
  publishNow(date: string): string | null;
  resolve(page: string, choice: string): string | null;
}

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".js": "text/javascript",
  ".json": "application/json",
  ".xml": "application/xml",
  ".svg": "image/svg+xml",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".pdf": "application/pdf",
  ".txt": "text/plain; charset=utf-8",
};

/** Why a request must be refused for its Host, or null: a page of another site whose name was rebound to
 * 127.0.0.1 (DNS rebinding) must not read the status page, its secret or the live site through this server. */
export function foreignHost(headers: IncomingMessage["headers"], port: number): string | null {
  const host = headers.host ?? "";
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
    ? null
    : `Host ${host || "(none)"} is not this desk`;
}

/**
 * Why a POST must be refused, or null: the desk's own Host (no DNS rebinding), an Origin that is that host (no
 * other page in the same browser), a form body, and the secret the status page carries.
 */
export function refusal(
  headers: IncomingMessage["headers"],
  port: number,
  token: string,
  form: URLSearchParams,
): string | null {
  const foreign = foreignHost(headers, port);
  if (foreign) return foreign;
  const host = headers.host!;
  if (headers.origin !== `http://${host}`) return `Origin ${headers.origin ?? "(none)"} is not this desk's status page`;
  if (!String(headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")) return "expected a form";
  if (form.get("token") !== token) return "the form is from another run of the desk: reload the status page";
  return null;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    "content-type": type,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
  });
  res.end(body);
}

/** A file of the live site for a URL path, or null (never outside the live folder). */
export function liveFile(liveDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const parts = decoded.split("/").filter(Boolean);
  if (parts.some((p) => p === ".." || p === "." || p.includes("\\") || p.includes("\0"))) return null;
  let file = path.join(liveDir, ...parts);
  if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) file = path.join(file, "index.html");
  return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ? file : null;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = "";
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 10_000) throw new Error("form too large");
  }
  return new URLSearchParams(body);
}

/** Starts the status server on 127.0.0.1:`port` (0: any free port); resolves with its URL once it listens. */
export async function startStatusServer(
  port: number,
  token: string,
  actions: StatusActions,
): Promise<{ url: string; close(): void }> {
  let listening = 0;
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const foreign = foreignHost(req.headers, listening);
      if (foreign)
        return send(
          res,
          403,
          "text/plain; charset=utf-8",
          `refused: ${foreign}: open the status page as ${`http://127.0.0.1:${listening}/`}\n`,
        );
      if (req.method === "POST" && (url.pathname === "/publish" || url.pathname === "/resolve")) {
        const form = await readForm(req);
        const refused = refusal(req.headers, listening, token, form);
        if (refused) return send(res, 403, "text/plain; charset=utf-8", `refused: ${refused}\n`);
        const problem =
          url.pathname === "/publish"
            ? actions.publishNow(form.get("date") ?? "")
            : actions.resolve(form.get("page") ?? "", form.get("choice") ?? "");
        if (problem) return send(res, 400, "text/plain; charset=utf-8", `${problem}\n`);
        res.writeHead(303, { location: "/" });
        return res.end();
      }
      if (req.method !== "GET" && req.method !== "HEAD")
        return send(res, 405, "text/plain", "only GET and the page's forms\n");
      if (url.pathname === "/") return send(res, 200, "text/html; charset=utf-8", renderStatus(actions.view()));
      if (url.pathname === "/status.json") {
        // For scripts and tests: the same as the page, without the form secret.
        const { token: _secret, ...view } = actions.view();
        return send(
          res,
          200,
          "application/json",
          JSON.stringify(view, (_k, v) => (v instanceof Map ? Object.fromEntries(v) : v)),
        );
      }
      const proof = /^\/proof\/(\d{4}-\d{2}-\d{2})$/u.exec(url.pathname);
      const proofFile = proof ? actions.proofFile(proof[1]) : null;
      if (proofFile) return send(res, 200, "text/html; charset=utf-8", fs.readFileSync(proofFile));
      // Every other address is the live site's (its pages, assets and pictures at their own paths), so an editor
      // follows a link from the status page to the page as readers get it; only the site's home page is this one.
      const file = liveFile(actions.liveDir, url.pathname);
      if (file)
        return send(
          res,
          200,
          types[path.extname(file).toLowerCase()] ?? "application/octet-stream",
          fs.readFileSync(file),
        );
      send(res, 404, "text/plain", "not found\n");
    } catch (err) {
      // One request that fails must not stop the desk; the editor sees why.
      send(res, 500, "text/plain; charset=utf-8", `${err instanceof Error ? err.message : String(err)}\n`);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  listening = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${listening}/`, close: () => server.close() };
}
