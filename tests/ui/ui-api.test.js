// ui-api.js: what extension pages may ask of the background, and the first-run trigger.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHostClient } from "../../extension/lib/host-client.js";
import { createOutbox } from "../../extension/lib/outbox.js";
import { createUiHandlers, onInstalled, firstRunOnce, installCommandFor, PAGE_HOST_TYPES } from "../../extension/background/ui-api.js";
import { createFakeHost, createMemoryStorage } from "./support/fake-host.js";

function setup({ installed = true, os = "linux" } = {}) {
  const host = createFakeHost({ version: "1.2.3" });
  host.state.installed = installed;
  const storage = createMemoryStorage();
  const client = createHostClient({ connectNative: host.connectNative, timeoutMs: 200 });
  const outbox = createOutbox({ storage, client });
  const opened = [];
  const runtime = { getPlatformInfo: async () => ({ os }), openOptionsPage: async () => opened.push(1) };
  return { host, storage, outbox, opened, runtime, h: createUiHandlers({ client, outbox, storage, runtime }) };
}

test("host.request passes allowed types through and returns the host's result", async () => {
  const { h } = setup();
  const r = await h["host.request"]({ request: { type: "profile.get" } });
  assert.deepEqual(r.profile.emails, []);
});

test("host.request refuses types pages must not send (history records go through the outbox)", async () => {
  const { h, host } = setup();
  for (const type of ["submission.record", "submission.event", "shutdown", ""]) {
    await assert.rejects(h["host.request"]({ request: { type } }), { code: type ? "forbidden_caller" : "invalid_value" });
  }
  await assert.rejects(h["host.request"]({}), { code: "invalid_value" });
  assert.equal(host.state.received.length, 0);
  assert.ok(!PAGE_HOST_TYPES.includes("submission.record"));
});

test("host.request cannot spoof the envelope id", async () => {
  const { h, host } = setup();
  await h["host.request"]({ request: { type: "stats", id: 999 } });
  assert.notEqual(host.state.received.at(-1).id, 999);
});

test("profile.set through a page is mirrored into storage for fill-data", async () => {
  const { h, storage } = setup();
  const profile = { emails: ["a@example.org"], country: "NL", language: "nl", name: "" };
  await h["host.request"]({ request: { type: "profile.set", profile } });
  assert.deepEqual(await storage.get("profile"), profile);
});

test("host.status probes the host and reports version, or the error and the install command", async () => {
  const ok = await setup()["h"]["host.status"]();
  assert.deepEqual({ connected: ok.connected, hostVersion: ok.hostVersion }, { connected: true, hostVersion: "1.2.3" });
  const missing = await setup({ installed: false, os: "win" }).h["host.status"]();
  assert.equal(missing.connected, false);
  assert.equal(missing.error.code, "host_missing");
  assert.equal(missing.installCommand, "installer\\install.ps1");
  assert.equal(missing.doctorCommand, "objector doctor");
});

test("install command per OS", () => {
  for (const [os, cmd] of [["linux", "installer/install.sh"], ["mac", "installer/install.sh"], ["openbsd", "installer/install.sh"], ["win", "installer\\install.ps1"]]) {
    assert.equal(installCommandFor(os), cmd, os);
  }
});

test("outbox.status and outbox.flush report pending records and deliver them", async () => {
  const { h, outbox, host } = setup({ installed: false });
  await outbox.add({ kind: "submission", payload: { client_id: "a", platform: "facebook" } });
  await h["outbox.flush"]();
  assert.equal((await h["outbox.status"]()).pending, 1);
  assert.equal((await h["outbox.status"]()).lastError.code, "host_missing");
  host.state.installed = true;
  assert.equal((await h["outbox.flush"]()).delivered, 1);
  assert.deepEqual(await h["outbox.status"](), { pending: 0, rejected: 0, lastError: null });
});

test("firstRunOnce opens the first-run page the first time the background runs without a set-up profile, once for good (Firefox: an installed add-on gets no onInstalled)", async () => {
  let opened = 0;
  const runtime = { openOptionsPage: async () => void (opened += 1) };
  const stored = { v: false };
  const flag = { get: async () => stored.v, set: async () => void (stored.v = true) };
  assert.equal(await firstRunOnce(runtime, { isSetUp: async () => false, shown: { value: false }, flag }), true);
  assert.equal(opened, 1);
  assert.equal(await firstRunOnce(runtime, { isSetUp: async () => false, shown: { value: false }, flag }), false, "a later start (a new worker) opens nothing");
  assert.equal(await firstRunOnce(runtime, { isSetUp: async () => false, shown: { value: true }, flag: { get: async () => false, set: async () => {} } }), false, "onInstalled already opened it in this worker");
  assert.equal(await firstRunOnce(runtime, { isSetUp: async () => true, shown: { value: false }, flag: { get: async () => false, set: async () => {} } }), false, "set up already: no page");
  assert.equal(await firstRunOnce(runtime, { isSetUp: async () => Promise.reject(new Error("host gone")), shown: { value: false }, flag: { get: async () => false, set: async () => {} } }), false, "cannot tell: no page");
  assert.equal(opened, 1);
});

test("onInstalled opens the options page on a fresh install only", async () => {
  const opened = [];
  const runtime = { openOptionsPage: async () => opened.push(1) };
  await onInstalled({ reason: "install" }, runtime);
  await onInstalled({ reason: "update", previousVersion: "0.0.9" }, runtime);
  await onInstalled({ reason: "browser_update" }, runtime);
  assert.equal(opened.length, 1);
});

test("outbox.list shows what waits and what was refused (what, when, why), never a justification or screenshot bytes", async () => {
  const { h, outbox, host } = setup();
  const good = { client_id: "00000000-0000-4000-8000-00000000aa01", platform: "facebook", form_id: "712876720715583", account_email: "ada@example.org", status: "submitted", justification_text: "Ich widerspreche." };
  await outbox.add({ kind: "submission", payload: { ...good, client_id: "00000000-0000-4000-8000-00000000aa02", platform: "myspace" } });
  await outbox.flush(); // refused: unknown platform
  host.state.installed = false;
  await outbox.add({ kind: "submission", payload: good });
  await outbox.add({ kind: "attachment", id: "shot-1", payload: { client_id: good.client_id, kind: "screenshot", mime: "image/jpeg", data_base64: "AAAA" } });
  const list = await h["outbox.list"]();
  assert.deepEqual(list.waiting.map((i) => i.key), [`submission:${good.client_id}`, "attachment:shot-1"]);
  assert.deepEqual(list.waiting[0].what, { platform: "facebook", form_id: "712876720715583", account_email: "ada@example.org", status: "submitted", client_id: good.client_id, attachment: null });
  assert.equal(list.waiting[1].what.attachment, "screenshot");
  assert.equal(list.rejected.length, 1);
  assert.equal(list.rejected[0].error.code, "invalid_value");
  assert.ok(list.rejected[0].rejected_at && list.rejected[0].added_at);
  assert.doesNotMatch(JSON.stringify(list), /widerspreche|AAAA/);
});

test("outbox.retry puts a refused record back and flushes; outbox.discard deletes; unknown keys are not_found", async () => {
  const { h, outbox, host } = setup();
  const id = "00000000-0000-4000-8000-00000000bb01";
  await outbox.add({ kind: "submission", payload: { client_id: id, platform: "myspace" } });
  await outbox.flush();
  const [refused] = (await h["outbox.list"]()).rejected;
  const r = await h["outbox.retry"]({ key: refused.key });
  assert.equal(r.moved, true);
  assert.equal(r.rejected, 1, "the host refuses it again: it goes back among the refused, not lost");
  assert.equal((await h["outbox.list"]()).rejected.length, 1);
  assert.deepEqual(await h["outbox.discard"]({ key: refused.key }), { deleted: true });
  assert.deepEqual(await h["outbox.list"](), { waiting: [], rejected: [] });
  await assert.rejects(h["outbox.retry"]({ key: refused.key }), { code: "not_found" });
  await assert.rejects(h["outbox.discard"]({ key: "submission:nope" }), { code: "not_found" });
  assert.equal(host.state.submissions.size, 0);
});
