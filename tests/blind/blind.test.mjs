// Blind test (pages.mjs: Meta-like pages written without reading Objector's cues, rules, scanner,
// filler, outcome reader or fixtures). Every notice and form page goes through the whole session
// in jsdom (tests/variation/session-run.mjs: the control appears, the notice sends the tab to the
// form, the form is filled and sent with exactly the person's data, recorded as `submitted` before
// the page answers, and Meta's answer gives the expected final status). Every near miss (the Oct
// 2025 and Dec 2025 notices, the Jan 2026 ads choice, another help form, a feed post quoting the
// notice, an account appeal) must get no control, no fill, no navigation and no record for
// NEAR_MS. Prints a pass count per family; fails on a failure not listed in known-failures.json
// (each entry: stage and a one-line reason) and on a listed page that passes now.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { BLIND_PAGES, FAMILIES } from "./pages.mjs";
import { runSessions } from "../variation/session-run.mjs";
import { openWorld } from "../extension/support/content-world.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const KNOWN = JSON.parse(readFileSync(join(here, "known-failures.json"), "utf8")).failures || {};
const NEAR_MS = 4000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// A near miss: watched for NEAR_MS; any control offered, field filled, navigation or record fails.
async function nearMiss(v) {
  let world = null;
  const out = (stage, detail) => ({ id: v.id, family: v.family, ok: !stage, stage, detail, via: "near-miss" });
  try {
    world = openWorld({ html: v.html, url: v.url, intent: false });
    const end = Date.now() + NEAR_MS;
    while (Date.now() < end) {
      const label = world.panel.label();
      if (label) return out("control", `offered "${label}" (panel says "${world.panel.text()}")`);
      await sleep(100);
    }
    if (world.navigations.length) return out("navigate", `sent the tab to ${world.navigations[0]}`);
    const records = await world.records();
    if (records.length) return out("record", `recorded ${records.map((r) => `${r.kind}:${r.payload.status}`).join(", ")}`);
    if (world.window.__xSent) return out("send", `the page submitted ${JSON.stringify(Object.keys(world.window.__xSent))}`);
    const filled = Array.from(world.document.querySelectorAll("input:not([type=radio]):not([type=hidden]),textarea,[contenteditable=true]"))
      .filter((el) => (el.isContentEditable || el.getAttribute("contenteditable") === "true" ? el.textContent : el.value).trim());
    if (filled.length) return out("fill", `filled ${filled.length} field(s) (${filled.map((el) => el.getAttribute("name") || el.id).join(", ")})`);
    return { ...out(null), note: world.panel.text() ? `panel says "${world.panel.text()}"` : "" };
  } catch (e) {
    return out("crash", String(e.stack || e).slice(0, 400));
  } finally {
    if (world) world.close();
  }
}

const started = Date.now();
const sessions = BLIND_PAGES.filter((v) => v.expect.kind !== "none");
const misses = BLIND_PAGES.filter((v) => v.expect.kind === "none");
const [sessionResults, missResults] = await Promise.all([runSessions(sessions, { concurrency: 24 }), Promise.all(misses.map(nearMiss))]);
const results = [...sessionResults, ...missResults];
const byId = new Map(BLIND_PAGES.map((v) => [v.id, v]));
console.log(`blind: ${BLIND_PAGES.length} pages in ${Date.now() - started} ms (jsdom)`);
for (const family of [...FAMILIES, "near-miss"]) {
  const mine = results.filter((r) => r.family === family);
  console.log(`  ${family.padEnd(14)} ${String(mine.filter((r) => r.ok).length).padStart(2)}/${mine.length} passed`);
}
for (const r of results.filter((x) => !x.ok)) console.log(`  FAIL ${r.id.padEnd(18)} (${r.via}) ${r.stage}: ${r.detail}${KNOWN[r.id] ? "  [known]" : ""}`);
for (const r of results.filter((x) => x.ok && x.note)) console.log(`  note ${r.id}: ${r.note}`);

for (const family of [...FAMILIES, "near-miss"]) {
  test(`${family}: every blind page passes, or is a listed known failure`, () => {
    const mine = results.filter((r) => r.family === family);
    const unexpected = mine.filter((r) => !r.ok && (!KNOWN[r.id] || KNOWN[r.id].stage !== r.stage));
    const fixed = mine.filter((r) => r.ok && KNOWN[r.id]).map((r) => r.id);
    assert.equal(unexpected.length, 0, unexpected.map((r) => `${r.id} (${r.via}) ${byId.get(r.id).url}: ${r.stage}: ${r.detail}\n  traits ${JSON.stringify(byId.get(r.id).traits)}`).join("\n"));
    assert.equal(fixed.length, 0, `listed in known-failures.json but passing now: ${fixed.join(", ")}`);
  });
}
