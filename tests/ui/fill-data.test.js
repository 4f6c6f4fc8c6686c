// fill-data.js: what the content script fills in, with the host present, partial or missing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHostClient } from "../../extension/lib/host-client.js";
import { createFillDataSource, baseLanguage, isReady } from "../../extension/lib/fill-data.js";
import { createFakeHost, createMemoryStorage } from "./support/fake-host.js";
import { readJson } from "./support/harness.js";

const defaults = readJson("justifications/defaults.json");
const PROFILE = { emails: ["ada@example.org"], country: "DE", language: "de", name: "Ada" };

function source({ installed = true, profile, mirror, justifications = [] } = {}) {
  const host = createFakeHost();
  host.state.installed = installed;
  if (profile) host.state.profile = profile;
  for (const j of justifications) {
    const { justification } = host.handlers["justification.save"]({ justification: j });
    if (j.is_default) host.handlers["justification.set_default"]({ justification_id: justification.id });
  }
  const storage = createMemoryStorage(mirror ? { profile: mirror } : {});
  const client = createHostClient({ connectNative: host.connectNative, timeoutMs: 200 });
  return createFillDataSource({ client, storage, defaults });
}

test("not ready until a profile has an email and a country", async () => {
  const r = await source().get("de");
  assert.equal(r.ready, false);
  assert.deepEqual(r.profile.emails, []);
  const cases = [
    [{ emails: ["a@b.eu"], country: "DE" }, true],
    [{ emails: [], country: "DE" }, false],
    [{ emails: ["a@b.eu"], country: null }, false],
    [{ emails: ["a@b.eu"], country: "de" }, false],
    [null, false],
  ];
  for (const [p, ready] of cases) assert.equal(isReady(p), ready, JSON.stringify(p));
});

test("the host's profile and the user's default justification for the page language", async () => {
  const r = await source({
    profile: PROFILE,
    justifications: [
      { language: "de", title: "kurz", text: "Ich widerspreche (kurz).", is_default: false },
      { language: "de", title: "lang", text: "Ich widerspreche nach Art. 21 DSGVO (lang).", is_default: true },
      { language: "en", title: "en", text: "I object.", is_default: true },
    ],
  }).get("de-DE");
  assert.equal(r.ready, true);
  assert.deepEqual(r.profile, PROFILE);
  assert.deepEqual({ text: r.justification.text, language: r.justification.language, source: r.justification.source }, { text: "Ich widerspreche nach Art. 21 DSGVO (lang).", language: "de", source: "host" });
});

test("no user text in the page language: the user's English default is used", async () => {
  const r = await source({ profile: PROFILE, justifications: [{ language: "en", title: "", text: "I object, mine.", is_default: true }] }).get("fr");
  assert.equal(r.justification.text, "I object, mine.");
  assert.equal(r.justification.source, "host");
});

test("no user texts at all: the built-in text in the page language", async () => {
  const r = await source({ profile: PROFILE }).get("it");
  assert.equal(r.justification.text, defaults.languages.it.text);
  assert.equal(r.justification.source, "builtin");
});

test("Norwegian pages (nb/nn) get the Norwegian text; unknown languages get English", async () => {
  assert.equal(baseLanguage("nb-NO"), "no");
  assert.equal(baseLanguage("nn"), "no");
  const s = source({ profile: PROFILE });
  assert.equal((await s.get("nb")).justification.text, defaults.languages.no.text);
  assert.equal((await s.get("ja")).justification.text, defaults.languages.en.text);
});

test("host missing: the profile mirrored by the options page and the built-in text", async () => {
  const r = await source({ installed: false, mirror: PROFILE }).get("pl");
  assert.equal(r.ready, true);
  assert.deepEqual(r.profile.emails, ["ada@example.org"]);
  assert.equal(r.justification.text, defaults.languages.pl.text);
  assert.equal(r.justification.source, "builtin");
});

test("host has an empty profile but the mirror is complete (set up while the host was away): mirror wins", async () => {
  const r = await source({ mirror: PROFILE }).get("de");
  assert.equal(r.ready, true);
  assert.equal(r.profile.country, "DE");
});

test("with fields, only what the form asks for leaves the background (the page learns nothing more)", async () => {
  const src = source({ profile: PROFILE });
  const emailOnly = await src.get("de", ["email"]);
  assert.deepEqual(emailOnly, { ready: true, profile: { emails: ["ada@example.org"] } });
  const full = await src.get("de", ["email", "country", "justification"]);
  assert.deepEqual(Object.keys(full.profile).sort(), ["country", "emails"]);
  assert.equal(full.profile.country, "DE");
  assert.equal(full.justification.language, "de");
  assert.ok(!("name" in full.profile) && !("language" in full.profile));
  const unknown = await src.get("de", ["password", "name"]);
  assert.deepEqual(unknown.profile, { name: "Ada" }, "unknown field names are ignored");
  const none = await src.get("de", []);
  assert.deepEqual(none, { ready: true, profile: {} });
});
