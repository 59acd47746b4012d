// vitest's global set-up for the shared fixture builds (fixture-builds.ts): one folder for the whole run, every
// project of it included, removed when the run ends.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    fixtureBuilds: string;
  }
}

/** Set in the run's main process by the first project's set-up, so every project of the run shares one folder. */
const folderVariable = "BANMIAN_FIXTURE_BUILDS";

export default function setup(project: TestProject): () => void {
  const own = !process.env[folderVariable];
  if (own) process.env[folderVariable] = fs.mkdtempSync(path.join(os.tmpdir(), "banmian-fixture-builds-"));
  const folder = process.env[folderVariable]!;
  project.provide("fixtureBuilds", folder);
  return () => {
    if (own) fs.rmSync(folder, { recursive: true, force: true });
  };
}
