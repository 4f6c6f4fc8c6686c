#!/usr/bin/env node
// Rewrites known-failures.json from one jsdom run of every variant: each failing variant with its
// stage and a reason (a reason already written by hand for the same id and stage is kept; a new
// one is the triage's first guess, to be checked by whoever commits the table). Variants that pass
// are dropped. Run it after a change to the product or the generator, read the diff, commit it.
//
//   NODE_PATH=tests/node_modules node tests/variation/update-known.mjs [--per-family N] [--seed N]
import { readFileSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "./generate.mjs";
import { runAll } from "./jsdom-run.mjs";
import { likelyCause } from "./triage.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const file = join(here, "known-failures.json");
const old = JSON.parse(readFileSync(file, "utf8"));
const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i >= 0 ? Number(process.argv[i + 1]) : dflt; };
const seed = arg("--seed", old.seed);
const perFamily = arg("--per-family", old.perFamily);
const variants = generate({ seed, perFamily });
const byId = new Map(variants.map((v) => [v.id, v]));
const results = await runAll(variants, { concurrency: 32 });
const failures = {};
for (const r of results) {
  if (r.ok) continue;
  const kept = old.failures[r.id];
  failures[r.id] = { stage: r.stage, reason: kept && kept.stage === r.stage ? kept.reason : likelyCause(r, byId.get(r.id)), url: byId.get(r.id).url };
}
const doc = {
  _comment: "Variants of generate.mjs (this seed and count) that fail today in jsdom, each with the stage that fails and why. variation.test.mjs fails on any failure not listed here and on any listed variant that passes. Rewrite with update-known.mjs; never add an entry without a reason.",
  seed, perFamily, failures,
};
writeFileSync(file, JSON.stringify(doc, null, 2) + "\n");
const removed = Object.keys(old.failures).filter((id) => !failures[id]);
console.log(`known-failures.json: ${Object.keys(failures).length} failing of ${variants.length}; ${removed.length} no longer failing`);
