// Writes small edition trees for unit tests from a { "path": "content" } table.
import fs from "node:fs";
import path from "node:path";
import { tempDir } from "./build.ts";

export function writeTree(files: Record<string, string | Buffer>): string {
  const root = tempDir("tree");
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(root, name);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return root;
}

export const article = (fields: string, body = "正文。") => `---\n${fields.trim()}\n---\n\n${body}\n`;
