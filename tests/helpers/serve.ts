// Serves a built site over HTTP for browser tests: the same small server `npm run lighthouse` uses.
export { serveStatic, contentTypes, type StaticServer, type StaticServerOptions } from "../../src/dev/serve-static.ts";
