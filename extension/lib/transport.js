// Which way a request goes to the history: native messaging first, the paired loopback agent when
// the browser cannot start the native host. Same interface as lib/host-client.js, so the outbox,
// fill-data and the page handlers take it as their `client` unchanged. Pure: both clients and the
// pairing are injected.
//
// createTransport({native, agent, pairing}) where native is a host client (lib/host-client.js),
// agent an HTTP client (lib/http-client.js), pairing() → Promise<{port, token} | null> →
//   request(type, fields) → Promise<result>: every request is tried over native messaging first
//     (so a host that is installed again is used at once); only when that fails with
//     `host_missing` (the host could not be started: nothing reached it) and a pairing exists, the
//     same request goes to the agent. Errors: the agent's own reply errors as they are; when the
//     agent cannot be used either, its `agent_unpaired` / `agent_forbidden` (the person must pair
//     again), else the native `host_missing` (its message names the agent's problem too).
//   status() → {connected, hostVersion, error, transport: "native"|"agent"|null, paired,
//     agentError: null | {code, message}}: `transport` is the way the last request went (null when
//     neither answered); `paired` whether a pairing was found at the last look.
//   onStatusChange(fn) → unsubscribe; fn(status) whenever connected, transport, paired or the
//     error code change.
//   pairingChanged() → Promise<status>: after pairing or unpairing, forget what the agent said and
//     look at the pairing again.

// The agent answered but will not serve us: the person has to act (pair again).
const PAIRING_PROBLEMS = new Set(["agent_unpaired", "agent_forbidden"]);
// The agent did not take the request at all (so nothing was done).
const AGENT_UNUSABLE = new Set([...PAIRING_PROBLEMS, "agent_unreachable", "timeout", "bad_reply", "rate_limited"]);

export function createTransport({ native, agent, pairing }) {
  if (!native || !agent || typeof pairing !== "function") throw new TypeError("createTransport needs native, agent and pairing()");
  const listeners = new Set();
  let via = null; // "native" | "agent" | null
  let paired = false;
  let agentError = null;
  let lastError = null;
  let current = snapshot();

  function snapshot() {
    const s = via === "native" ? native.status() : via === "agent" ? agent.status() : null;
    return {
      connected: Boolean(s && s.connected),
      hostVersion: (s && s.hostVersion) || null,
      error: s && s.connected ? null : lastError,
      transport: via,
      paired,
      agentError,
    };
  }

  function update() {
    const next = snapshot();
    const changed =
      next.connected !== current.connected ||
      next.transport !== current.transport ||
      next.paired !== current.paired ||
      next.hostVersion !== current.hostVersion ||
      (next.error && next.error.code) !== (current.error && current.error.code) ||
      (next.agentError && next.agentError.code) !== (current.agentError && current.agentError.code);
    current = next;
    if (!changed) return;
    for (const fn of listeners) {
      try {
        fn({ ...current });
      } catch {
        // a listener's bug must not break the transport
      }
    }
  }

  function errorOf(e) {
    return { code: (e && e.code) || "internal", message: (e && e.message) || String(e) };
  }

  async function readPairing() {
    let pair = null;
    try {
      pair = await pairing();
    } catch {
      pair = null; // an unreadable store is as good as no pairing
    }
    paired = Boolean(pair);
    return pair;
  }

  async function request(type, fields = {}) {
    let nativeFailure;
    try {
      const result = await native.request(type, fields);
      via = "native";
      lastError = null;
      update();
      return result;
    } catch (e) {
      if (!e || e.code !== "host_missing") {
        // The host was started: whatever happened, it is the host's answer (or its crash).
        if (native.status().connected) {
          via = "native"; // it answered this request with an error of its own
        } else {
          via = null;
          lastError = errorOf(e);
        }
        update();
        throw e;
      }
      nativeFailure = e;
    }
    if (!(await readPairing())) {
      via = null;
      lastError = errorOf(nativeFailure);
      update();
      throw nativeFailure;
    }
    try {
      const result = await agent.request(type, fields);
      via = "agent";
      agentError = null;
      lastError = null;
      update();
      return result;
    } catch (e) {
      if (!AGENT_UNUSABLE.has(e && e.code)) {
        via = "agent"; // the agent answered this request with an error of its own
        agentError = null;
        update();
        throw e;
      }
      via = null;
      agentError = errorOf(e);
      if (PAIRING_PROBLEMS.has(e.code)) {
        lastError = agentError;
        update();
        throw e;
      }
      const combined = new Error(`${nativeFailure.message}; the paired Objector agent: ${e.message}`);
      combined.code = nativeFailure.code;
      lastError = errorOf(combined);
      update();
      throw combined;
    }
  }

  return {
    request,
    status: () => ({ ...current }),
    onStatusChange(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    async pairingChanged() {
      if (typeof agent.reset === "function") agent.reset();
      agentError = null;
      if (via === "agent") via = null;
      await readPairing();
      update();
      return { ...current };
    },
  };
}
