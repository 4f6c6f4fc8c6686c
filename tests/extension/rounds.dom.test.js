// Rounds (issue 12 item 3) in jsdom: the content script on fixture pages, wired to the real
// background handlers (support/content-world.mjs). A notice is reported to the host once per page
// load, with the platform from the sender and nothing personal; on an objection notice the panel
// says when the person objected and marks a new round, and still offers the one click; without a
// host the sighting is dropped and the panel is as before. The real host answers in
// tests/e2e/coverage.test.mjs; here a stand-in answers as host/PROTOCOL.md's `notice.seen` does.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { openWorld } from "./support/content-world.mjs";
import { FIXTURES_DIR, INDEX } from "./support/fixture-dom.mjs";
import { createCoreHandlers } from "../../extension/background/core-handlers.js";
import { loadPure, EXTENSION_DIR } from "./support/classic.mjs";

const pageOf = (pred) => INDEX.pages.find(pred);
const NOTICE_EN = pageOf((p) => p.kind === "notice" && p.url === "https://en-gb.facebook.com/privacy/genai/");
const DIALOG_EN = pageOf((p) => p.kind === "notice" && p.url === "https://www.facebook.com/");
const ADS_DIALOG = pageOf((p) => p.nearMiss === "personalisation-notice" && p.url === "https://m.facebook.com/");
const FORM_2025_EN = pageOf((p) => p.kind === "form" && p.round === "2025" && p.language === "en" && p.platform === "facebook");
const LIMITS = { noticeSettleMs: 50 };
const CONFIRMED_AT = "2025-05-12T09:30:00Z";

// A host that answers `notice.seen` as the protocol says, with the facts the test gives.
function hostSaying({ alreadyObjected = null, newRound = false } = {}) {
  let count = 0;
  return {
    async request(type, fields) {
      assert.equal(type, "notice.seen");
      count += 1;
      return {
        notice_id: 1, first_seen_at: "2026-12-01T10:00:00Z", last_seen_at: "2026-12-02T01:00:00Z", count, new_round: newRound,
        already_objected: alreadyObjected && { confirmed_at: alreadyObjected, platform: fields.notice.platform },
      };
    },
  };
}

function open(entry, options = {}) {
  return openWorld({ html: readFileSync(join(FIXTURES_DIR, entry.file), "utf8"), url: entry.url, limits: LIMITS, ...options });
}

const settle = () => new Promise((r) => setTimeout(r, 300));

test("an objection notice is reported once per page load: kind, language, a SHA-256 fingerprint, the platform from the sender — nothing personal", async () => {
  const world = open(NOTICE_EN, { host: hostSaying() });
  try {
    await world.waitFor(() => world.hostRequests.length === 1);
    // The page keeps changing: more scans, still one sighting.
    for (let i = 0; i < 3; i++) {
      world.document.body.append(world.document.createElement("div"));
      world.session.detect();
      await settle();
    }
    assert.equal(world.hostRequests.length, 1);
    const [{ type, fields }] = world.hostRequests;
    assert.equal(type, "notice.seen");
    assert.deepEqual(Object.keys(fields.notice).sort(), ["fingerprint", "kind", "language", "platform"]);
    assert.equal(fields.notice.platform, "facebook");
    assert.equal(fields.notice.kind, "objection");
    assert.equal(fields.notice.language, "en");
    assert.match(fields.notice.fingerprint, /^[0-9a-f]{64}$/);
    assert.doesNotMatch(JSON.stringify(world.hostRequests), /anna|schmidt|@/i, "nothing of the person's profile");
  } finally {
    world.close();
  }
});

test("after a confirmed objection the notice says so, dated, marks a new round, and STILL offers the one click", async () => {
  const world = open(NOTICE_EN, { host: hostSaying({ alreadyObjected: CONFIRMED_AT, newRound: true }) });
  try {
    await world.waitFor(() => /You objected on/.test(world.panel.text()));
    assert.match(world.panel.text(), /You objected on 12 May 2025; Meta says you do not need to object again\./);
    assert.match(world.panel.text(), /New notice/);
    assert.doesNotMatch(world.panel.text(), /@/, "no email address on the page");
    assert.equal(world.panel.label(), "Object with Objector");
    await world.panel.press();
    await world.waitFor(() => world.navigations.length === 1);
    assert.match(world.navigations[0], /\/help\/contact\/712876720715583$/, "the one click still opens the form");
  } finally {
    world.close();
  }
});

// The panel's strings as chrome.i18n gives them for a browser in `locale` (_locales/<locale>).
function i18nFor(locale) {
  const messages = JSON.parse(readFileSync(join(EXTENSION_DIR, "_locales", locale, "messages.json"), "utf8"));
  return (key, fallback, subs = []) => {
    const entry = messages[key];
    if (!entry) return fallback;
    let text = entry.message;
    for (const [name, { content }] of Object.entries(entry.placeholders || {})) {
      text = text.replace(`$${name.toUpperCase()}$`, subs[Number(content.slice(1)) - 1] ?? "");
    }
    return text;
  };
}

test("in a German browser the line is German and so is its date", async () => {
  const world = open(NOTICE_EN, { host: hostSaying({ alreadyObjected: CONFIRMED_AT }), t: i18nFor("de") });
  try {
    await world.waitFor(() => /widersprochen/.test(world.panel.text()));
    assert.equal(world.panel.text(), "Du hast am 12. Mai 2025 widersprochen; laut Meta musst du nicht erneut widersprechen.");
    assert.equal(world.panel.label(), "Mit Objector widersprechen");
  } finally {
    world.close();
  }
});

test("the answer coming after the person's click leaves the panel saying what Objector is doing (the offer is not put back)", async () => {
  let answered = false;
  const slow = hostSaying({ alreadyObjected: CONFIRMED_AT });
  const host = { request: async (type, fields) => (await new Promise((r) => setTimeout(r, 200)), answered = true, slow.request(type, fields)) };
  const world = open(NOTICE_EN, { host });
  try {
    await world.waitFor(() => world.panel.label() === "Object with Objector");
    await world.panel.press();
    await world.waitFor(() => answered);
    await settle();
    assert.equal(world.navigations.length, 1);
    assert.equal(world.panel.label(), null);
    assert.match(world.panel.text(), /filling in the form/);
  } finally {
    world.close();
  }
});

test("a first round with no objection yet: just the one click, no lines", async () => {
  const world = open(DIALOG_EN, { host: hostSaying() });
  try {
    await world.waitFor(() => world.hostRequests.length === 1);
    await settle();
    assert.equal(world.panel.label(), "Object with Objector");
    assert.equal(world.panel.text(), "");
  } finally {
    world.close();
  }
});

test("no host: the sighting is dropped (no outbox item, no error) and the notice offers the one click as before", async () => {
  const world = open(DIALOG_EN);
  try {
    await world.waitFor(() => world.hostRequests.length === 1);
    await settle();
    assert.equal(world.panel.label(), "Object with Objector");
    assert.equal(world.panel.text(), "");
    assert.deepEqual(await world.records(), [], "a sighting is not evidence: never in the outbox");
    assert.deepEqual(world.errors, []);
  } finally {
    world.close();
  }
});

test("the personalised-ads near miss is logged as kind `ads` and gets no control", async () => {
  const world = open(ADS_DIALOG, { host: hostSaying() });
  try {
    await world.waitFor(() => world.hostRequests.length === 1);
    assert.equal(world.hostRequests[0].fields.notice.kind, "ads");
    assert.equal(world.hostRequests[0].fields.notice.language, "en");
    await settle();
    assert.equal(world.panel.label(), null);
  } finally {
    world.close();
  }
});

test("a form is no notice: no sighting", async () => {
  const world = open(FORM_2025_EN, { host: hostSaying() });
  try {
    await world.waitFor(() => world.panel.label() === "Fill with Objector");
    await settle();
    assert.equal(world.hostRequests.length, 0);
  } finally {
    world.close();
  }
});

test("Objector switched off for the platform: no sighting reaches the host", async () => {
  const world = open(DIALOG_EN, { host: hostSaying(), settings: { platforms: { facebook: false } } });
  try {
    await settle();
    world.session.detect();
    await settle();
    assert.equal(world.hostRequests.length, 0);
  } finally {
    world.close();
  }
});

test("the background forwards at most 4 sightings per page of a tab, and answers only a date and a flag", async () => {
  const O = loadPure();
  const compiled = O.matcher.compileRules(O.rules);
  const asked = [];
  const handlers = createCoreHandlers({
    compiled, matcher: O.matcher, intents: {}, bindings: {}, tabs: {}, fillData: {}, openOptions: () => {}, recorder: {},
    storage: { get: async () => ({}) },
    host: { request: async (type, fields) => (asked.push(fields), { notice_id: 9, new_round: false, count: 1, already_objected: { confirmed_at: CONFIRMED_AT, platform: "instagram" }, first_seen_at: CONFIRMED_AT, last_seen_at: CONFIRMED_AT }) },
  });
  const sender = { url: "https://www.instagram.com/", tab: { id: 3 } };
  const replies = [];
  for (let i = 0; i < 6; i++) {
    replies.push(await handlers["content.noticeSeen"]({ kind: "objection", language: "de", fingerprint: `${i}`.repeat(64) }, sender));
  }
  assert.equal(asked.length, 4);
  assert.deepEqual(asked[0], { notice: { platform: "instagram", language: "de", kind: "objection", fingerprint: "0".repeat(64) } });
  assert.deepEqual(replies[0], { alreadyObjected: { confirmedAt: CONFIRMED_AT }, newRound: false });
  assert.deepEqual(replies[5], { alreadyObjected: null, newRound: false });
  await handlers["content.noticeSeen"]({ kind: "ads", language: "de", fingerprint: "f".repeat(64) }, { ...sender, url: "https://www.instagram.com/explore/" });
  assert.equal(asked.length, 5, "a new page of the tab may report again");
});
