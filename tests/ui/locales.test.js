// _locales and justifications/defaults.json: complete, consistent, and what the contract promises.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { EXT, readJson } from "./support/harness.js";

const REQUIRED = ["en", "de", "fr", "nl", "it", "es", "pl"];
const locales = readdirSync(path.join(EXT, "_locales"));
const en = readJson("_locales/en/messages.json");

// The content script's keys and their English text, as agreed with the core engineer.
const CONTRACT = {
  extName: "Objector",
  contentObjectButton: "Object with Objector",
  contentFillButton: "Fill with Objector",
  contentWorking: "Objector is filling in the form…",
  contentSentRecorded: "Objection sent and saved in your history. Waiting for Meta's answer…",
  contentConfirmed: "Meta confirmed your objection. Saved in your history.",
  contentAwaitingCode: "Meta sent a code to your email. Enter it here and press Send to complete the objection.",
  contentFailed: "Meta did not accept the objection: $REASON$",
  contentReview: "Check the form, then press Send yourself.",
  contentSetupFirst: "Set up Objector first",
  contentEmailKept: "Meta prefilled $EMAIL$; Objector kept it.",
  contentFieldMissing: "Meta asks for “$FIELD$”, which Objector cannot fill.",
  contentNothingSent: "Nothing was sent.",
  contentNotRecorded: "Objector could not save this objection in your history ($ERROR$), so it did not send it.",
  contentUnrecognised: "Sent and saved in your history. Meta's answer was not recognised: check your email for Meta's confirmation.",
};

// Words that are spelled the same as in English (checked by hand); everything else is translated.
const SAME_WORD = new Set([
  ...locales.map((l) => `${l}.extName`),
  "de.nameLabel", "de.filterStatus", "de.colStatus", "pl.filterStatus", "pl.colStatus",
  "fr.navLabel", "fr.navJustifications", "fr.outboxColActions",
  "nl.historyFilters", "nl.filterPlatform", "nl.filterStatus", "nl.colPlatform", "nl.colStatus",
]);

test("the required locales exist", () => {
  for (const l of REQUIRED) assert.ok(locales.includes(l), l);
});

test("English has the content-script keys with the agreed text, and extDescription", () => {
  for (const [key, message] of Object.entries(CONTRACT)) assert.equal(en[key]?.message, message, key);
  assert.ok(en.extDescription.message.length > 20 && en.extDescription.message.length <= 132, "store limit 132");
});

test("every locale has every English key, non-empty, with the same placeholders used", () => {
  for (const l of locales) {
    const m = readJson(`_locales/${l}/messages.json`);
    assert.deepEqual(Object.keys(m).sort(), Object.keys(en).sort(), `${l}: keys differ`);
    for (const [key, entry] of Object.entries(m)) {
      assert.ok(entry.message.trim(), `${l}.${key} empty`);
      const names = Object.keys(entry.placeholders || {});
      assert.deepEqual(names.sort(), Object.keys(en[key].placeholders || {}).sort(), `${l}.${key} placeholders`);
      for (const n of names) assert.ok(entry.message.includes(`$${n.toUpperCase()}$`), `${l}.${key} uses $${n}$`);
      if (l !== "en" && entry.message === en[key].message && !SAME_WORD.has(`${l}.${key}`)) {
        assert.fail(`${l}.${key} is still English`);
      }
    }
  }
});

test("every message key used by the pages exists in English", () => {
  const files = ["popup/popup.html", "options/options.html", "popup/popup-view.js", "options/options-view.js", "options/profile-view.js", "options/history-view.js", "options/justifications-view.js", "options/pairing-view.js"];
  const used = new Set();
  for (const f of files) {
    const src = readFileSync(path.join(EXT, f), "utf8");
    for (const m of src.matchAll(/data-i18n="([A-Za-z]+)"/g)) used.add(m[1]);
    for (const m of src.matchAll(/data-i18n-attr="[^"]*?:([A-Za-z]+)"/g)) used.add(m[1]);
    for (const m of src.matchAll(/text\(\s*t,\s*"([A-Za-z]+)"/g)) used.add(m[1]);
    for (const m of src.matchAll(/\["([a-z][A-Za-z]+)", "[A-Z]/g)) used.add(m[1]);
    for (const m of src.matchAll(/key: "([A-Za-z]+)"/g)) used.add(m[1]);
  }
  const missing = [...used].filter((k) => !en[k]);
  assert.deepEqual(missing, []);
  assert.ok(used.size > 60, `found ${used.size} keys in use`);
});

test("default justifications: the 24 EU languages plus Norwegian and Icelandic, short, citing Art. 21", () => {
  const d = readJson("justifications/defaults.json");
  const EU24 = ["bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv"];
  assert.deepEqual(Object.keys(d.languages).sort(), [...EU24, "is", "no"].sort());
  const texts = new Set();
  for (const [lang, j] of Object.entries(d.languages)) {
    assert.match(j.text, /21/, `${lang} cites Article 21`);
    assert.ok(j.text.length >= 150 && j.text.length <= 600, `${lang} is short: ${j.text.length}`);
    assert.ok(j.title && j.title.length <= 200, `${lang} title`);
    assert.ok(/GDPR|DSGVO|RGPD|AVG|RODO|ОРЗД|ΓΚΠΔ|BDAR|VDAR|RGCS|personvernforordningen/.test(j.text), `${lang} names the regulation`);
    texts.add(j.text);
  }
  assert.equal(texts.size, 26, "no two languages share a text");
  assert.match(d.languages.en.text, /UK GDPR/);
});
