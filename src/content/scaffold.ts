// Makes an empty edition folder in the content format, for npm run new.
import fs from "node:fs";
import path from "node:path";
import { dateProblem } from "./dates.ts";

export function scaffoldEdition(root: string, date: string, options: { pages: number; sections?: string }): string {
  const problem = dateProblem(date);
  if (problem) throw new Error(problem);
  const dir = path.join(root, date);
  if (fs.existsSync(dir)) throw new Error(`${dir} already exists: nothing was changed`);
  const labels = options.sections
    ? options.sections.split(",").flatMap((part) => {
        const [letter, count] = part.split(":");
        if (!/^[A-Z]$/.test(letter) || !(Number(count) > 0))
          throw new Error(`--sections: expected A:4,B:4, got "${part}"`);
        return Array.from({ length: Number(count) }, (_, i) => `${letter}${String(i + 1).padStart(2, "0")}`);
      })
    : Array.from({ length: options.pages }, (_, i) => String(i + 1).padStart(2, "0"));
  if (labels.length === 0) throw new Error("--pages must be at least 1");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "edition.yml"), "# issue: 12345   (总第N期, optional)\n");
  for (const label of labels) {
    fs.mkdirSync(path.join(dir, label));
    fs.writeFileSync(path.join(dir, label, "page.yml"), "section: 版名\n# scan: page.jpg\n# pdf: page.pdf\n");
  }
  return dir;
}
