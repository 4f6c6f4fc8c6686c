#!/usr/bin/env node
// Rewrites known-failures.json from one jsdom run of every variant (modules, then whole session): each failing variant with its
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
import { runSessions } from "./session-run.mjs";
import { likelyCause } from "./triage.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const file = join(here, "known-failures.json");
const old = JSON.parse(readFileSync(file, "utf8"));
const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i >= 0 ? Number(process.argv[i + 1]) : dflt; };
const seed = arg("--seed", old.seed);
const perFamily = arg("--per-family", old.perFamily);
const variants = generate({ seed, perFamily });
const byId = new Map(variants.map((v) => [v.id, v]));
const table = (results, previous, cause) => {
  const out = {};
  for (const r of results) {
    if (r.ok) continue;
    const kept = previous[r.id];
    out[r.id] = { stage: r.stage, reason: kept && kept.stage === r.stage ? kept.reason : cause(r), url: byId.get(r.id).url };
  }
  return out;
};
const failures = table(await runAll(variants, { concurrency: 32 }), old.failures, (r) => likelyCause(r, byId.get(r.id)));
const sessionFailures = table(await runSessions(variants, { concurrency: 24 }), old.sessionFailures || {}, (r) => `${r.stage}: ${r.detail.slice(0, 160)}`);
const doc = {
  _comment: "Variants of generate.mjs (this seed and count) that fail today in jsdom, each with the stage that fails and why: `failures` for the modules (modules.test.mjs), `sessionFailures` for the whole session (session.test.mjs). Each test fails on a failure not listed and on a listed variant that passes. Rewrite with update-known.mjs; never add an entry without a reason.",
  seed, perFamily, failures, sessionFailures,
};
writeFileSync(file, JSON.stringify(doc, null, 2) + "\n");
const removed = Object.keys(old.failures).filter((id) => !failures[id]);
console.log(`known-failures.json: modules ${Object.keys(failures).length}, session ${Object.keys(sessionFailures).length} failing of ${variants.length}; ${removed.length} module failures no longer failing`);
