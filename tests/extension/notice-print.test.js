// lib/notice-print.js: which kind of notice a page shows (the fixtures of pages.json and a few of
// our own), and the fingerprint of its wording — the same for every person who sees the same
// notice, different when Meta changes the wording, and made of nothing personal.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { openFixture, pagesWhere } from "./support/fixture-dom.mjs";
import { readScript } from "./support/classic.mjs";

const require = createRequire(import.meta.url);
const { JSDOM } = require("jsdom");
const sha256 = (text) => globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
const hex = (text) => createHash("sha256").update(text, "utf8").digest("hex");

// A fixture page with notice-print.js loaded after the other content scripts.
function open(entry, html) {
  const f = openFixture(entry, html ? { html } : {});
  f.window.eval(readScript("lib/notice-print.js"));
  const { matcher, domScan, noticePrint } = f.O;
  const look = () => {
    const page = domScan.snapshot(f.document, f.compiled);
    const area = matcher.classifyUrl(f.compiled, page.url);
    const state = matcher.classifyPage(f.compiled, page);
    return { page, area, state, kind: noticePrint.kindOf(f.compiled, state, page, area) };
  };
  return { ...f, noticePrint, look };
}

const ROWS = [
  ["an e-mail address goes", "Sent to anna.schmidt@example.de today", "to today"],
  ["a web address goes", "See https://www.facebook.com/help/123?x=1 or www.meta.com/ai for more", "or for more"],
  ["digits go (dates, counts)", "Starting 16 December 2025, 3 new features", "new features"],
  ["capitalised words go (names, and with them sentence starts and German nouns)", "Hi Anna Schmidt, we use your information", "we use your information"],
  ["Greek and Cyrillic capitals too", "Γεια σου Μαρία, Здравей Иван, we object", "σου we object"],
  ["what stays is normalised: accents, quotes, punctuation", "Wir verwenden deine Informationen für „KI bei Meta“ — sofort!", "verwenden deine fur bei sofort"],
];
for (const [what, raw, expected] of ROWS) {
  test(`printText: ${what}`, () => {
    const { noticePrint } = open(pagesWhere((p) => p.kind === "notice")[0]);
    assert.equal(noticePrint.printText(raw), expected);
  });
}

test("fingerprint: SHA-256 (hex) of printText, the same for two people's copies of one notice, different for new wording", async () => {
  const { noticePrint } = open(pagesWhere((p) => p.kind === "notice")[0]);
  const anna = "Hi Anna, We're updating how we use your information for AI at Meta. You can object until 26 May 2025. anna@example.de";
  const bruno = "Hi Bruno Keller, We're updating how we use your information for AI at Meta. You can object until 27 May 2025. bruno.k@example.org";
  const next = "Hi Anna, We're changing how we use your information for AI at Meta. You can object until 26 May 2025.";
  const a = await noticePrint.fingerprint(anna, sha256);
  assert.match(a, /^[0-9a-f]{64}$/);
  assert.equal(a, hex(noticePrint.printText(anna)), "the digest of the printed text, computed apart");
  assert.equal(await noticePrint.fingerprint(bruno, sha256), a, "names, addresses and dates do not change it");
  assert.notEqual(await noticePrint.fingerprint(next, sha256), a, "another verb does");
});

// Every fixture that is a notice or a near-miss notice: its kind (and null for what is no notice).
const EXPECTED = (entry) => {
  if (entry.kind === "notice") return "objection";
  if (entry.nearMiss === "personalisation-notice") return "ads";
  return null;
};
for (const entry of pagesWhere((p) => p.kind !== "notice" || p.language === "en" || p.language === "de")) {
  if (entry.variant && entry.variant.late) continue; // the late single-page notice: the session test waits for it
  test(`kindOf ${entry.file} at ${entry.url} → ${EXPECTED(entry)}`, () => {
    const f = open(entry);
    assert.equal(f.look().kind, EXPECTED(entry), JSON.stringify(f.look().state));
    f.close();
  });
}

const NOTICE_PATH = { file: "(our own)", url: "https://www.facebook.com/privacy/genai/", language: "en" };
const FEED = { file: "(our own)", url: "https://www.facebook.com/", language: "en" };
const page = (body) => `<!doctype html><html lang="en"><head><title>Facebook</title></head><body>${body}</body></html>`;

test("kindOf: a dialog about AI at Meta with no objection in it → ai-info; the same text in the feed, outside a dialog → nothing", () => {
  const text = "<p>New AI features for you. Meta AI can now answer your questions in Messenger.</p>";
  const dialog = open(FEED, page(`<div role="dialog">${text}<button>OK</button></div>`));
  assert.equal(dialog.look().kind, "ai-info");
  const feed = open(FEED, page(`<article>${text}</article>`));
  assert.equal(feed.look().kind, null);
});

test("kindOf: a notice path whose text is none of ours → other", () => {
  const f = open(NOTICE_PATH, page("<main><h1>Privacy Centre</h1><p>Choose a topic to read about.</p></main>"));
  assert.equal(f.look().kind, "other");
});

test("sighting on the in-app dialog: the dialog's wording only (the feed around it does not count), its language, nothing personal", async () => {
  const entry = pagesWhere((p) => p.kind === "notice" && p.url === "https://www.facebook.com/")[0];
  const f = open(entry);
  const first = f.look();
  assert.equal(first.kind, "objection");
  const seen = await f.noticePrint.sighting(f.document, f.compiled, first.kind, first.area, { state: first.state, sha256 });
  assert.deepEqual(Object.keys(seen).sort(), ["fingerprint", "kind", "language"]);
  assert.equal(seen.kind, "objection");
  assert.equal(seen.language, "en");
  const region = f.noticePrint.noticeRegion(f.document, f.compiled, "objection", first.area);
  assert.equal(region.getAttribute("role"), "dialog");
  const forms = f.noticePrint.formsOf(region, f.compiled);
  assert.deepEqual([...forms], ["6359191084165019"], "the form the dialog links to");
  assert.equal(seen.fingerprint, hex(`${f.noticePrint.printText(f.O.domScan.rawText(region, true))}\nforms ${forms.join(" ")}`));
  // The feed changes under the dialog: the same notice, the same fingerprint.
  const post = f.document.createElement("article");
  post.textContent = "Carla posted 5 photos: our trip to the lake";
  f.document.body.append(post);
  const again = await f.noticePrint.sighting(f.document, f.compiled, "objection", first.area, { state: first.state, sha256 });
  assert.equal(again.fingerprint, seen.fingerprint);
  f.close();
});

test("sighting: the same wording linking to another of Meta's forms is another round (another fingerprint); a link elsewhere changes nothing", async () => {
  const entry = pagesWhere((p) => p.kind === "notice" && p.url === "https://www.facebook.com/")[0];
  const prints = [];
  for (const to of [null, "https://www.facebook.com/help/contact/712876720715583", "https://www.facebook.com/privacy/policy/"]) {
    const f = open(entry);
    if (to) for (const a of f.document.querySelectorAll("[role=dialog] a[href*='/help/contact/']")) a.href = to;
    const l = f.look();
    assert.equal(l.kind, "objection");
    prints.push((await f.noticePrint.sighting(f.document, f.compiled, l.kind, l.area, { state: l.state, sha256 })).fingerprint);
    f.close();
  }
  assert.notEqual(prints[1], prints[0], "2024 form → 2025 form: new");
  assert.notEqual(prints[2], prints[0], "no form linked any more: new");
  assert.notEqual(prints[2], prints[1]);
});

test("sighting: the notice page and its in-app dialog are different wordings (two fingerprints), and a notice gone is no sighting", async () => {
  const pageEntry = pagesWhere((p) => p.kind === "notice" && p.url === "https://en-gb.facebook.com/privacy/genai/")[0];
  const dialogEntry = pagesWhere((p) => p.kind === "notice" && p.url === "https://www.facebook.com/")[0];
  const prints = [];
  for (const entry of [pageEntry, dialogEntry]) {
    const f = open(entry);
    const l = f.look();
    prints.push((await f.noticePrint.sighting(f.document, f.compiled, l.kind, l.area, { state: l.state, sha256 })).fingerprint);
    if (entry === dialogEntry) {
      f.document.querySelector("[role=dialog]").remove();
      assert.equal(await f.noticePrint.sighting(f.document, f.compiled, "objection", l.area, { state: l.state, sha256 }), null);
    }
    f.close();
  }
  assert.notEqual(prints[0], prints[1]);
});

test("the message list refuses a sighting that is not one: bad kind, language or fingerprint", async () => {
  const { MESSAGES } = await import("../../extension/lib/messages.js");
  const v = MESSAGES["content.noticeSeen"];
  assert.equal(v.from, "content");
  const ok = { kind: "ads", language: "de", fingerprint: "a".repeat(64) };
  assert.equal(v.validate(ok), null);
  assert.match(v.validate({ ...ok, kind: "email" }), /kind must be one of/);
  assert.match(v.validate({ ...ok, language: "deu" }), /language/);
  assert.match(v.validate({ ...ok, fingerprint: "A".repeat(64) }), /fingerprint/);
  assert.match(v.validate({ ...ok, fingerprint: "anna@example.de" }), /fingerprint/);
});
