// host-client.js against a fake host that speaks host/PROTOCOL.md frame by frame.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHostClient, classifyDisconnect } from "../../extension/lib/host-client.js";
import { createFakeHost } from "./support/fake-host.js";

test("a request greets the host first, then returns the result; status shows the version", async () => {
  const host = createFakeHost({ version: "9.8.7" });
  const client = createHostClient({ connectNative: host.connectNative });
  const seen = [];
  client.onStatusChange((s) => seen.push(s));
  const { profile } = await client.request("profile.get");
  assert.deepEqual(profile.emails, []);
  assert.deepEqual(host.state.received.map((r) => r.type), ["hello", "profile.get"]);
  assert.deepEqual(client.status(), { connected: true, hostVersion: "9.8.7", error: null });
  assert.equal(seen.at(-1).connected, true);
});

test("one port serves many requests; ids are unique and replies go to the right caller", async () => {
  const host = createFakeHost();
  const client = createHostClient({ connectNative: host.connectNative });
  await client.request("profile.set", { profile: { emails: ["a@example.org"], country: "DE", language: "de" } });
  const [a, b] = await Promise.all([client.request("profile.get"), client.request("stats")]);
  assert.equal(a.profile.country, "DE");
  assert.equal(b.total, 0);
  assert.equal(host.state.starts, 1);
  const ids = host.state.received.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
});

test("a chunked reply is reassembled in index order into the same result", async () => {
  const host = createFakeHost({ maxReplyBytes: 300 });
  const big = "ä€😀x".repeat(500); // multi-byte text split across frames
  host.state.historyExport = () => ({ format: "csv", mime: "text/csv", filename: "h.csv", content: big });
  const client = createHostClient({ connectNative: host.connectNative });
  const result = await client.request("history.export", { format: "csv" });
  assert.equal(result.content, big);
  assert.equal(result.filename, "h.csv");
});

test("chunks arriving out of order are still put back in index order", async () => {
  const host = createFakeHost();
  const client = createHostClient({ connectNative: host.connectNative });
  await client.request("hello");
  const port = host.lastPort;
  const id = 2; // the next id after hello
  const text = JSON.stringify({ content: "abcdefghij" });
  const pending = client.request("history.export", { format: "json" });
  host.state.silentOn = "history.export";
  await new Promise((r) => setTimeout(r, 5));
  port.deliver({ id, ok: true, chunk: { index: 1, count: 2 }, data: text.slice(5) });
  port.deliver({ id, ok: true, chunk: { index: 0, count: 2 }, data: text.slice(0, 5) });
  assert.deepEqual(await pending, { content: "abcdefghij" });
});

test("a host error reply rejects with the host's code and message", async () => {
  const host = createFakeHost();
  host.state.failNext.push({ type: "profile.set", code: "invalid_value", message: "profile.country must be ISO 3166" });
  const client = createHostClient({ connectNative: host.connectNative });
  await assert.rejects(client.request("profile.set", { profile: {} }), { code: "invalid_value", message: /ISO 3166/ });
  assert.equal(client.status().connected, true, "an error reply does not mean the host is gone");
});

test("a missing host rejects with host_missing and the status says so", async () => {
  const host = createFakeHost();
  host.state.installed = false;
  const client = createHostClient({ connectNative: host.connectNative });
  await assert.rejects(client.request("profile.get"), { code: "host_missing" });
  assert.equal(client.status().connected, false);
  assert.equal(client.status().error.code, "host_missing");
});

test("connectNative throwing (no nativeMessaging in this browser) is host_missing too", async () => {
  const client = createHostClient({
    connectNative: () => {
      throw new Error("runtime.connectNative is not a function");
    },
  });
  await assert.rejects(client.request("stats"), { code: "host_missing" });
});

test("after the host is installed the next request connects; no restart of the extension needed", async () => {
  const host = createFakeHost();
  host.state.installed = false;
  const client = createHostClient({ connectNative: host.connectNative });
  await assert.rejects(client.request("stats"), { code: "host_missing" });
  host.state.installed = true;
  assert.equal((await client.request("stats")).total, 0);
  assert.equal(client.status().connected, true);
});

test("a host that dies mid-request rejects with host_disconnected and is restarted by the next request", async () => {
  const host = createFakeHost();
  const client = createHostClient({ connectNative: host.connectNative });
  await client.request("hello");
  host.state.crashOn = "stats";
  await assert.rejects(client.request("stats"), { code: "host_disconnected" });
  assert.equal(client.status().connected, false);
  host.state.crashOn = null;
  await client.request("stats");
  assert.equal(host.state.starts, 2);
});

test("a silent host times out with code timeout; a late reply is ignored", async () => {
  const host = createFakeHost();
  const client = createHostClient({ connectNative: host.connectNative, timeoutMs: 30 });
  await client.request("hello");
  host.state.silentOn = "stats";
  await assert.rejects(client.request("stats"), { code: "timeout" });
  host.lastPort.deliver({ id: 2, ok: true, result: { total: 1 } }); // must not throw
  host.state.silentOn = null;
  assert.equal((await client.request("stats")).total, 0);
});

test("an id-less error frame (bad frame) fails every waiting request", async () => {
  const host = createFakeHost();
  const client = createHostClient({ connectNative: host.connectNative });
  await client.request("hello");
  host.state.silentOn = "stats";
  const a = client.request("stats");
  const b = client.request("stats");
  await new Promise((r) => setTimeout(r, 5));
  host.lastPort.deliver({ id: null, ok: false, error: { code: "frame_too_large", message: "too big" } });
  await assert.rejects(a, { code: "frame_too_large" });
  await assert.rejects(b, { code: "frame_too_large" });
});

test("browser disconnect messages map to host_missing or host_disconnected", () => {
  const cases = [
    ["Specified native messaging host not found.", false, "host_missing"],
    ["Access to the specified native messaging host is forbidden.", false, "host_missing"],
    ["No such native application org.objector.host", false, "host_missing"],
    ["Native host has exited.", true, "host_disconnected"],
    ["Native host has exited.", false, "host_missing"],
    ["", true, "host_disconnected"],
  ];
  for (const [message, sawReply, code] of cases) assert.equal(classifyDisconnect(message, sawReply), code, message);
});
