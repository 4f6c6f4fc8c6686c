// http-client.js over real fetch against a real HTTP server on 127.0.0.1 that follows the agent's
// contract (support/agent-server.js): pairing, the Bearer token, reply envelopes, and that every
// way the agent can fail becomes one clear error code (never a hang, never a thrown TypeError).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHttpClient, parsePairingCode, AGENT_ORIGIN_PATTERN } from "../../extension/lib/http-client.js";
import { createFakeHost } from "./support/fake-host.js";
import { startAgentServer, extensionFetch } from "./support/agent-server.js";

async function paired(t, opts = {}) {
  const host = createFakeHost({ version: "4.5.6" });
  const agent = await startAgentServer({ host });
  t.after(() => agent.close());
  let pairing = null;
  const client = createHttpClient({ fetch: extensionFetch(), pairing: async () => pairing, ...opts });
  pairing = await client.pair(parsePairingCode(agent.pairingCode()));
  return { host, agent, client, setPairing: (p) => (pairing = p), pairing: () => pairing };
}

test("the person's code PORT-123456 is read as port and six digits; anything else is refused", () => {
  assert.deepEqual(parsePairingCode("41234-123456"), { port: 41234, code: "123456" });
  assert.deepEqual(parsePairingCode("  41234 - 000042 "), { port: 41234, code: "000042" });
  for (const bad of ["", "41234", "41234-12345", "41234-1234567", "70000-123456", "0-123456", "abc-123456", "41234_123456", null]) {
    assert.equal(parsePairingCode(bad), null, String(bad));
  }
  assert.equal(AGENT_ORIGIN_PATTERN, "http://127.0.0.1/*", "the one optional host permission of the manifest");
});

test("pairing gives a 64-hex token; a request greets first, carries the token, and returns the result", async (t) => {
  const { agent, client, pairing } = await paired(t);
  assert.match(pairing().token, /^[0-9a-f]{64}$/);
  assert.equal(pairing().port, agent.port);
  const { profile } = await client.request("profile.get");
  assert.deepEqual(profile.emails, []);
  assert.deepEqual(agent.state.received.map((r) => r.type), ["hello", "profile.get"]);
  assert.ok(agent.state.received.every((r) => Number.isInteger(r.id)), "each body is one protocol request with an id");
  assert.deepEqual(client.status(), { connected: true, hostVersion: "4.5.6", error: null });
  await client.request("stats");
  assert.deepEqual(agent.state.received.map((r) => r.type), ["hello", "profile.get", "stats"], "greeted once");
});

test("a wrong or used code is pairing_refused and says how to get a new one", async (t) => {
  const { agent, client } = await paired(t);
  await assert.rejects(client.pair({ port: agent.port, code: "123456" }), { code: "pairing_refused", message: /objector pair/ });
  await assert.rejects(client.pair({ port: agent.port, code: "12345" }), { code: "invalid_value" });
});

test("an error reply of the agent rejects with its code; the client stays connected", async (t) => {
  const { host, client } = await paired(t);
  await client.request("hello");
  host.state.profile = { emails: [], country: null, language: null, name: "" };
  await assert.rejects(client.request("submission.event", { event: { client_id: "x", client_event_id: "y" } }), { code: "not_found" });
  assert.equal(client.status().connected, true, "a refusal is an answer, not an outage");
  await assert.rejects(client.request("no.such.type"), { code: "unknown_type" });
});

test("401 (token revoked) is agent_unpaired, 403 (foreign origin) agent_forbidden; status says so", async (t) => {
  const { agent, client } = await paired(t);
  await client.request("hello");
  agent.state.tokens.clear(); // objector pair --revoke-all
  await assert.rejects(client.request("stats"), { code: "agent_unpaired", message: /pair again/ });
  assert.deepEqual(client.status().error.code, "agent_unpaired");
  assert.equal(client.status().connected, false);

  const other = createHttpClient({ fetch: extensionFetch("moz-extension://someone-else"), pairing: async () => ({ port: agent.port, token: "a".repeat(64) }) });
  await assert.rejects(other.request("stats"), { code: "agent_forbidden" });
});

test("no pairing at all is agent_unpaired without any request", async (t) => {
  let calls = 0;
  const client = createHttpClient({ fetch: async () => (calls++, new Response("{}")), pairing: async () => null });
  await assert.rejects(client.request("stats"), { code: "agent_unpaired" });
  assert.equal(calls, 0);
});

test("nothing listening on the port is agent_unreachable", async (t) => {
  const { agent, client } = await paired(t);
  await agent.close();
  await assert.rejects(client.request("stats"), { code: "agent_unreachable" });
  assert.equal(client.status().error.code, "agent_unreachable");
});

test("an agent slower than the timeout is timeout, and the next request greets again", async (t) => {
  const { agent, client } = await paired(t, { timeoutMs: 150 });
  await client.request("hello");
  agent.state.delayMs = 1000;
  await assert.rejects(client.request("stats"), { code: "timeout" });
  agent.state.delayMs = 0;
  const before = agent.state.received.length;
  await client.request("stats");
  assert.deepEqual(agent.state.received.slice(before).map((r) => r.type), ["hello", "stats"]);
});

test("one 429 is waited out and retried once; the answer then counts", async (t) => {
  const { agent, client } = await paired(t, { rateLimitPauseMs: 20 });
  await client.request("hello");
  agent.state.forceStatus = 429;
  agent.state.forceTimes = 1;
  const { total } = await client.request("stats");
  assert.equal(total, 0);
});

test("429 twice is rate_limited, 413 frame_too_large, a page that is no envelope bad_reply", async (t) => {
  const { agent, client } = await paired(t, { rateLimitPauseMs: 20 });
  agent.state.forceStatus = 429;
  await assert.rejects(client.request("stats"), { code: "rate_limited" });
  agent.state.forceStatus = 413;
  await assert.rejects(client.request("stats"), { code: "frame_too_large" });
  agent.state.forceStatus = null;
  agent.state.notJson = true;
  await assert.rejects(client.request("stats"), { code: "bad_reply" });
});

test("onStatusChange reports connect and loss, and an unsubscribed listener hears nothing", async (t) => {
  const { agent, client } = await paired(t);
  const seen = [];
  const off = client.onStatusChange((s) => seen.push(s.connected ? "up" : s.error.code));
  await client.request("stats");
  agent.state.tokens.clear();
  await client.request("stats").catch(() => {});
  off();
  client.reset();
  assert.deepEqual(seen, ["up", "agent_unpaired"]);
});
