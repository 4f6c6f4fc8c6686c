// outbox.js: nothing lost, nothing duplicated, in order — against a fake host speaking
// host/PROTOCOL.md and a storage that round-trips through JSON like chrome.storage.local.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHostClient } from "../../extension/lib/host-client.js";
import { createOutbox, OUTBOX_KEY, REJECTED_KEY } from "../../extension/lib/outbox.js";
import { createFakeHost, createMemoryStorage } from "./support/fake-host.js";

let counter = 0;
function submission(extra = {}) {
  counter += 1;
  return {
    client_id: `00000000-0000-4000-8000-${String(counter).padStart(12, "0")}`,
    platform: "facebook",
    form_kind: "own",
    form_url: "https://www.facebook.com/help/contact/712876720715583",
    form_id: "712876720715583",
    account_email: "ada@example.org",
    country: "DE",
    justification_text: "Ich widerspreche.",
    page_language: "de",
    browser: "chromium 156",
    extension_version: "0.1.0",
    status: "submitted",
    occurred_at: `2026-11-25T17:00:${String(counter % 60).padStart(2, "0")}Z`,
    utc_offset_minutes: 60,
    ...extra,
  };
}

function setup({ installed = true } = {}) {
  const host = createFakeHost();
  host.state.installed = installed;
  const client = createHostClient({ connectNative: host.connectNative, timeoutMs: 50 });
  const storage = createMemoryStorage();
  const outbox = createOutbox({ storage, client, now: () => new Date("2026-11-25T17:00:00Z") });
  return { host, client, storage, outbox };
}

const recorded = (host) => host.state.received.filter((r) => r.type.startsWith("submission.")).map((r) => r.submission?.client_id || r.event.client_event_id);

test("add persists the record before it resolves", async () => {
  const { storage, outbox } = setup();
  const s = submission();
  await outbox.add({ kind: "submission", payload: s });
  const stored = await storage.get(OUTBOX_KEY);
  assert.equal(stored.length, 1);
  assert.deepEqual(stored[0].payload, s);
  assert.equal(await outbox.pending(), 1);
});

test("add refuses records that could never be delivered, with a clear code", async () => {
  const { outbox } = setup();
  await assert.rejects(outbox.add({ kind: "letter", payload: {} }), { code: "invalid_value" });
  await assert.rejects(outbox.add({ kind: "submission", payload: null }), { code: "invalid_value" });
  await assert.rejects(outbox.add({ kind: "submission", payload: { platform: "facebook" } }), { code: "missing_field" });
  await assert.rejects(outbox.add({ kind: "event", payload: { client_id: "x" } }), { code: "missing_field" });
  assert.equal(await outbox.pending(), 0);
});

test("with the host missing, three objections are kept; after install all three arrive once, in order", async () => {
  const { host, outbox, storage } = setup({ installed: false });
  const items = [submission(), submission(), submission()];
  for (const s of items) await outbox.add({ kind: "submission", payload: s });
  const first = await outbox.flush();
  assert.equal(first.delivered, 0);
  assert.equal(first.pending, 3);
  assert.equal(first.error.code, "host_missing");
  host.state.installed = true;
  const second = await outbox.flush();
  assert.deepEqual({ ...second, error: second.error }, { delivered: 3, pending: 0, rejected: 0, error: null });
  assert.deepEqual(recorded(host), items.map((s) => s.client_id));
  assert.equal(host.state.submissions.size, 3);
  assert.deepEqual(await storage.get(OUTBOX_KEY), []);
  assert.equal((await outbox.flush()).delivered, 0, "a further flush sends nothing again");
});

test("a locked database stops the flush at that record and keeps it and everything after it", async () => {
  const { host, outbox } = setup();
  const items = [submission(), submission(), submission()];
  for (const s of items) await outbox.add({ kind: "submission", payload: s });
  host.state.failNext.push({ type: "submission.record", code: "db_locked", message: "database is locked" });
  const r = await outbox.flush();
  assert.equal(r.delivered, 0);
  assert.equal(r.pending, 3);
  assert.equal(r.error.code, "db_locked");
  const again = await outbox.flush();
  assert.equal(again.delivered, 3);
  assert.deepEqual([...host.state.submissions.keys()], items.map((s) => s.client_id));
});

test("a host crash after storing but before answering is retried and counted once (duplicate = ack)", async () => {
  const { host, outbox, client } = setup();
  const s = submission();
  await outbox.add({ kind: "submission", payload: s });
  // The host stores the record, then dies before the reply reaches us.
  await client.request("hello");
  const port = host.lastPort;
  const origDeliver = port.deliver;
  port.deliver = (m) => {
    if (m.result && m.result.client_id === s.client_id) {
      port.deliver = origDeliver;
      port.drop("Native host has exited.");
      return;
    }
    origDeliver(m);
  };
  const crashed = await outbox.flush();
  assert.equal(crashed.error.code, "host_disconnected");
  assert.equal(crashed.pending, 1);
  assert.equal(host.state.submissions.size, 1, "the host did store it");
  const retried = await outbox.flush();
  assert.equal(retried.delivered, 1);
  assert.equal(retried.pending, 0);
  assert.equal(host.state.submissions.size, 1, "and still only once");
});

test("a timeout keeps the record for the next flush", async () => {
  const { host, outbox } = setup();
  await outbox.add({ kind: "submission", payload: submission() });
  await outbox.flush(); // connect
  await outbox.add({ kind: "submission", payload: submission() });
  host.state.silentOn = "submission.record";
  const r = await outbox.flush();
  assert.equal(r.error.code, "timeout");
  assert.equal(r.pending, 1);
  host.state.silentOn = null;
  assert.equal((await outbox.flush()).pending, 0);
});

test("events follow their submission in order; a confirmed status arrives after submitted", async () => {
  const { host, outbox } = setup();
  const s = submission();
  await outbox.add({ kind: "submission", payload: s });
  const ev = { client_event_id: "11111111-1111-4111-8111-111111111111", client_id: s.client_id, status: "confirmed", occurred_at: "2026-11-25T17:05:00Z", utc_offset_minutes: 60 };
  await outbox.add({ kind: "event", payload: ev });
  await outbox.flush();
  assert.deepEqual(host.state.submissions.get(s.client_id).events.map((e) => e.status), ["submitted", "confirmed"]);
});

test("the same record added twice is kept and sent once", async () => {
  const { host, outbox } = setup();
  const s = submission();
  await Promise.all([outbox.add({ kind: "submission", payload: s }), outbox.add({ kind: "submission", payload: s })]);
  assert.equal(await outbox.pending(), 1);
  await outbox.flush();
  assert.deepEqual(recorded(host), [s.client_id]);
});

test("a record the host refuses as invalid moves aside (kept) and does not block later ones", async () => {
  const { host, outbox, storage } = setup();
  const bad = submission({ platform: "myspace" });
  const good = submission();
  await outbox.add({ kind: "submission", payload: bad });
  await outbox.add({ kind: "submission", payload: good });
  const r = await outbox.flush();
  assert.equal(r.delivered, 1);
  assert.equal(r.rejected, 1);
  assert.equal(r.pending, 0);
  const rejected = await storage.get(REJECTED_KEY);
  assert.equal(rejected.length, 1);
  assert.equal(rejected[0].payload.client_id, bad.client_id);
  assert.equal(rejected[0].error.code, "invalid_value");
  assert.ok(host.state.submissions.has(good.client_id));
});

test("concurrent flushes and adds deliver every record exactly once", async () => {
  const { host, outbox } = setup();
  const items = Array.from({ length: 20 }, () => submission());
  await Promise.all(items.map((s, i) => outbox.add({ kind: "submission", payload: s }).then(() => (i % 3 === 0 ? outbox.flush() : null))));
  await outbox.flush();
  assert.equal(await outbox.pending(), 0);
  const sent = recorded(host);
  assert.equal(host.state.submissions.size, 20);
  assert.equal(new Set(sent).size, sent.length, "no record sent twice");
  assert.deepEqual(sent, items.map((s) => s.client_id), "in the order they were added");
});

test("a refused record comes back on \"deliver now\" (retry) and is delivered; discard deletes for good", async () => {
  const { host, outbox, storage } = setup();
  const bad = submission({ platform: "myspace" });
  const doomed = submission({ platform: "myspace" });
  await outbox.add({ kind: "submission", payload: bad });
  await outbox.add({ kind: "submission", payload: doomed });
  await outbox.flush();
  const refused = await outbox.rejected();
  assert.deepEqual(refused.map((r) => r.key), [`submission:${bad.client_id}`, `submission:${doomed.client_id}`]);
  // the person fixed nothing, but the host now accepts (e.g. a newer host knows the platform)
  host.state.submissions.clear();
  const stored = (await storage.get(REJECTED_KEY)).find((r) => r.payload.client_id === bad.client_id);
  stored.payload.platform = "facebook";
  await storage.set(REJECTED_KEY, [stored, (await storage.get(REJECTED_KEY))[1]]);
  assert.equal(await outbox.retry(`submission:${bad.client_id}`), true);
  assert.equal(await outbox.retry(`submission:${bad.client_id}`), false, "no longer among the refused");
  assert.equal(await outbox.pending(), 1);
  const r = await outbox.flush();
  assert.equal(r.delivered, 1);
  assert.ok(host.state.submissions.has(bad.client_id));
  assert.equal(await outbox.discard(`submission:${doomed.client_id}`), true);
  assert.equal(await outbox.discard(`submission:${doomed.client_id}`), false);
  assert.deepEqual(await storage.get(REJECTED_KEY), []);
});

test("a waiting record can be discarded; waiting() lists the items in order with their keys", async () => {
  const { outbox } = setup({ installed: false });
  const [a, b] = [submission(), submission()];
  await outbox.add({ kind: "submission", payload: a });
  await outbox.add({ kind: "submission", payload: b });
  assert.deepEqual((await outbox.waiting()).map((i) => i.key), [`submission:${a.client_id}`, `submission:${b.client_id}`]);
  assert.equal(await outbox.discard(`submission:${a.client_id}`), true);
  assert.deepEqual((await outbox.waiting()).map((i) => i.payload.client_id), [b.client_id]);
});

test("an attachment (evidence.attach) waits behind its submission and goes out with its fields at the top level", async () => {
  const { host, outbox } = setup();
  const s = submission();
  await assert.rejects(outbox.add({ kind: "attachment", payload: { client_id: s.client_id } }), { code: "missing_field" }, "an attachment needs an outbox id");
  await outbox.add({ kind: "submission", payload: s });
  const shot = { client_id: s.client_id, kind: "screenshot", mime: "image/jpeg", data_base64: Buffer.from("\xff\xd8\xff\xe0 jpeg").toString("base64") };
  await outbox.add({ kind: "attachment", id: "shot-1", payload: shot });
  await outbox.add({ kind: "attachment", id: "shot-1", payload: shot }); // a double click is kept once
  assert.equal(await outbox.pending(), 2);
  const r = await outbox.flush();
  assert.deepEqual([r.delivered, r.rejected, r.pending], [2, 0, 0]);
  const sent = host.state.received.filter((m) => m.type === "evidence.attach");
  assert.equal(sent.length, 1);
  assert.deepEqual([sent[0].client_id, sent[0].kind, sent[0].mime], [s.client_id, "screenshot", "image/jpeg"]);
  assert.equal(host.state.submissions.get(s.client_id).attachments.length, 1);
});
