// The popup's "Save a screenshot as evidence" (ui-api.js evidence.status / evidence.screenshot):
// only for the tab that sent the objection (the lead's real bindings store), still on that origin
// and visible; the JPEG is made to fit 700 KiB and queued as evidence.attach through the real
// outbox to a host speaking host/PROTOCOL.md. The browser's tabs API is the one part stood in for
// here (captureVisibleTab needs the action click's activeTab grant, which no headless test can give).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHostClient } from "../../extension/lib/host-client.js";
import { createOutbox } from "../../extension/lib/outbox.js";
import { createUiHandlers, fitScreenshot, base64Bytes, MAX_SCREENSHOT_BYTES } from "../../extension/background/ui-api.js";
import { createBindings } from "../../extension/background/bindings.js";
import { createFakeHost, createMemoryStorage } from "./support/fake-host.js";

const CLIENT_ID = "00000000-0000-4000-8000-0000000000c1";
const FORM = "https://www.facebook.com/help/contact/712876720715583";

// A JPEG data URL whose decoded size follows scale and quality the way real encoders roughly do.
function jpegOf(bytes) {
  const body = Buffer.alloc(bytes, 0x41);
  body[0] = 0xff;
  body[1] = 0xd8;
  return `data:image/jpeg;base64,${body.toString("base64")}`;
}

async function setup({ fullBytes = 400 * 1024, tab = {} } = {}) {
  const host = createFakeHost();
  const client = createHostClient({ connectNative: host.connectNative, timeoutMs: 200 });
  const outbox = createOutbox({ storage: createMemoryStorage(), client });
  const bindings = createBindings({ storage: createMemoryStorage() });
  const captures = [];
  const tabs = {
    get: async (tabId) => ({ id: tabId, windowId: 4, active: true, url: "https://www.facebook.com/help/contact/712876720715583?done=1", ...tab }),
    captureVisibleTab: async (windowId, opts) => (captures.push({ windowId, ...opts }), jpegOf(Math.round((fullBytes * opts.quality) / 85))),
  };
  const shrink = async (url, scale, quality) => jpegOf(Math.round(base64Bytes(url) * scale * scale * (quality / 85)));
  let n = 0;
  const h = createUiHandlers({ client, outbox, storage: createMemoryStorage(), runtime: {}, evidence: { tabs, shrink, bindings, uuid: () => `shot-${++n}` } });
  // The objection as the background records it at the press of Send.
  await client.request("submission.record", { submission: { client_id: CLIENT_ID, platform: "facebook", status: "submitted" } });
  return { h, host, outbox, bindings, captures };
}

test("no screenshot for a tab that sent no objection", async () => {
  const { h } = await setup();
  assert.deepEqual(await h["evidence.status"]({ tabId: 9 }), { available: false, clientId: null });
  await assert.rejects(h["evidence.screenshot"]({ tabId: 9 }), { code: "not_found" });
});

test("the tab's latest objection gets the screenshot, queued as evidence.attach and delivered", async () => {
  const { h, host, bindings, captures } = await setup();
  await bindings.bind("00000000-0000-4000-8000-0000000000c0", { tabId: 9, formOrigin: "https://www.facebook.com", formPath: "/help/contact/1", pressedAt: "2026-11-25T16:00:00Z" });
  await new Promise((r) => setTimeout(r, 5));
  await bindings.bind(CLIENT_ID, { tabId: 9, formOrigin: "https://www.facebook.com", formPath: new URL(FORM).pathname, pressedAt: "2026-11-25T17:00:00Z" });
  assert.deepEqual(await h["evidence.status"]({ tabId: 9 }), { available: true, clientId: CLIENT_ID });
  const r = await h["evidence.screenshot"]({ tabId: 9 });
  assert.deepEqual([r.clientId, r.queued, r.scale, r.quality], [CLIENT_ID, true, 1, 85]);
  assert.deepEqual(captures, [{ windowId: 4, format: "jpeg", quality: 85 }]);
  await new Promise((resolve) => setTimeout(resolve, 50)); // the flush runs after the reply
  const sent = host.state.received.filter((m) => m.type === "evidence.attach");
  assert.equal(sent.length, 1);
  assert.deepEqual([sent[0].client_id, sent[0].kind, sent[0].mime], [CLIENT_ID, "screenshot", "image/jpeg"]);
  assert.equal(host.state.submissions.get(CLIENT_ID).attachments.length, 1);
});

test("a tab that moved to another site, or is not visible, gets no screenshot", async () => {
  for (const [tab, code] of [[{ url: "https://example.org/" }, "invalid_value"], [{ active: false }, "invalid_value"]]) {
    const { h, bindings } = await setup({ tab });
    await bindings.bind(CLIENT_ID, { tabId: 9, formOrigin: "https://www.facebook.com", formPath: "/help/contact/712876720715583", pressedAt: "2026-11-25T17:00:00Z" });
    await assert.rejects(h["evidence.screenshot"]({ tabId: 9 }), { code }, JSON.stringify(tab));
  }
});

test("a screenshot too big at full quality is re-encoded, then shrunk, until it fits 700 KiB", async () => {
  const big = await fitScreenshot({
    capture: async (q) => jpegOf(Math.round((2000 * 1024 * q) / 85)),
    shrink: async (url, scale, q) => jpegOf(Math.round(base64Bytes(url) * scale * scale * (q / 85))),
  });
  assert.ok(big.bytes <= MAX_SCREENSHOT_BYTES, String(big.bytes));
  assert.ok(big.scale < 1, "had to shrink");
  const small = await fitScreenshot({ capture: async () => jpegOf(1000), shrink: async () => assert.fail("no shrink needed") });
  assert.deepEqual([small.scale, small.quality, small.bytes], [1, 85, 1000]);
  await assert.rejects(fitScreenshot({ capture: async () => jpegOf(5e6), shrink: async () => jpegOf(5e6) }), { code: "too_long" });
  await assert.rejects(fitScreenshot({ capture: async () => "data:image/png;base64,AAAA", shrink: async () => "" }), { code: "internal" });
});
