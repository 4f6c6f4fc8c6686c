// Issue 9: the extension's detector, filler and outcome judge run on every generated page variant
// (generate.mjs, fixed seed) in jsdom, and every family must pass on every variant — except the
// variants listed, each with its reason, in known-failures.json (printed with every run; a listed
// variant that passes fails the test too, so the table only shrinks and never hides a fix).
// Per family it prints "passed/total" and each failure with the page that caused it.
//
//   NODE_PATH=tests/node_modules node --test tests/variation/modules.test.mjs
//   OBJECTOR_VARIATION_REPORT=/tmp/report.json …   also writes every result as JSON
//   OBJECTOR_VARIATION_PAGES=/tmp/pages …          also writes the failing pages there
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { generate, FAMILIES, LANGUAGES } from "./generate.mjs";
import { runAll } from "./jsdom-run.mjs";
import { likelyCause } from "./triage.mjs";
import { wordings } from "./wordings.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const KNOWN = JSON.parse(readFileSync(join(here, "known-failures.json"), "utf8"));
const SEED = KNOWN.seed;
const PER_FAMILY = KNOWN.perFamily;

const WORDS = await wordings();
const variants = generate({ seed: SEED, perFamily: PER_FAMILY, phrases: WORDS.phrases, languages: WORDS.languages });
if (WORDS.heldOut) console.log(`variation: held-out wordings from ${WORDS.heldOut} (${WORDS.languages.join(" ")}); known-failures.json does not apply`);
const byId = new Map(variants.map((v) => [v.id, v]));
const started = Date.now();
const results = await runAll(variants, { concurrency: 32 });
const elapsed = Date.now() - started;

if (process.env.OBJECTOR_VARIATION_REPORT) {
  writeFileSync(process.env.OBJECTOR_VARIATION_REPORT, JSON.stringify(results.map((r) => ({ ...r, traits: byId.get(r.id).traits,
    url: byId.get(r.id).url, cause: r.ok ? null : likelyCause(r, byId.get(r.id)) })), null, 2) + "\n");
}
if (process.env.OBJECTOR_VARIATION_PAGES) {
  mkdirSync(process.env.OBJECTOR_VARIATION_PAGES, { recursive: true });
  for (const r of results) if (!r.ok) writeFileSync(join(process.env.OBJECTOR_VARIATION_PAGES, `${r.id}.html`), byId.get(r.id).html);
}

const apis = [...new Set(results.flatMap((r) => r.api))].join(", ");
console.log(`variation: ${variants.length} variants, seed ${SEED}, ${elapsed} ms in jsdom; modules used: ${apis}`);
for (const family of FAMILIES) {
  const mine = results.filter((r) => r.family === family);
  console.log(`  ${family.padEnd(14)} ${String(mine.filter((r) => r.ok).length).padStart(3)}/${mine.length} passed`);
}
const known = Object.entries(KNOWN.failures);
if (known.length) {
  console.log(`known failures (${known.length}, tests/variation/known-failures.json):`);
  for (const [id, k] of known) console.log(`  ${id.padEnd(26)} ${k.stage.padEnd(8)} ${k.reason}`);
}

test("the generator is deterministic, covers every family in all 26 languages, and pages are self-contained", { skip: WORDS.heldOut ? "a held-out wording set covers its own languages" : false }, () => {
  const again = generate({ seed: SEED, perFamily: PER_FAMILY });
  assert.deepEqual(again.map((v) => v.html), variants.map((v) => v.html), "same seed, same pages");
  assert.notDeepEqual(generate({ seed: SEED + 1, perFamily: 3 }).map((v) => v.html), variants.slice(0, 3).map((v) => v.html));
  for (const family of FAMILIES) {
    const mine = variants.filter((v) => v.family === family);
    const langs = new Set(mine.map((v) => v.language));
    if (family === "third-party") assert.deepEqual([...langs], ["en"], "the third-party form is known in English only");
    else assert.equal(langs.size, LANGUAGES.length, `${family} covers every language`);
  }
  for (const v of variants) {
    assert.ok(!/<script[^>]+src=|<link[^>]+href=|<img|<iframe|@import|url\(/i.test(v.html), `${v.id} loads nothing from elsewhere`);
    for (const m of v.html.matchAll(/href="([^"]+)"/g)) {
      assert.match(new URL(m[1]).hostname, /(^|\.)(facebook|instagram)\.com$/, `${v.id} links only to Meta`);
    }
  }
  const seen = (key) => new Set(variants.filter((v) => v.expect.kind === "form").map((v) => String(v.traits[key])));
  for (const c of ["select-iso", "select-names", "combobox-typed", "combobox-click", "radio", "absent"]) assert.ok(seen("country").has(c), `country ${c}`);
  for (const s of ["button", "role", "submit"]) assert.ok(seen("send").has(s), `send ${s}`);
  for (const a of ["confirmed", "received", "code", "invalid", "error"]) assert.ok(seen("answer").has(a), `answer ${a}`);
  for (const w of ["heading", "status", "alert", "plain", "field"]) assert.ok(seen("where").has(w), `answer in ${w}`);
  assert.ok(seen("rerender").has("true") && seen("box").has("contenteditable") && seen("labels").has("nearby"));
});

test("every failure of this run is in the known-failures table, and every listed one still fails", () => {
  const unexpected = [];
  const fixed = [];
  for (const r of results) {
    const k = KNOWN.failures[r.id];
    if (!r.ok && (!k || k.stage !== r.stage)) unexpected.push(r);
    if (r.ok && k) fixed.push(r.id);
  }
  for (const id of Object.keys(KNOWN.failures)) assert.ok(byId.has(id), `known-failures.json names ${id}, which the generator does not make`);
  for (const r of unexpected) {
    const v = byId.get(r.id);
    console.log(`UNEXPECTED ${r.id} at ${v.url}: ${r.stage}: ${r.detail}\n  likely: ${likelyCause(r, v)}\n  traits: ${JSON.stringify(v.traits)}`);
  }
  if (fixed.length) console.log(`NOW PASSING (remove from known-failures.json): ${fixed.join(", ")}`);
  assert.equal(unexpected.length, 0, `${unexpected.length} variants failed that are not in known-failures.json: ${unexpected.map((r) => r.id).join(", ")}`);
  assert.equal(fixed.length, 0, `${fixed.length} listed variants pass now: remove them from known-failures.json`);
});

for (const family of FAMILIES) {
  test(`${family}: every variant passes in jsdom, or is a listed known failure`, () => {
    const mine = results.filter((r) => r.family === family);
    const failing = mine.filter((r) => !r.ok);
    const unlisted = failing.filter((r) => !KNOWN.failures[r.id]);
    assert.equal(unlisted.length, 0, unlisted.map((r) => `${r.id} ${byId.get(r.id).url}: ${r.stage}: ${r.detail}`).join("\n"));
  });
}
