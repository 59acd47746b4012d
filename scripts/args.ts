// Shared command-line parsing for the scripts: --key value flags and positional arguments.
import { parseArgs } from "node:util";
import type { SiteOptions } from "../src/pipeline/site.ts";

export const siteFlags = {
  editions: { type: "string", default: "editions" },
  site: { type: "string", default: "_data/site.json" },
  out: { type: "string", default: "_site" },
  cache: { type: "string", default: ".cache/images" },
} as const;

export function siteOptions(values: { editions?: string; site?: string; out?: string; cache?: string }): SiteOptions {
  return {
    editionsDir: values.editions ?? "editions",
    siteFile: values.site ?? "_data/site.json",
    outDir: values.out ?? "_site",
    cacheDir: values.cache ?? ".cache/images",
  };
}

export { parseArgs };

/** Ends the process with a message for people (no stack trace) and exit code 1. */
export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
