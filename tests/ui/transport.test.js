// transport.js: native messaging first, the paired agent only when the host cannot be started, and
// back to native the moment the host is there again; the outbox over the transport loses nothing
// while neither answers. One fake store sits behind both the native fake and the HTTP agent
// (support/agent-server.js), so each test sees which way a record went.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHostClient } from "../../extension/lib/host-client.js";
import { createHttpClient, parsePairingCode } from "../../extension/lib/http-client.js";
import { createTransport } from "../../extension/lib/transport.js";
import { createOutbox } from "../../extension/lib/outbox.js";
import { createFakeHost, createMemoryStorage } from "./support/fake-host.js";
import { startAgentServer, extensionFetch } from "./support/agent-server.js";

async function world(t, { pair = true } = {}) {
  const host = createFakeHost({ version: "1.2.3" });
  const agent = await startAgentServer({ host });
  t.after(() => agent.close());
  let pairing = null;
  const http = createHttpClient({ fetch: extensionFetch(), pairing: async () => pairing });
  const native = createHostClient({ connectNative: host.connectNative });
  const transport = createTransport({ native, agent: http, pairing: async () => pairing });
  if (pair) pairing = await http.pair(parsePairingCode(agent.pairingCode()));
  const nativeTypes = () => host.state.received.map((r) => r.type);
  const agentTypes = () => agent.state.received.map((r) => r.type);
  return { host, agent, http, native, transport, nativeTypes, agentTypes, unpair: () => (pairing = null) };
}

const submission = (n) => ({
  client_id: `00000000-0000-4000-8000-00000000000${n}`, platform: "facebook", form_id: "712876720715583", form_kind: "own",
  form_url: "https://www.facebook.com/help/contact/712876720715583", account_email: "a@example.org", status: "submitted",
  occurred_at: "2026-12-02T01:00:00.000Z",
});

test("with the host installed every request goes over native messaging, even when paired", async (t) => {
  const w = await world(t);
  await w.transport.request("stats");
  assert.deepEqual(w.nativeTypes(), ["hello", "stats"]);
  assert.deepEqual(w.agentTypes(), [], "the agent is not asked");
  assert.equal(w.transport.status().transport, "native");
  assert.equal(w.transport.status().connected, true);
  assert.equal(w.transport.status().hostVersion, "1.2.3");
});

test("host missing and paired: the same request goes to the agent; status says agent", async (t) => {
  const w = await world(t);
  w.host.state.installed = false;
  const seen = [];
  w.transport.onStatusChange((s) => seen.push(s.transport));
  const result = await w.transport.request("stats");
  assert.equal(result.total, 0);
  assert.deepEqual(w.agentTypes(), ["hello", "stats"]);
  const s = w.transport.status();
  assert.equal(s.transport, "agent");
  assert.equal(s.connected, true);
  assert.equal(s.paired, true);
  assert.equal(s.error, null);
  assert.deepEqual(seen, ["agent"]);
});

test("the host comes back: the next request goes over native messaging again", async (t) => {
  const w = await world(t);
  w.host.state.installed = false;
  await w.transport.request("stats");
  assert.equal(w.transport.status().transport, "agent");
  w.host.state.installed = true;
  await w.transport.request("profile.get");
  assert.equal(w.transport.status().transport, "native");
  // (the fake host logs the greetings its missing self was offered; the requests are what count)
  assert.deepEqual(w.nativeTypes().filter((type) => type !== "hello"), ["profile.get"]);
  assert.deepEqual(w.agentTypes(), ["hello", "stats"], "the agent got only what native could not take");
});

test("host missing and not paired: host_missing, as before; no HTTP request at all", async (t) => {
  const w = await world(t, { pair: false });
  w.host.state.installed = false;
  await assert.rejects(w.transport.request("stats"), { code: "host_missing" });
  const s = w.transport.status();
  assert.deepEqual([s.connected, s.transport, s.paired, s.error.code], [false, null, false, "host_missing"]);
  assert.deepEqual(w.agentTypes(), []);
});

test("a host that started and then failed is not retried over the agent (it may have acted)", async (t) => {
  const w = await world(t);
  await w.transport.request("hello");
  w.host.state.crashOn = "stats";
  await assert.rejects(w.transport.request("stats"), { code: "host_disconnected" });
  assert.deepEqual(w.agentTypes(), []);
  w.host.state.failNext.push({ type: "profile.set", code: "invalid_value" });
  await assert.rejects(w.transport.request("profile.set", { profile: {} }), { code: "invalid_value" });
  assert.equal(w.transport.status().transport, "native", "an error reply is the host's answer");
});

test("host missing, agent down: host_missing naming the agent's problem; agentError says which", async (t) => {
  const w = await world(t);
  w.host.state.installed = false;
  await w.agent.close();
  await assert.rejects(w.transport.request("stats"), (e) => e.code === "host_missing" && /agent/.test(e.message));
  const s = w.transport.status();
  assert.deepEqual([s.connected, s.transport, s.paired, s.agentError.code], [false, null, true, "agent_unreachable"]);
});

test("a revoked pairing surfaces as agent_unpaired, so the options page can ask to pair again", async (t) => {
  const w = await world(t);
  w.host.state.installed = false;
  w.agent.state.tokens.clear();
  await assert.rejects(w.transport.request("stats"), { code: "agent_unpaired" });
  assert.equal(w.transport.status().error.code, "agent_unpaired");
});

test("unpairing takes effect at once: pairingChanged() and the next request stays native-only", async (t) => {
  const w = await world(t);
  w.host.state.installed = false;
  await w.transport.request("stats");
  w.unpair();
  const s = await w.transport.pairingChanged();
  assert.deepEqual([s.paired, s.transport], [false, null]);
  await assert.rejects(w.transport.request("stats"), { code: "host_missing" });
  assert.equal(w.agentTypes().length, 2, "no request reached the agent after unpairing");
});

test("the outbox over the transport: nothing lost while neither answers, delivered once each when one returns", async (t) => {
  const w = await world(t);
  w.host.state.installed = false;
  await w.agent.close();
  const outbox = createOutbox({ storage: createMemoryStorage(), client: w.transport });
  await outbox.add({ kind: "submission", payload: submission(1) });
  await outbox.add({ kind: "submission", payload: submission(2) });
  const down = await outbox.flush();
  assert.deepEqual([down.delivered, down.pending, down.error.code], [0, 2, "host_missing"]);
  // The agent is back (on another port, paired again): both go over HTTP, once each.
  const again = await startAgentServer({ host: w.host });
  t.after(() => again.close());
  const http = createHttpClient({ fetch: extensionFetch(), pairing: async () => pair });
  const pair = await http.pair(parsePairingCode(again.pairingCode()));
  const transport = createTransport({ native: w.native, agent: http, pairing: async () => pair });
  const outbox2 = createOutbox({ storage: createMemoryStorage(), client: transport });
  for (const item of await outbox.waiting()) await outbox2.add({ kind: item.kind, payload: item.payload });
  const up = await outbox2.flush();
  assert.deepEqual([up.delivered, up.pending, up.error], [2, 0, null]);
  assert.equal(w.host.state.submissions.size, 2);
  assert.deepEqual(again.state.received.filter((r) => r.type === "submission.record").map((r) => r.submission.client_id), [submission(1).client_id, submission(2).client_id]);
  // The host returns: a third record goes over native messaging.
  w.host.state.installed = true;
  await outbox2.add({ kind: "submission", payload: submission(3) });
  await outbox2.flush();
  assert.equal(transport.status().transport, "native");
  assert.equal(w.host.state.submissions.size, 3);
  assert.ok(w.nativeTypes().includes("submission.record"));
});
