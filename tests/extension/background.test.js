// The background's pure parts: the message table and sender check (extension pages vs content
// scripts on Meta's hosts vs everyone else), user-click intents (one use, expiry, only the form
// they were granted for), the core handlers, and the host records built from Meta's answers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { MESSAGES, senderRole, createDispatcher, MessageError } from "../../extension/lib/messages.js";
import { submissionFrom, eventFrom, browserLabel, utcOffsetMinutes } from "../../extension/lib/records.js";
import { createIntentStore } from "../../extension/background/intents.js";
import { createCoreHandlers, readSettings } from "../../extension/background/core-handlers.js";
import { loadPure } from "./support/classic.mjs";

const O = loadPure();
const compiled = O.matcher.compileRules(O.rules);
const RUNTIME_ID = "pmknlfpplnidacmofbjlkkmafpmjjihh";
const ORIGIN = `chrome-extension://${RUNTIME_ID}/`;
const roleOf = (sender) => senderRole(sender, { runtimeId: RUNTIME_ID, extensionOrigin: ORIGIN, isMetaUrl: (u) => O.matcher.classifyUrl(compiled, u).meta });
const FORM_URL = "https://www.facebook.com/help/contact/712876720715583";
const CONTENT = { id: RUNTIME_ID, url: FORM_URL, origin: "https://www.facebook.com", frameId: 0, tab: { id: 7 } };
const POPUP = { id: RUNTIME_ID, url: `${ORIGIN}popup/popup.html`, origin: ORIGIN.slice(0, -1) };

const SENDERS = [
  ["our popup", POPUP, "page"],
  ["our options page in a tab", { id: RUNTIME_ID, url: `${ORIGIN}options/options.html`, origin: ORIGIN.slice(0, -1), tab: { id: 3 } }, "page"],
  ["our content script on a Meta form", CONTENT, "content"],
  ["our content script on a look-alike host", { id: RUNTIME_ID, url: "https://faceb00k.com/help/contact/712876720715583", origin: "https://faceb00k.com", frameId: 0, tab: { id: 7 } }, null],
  ["another extension", { id: "abcdefghijklmnopabcdefghijklmnop", url: `chrome-extension://abcdefghijklmnopabcdefghijklmnop/x.html` }, null],
  ["a Meta page without a tab", { id: RUNTIME_ID, url: FORM_URL }, null],
  ["nobody", undefined, null],
];
for (const [name, sender, role] of SENDERS) {
  test(`senderRole: ${name} → ${role}`, () => assert.equal(roleOf(sender), role));
}

test("every message type names its sender role and validates its fields", () => {
  for (const [type, spec] of Object.entries(MESSAGES)) {
    assert.ok(["page", "content"].includes(spec.from), type);
    assert.equal(typeof spec.validate, "function", type);
  }
  assert.equal(MESSAGES.getTabState.validate({ tabId: -1 }) !== null, true);
  assert.equal(MESSAGES.getTabState.validate({ tabId: 3 }), null);
  assert.notEqual(MESSAGES["content.outcome"].validate({ record: { status: "failed", formUrl: FORM_URL, formId: "1", platform: "facebook", formKind: "own", email: "a@b.c", justificationText: "", language: "en" } }), null, "failed needs a reason");
  assert.notEqual(MESSAGES["content.fillData"].validate({ language: "english" }), null);
});

test("the dispatcher checks the sender first, then the type, then the fields, and never throws", async () => {
  const seen = [];
  const dispatch = createDispatcher({
    roleOf,
    handlers: {
      getTabState: async (m) => (seen.push(m.tabId), { kind: "none" }),
      "content.formReady": async () => ({ intent: false }),
      objectNow: async () => {
        throw new MessageError("disabled", "switched off");
      },
    },
  });
  assert.deepEqual(await dispatch({ type: "getTabState", tabId: 1 }, POPUP), { ok: true, result: { kind: "none" } });
  assert.equal((await dispatch({ type: "getTabState", tabId: 1 }, CONTENT)).error.code, "forbidden_caller", "content scripts may not ask for tab states");
  assert.equal((await dispatch({ type: "content.formReady" }, POPUP)).error.code, "forbidden_caller");
  assert.equal((await dispatch({ type: "getTabState", tabId: 1 }, SENDERS[4][1])).error.code, "forbidden_caller");
  assert.equal((await dispatch({ type: "getTabState", tabId: "x" }, POPUP)).error.code, "invalid_value");
  assert.equal((await dispatch({ type: "nope" }, POPUP)).error.code, "unknown_type");
  assert.equal((await dispatch(null, POPUP)).error.code, "invalid_value");
  assert.deepEqual((await dispatch({ type: "objectNow", tabId: 1 }, POPUP)).error, { code: "disabled", message: "switched off" });
  assert.deepEqual(seen, [1]);
});

test("intents: granted by a click, claimed once, only on the granted form, only before expiry", () => {
  let now = 1000;
  const intents = createIntentStore({ now: () => now, ttlMs: 60000 });
  intents.grant(7, { platform: "facebook", formUrl: FORM_URL });
  assert.equal(intents.claim(8, FORM_URL), null, "another tab");
  assert.equal(intents.claim(7, "https://www.facebook.com/help/contact/6359191084165019"), null, "another form");
  assert.ok(intents.claim(7, `${FORM_URL}/?ref=notice`), "the granted form, any query string");
  assert.equal(intents.claim(7, FORM_URL), null, "used once");
  intents.grant(7, { platform: "facebook", formUrl: FORM_URL });
  now += 60001;
  assert.equal(intents.claim(7, FORM_URL), null, "expired");
  assert.equal(intents.size(), 0);
});

function coreWith({ tabUrl = FORM_URL, tabReply = null, settings = undefined } = {}) {
  const navigations = [];
  const recorded = [];
  const intents = createIntentStore();
  const core = createCoreHandlers({
    compiled, matcher: O.matcher, intents,
    tabs: {
      get: async (id) => (id === 404 ? Promise.reject(new Error("no tab")) : { id, url: tabUrl }),
      navigate: async (id, url) => navigations.push([id, url]),
      send: async () => (tabReply ? tabReply : Promise.reject(new Error("no receiver"))),
    },
    storage: { get: async (k) => (k === "settings" ? settings : undefined) },
    fillData: { get: async (language) => ({ ready: true, language }) },
    openOptions: () => {},
    record: async (r) => (recorded.push(r), { clientId: "11111111-1111-4111-8111-111111111111" }),
  });
  return { core, navigations, recorded, intents };
}

test("objectNow on a notice opens the platform's form in the same tab and grants one intent", async () => {
  const url = "https://fr-fr.facebook.com/privacy/genai/";
  const { core, navigations, intents } = coreWith({ tabUrl: url, tabReply: { ok: true, result: { kind: "notice", platform: "facebook" } } });
  assert.deepEqual(await core.objectNow({ tabId: 5 }), { url: "https://fr-fr.facebook.com/help/contact/712876720715583" });
  assert.deepEqual(navigations, [[5, "https://fr-fr.facebook.com/help/contact/712876720715583"]]);
  assert.ok(intents.claim(5, "https://fr-fr.facebook.com/help/contact/712876720715583"));
});

test("objectNow refuses a tab without a notice, and a platform switched off in the settings", async () => {
  const none = coreWith({ tabUrl: "https://www.facebook.com/", tabReply: { ok: true, result: { kind: "none" } } });
  await assert.rejects(none.core.objectNow({ tabId: 5 }), { code: "invalid_value" });
  const off = coreWith({ tabUrl: "https://privacycenter.instagram.com/privacy/genai/", tabReply: { ok: true, result: { kind: "notice", platform: "instagram" } },
    settings: { platforms: { instagram: false } } });
  await assert.rejects(off.core.objectNow({ tabId: 5 }), { code: "disabled" });
  assert.deepEqual(off.navigations, []);
});

test("getTabState asks the tab, and falls back to the URL when no content script answers", async () => {
  const { core } = coreWith({ tabUrl: "https://news.example.org/a" });
  assert.deepEqual(await core.getTabState({ tabId: 2 }), { url: "https://news.example.org/a", kind: "none", platform: null, formKind: null,
    language: null, step: null, formId: null, round: null, nearMiss: "not-meta" });
  await assert.rejects(core.getTabState({ tabId: 404 }), { code: "not_found" });
});

test("content.outcome takes the form's identity from the sender's URL, not from the page", async () => {
  const { core, recorded } = coreWith();
  const record = { status: "confirmed", formUrl: "https://evil.example/", formId: "1", platform: "instagram", formKind: "own",
    email: "a@example.org", justificationText: "x", language: "en" };
  await core["content.outcome"]({ record }, CONTENT);
  assert.equal(recorded[0].formUrl, FORM_URL);
  assert.equal(recorded[0].formId, "712876720715583");
  assert.equal(recorded[0].platform, "facebook");
  await assert.rejects(core["content.outcome"]({ record }, { ...CONTENT, url: "https://www.facebook.com/privacy/genai/" }), { code: "forbidden_caller" });
});

test("content.formReady hands out the intent once", async () => {
  const { core, intents } = coreWith();
  intents.grant(7, { platform: "facebook", formUrl: FORM_URL });
  assert.equal((await core["content.formReady"]({}, CONTENT)).intent, true);
  assert.equal((await core["content.formReady"]({}, CONTENT)).intent, false);
});

test("settings default to send without review, both platforms on", () => {
  assert.deepEqual(readSettings(undefined), { reviewBeforeSend: false, platforms: { facebook: true, instagram: true } });
  assert.deepEqual(readSettings({ reviewBeforeSend: true, platforms: { facebook: false } }), { reviewBeforeSend: true, platforms: { facebook: false, instagram: true } });
});

test("records follow host/PROTOCOL.md: submission with UTC time and offset, event linked by client_id", () => {
  const now = () => new Date("2026-11-25T17:00:00.000Z");
  const uuid = () => "22222222-2222-4222-8222-222222222222";
  const s = submissionFrom({ status: "failed", reason: "Please enter a valid email address.", formUrl: FORM_URL, formId: "712876720715583",
    platform: "facebook", formKind: "own", email: "a@example.org", country: "DE", justificationText: "x", language: "de" },
  { uuid, now, browser: "chromium 156", extensionVersion: "0.1.0" });
  assert.deepEqual(Object.keys(s).sort(), ["account_email", "browser", "client_id", "country", "extension_version", "form_id", "form_kind", "form_url",
    "justification_text", "occurred_at", "page_language", "platform", "reason", "status", "utc_offset_minutes"].sort());
  assert.equal(s.occurred_at, "2026-11-25T17:00:00.000Z");
  assert.equal(s.utc_offset_minutes, utcOffsetMinutes(now()));
  const e = eventFrom({ clientId: s.client_id, status: "confirmed" }, { uuid, now });
  assert.deepEqual(e, { client_event_id: uuid(), client_id: s.client_id, status: "confirmed", occurred_at: s.occurred_at, utc_offset_minutes: s.utc_offset_minutes });
  assert.equal(browserLabel("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36"), "chromium 156");
  assert.equal(browserLabel("Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0"), "firefox 153");
});
