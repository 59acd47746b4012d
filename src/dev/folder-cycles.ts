// Import cycles between the folders of src/, read with TypeScript's own import scanner: what `npm test` checks until
// dependency-cruiser (a folder-scoped no-circular rule) takes the job over.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

/** An import from one folder into another that is part of a cycle of folders, with the files that make it. */
export interface CyclicImport {
  from: string;
  to: string;
  files: string[];
}

/** Folder → folder → the "file -> file" imports between them, for every relative import under `dir` (in `root`). */
export function folderImports(
  root: string,
  dir = "src",
  skip: string[] = ["src/client"],
): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>();
  const walk = (folder: string): void => {
    for (const entry of fs.readdirSync(path.join(root, folder), { withFileTypes: true })) {
      const file = path.posix.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!skip.includes(file)) walk(file);
        continue;
      }
      if (!/\.(ts|mts|mjs|js)$/.test(entry.name) || entry.name.endsWith(".d.ts")) continue;
      const { importedFiles } = ts.preProcessFile(fs.readFileSync(path.join(root, file), "utf8"), true, true);
      for (const { fileName } of importedFiles) {
        if (!fileName.startsWith(".")) continue;
        const target = path.posix.normalize(path.posix.join(folder, fileName));
        const to = path.posix.dirname(target);
        if (to === folder) continue;
        const out = graph.get(folder) ?? new Map<string, string[]>();
        graph.set(folder, out);
        out.set(to, [...(out.get(to) ?? []), `${file} -> ${target}`]);
      }
    }
  };
  walk(dir);
  return graph;
}

/** The imports between folders that lie on a cycle (both folders in one strongly connected component), sorted. */
export function cyclicImports(graph: Map<string, Map<string, string[]>>): CyclicImport[] {
  // Tarjan's strongly connected components.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const component = new Map<string, number>();
  const stack: string[] = [];
  let next = 0;
  let components = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (!component.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      let w: string;
      do {
        w = stack.pop()!;
        component.set(w, components);
      } while (w !== v);
      components++;
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  const cyclic: CyclicImport[] = [];
  for (const [from, out] of graph) {
    for (const [to, files] of out)
      if (component.get(from) === component.get(to)) cyclic.push({ from, to, files: [...files].sort() });
  }
  return cyclic.sort((a, b) => `${a.from} ${a.to}`.localeCompare(`${b.from} ${b.to}`));
}
