// Site settings (_data/site.json): paper name, locale, time zone, base URL and path prefix.
import fs from "node:fs";
import { z } from "zod";

export const settingsSchema = z.strictObject({
  paper: z.string().min(1),
  shortName: z.string().min(1).optional(),
  description: z.string().default(""),
  locale: z.string().default("zh-CN"),
  timeZone: z.string().default("Asia/Shanghai"),
  /** Where the site is served, without the path prefix: https://epaper.example.cn */
  baseUrl: z
    .string()
    .url()
    .transform((u) => u.replace(/\/+$/, "")),
  /** The sub-path the site is served under: "/" or "/epaper/" */
  pathPrefix: z
    .string()
    .default("/")
    .transform((p) => `/${p.replace(/^\/+|\/+$/g, "")}/`.replace(/^\/\/$/, "/")),
});

export type Settings = z.infer<typeof settingsSchema>;

export function loadSettings(file: string): Settings {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    throw new Error(`${file}: cannot read the site settings: ${(err as Error).message}`);
  }
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: "${issue.path.join(".")}": ${issue.message}`);
  }
  return parsed.data;
}
