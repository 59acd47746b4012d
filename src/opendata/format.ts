// The JSON layer's version and its published JSON Schemas, without zod: a build copies the checked-in schema files
// (generated from src/opendata/schemas.ts by npm run schemas, kept equal to it by tests/unit/opendata/schemas.test.ts).

/** Bumped when a field is removed or changes its meaning; fields are added without a new version. */
export const jsonVersion = 1;

/** The files of the JSON layer that have a schema. */
export const jsonSchemaNames = ["edition", "page", "article"] as const;
export type JsonSchemaName = (typeof jsonSchemaNames)[number];

/** Where the schemas are checked in, relative to the project root (and published at urls.schema). */
export const schemaFolder = "docs/schemas";
