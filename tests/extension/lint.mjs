// Runs `web-ext lint` (Mozilla's addons-linter) on the extension folder and fails on any error.
// Warnings and notices are printed so that each can be explained; none is hidden.
//   node tests/extension/lint.mjs <extension dir>
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const webExt = join(dirname(fileURLToPath(import.meta.url)), "..", "node_modules", "web-ext", "bin", "web-ext.js");
const source = process.argv[2];
const run = spawnSync(process.execPath, [webExt, "lint", "--source-dir", source, "--output", "json", "--no-config-discovery",
  "--ignore-files", "build.mjs"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
let report;
try {
  report = JSON.parse(run.stdout.slice(run.stdout.indexOf("{")));
} catch {
  console.error(run.stdout, run.stderr);
  console.error("web-ext lint did not produce a JSON report");
  process.exit(2);
}
for (const kind of ["errors", "warnings", "notices"]) {
  for (const m of report[kind] || []) console.log(`${kind.slice(0, -1)}: ${m.code} ${m.file || ""}${m.line ? `:${m.line}` : ""} ${m.message}`);
}
console.log(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`);
process.exit(report.summary.errors === 0 ? 0 : 1);
