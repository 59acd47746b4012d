// Checks front matter against the content format's schemas (src/content/schema.ts): YAML parsed, then each field
// checked with zod, every problem reported with its file, line and field, and a spelling suggestion for unknown
// keys. This is the module that loads zod and js-yaml; a warm build does without both (src/content/check.ts).
import yaml from "js-yaml";
import type { z } from "zod";
import type { Diagnostics } from "./diagnostics.ts";
import type { FrontMatterCheck, FrontMatterKind } from "./check.ts";
import { describeControl, findControl } from "../util/control.ts";
import { limits } from "./limits.ts";
import { articleSchema, editionSchema, pageSchema } from "./schema.ts";

const schemas: Record<FrontMatterKind, z.ZodType> = {
  edition: editionSchema,
  page: pageSchema,
  article: articleSchema,
};

/** Parses and checks front matter against the schemas, reporting every problem. */
export const schemaCheck: FrontMatterCheck = {
  check(kind, text, file, diagnostics, lineOffset) {
    const data = parseYaml(text, file, diagnostics, lineOffset);
    if (data === undefined) return null;
    return validate(schemas[kind], data ?? {}, file, diagnostics, text) as never;
  },
};

/** Returns undefined (and reports) when the YAML does not parse; null for a file with no keys at all. */
function parseYaml(text: string, file: string, diagnostics: Diagnostics, lineOffset: number): unknown {
  const bytes = Buffer.byteLength(text);
  if (bytes > limits.frontMatterBytes) {
    diagnostics.error(
      file,
      `the front matter is ${Math.round(bytes / 1024)} KB, over the limit of ${limits.frontMatterBytes / 1024} KB: the text goes below the second "---", not into the front matter`,
      { line: lineOffset || undefined },
    );
    return undefined;
  }
  try {
    // js-yaml reads an empty or comments-only text as undefined, which would pass for a parse error here and drop
    // an empty page.yml's page (or an article with an empty front matter) without a word.
    const data = yaml.load(text, { schema: yaml.JSON_SCHEMA }) ?? null;
    return checkValues(data, text.length + limits.yamlExpansion, file, diagnostics) ? data : undefined;
  } catch (err) {
    const e = err as yaml.YAMLException;
    const line = e.mark ? e.mark.line + 1 + lineOffset : undefined;
    diagnostics.error(file, `invalid YAML: ${e.reason ?? e.message}`, { line });
    return undefined;
  }
}

/**
 * Walks the parsed front matter: refuses it when YAML aliases (*name) make it far longer than its text (how 28 KB
 * became 88 MB of pages), and names the field of any control character written as an escape ("\x1b"). The walk
 * stops as soon as the budget is spent, so an alias bomb costs no more than its budget.
 */
function checkValues(data: unknown, budget: number, file: string, diagnostics: Diagnostics): boolean {
  let left = budget;
  let control: { field: string; char: string } | null = null;
  const walk = (value: unknown, field: string): boolean => {
    if (typeof value === "string") {
      left -= value.length;
      const found = control ? null : findControl(value);
      if (found) control = { field, char: found.char };
    } else if (Array.isArray(value)) {
      left -= 1;
      for (let i = 0; i < value.length && left >= 0; i++) walk(value[i], `${field}[${i}]`);
    } else if (value && typeof value === "object") {
      for (const [key, v] of Object.entries(value)) {
        left -= key.length;
        if (left < 0) break;
        walk(v, field ? `${field}.${key}` : key);
      }
    } else {
      left -= 1;
    }
    return left >= 0;
  };
  if (!walk(data, "")) {
    diagnostics.error(
      file,
      `the front matter repeats itself through YAML aliases (*name) to more than ${budget.toLocaleString("en")} characters: write each value out once, without & anchors and * aliases`,
    );
    return false;
  }
  if (control) {
    const { field, char } = control;
    diagnostics.error(
      file,
      `a control character (${describeControl(char)}) is in the text: remove it (it comes from copying out of another program)`,
      { field },
    );
    return false;
  }
  return true;
}

function validate<T extends z.ZodType>(
  schema: T,
  data: unknown,
  file: string,
  diagnostics: Diagnostics,
  yamlText: string,
): z.infer<T> | null {
  if (typeof data !== "object" || Array.isArray(data)) {
    diagnostics.error(file, "the front matter must be a list of key: value lines");
    return null;
  }
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const known = Object.keys((schema as unknown as z.ZodObject).shape ?? {});
  const guessed = new Set<string>();
  const fieldOf = (path: PropertyKey[]) =>
    path.map((p, i) => (typeof p === "number" ? `[${p}]` : i ? `.${String(p)}` : String(p))).join("");
  for (const issue of result.error.issues) {
    // A typo inside a figure or a correction: named with its place, e.g. "correction[0].txt".
    if (issue.code !== "unrecognized_keys" || issue.path.length === 0) continue;
    for (const key of issue.keys) {
      diagnostics.error(file, "unknown key: check its spelling against the content format (README)", {
        field: `${fieldOf(issue.path)}.${key}`,
        line: lineOf(yamlText, String(issue.path[0])),
      });
    }
  }
  const unknownKeys = result.error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys" && issue.path.length === 0 ? issue.keys : [],
  );
  for (const key of unknownKeys) {
    const guess = closest(key, known);
    if (guess) guessed.add(guess);
    diagnostics.error(
      file,
      `unknown key${guess ? `: did you mean "${guess}"?` : `; known keys: ${known.join(", ")}`}`,
      {
        field: key,
        line: lineOf(yamlText, key),
      },
    );
  }
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") continue;
    const field = fieldOf(issue.path);
    const top = String(issue.path[0] ?? "");
    const value = valueAt(data, issue.path);
    // A misspelt required key is reported once, as the unknown key with its suggestion.
    if (value === undefined && guessed.has(top)) continue;
    const message =
      value === undefined
        ? "is required"
        : issue.code === "invalid_type"
          ? `expected ${issue.expected === "string" ? "text" : issue.expected}, got ${describe(value)}`
          : issue.message;
    diagnostics.error(file, message, { field: field || undefined, line: top ? lineOf(yamlText, top) : undefined });
  }
  return null;
}

function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    // A key that takes one item or a list (correction) was given one item: it is item [0].
    if (key === 0 && !Array.isArray(value)) continue;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "nothing";
  if (typeof value === "object") return "a set of keys";
  return `${typeof value === "string" ? "text" : typeof value} ${JSON.stringify(value)}`;
}

/** Line of a top-level key in the front matter, counting the opening "---" as line 1. */
function lineOf(yamlText: string, key: string): number | undefined {
  const index = yamlText.split("\n").findIndex((l) => l.startsWith(`${key}:`));
  return index >= 0 ? index + 2 : undefined;
}

function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const old = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = old;
    }
  }
  return row[b.length];
}
