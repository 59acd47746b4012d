// The JSON Schemas checked in under docs/schemas are the ones the zod schemas in src/opendata generate, and they
// accept what the JSON layer writes and refuse what it must not.
import fs from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { jsonSchemaNames, schemaFolder } from "../../../src/opendata/format.ts";
import { jsonSchemaText } from "../../../src/opendata/schemas.ts";
import { repo } from "../../helpers/build.ts";

const names = [...jsonSchemaNames];

describe("JSON Schemas", () => {
  it.each(names)(
    "docs/schemas/%s.json is the schema generated from src/opendata/schemas.ts (npm run schemas)",
    (name) => {
      const file = path.join(repo, schemaFolder, `${name}.json`);
      expect(fs.readFileSync(file, "utf8"), `${file} is stale: run npm run compile && npm run schemas`).toBe(
        jsonSchemaText(name),
      );
    },
  );

  it("a page record validates; a wrong version, a missing field or an area off the page does not", () => {
    const ajv = new Ajv2020({ strict: true });
    ajv.addFormat("uri", (value: string) => URL.canParse(value));
    const validate = ajv.compile(JSON.parse(jsonSchemaText("page")));
    const page = {
      version: 1,
      site: "https://epaper.example.cn/",
      date: "2024-03-01",
      label: "01",
      sequence: 1,
      section: "要闻",
      name: "第一版",
      url: "/2024-03-01/01/",
      json: "/2024-03-01/01/page.json",
      edition: "/2024-03-01/edition.json",
      manifest: "/2024-03-01/manifest.json",
      pdf: null,
      image: null,
      articles: [
        { headline: "甲", url: "/2024-03-01/01/a/", json: "/2024-03-01/01/a/article.json", area: [0.1, 0.1, 0.5, 0.2] },
      ],
      previous: null,
      next: null,
      // Fields added later (a new minor addition) must not make version-1 readers refuse the file.
      addedLater: true,
    };
    expect(validate(page), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...page, version: 2 })).toBe(false);
    const { section: _, ...withoutSection } = page;
    expect(validate(withoutSection)).toBe(false);
    expect(validate({ ...page, articles: [{ ...page.articles[0], area: [0.1, 0.1, 1.5, 0.2] }] })).toBe(false);
    expect(validate({ ...page, url: "https://elsewhere.example/" })).toBe(false);
  });
});
