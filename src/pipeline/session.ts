// Hands the site prepared by a build script to the Eleventy config running in the same process.
import type { PreparedSite } from "./site.ts";

let current: PreparedSite | null = null;

export function setPreparedSite(site: PreparedSite | null): void {
  current = site;
}

export function getPreparedSite(): PreparedSite | null {
  return current;
}
