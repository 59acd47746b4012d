// Problems found in content, each naming the file (and field or line) and what to do about it.

export type Level = "error" | "warning";

export interface Diagnostic {
  level: Level;
  /** Path relative to the working directory, e.g. editions/2022-09-02/02/03-kaixue.md */
  file: string;
  field?: string;
  line?: number;
  message: string;
  /** What kind of problem, for tools that draw it (the proof sheet): "missing-area", "overlap" */
  code?: string;
  /** Every file the problem concerns, this one first (both articles of an overlap) */
  related?: string[];
}

type Where = Pick<Diagnostic, "field" | "line" | "code" | "related">;

export class Diagnostics {
  readonly items: Diagnostic[] = [];

  error(file: string, message: string, where: Where = {}): void {
    this.items.push({ level: "error", file, message, ...where });
  }

  warn(file: string, message: string, where: Where = {}): void {
    this.items.push({ level: "warning", file, message, ...where });
  }

  get errors(): Diagnostic[] {
    return this.items.filter((d) => d.level === "error");
  }

  get warnings(): Diagnostic[] {
    return this.items.filter((d) => d.level === "warning");
  }
}

/** One line for people: `editions/…/03-kaixue.md:4: front matter "area": expected 4 numbers, got 3` */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line ? `${d.file}:${d.line}` : d.file;
  const field = d.field ? `front matter "${d.field}": ` : "";
  return `${d.level === "error" ? "error" : "warning"}: ${where}: ${field}${d.message}`;
}

export class ContentError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(
      diagnostics
        .filter((d) => d.level === "error")
        .map(formatDiagnostic)
        .join("\n"),
    );
    this.name = "ContentError";
  }
}
