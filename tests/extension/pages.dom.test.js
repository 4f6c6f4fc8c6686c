// jsdom tests on every fixture notice and near miss of tests/fixtures/pages.json: notices (Privacy
// Center pages in 26 languages, in-app dialogs) are recognised with platform and language; near
// misses (the Oct 2025 personalisation notice, a feed post quoting the notice, another help-centre
// form, a news article, look-alike domains) are kind "none" with the reason. Also: the fixtures
// are in sync with their generator and self-contained.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { openFixture, pagesWhere, FIXTURES_DIR, INDEX } from "./support/fixture-dom.mjs";

for (const entry of pagesWhere((p) => p.kind !== "form")) {
  test(`${entry.file} at ${entry.url}: ${entry.kind}${entry.nearMiss ? ` (near miss: ${entry.nearMiss})` : ""}`, async () => {
    const f = openFixture(entry);
    const classify = () => f.O.matcher.classifyPage(f.compiled, f.O.domScan.snapshot(f.document, f.compiled));
    // Late pages (single-page navigation, late rendering) get time to settle, as the observer gives them.
    const late = entry.variant && entry.variant.late;
    const state = (late && (await f.wait(() => (classify().kind === entry.kind ? classify() : null), 3000))) || classify();
    assert.equal(state.kind, entry.kind, JSON.stringify(state));
    if (entry.kind === "notice") {
      assert.equal(state.platform, entry.platform);
      assert.equal(state.language, entry.language);
    } else {
      assert.equal(state.nearMiss, entry.nearMiss);
    }
    f.close();
  });
}

test("every language has a notice page, a 2024 and a 2025 form, and four outcome fragments", () => {
  const langs = Object.keys(JSON.parse(readFileSync(join(FIXTURES_DIR, "strings.json"), "utf8")).languages);
  assert.equal(langs.length, 26);
  for (const lang of langs) {
    for (const kind of ["notice", "form"]) assert.ok(INDEX.pages.some((p) => p.kind === kind && p.language === lang && p.platform === "facebook"), `${lang} ${kind}`);
    assert.ok(INDEX.pages.some((p) => p.round === "2024" && p.language === lang));
    assert.ok(INDEX.pages.some((p) => p.round === "2025" && p.language === lang));
    for (const file of INDEX.outcomes.files) assert.ok(readFileSync(join(FIXTURES_DIR, "outcomes", lang, file), "utf8").length > 20);
  }
});

test("the single-page-navigation fixture starts as an ordinary page and becomes the notice", async () => {
  const entry = INDEX.pages.find((p) => p.variant && p.variant.spa);
  const f = openFixture(entry);
  const classify = () => f.O.matcher.classifyPage(f.compiled, f.O.domScan.snapshot(f.document, f.compiled));
  assert.equal(classify().kind, "none");
  const later = await f.wait(() => (classify().kind === "notice" ? classify() : null), 3000);
  assert.ok(later, "became a notice");
  assert.equal(new URL(f.window.location.href).pathname, "/privacy/genai/");
  f.close();
});

test("fixture structure varies as Meta's pages do", () => {
  const variants = INDEX.pages.filter((p) => p.variant).map((p) => p.variant);
  const seen = (key) => new Set(variants.map((v) => v[key]).filter((v) => v !== undefined));
  assert.deepEqual([...seen("labels")].sort(), ["aria-label", "aria-labelledby", "for", "wrap"]);
  assert.deepEqual([...seen("box")].sort(), ["contenteditable", "textarea"]);
  assert.deepEqual([...seen("country")].sort(), ["combobox", "select-iso", "select-names"]);
  assert.deepEqual([...seen("late")].sort(), [false, true]);
  assert.deepEqual([...seen("prestep")].sort(), [false, true]);
});

test("fixture URLs are unique, https, without port; pages load nothing from other hosts", () => {
  const urls = INDEX.pages.map((p) => p.url);
  assert.equal(new Set(urls).size, urls.length);
  for (const p of INDEX.pages) {
    assert.match(p.url, /^https:\/\/[a-z0-9.-]+\/[^:]*$/);
    const html = readFileSync(join(FIXTURES_DIR, p.file), "utf8");
    assert.doesNotMatch(html, /<(script|link|img|iframe)[^>]+(src|href)=["']?(https?:)?\/\//i, `${p.file} loads a remote resource`);
  }
});

test("the fixtures are what generate.mjs makes from strings.json", () => {
  const run = spawnSync(process.execPath, [join(FIXTURES_DIR, "generate.mjs"), "--check"], { encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
});
