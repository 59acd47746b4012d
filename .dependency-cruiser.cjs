// Import rules checked by `npm run deps` (part of `npm test`): no module of src/ imports itself back through others.
// The folder-level check (no two folders importing each other) is tests/unit/dev/folder-cycles.test.ts.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "A module that imports itself back through others: split what both need into a module of its own.",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-dev-in-product",
      severity: "error",
      comment: "The product never loads src/dev (bench, synth, eval, audit): only scripts and tests do.",
      from: { path: "^src/(?!dev/)" },
      to: { path: "^src/dev/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "^(node_modules|dist)/" },
  },
};
