// The options page's pairing (options/pairing-view.js) in jsdom, over the real background pieces:
// the message dispatcher with its validators, background/pairing.js, the transport, the HTTP
// client with real fetch, and a contract-following agent on 127.0.0.1 (support/agent-server.js)
// in front of a fake host whose native side is missing. Proves: the permission is asked for inside
// the press and before anything else; the token reaches the private store and never a page; a
// refused permission or code changes nothing and gives the permission back; Unpair forgets both.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mountPairing, transportText } from "../../extension/options/pairing-view.js";
import { createPairingHandlers, PAIRING_KEY } from "../../extension/background/pairing.js";
import { createHostClient } from "../../extension/lib/host-client.js";
import { createHttpClient } from "../../extension/lib/http-client.js";
import { createTransport } from "../../extension/lib/transport.js";
import { createOutbox } from "../../extension/lib/outbox.js";
import { createUiHandlers } from "../../extension/background/ui-api.js";
import { createDispatcher, ROLE_PAGE } from "../../extension/lib/messages.js";
import { createBackground } from "../../extension/options/page-kit.js";
import { createFakeHost, createMemoryStorage } from "./support/fake-host.js";
import { startAgentServer, extensionFetch } from "./support/agent-server.js";
import { loadPage, translatorFor } from "./support/harness.js";

function privateStore() {
  const data = new Map();
  return { data, get: async (k) => data.get(k), set: async (k, v) => void data.set(k, structuredClone(v)), remove: async (k) => void data.delete(k) };
}

function fakePermissions({ answer = true } = {}) {
  const p = {
    answer,
    granted: new Set(),
    calls: [],
    request(perms) {
      p.calls.push(["request", perms]);
      if (p.answer) perms.origins.forEach((o) => p.granted.add(o));
      return Promise.resolve(p.answer);
    },
    remove(perms) {
      p.calls.push(["remove", perms]);
      perms.origins.forEach((o) => p.granted.delete(o));
      return Promise.resolve(true);
    },
  };
  return p;
}

async function open(t, { permissions = fakePermissions(), nativeInstalled = false, lang = null } = {}) {
  const host = createFakeHost({ version: "2.0.0" });
  host.state.installed = nativeInstalled;
  const agent = await startAgentServer({ host });
  t.after(() => agent.close());
  const store = privateStore();
  let pairing = null;
  const read = () => pairing.read();
  const http = createHttpClient({ fetch: extensionFetch(), pairing: read, timeoutMs: 2000 });
  const transport = createTransport({ native: createHostClient({ connectNative: host.connectNative, timeoutMs: 2000 }), agent: http, pairing: read });
  const storage = createMemoryStorage();
  const outbox = createOutbox({ storage, client: transport });
  pairing = createPairingHandlers({ http, transport, store, outbox });
  const runtime = { getPlatformInfo: async () => ({ os: "linux" }), openOptionsPage: async () => {} };
  const handlers = { ...createUiHandlers({ client: transport, outbox, storage, runtime }), ...pairing.handlers };
  const dispatch = createDispatcher({ handlers, roleOf: () => ROLE_PAGE });
  const replies = [];
  const bg = createBackground(async (message) => {
    const reply = await dispatch(message, {});
    replies.push(JSON.stringify(reply));
    return reply;
  });
  const dom = loadPage("options/options.html");
  const doc = dom.window.document;
  const view = mountPairing({ doc, bg, t: lang ? translatorFor(lang) : () => "", permissions });
  await view.settled();
  const $ = (id) => doc.getElementById(id);
  async function press(code) {
    $("pairing-code").value = code;
    $("pairing-pair").click();
    const askedInThePress = permissions.calls.length;
    await view.settled();
    return askedInThePress;
  }
  return { host, agent, store, permissions, dispatch, replies, doc, view, $, press, outbox };
}

test("the section sits in Settings before the uninstall note and starts as not paired", async (t) => {
  const w = await open(t);
  const section = w.$("pairing");
  assert.equal(section.closest("section#settings") !== null, true);
  assert.equal(section.nextElementSibling.id, "uninstall-note");
  assert.match(w.$("pairing-state").textContent, /Not paired/);
  assert.equal(w.$("pairing-unpair").hidden, true);
  assert.equal(w.$("pairing-transport").getAttribute("data-transport"), "none");
});

test("Pair: the permission is asked for inside the press, the token goes to the private store only, the history goes over the agent", async (t) => {
  const w = await open(t);
  const askedInThePress = await w.press(w.agent.pairingCode());
  assert.equal(askedInThePress, 1, "permissions.request ran synchronously in the submit handler");
  assert.deepEqual(w.permissions.calls[0], ["request", { origins: ["http://127.0.0.1/*"] }]);
  const kept = w.store.data.get(PAIRING_KEY);
  assert.equal(kept.port, w.agent.port);
  assert.match(kept.token, /^[0-9a-f]{64}$/);
  assert.ok(!w.replies.some((r) => r.includes(kept.token)), "no reply to a page carries the token");
  assert.ok(!w.doc.documentElement.outerHTML.includes(kept.token), "the page never shows it");
  assert.match(w.$("pairing-state").textContent, new RegExp(`port ${w.agent.port}`));
  assert.equal(w.$("pairing-unpair").hidden, false);
  assert.equal(w.$("pairing-transport").getAttribute("data-transport"), "agent");
  assert.equal(w.$("pairing-code").value, "", "the used code is cleared");
  const status = await w.dispatch({ type: "host.status" }, {});
  assert.deepEqual([status.result.connected, status.result.transport, status.result.hostVersion], [true, "agent", "2.0.0"]);
});

test("host.status over the agent looks again: a native host installed meanwhile is named at once", async (t) => {
  const w = await open(t);
  await w.press(w.agent.pairingCode());
  const before = await w.dispatch({ type: "host.status" }, {});
  assert.equal(before.result.transport, "agent");
  w.host.state.installed = true;
  const after = await w.dispatch({ type: "host.status" }, {});
  assert.deepEqual([after.result.connected, after.result.transport], [true, "native"]);
});

test("a code that is not PORT-123456 asks for nothing and says how it looks", async (t) => {
  const w = await open(t);
  await w.press("123456");
  assert.deepEqual(w.permissions.calls, []);
  assert.match(w.$("pairing-error").textContent, /port, a dash and six digits/);
  assert.equal(w.store.data.size, 0);
});

test("permission refused: the agent is not contacted and nothing is kept", async (t) => {
  const w = await open(t, { permissions: fakePermissions({ answer: false }) });
  await w.press(w.agent.pairingCode());
  assert.equal(w.agent.state.codeUsed, false, "the code was not spent");
  assert.equal(w.store.data.size, 0);
  assert.match(w.$("pairing-error").textContent, /permission/);
});

test("a wrong code: the agent refuses, nothing is kept, and the fresh permission is given back", async (t) => {
  const w = await open(t);
  await w.press(`${w.agent.port}-999999`);
  assert.equal(w.store.data.size, 0);
  assert.match(w.$("pairing-error").textContent, /objector pair again/);
  assert.deepEqual(w.permissions.calls.map((c) => c[0]), ["request", "remove"]);
  assert.equal(w.permissions.granted.size, 0);
});

test("Unpair forgets the pairing and the permission, and the agent forgets the token; the history then waits in the outbox", async (t) => {
  const w = await open(t);
  await w.press(w.agent.pairingCode());
  assert.equal(w.agent.state.tokens.size, 1);
  w.$("pairing-unpair").click();
  await w.view.settled();
  assert.equal(w.agent.state.tokens.size, 0, "POST /pair/forget: the agent no longer knows the token");
  assert.equal(w.store.data.size, 0);
  assert.equal(w.permissions.granted.size, 0);
  assert.match(w.$("pairing-state").textContent, /Not paired/);
  assert.equal(w.$("pairing-unpair").hidden, true);
  const status = await w.dispatch({ type: "host.status" }, {});
  assert.deepEqual([status.result.connected, status.result.transport, status.result.error.code], [false, null, "host_missing"]);
});

test("Unpair with the agent down still forgets the pairing here", async (t) => {
  const w = await open(t);
  await w.press(w.agent.pairingCode());
  await w.agent.close();
  const reply = await w.dispatch({ type: "agent.unpair" }, {});
  assert.deepEqual(reply.result, { paired: false, forgotten: false });
  assert.equal(w.store.data.size, 0);
});

test("agent.pair is validated like every message: a non-string code is invalid_value", async (t) => {
  const w = await open(t);
  const reply = await w.dispatch({ type: "agent.pair", code: 41234 }, {});
  assert.equal(reply.error.code, "invalid_value");
  const bad = await w.dispatch({ type: "agent.pair", code: "nonsense" }, {});
  assert.equal(bad.error.code, "invalid_value");
});

test("transportText names the way in use, native or agent, and neither", () => {
  assert.match(transportText({ connected: true, transport: "native" }, () => ""), /native/);
  assert.match(transportText({ connected: true, transport: "agent" }, () => ""), /agent/);
  assert.match(transportText({ connected: false, transport: null }, () => ""), /wait in this browser/);
});

test("in a German browser the section speaks German, the port filled in", async (t) => {
  const w = await open(t, { lang: "de" });
  assert.equal(w.$("pairing-heading").textContent, "Mit dem lokalen Agenten koppeln");
  assert.equal(w.$("pairing-pair").textContent, "Koppeln");
  await w.press(w.agent.pairingCode());
  assert.equal(w.$("pairing-state").textContent, `Mit dem Agenten auf Port ${w.agent.port} gekoppelt.`);
  assert.match(w.$("pairing-transport").textContent, /gekoppelten Agenten/);
});
