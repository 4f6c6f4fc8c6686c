// lib/messages.js senderRole and the dispatcher: rights come from `sender.origin` (set by the
// browser process), never from `sender.url` (reported by the renderer, forgeable); content rights
// only for the top frame of a Meta tab. Real rules and the real matcher decide what is Meta.
import { test } from "node:test";
import assert from "node:assert/strict";
import { senderRole, createDispatcher } from "../../extension/lib/messages.js";
import { loadPure } from "../extension/support/classic.mjs";

const O = loadPure();
const compiled = O.matcher.compileRules(O.rules);
const ID = "pmknlfpplnidacmofbjlkkmafpmjjihh";
const OTHER = "abcdefghijklmnopabcdefghijklmnop";
const isMetaUrl = (u) => O.matcher.classifyUrl(compiled, u).meta;
const chromium = (sender) => senderRole(sender, { runtimeId: ID, extensionOrigin: `chrome-extension://${ID}/`, isMetaUrl });
const FX_UUID = "0f4c5a2e-7d1b-4c3a-9e8f-1a2b3c4d5e6f";
const firefox = (sender) => senderRole(sender, { runtimeId: "objector@objector.org", extensionOrigin: `moz-extension://${FX_UUID}/`, isMetaUrl });

const EXT = `chrome-extension://${ID}`;
const FORM = "https://www.facebook.com/help/contact/712876720715583";
const content = (extra = {}) => ({ id: ID, url: FORM, origin: "https://www.facebook.com", frameId: 0, tab: { id: 7 }, ...extra });

const CASES = [
  // extension pages
  ["our popup (no tab)", { id: ID, url: `${EXT}/popup/popup.html`, origin: EXT }, "page"],
  ["our options page in a tab", { id: ID, url: `${EXT}/options/options.html`, origin: EXT, tab: { id: 3 }, frameId: 0 }, "page"],
  ["our page with an opaque origin \"null\" (sandboxed frame, about:blank)", { id: ID, url: `${EXT}/options/options.html`, origin: "null", tab: { id: 3 } }, null],
  ["a sender whose origin is another extension's, with our id", { id: ID, url: `${EXT}/popup/popup.html`, origin: `chrome-extension://${OTHER}` }, null],
  ["a look-alike extension origin (ours as a prefix)", { id: ID, url: `${EXT}/popup/popup.html`, origin: `${EXT}x` }, null],
  ["another extension's page", { id: OTHER, url: `chrome-extension://${OTHER}/x.html`, origin: `chrome-extension://${OTHER}` }, null],
  // the attack of issue 10: a compromised Meta renderer claims an extension URL
  ["a Meta page whose url claims our extension URL", content({ url: `${EXT}/options/options.html` }), null],
  ["a Meta page whose url claims our extension URL, without a tab", { id: ID, url: `${EXT}/popup/popup.html`, origin: "https://www.facebook.com" }, null],
  // content scripts
  ["our content script in a Meta form's top frame", content(), "content"],
  ["our content script on Instagram's privacy centre", content({ url: "https://privacycenter.instagram.com/", origin: "https://privacycenter.instagram.com" }), "content"],
  ["our content script in a Meta subframe (frameId 2)", content({ frameId: 2 }), null],
  ["our content script with no frameId", content({ frameId: undefined }), null],
  ["our content script without a tab", content({ tab: undefined }), null],
  ["our content script on a look-alike host", content({ url: "https://faceb00k.com/help/contact/712876720715583", origin: "https://faceb00k.com" }), null],
  ["a Meta origin over http", content({ url: "http://www.facebook.com/help/contact/712876720715583", origin: "http://www.facebook.com" }), null],
  ["a url on another host than the origin", content({ url: "https://www.facebook.com/x", origin: "https://evil.example" }), null],
  ["a Meta url from a non-Meta origin", content({ origin: "https://evil.example" }), null],
  ["an opaque origin in a Meta tab", content({ origin: "null" }), null],
  // browsers without sender.origin (none that can load this manifest): fail closed
  ["no origin: our popup without a tab", { id: ID, url: `${EXT}/popup/popup.html` }, "page"],
  ["no origin: an extension url in a tab (could be a forging renderer)", { id: ID, url: `${EXT}/options/options.html`, tab: { id: 3 } }, null],
  ["no origin: a Meta form", { id: ID, url: FORM, frameId: 0, tab: { id: 7 } }, null],
  ["nobody", undefined, null],
];
for (const [name, sender, role] of CASES) {
  test(`senderRole (Chromium): ${name} → ${role}`, () => assert.equal(chromium(sender), role));
}

test("senderRole (Firefox): moz-extension origin with the gecko id; another install's uuid is not ours", () => {
  const ours = `moz-extension://${FX_UUID}`;
  assert.equal(firefox({ id: "objector@objector.org", url: `${ours}/popup/popup.html`, origin: ours }), "page");
  assert.equal(firefox({ id: "objector@objector.org", url: `${ours}/popup/popup.html`, origin: "moz-extension://11111111-2222-3333-4444-555555555555" }), null);
  assert.equal(firefox({ id: "objector@objector.org", url: FORM, origin: "https://www.facebook.com", frameId: 0, tab: { id: 4 } }), "content");
  assert.equal(firefox({ id: "other@example.org", url: `${ours}/popup/popup.html`, origin: ours }), null);
});

test("the dispatcher refuses a forged extension url before any handler runs", async () => {
  let ran = 0;
  const dispatch = createDispatcher({ roleOf: chromium, handlers: { "host.request": async () => (ran += 1, {}) } });
  const forged = content({ url: `${EXT}/options/options.html` });
  const reply = await dispatch({ type: "host.request", request: { type: "profile.get" } }, forged);
  assert.deepEqual(reply.error.code, "forbidden_caller");
  const fromOurContent = await dispatch({ type: "host.request", request: { type: "profile.get" } }, content());
  assert.equal(fromOurContent.error.code, "forbidden_caller", "content scripts never reach host.request");
  assert.equal(ran, 0);
  const fromOptions = await dispatch({ type: "host.request", request: { type: "profile.get" } }, { id: ID, url: `${EXT}/options/options.html`, origin: EXT, tab: { id: 3 } });
  assert.equal(fromOptions.ok, true);
  assert.equal(ran, 1);
});
