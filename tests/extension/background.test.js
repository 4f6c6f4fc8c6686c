// The background's pure parts: the message table and sender check (extension pages vs content
// scripts on Meta's hosts vs everyone else), user-click intents (one use, expiry, only the form
// they were granted for), the core handlers, and the host records built from Meta's answers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { MESSAGES, senderRole, createDispatcher, MessageError } from "../../extension/lib/messages.js";
import { submissionFrom, eventFrom, evidenceFrom, browserLabel, utcOffsetMinutes } from "../../extension/lib/records.js";
import { createIntentStore } from "../../extension/background/intents.js";
import { createCoreHandlers, readSettings } from "../../extension/background/core-handlers.js";
import { createBindings } from "../../extension/background/bindings.js";
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
  const CID = "11111111-1111-4111-8111-111111111111";
  assert.notEqual(MESSAGES["content.status"].validate({ clientId: CID, status: "failed" }), null, "failed needs a reason");
  assert.equal(MESSAGES["content.status"].validate({ clientId: CID, status: "failed", reason: "Meta said no" }), null);
  assert.notEqual(MESSAGES["content.status"].validate({ clientId: "x", status: "confirmed" }), null, "a client id is a UUID");
  assert.notEqual(MESSAGES["content.status"].validate({ clientId: CID, status: "confirmed", evidence: { answer_text: 5 } }), null, "evidence members are strings");
  assert.notEqual(MESSAGES["content.status"].validate({ clientId: CID, status: "confirmed", evidence: { form_url: "x" } }), null, "the page does not say where it is");
  const record = { email: "a@b.c", justificationText: "", language: "en", pressedAt: "2026-12-01T10:00:00.000Z" };
  assert.equal(MESSAGES["content.submitted"].validate({ record }), null);
  assert.notEqual(MESSAGES["content.submitted"].validate({ record: { ...record, pressedAt: "soon" } }), null, "the press is a time");
  assert.notEqual(MESSAGES["content.fillData"].validate({ language: "english" }), null);
  assert.notEqual(MESSAGES["content.fillData"].validate({ language: "en", fields: ["password"] }), null, "only the fields Objector fills");
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

test("intents: granted by a click, claimed once, only on the granted form, only before expiry", async () => {
  let now = 1000;
  const intents = createIntentStore({ now: () => now, ttlMs: 60000 });
  await intents.grant(7, { platform: "facebook", formUrl: FORM_URL });
  assert.equal(await intents.claim(8, FORM_URL), null, "another tab");
  assert.equal(await intents.claim(7, "https://www.facebook.com/help/contact/6359191084165019"), null, "another form");
  assert.ok(await intents.claim(7, `${FORM_URL}/?ref=notice`), "the granted form, any query string");
  assert.equal(await intents.claim(7, FORM_URL), null, "used once");
  await intents.grant(7, { platform: "facebook", formUrl: FORM_URL });
  now += 60001;
  assert.equal(await intents.claim(7, FORM_URL), null, "expired");
  assert.equal(await intents.size(), 0);
});

function memoryStorage() {
  const m = new Map();
  return { get: async (k) => m.get(k), set: async (k, v) => void m.set(k, v) };
}

function coreWith({ tabUrl = FORM_URL, tabReply = null, settings = undefined } = {}) {
  const navigations = [];
  const recorded = [];
  const intents = createIntentStore();
  const bindings = createBindings({ storage: memoryStorage() });
  let n = 0;
  const core = createCoreHandlers({
    compiled, matcher: O.matcher, intents, bindings,
    tabs: {
      get: async (id) => (id === 404 ? Promise.reject(new Error("no tab")) : { id, url: tabUrl }),
      navigate: async (id, url) => navigations.push([id, url]),
      send: async () => (tabReply ? tabReply : Promise.reject(new Error("no receiver"))),
    },
    storage: { get: async (k) => (k === "settings" ? settings : undefined) },
    fillData: { get: async (language) => ({ ready: true, language, profile: { emails: ["a@example.org"], country: "DE", name: "Anna", language: "de" }, justification: { text: "No." } }) },
    openOptions: () => {},
    recorder: {
      submission: async (r) => (recorded.push(r), `11111111-1111-4111-8111-11111111111${n++}`),
      event: async (r) => void recorded.push(r),
    },
  });
  return { core, navigations, recorded, intents, bindings };
}

test("an intent survives the service worker being stopped between the click and the form (kept in session storage)", async () => {
  const storage = memoryStorage();
  await createIntentStore({ storage }).grant(7, { platform: "facebook", formUrl: FORM_URL });
  const afterRestart = createIntentStore({ storage });
  assert.ok(await afterRestart.claim(7, FORM_URL));
  assert.equal(await createIntentStore({ storage }).claim(7, FORM_URL), null, "still only once");
});

test("objectNow on a notice opens the platform's form in the same tab and grants one intent", async () => {
  const url = "https://fr-fr.facebook.com/privacy/genai/";
  const { core, navigations, intents } = coreWith({ tabUrl: url, tabReply: { ok: true, result: { kind: "notice", platform: "facebook" } } });
  assert.deepEqual(await core.objectNow({ tabId: 5 }), { url: "https://fr-fr.facebook.com/help/contact/712876720715583" });
  assert.deepEqual(navigations, [[5, "https://fr-fr.facebook.com/help/contact/712876720715583"]]);
  assert.ok(await intents.claim(5, "https://fr-fr.facebook.com/help/contact/712876720715583"));
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

const PRESS = { email: "a@example.org", country: "DE", justificationText: "x", language: "en", pressedAt: "2026-12-01T10:00:00.000Z" };

test("content.submitted records at the press, with the form's identity from the sender's URL (no query), not from the page", async () => {
  const { core, recorded } = coreWith();
  const sender = { ...CONTENT, url: `${FORM_URL}?ref=notice&email=a%40example.org` };
  const { clientId } = await core["content.submitted"]({ record: { ...PRESS, formUrl: "https://evil.example/", platform: "instagram" } }, sender);
  assert.match(clientId, /^[0-9a-f-]{36}$/);
  const r = recorded[0];
  assert.equal(r.status, "submitted");
  assert.equal(r.formUrl, FORM_URL, "origin and path only: a query string may carry personal data");
  assert.equal(r.formId, "712876720715583");
  assert.equal(r.platform, "facebook");
  assert.deepEqual(r.evidence, { send_pressed_at: PRESS.pressedAt, form_origin: "https://www.facebook.com", form_path: "/help/contact/712876720715583" });
  await core["content.submitted"]({ record: { ...PRESS, country: null } }, CONTENT);
  assert.equal(recorded[1].country, "DE", "a form without a country field: the profile's country is recorded, never sent to the page");
  await assert.rejects(core["content.submitted"]({ record: PRESS }, { ...CONTENT, url: "https://www.facebook.com/privacy/genai/" }), { code: "forbidden_caller" }, "only a form page records");
});

test("content.status is accepted only from the tab and form that sent the objection", async () => {
  const { core, recorded } = coreWith();
  const { clientId } = await core["content.submitted"]({ record: PRESS }, CONTENT);
  const evidence = { answer_text: "We received your objection.", found_in: "role=status", snapshot: "<p>We received your objection.</p>" };
  await core["content.status"]({ clientId, status: "confirmed", evidence }, CONTENT);
  assert.equal(recorded[1].clientId, clientId);
  assert.equal(recorded[1].status, "confirmed");
  assert.equal(recorded[1].evidence.answer_text, evidence.answer_text);
  assert.equal(recorded[1].evidence.send_pressed_at, PRESS.pressedAt, "the press instant comes from the background's binding");
  assert.equal(recorded[1].evidence.form_path, "/help/contact/712876720715583");
  await core["content.status"]({ clientId, status: "confirmed" }, { ...CONTENT, url: `${FORM_URL}/confirmation` });
  assert.equal(recorded[2].evidence.form_path, "/help/contact/712876720715583", "the form app moved on to its own next page: still this form's answer");
  recorded.pop();
  await assert.rejects(core["content.status"]({ clientId, status: "confirmed" }, { ...CONTENT, url: "https://www.facebook.com/help/contact/7128767207155830" }), { code: "forbidden_caller" }, "a longer id is another form");
  await assert.rejects(core["content.status"]({ clientId, status: "confirmed" }, { ...CONTENT, tab: { id: 8 } }), { code: "forbidden_caller" }, "another tab");
  await assert.rejects(core["content.status"]({ clientId, status: "confirmed" }, { ...CONTENT, url: "https://www.facebook.com/help/contact/6359191084165019" }), { code: "forbidden_caller" }, "another form in the same tab");
  await assert.rejects(core["content.status"]({ clientId: "99999999-9999-4999-8999-999999999999", status: "confirmed" }, CONTENT), { code: "forbidden_caller" }, "a client id this browser never bound");
  await core.forgetTab(7);
  await assert.rejects(core["content.status"]({ clientId, status: "confirmed" }, CONTENT), { code: "forbidden_caller" }, "forgotten with its tab");
  assert.equal(recorded.length, 2);
});

test("bindings: the newest objection of a tab, and old ones dropped", async () => {
  let now = 0;
  const b = createBindings({ storage: memoryStorage(), now: () => now, maxAgeMs: 1000 });
  await b.bind("a", { tabId: 1, formOrigin: "https://www.facebook.com", formPath: "/help/contact/1", pressedAt: "t0" });
  now = 10;
  await b.bind("b", { tabId: 1, formOrigin: "https://www.facebook.com", formPath: "/help/contact/1", pressedAt: "t1" });
  assert.equal((await b.latestForTab(1)).clientId, "b");
  assert.equal(await b.latestForTab(2), null);
  now = 2000;
  assert.equal(await b.latestForTab(1), null);
});

test("content.fillData: only from a form page, and only the fields that form asks for", async () => {
  const { core } = coreWith();
  const onlyEmail = await core["content.fillData"]({ language: "de", fields: ["email"] }, CONTENT);
  assert.deepEqual(onlyEmail, { ready: true, profile: { emails: ["a@example.org"] } }, "no country, name or justification for a form without them");
  const all = await core["content.fillData"]({ language: "de", fields: ["email", "country", "justification", "name"] }, CONTENT);
  assert.deepEqual(all.profile, { emails: ["a@example.org"], country: "DE", name: "Anna" });
  assert.equal(all.justification.text, "No.");
  await assert.rejects(core["content.fillData"]({ language: "de", fields: ["email"] }, { ...CONTENT, url: "https://www.facebook.com/privacy/genai/" }), { code: "forbidden_caller" });
});

test("content.formReady hands out the intent once", async () => {
  const { core, intents } = coreWith();
  await intents.grant(7, { platform: "facebook", formUrl: FORM_URL });
  assert.equal((await core["content.formReady"]({}, CONTENT)).intent, true);
  assert.equal((await core["content.formReady"]({}, CONTENT)).intent, false);
});

test("settings default to send without review, both platforms on", () => {
  assert.deepEqual(readSettings(undefined), { reviewBeforeSend: false, platforms: { facebook: true, instagram: true } });
  assert.deepEqual(readSettings({ reviewBeforeSend: true, platforms: { facebook: false } }), { reviewBeforeSend: true, platforms: { facebook: false, instagram: true } });
});

test("a submission's time is the instant of the press; evidence is bounded and carried on submission and event", () => {
  const now = () => new Date("2026-11-25T17:00:05.000Z");
  const uuid = () => "33333333-3333-4333-8333-333333333333";
  const ev = evidenceFrom({ answer_text: "x".repeat(5000), found_in: "h2", snapshot: "<p>x</p>", other: "dropped" }, { pressedAt: "2026-11-25T17:00:00.000Z", formOrigin: "https://www.facebook.com", formPath: "/help/contact/1" });
  assert.equal(ev.answer_text.length, 4000);
  assert.equal(ev.other, undefined);
  const s = submissionFrom({ formUrl: FORM_URL, formId: "712876720715583", platform: "facebook", formKind: "own", email: "a@example.org", justificationText: "", language: "en", pressedAt: "2026-11-25T17:00:00.000Z", evidence: ev },
    { uuid, now, browser: "chromium 156", extensionVersion: "0.1.0" });
  assert.equal(s.status, "submitted");
  assert.equal(s.occurred_at, "2026-11-25T17:00:00.000Z");
  assert.equal(s.evidence.form_path, "/help/contact/1");
  assert.equal(evidenceFrom(undefined, {}), undefined);
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
