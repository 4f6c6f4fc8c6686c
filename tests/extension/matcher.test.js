// URL and text matching (lib/matcher.js) against the real rules: which URLs are Meta's forms and
// notices, which are near misses, and which language a page is in, for every language.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPure } from "./support/classic.mjs";

const O = loadPure();
const rules = O.matcher.compileRules(O.rules);
const norm = O.normalize.normalizeText;
const here = dirname(fileURLToPath(import.meta.url));
const STRINGS = JSON.parse(readFileSync(join(here, "..", "fixtures", "strings.json"), "utf8")).languages;
const plain = (s) => s.replace(/[{}]/g, "");

const URLS = [
  // [url, area, platform, formKind, formId]
  ["https://www.facebook.com/help/contact/6359191084165019", "form", "facebook", "own", "6359191084165019"],
  ["https://www.facebook.com/help/contact/712876720715583/", "form", "facebook", "own", "712876720715583"],
  ["https://fr-fr.facebook.com/help/contact/712876720715583?locale=fr_FR&ref=notif#x", "form", "facebook", "own", "712876720715583"],
  ["https://m.facebook.com/help/contact/6359191084165019", "form", "facebook", "own", "6359191084165019"],
  ["https://web.facebook.com/help/contact/712876720715583", "form", "facebook", "own", "712876720715583"],
  ["https://de-de.facebook.com/help/contact/712876720715583", "form", "facebook", "own", "712876720715583"],
  ["https://help.instagram.com/contact/767264225370182", "form", "instagram", "own", "767264225370182"],
  ["https://help.instagram.com/contact/233964459562201?hl=de", "form", "instagram", "own", "233964459562201"],
  ["https://www.facebook.com/help/contact/1266025207620918", "form", "facebook", "third_party", "1266025207620918"],
  ["https://www.facebook.com/help/contact/510058597920541", "form", "facebook", "third_party", "510058597920541"],
  ["https://www.facebook.com/privacy/genai", "notice", "facebook", "own", null],
  ["https://www.facebook.com/privacy/genai/?entry=0", "notice", "facebook", "own", null],
  ["https://www.facebook.com/privacy/guide/genai", "notice", "facebook", "own", null],
  ["https://privacycenter.instagram.com/privacy/genai/", "notice", "instagram", "own", null],
  ["https://www.facebook.com/", "page", "facebook", "own", null],
  ["https://www.facebook.com/help/contact/260749603972907", "otherForm", "facebook", null, "260749603972907"],
];

for (const [url, area, platform, formKind, formId] of URLS) {
  test(`classifyUrl: ${url} is ${area}`, () => {
    const u = O.matcher.classifyUrl(rules, url);
    assert.equal(u.meta, true);
    assert.deepEqual([u.area, u.platform, u.formKind, u.formId], [area, platform, formKind, formId]);
  });
}

const NOT_META = [
  ["https://faceb00k.com/help/contact/712876720715583", "lookalike-domain"],
  ["https://facebook.com.example.net/privacy/genai", "lookalike-domain"],
  ["https://www.instagram.com.evil.example/contact/767264225370182", "lookalike-domain"],
  ["https://news.example.org/2025/04/meta-ai-objection", "not-meta"],
  ["http://www.facebook.com/help/contact/712876720715583", "not-https"],
  ["https://www.facebook.com:8443/help/contact/712876720715583", "not-https"],
  ["https://notfacebook.com/help/contact/712876720715583", "lookalike-domain"],
  ["https://example.org/facebook.com/help/contact/712876720715583", "not-meta"],
  ["not a url", "not-a-url"],
];
for (const [url, reason] of NOT_META) {
  test(`classifyUrl: ${url} is not Meta (${reason})`, () => {
    const u = O.matcher.classifyUrl(rules, url);
    assert.equal(u.meta, false);
    assert.equal(u.reason, reason);
  });
}

test("objectFormUrl keeps Facebook's locale host and uses Instagram's help host", () => {
  assert.equal(O.matcher.objectFormUrl(rules, "facebook", "https://fr-fr.facebook.com/privacy/genai/"),
    "https://fr-fr.facebook.com/help/contact/712876720715583");
  assert.equal(O.matcher.objectFormUrl(rules, "facebook", "https://faceb00k.com/privacy/genai/"),
    "https://www.facebook.com/help/contact/712876720715583");
  assert.equal(O.matcher.objectFormUrl(rules, "instagram", "https://privacycenter.instagram.com/privacy/genai/"),
    "https://help.instagram.com/contact/767264225370182");
});

for (const [code, s] of Object.entries(STRINGS)) {
  test(`${code}: the notice page is a notice in ${code}, with or without <html lang>`, () => {
    const text = norm(`${s.title}. ${plain(s.notice)}`);
    for (const lang of [s.locale, ""]) {
      const state = O.matcher.classifyPage(rules, { url: `https://${s.locale}.facebook.com/privacy/genai/`, lang, text, dialogs: [], links: [] });
      assert.equal(state.kind, "notice", JSON.stringify(state));
      assert.equal(state.language, code);
      assert.equal(state.platform, "facebook");
    }
  });

  test(`${code}: the in-app dialog is a notice; the same words in a feed post are not`, () => {
    const text = norm(plain(s.notice));
    const url = "https://www.facebook.com/";
    const inDialog = O.matcher.classifyPage(rules, { url, lang: s.locale, text, dialogs: [text], links: [] });
    assert.equal(inDialog.kind, "notice");
    assert.equal(inDialog.step, "notice-dialog");
    const inFeed = O.matcher.classifyPage(rules, { url, lang: s.locale, text, dialogs: [], links: [] });
    assert.equal(inFeed.kind, "none");
  });

  test(`${code}: the Oct 2025 personalisation notice is a near miss`, () => {
    const text = norm(`${s.personalisation}. ${plain(s.notice)}`);
    const state = O.matcher.classifyPage(rules, { url: "https://www.facebook.com/", lang: s.locale, text, dialogs: [text], links: [] });
    assert.equal(state.kind, "none");
    assert.equal(state.nearMiss, "personalisation-notice");
  });

  test(`${code}: a form page reports its language from its text alone`, () => {
    const text = norm(`${s.title} ${s.email} ${s.justification} ${s.send}`);
    const state = O.matcher.classifyPage(rules, { url: "https://www.facebook.com/help/contact/712876720715583", lang: "", text, step: "form" });
    assert.deepEqual([state.kind, state.language, state.formKind, state.round], ["form", code, "own", "2025"]);
  });

  test(`${code}: outcome cues are found in Meta's answers`, () => {
    for (const [key, category] of [["confirmation", "confirmation"], ["code", "code"], ["validation", "validationError"], ["serverError", "genericError"], ["prestep", "preStep"]]) {
      assert.ok(O.matcher.findCue(rules, code, category, norm(s[key])), `${key} → ${category}`);
    }
    assert.ok(O.matcher.findCue(rules, code, "yes", norm(s.yes)));
    assert.ok(O.matcher.findCue(rules, code, "send", norm(s.send)));
    assert.ok(O.matcher.findCue(rules, code, "email", norm(s.email)));
    assert.ok(O.matcher.findCue(rules, code, "country", norm(s.country)));
    assert.ok(O.matcher.findCue(rules, code, "justification", norm(s.justification)));
    assert.ok(O.matcher.findCue(rules, code, "optional", norm(s.optional)));
    assert.equal(O.matcher.findCue(rules, code, "confirmation", norm(`${s.title} ${s.email} ${s.justification}`)), null,
      "the form itself must not look like a confirmation");
  });
}

test("a personalisation notice that links to a known objection form is still a notice", () => {
  const s = STRINGS.en;
  const text = norm(`${s.personalisation}. ${plain(s.notice)}`);
  const state = O.matcher.classifyPage(rules, { url: "https://www.facebook.com/", lang: "en", text, dialogs: [text],
    links: ["https://www.facebook.com/help/contact/712876720715583"] });
  assert.equal(state.kind, "notice");
});

test("another help-centre form, a news article and a look-alike domain are never a form or notice", () => {
  const s = STRINGS.en;
  const text = norm(`${s.title} ${plain(s.notice)} ${s.email} ${s.send}`);
  for (const [url, nearMiss] of [
    ["https://www.facebook.com/help/contact/260749603972907", "other-help-form"],
    ["https://news.example.org/2025/04/meta-ai-objection", "not-meta"],
    ["https://faceb00k.com/privacy/genai/", "lookalike-domain"],
    ["https://facebook.com.example.net/help/contact/712876720715583", "lookalike-domain"],
  ]) {
    const state = O.matcher.classifyPage(rules, { url, lang: "en", text, dialogs: [text], links: [], step: "form" });
    assert.equal(state.kind, "none", url);
    assert.equal(state.nearMiss, nearMiss, url);
  }
});

test("a notice path without any notice text is not a notice", () => {
  const state = O.matcher.classifyPage(rules, { url: "https://www.facebook.com/privacy/genai/", lang: "en", text: "privacy centre", dialogs: [], links: [] });
  assert.equal(state.kind, "none");
});

test("<html lang> variants map to our codes (nb/nn → no, pt-PT → pt)", () => {
  assert.equal(O.matcher.baseLanguage("nb-NO"), "no");
  assert.equal(O.matcher.baseLanguage("nn_NO"), "no");
  assert.equal(O.matcher.baseLanguage("pt-PT"), "pt");
  assert.equal(O.matcher.baseLanguage(undefined), "");
});
