// The rule files: valid against rules/schema.json, regular expressions compile, every language
// has every cue, rules.js is in sync with the JSON, and the manifest agrees with ids.json and the
// project version.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { EXTENSION_DIR, loadPure } from "./support/classic.mjs";
import { loadRuleBundle, rulesScript, manifestProblems, projectVersion, browserManifest, RULE_FILES } from "../../extension/build.mjs";

const require = createRequire(import.meta.url);
const Ajv = require("ajv");
const read = (rel) => JSON.parse(readFileSync(join(EXTENSION_DIR, rel), "utf8"));

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat("regex", (s) => {
    try {
      new RegExp(s);
      return true;
    } catch {
      return false;
    }
  });
  return ajv.compile(read("rules/schema.json"));
}

const EU_EEA_LANGUAGES = ["bg", "hr", "cs", "da", "nl", "en", "et", "fi", "fr", "de", "el", "hu", "ga", "it", "lv", "lt",
  "mt", "pl", "pt", "ro", "sk", "sl", "es", "sv", "no", "is"];

test("every rule file is valid against the schema", () => {
  const validate = validator();
  for (const file of RULE_FILES) {
    const ok = validate(read(`rules/${file}`));
    assert.ok(ok, `${file}: ${JSON.stringify(validate.errors)}`);
  }
});

test("the schema rejects broken rules (a bad form id, a missing cue list, an unknown platform)", () => {
  const validate = validator();
  const fb = read("rules/facebook.json");
  assert.equal(validate({ ...fb, forms: [{ id: "abc", round: "2025", verified: true }] }), false);
  assert.equal(validate({ ...fb, platform: "threads" }), false);
  assert.equal(validate({ ...fb, hosts: { exact: ["facebook.com.example.net"], patterns: [] } }), false);
  const langs = read("rules/languages.json");
  const { send, ...withoutSend } = langs.languages.de;
  assert.equal(validate({ ...langs, languages: { ...langs.languages, de: withoutSend } }), false);
});

test("rules cover the 24 EU languages plus Norwegian and Icelandic, with honest verified flags", () => {
  const langs = read("rules/languages.json").languages;
  assert.deepEqual(Object.keys(langs).sort(), [...EU_EEA_LANGUAGES].sort());
  const { normalize } = loadPure(["lib/normalize.js"]);
  for (const [code, l] of Object.entries(langs)) {
    assert.equal(l.verified, l.verifiedCues.length > 0, `${code}: verified is true exactly when some cues were quoted by a source`);
    const cues = new Set(Object.entries(l).filter(([k, v]) => Array.isArray(v) && k !== "verifiedCues").flatMap(([, v]) => v.map(normalize.normalizeText)));
    for (const v of l.verifiedCues) assert.ok(cues.has(normalize.normalizeText(v)), `${code}: verified cue "${v}" is not one of its cues`);
  }
  // Languages with no quoted source must say so.
  for (const code of ["bg", "hr", "cs", "et", "fi", "el", "hu", "ga", "lv", "lt", "mt", "ro", "sk", "sl", "sv", "da", "no", "is"]) {
    assert.equal(langs[code].verified, false, `${code} has no verified source`);
  }
});

test("the forms of meta-process.md are all in the rules, each under one platform and kind", () => {
  const expected = {
    "6359191084165019": ["facebook", "own"], "712876720715583": ["facebook", "own"],
    "767264225370182": ["instagram", "own"], "233964459562201": ["instagram", "own"],
    "1266025207620918": ["facebook", "third_party"], "510058597920541": ["facebook", "third_party"],
  };
  const seen = {};
  for (const p of loadRuleBundle().platforms) for (const f of p.forms) seen[f.id] = [p.platform, p.formKind];
  assert.deepEqual(seen, expected);
});

test("rules/rules.js is generated from the JSON files and in sync", () => {
  const current = readFileSync(join(EXTENSION_DIR, "rules/rules.js"), "utf8");
  assert.equal(current, rulesScript(loadRuleBundle()), "run: node extension/build.mjs");
  const O = loadPure();
  assert.equal(O.rules.version, read("rules/languages.json").version);
  assert.doesNotThrow(() => O.matcher.compileRules(O.rules));
});

test("the manifest's key, gecko id and version agree with manifests/ids.json and CMakeLists.txt", () => {
  const manifest = read("manifest.json");
  const ids = JSON.parse(readFileSync(join(EXTENSION_DIR, "..", "manifests", "ids.json"), "utf8"));
  assert.deepEqual(manifestProblems(manifest, ids, projectVersion()), []);
  assert.equal(manifestProblems({ ...manifest, version: "9.9.9" }, ids, projectVersion()).length, 1);
  assert.equal(manifestProblems({ ...manifest, key: "x" }, ids, projectVersion()).length, 1);
});

test("the manifest asks only for activeTab (the popup's screenshot), nativeMessaging and storage, on Meta's hosts only, with no page-visible files", () => {
  const manifest = read("manifest.json");
  assert.deepEqual(manifest.permissions, ["activeTab", "nativeMessaging", "storage"]);
  for (const pattern of [...manifest.host_permissions, ...manifest.content_scripts.flatMap((c) => c.matches)]) {
    assert.match(pattern, /^https:\/\/(\*\.facebook\.com|help\.instagram\.com|privacycenter\.instagram\.com|www\.instagram\.com)\/\*$/);
  }
  assert.equal(manifest.web_accessible_resources, undefined);
  assert.deepEqual(manifest.content_security_policy, { extension_pages: "default-src 'self'; connect-src 'self' http://127.0.0.1:*; object-src 'none'; base-uri 'none'; form-action 'none'" }, "only our own files (and the paired loopback agent), no plugins, no base or form targets");
  assert.deepEqual(manifest.optional_host_permissions, ["http://127.0.0.1/*"], "the loopback agent, asked for only when the person pairs");
  for (const rel of manifest.content_scripts[0].js) assert.ok(readFileSync(join(EXTENSION_DIR, rel)), rel);
});

test("per-browser manifests keep only their browser's keys", () => {
  const manifest = read("manifest.json");
  const chromium = browserManifest(manifest, "chromium");
  const firefox = browserManifest(manifest, "firefox");
  assert.equal(chromium.browser_specific_settings, undefined);
  assert.equal(chromium.background.scripts, undefined);
  assert.equal(chromium.key, manifest.key);
  assert.equal(firefox.key, undefined);
  assert.equal(firefox.background.service_worker, undefined);
  assert.deepEqual(firefox.background.scripts, manifest.background.scripts);
});

test("build.mjs --out writes a loadable folder per browser and leaves the source alone", async () => {
  const { spawnSync } = await import("node:child_process");
  const { mkdtempSync, rmSync, statSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const out = mkdtempSync(join(tmpdir(), "objector-build-"));
  const before = statSync(join(EXTENSION_DIR, "rules/rules.js")).mtimeMs;
  try {
    const run = spawnSync(process.execPath, [join(EXTENSION_DIR, "build.mjs"), "--out", out], { encoding: "utf8" });
    assert.equal(run.status, 0, run.stderr);
    const chromium = JSON.parse(readFileSync(join(out, "chromium", "manifest.json"), "utf8"));
    const firefox = JSON.parse(readFileSync(join(out, "firefox", "manifest.json"), "utf8"));
    assert.equal(chromium.browser_specific_settings, undefined);
    assert.equal(firefox.browser_specific_settings.gecko.id, read("manifest.json").browser_specific_settings.gecko.id);
    for (const b of ["chromium", "firefox"]) {
      assert.equal(readFileSync(join(out, b, "rules", "rules.js"), "utf8"), rulesScript(loadRuleBundle()));
      for (const rel of read("manifest.json").content_scripts[0].js) assert.ok(statSync(join(out, b, rel)).isFile(), `${b}/${rel}`);
    }
    assert.equal(statSync(join(EXTENSION_DIR, "rules/rules.js")).mtimeMs, before, "the source rules.js was not rewritten");
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("detection and filling never key on class names or element ids of Meta's pages", () => {
  for (const rel of ["lib/dom-scan.js", "lib/form-filler.js", "lib/matcher.js", "content/content.js"]) {
    const src = readFileSync(join(EXTENSION_DIR, rel), "utf8");
    assert.doesNotMatch(src, /className|classList|getElementsByClassName/, `${rel} reads class names`);
    for (const m of src.matchAll(/querySelector(?:All)?\(\s*(["'`])(.*?)\1/g)) {
      assert.doesNotMatch(m[2], /(^|[\s,>+~])[a-z]*[.#][a-zA-Z_-]/, `${rel}: selector ${m[2]} uses a class or id`);
    }
  }
});
