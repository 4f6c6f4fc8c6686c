// The options page's pairing with the loopback agent (`objector pair` prints PORT-123456): message
// handlers merged into the background's one dispatch table. Pure: the HTTP client, the transport,
// the private store, the outbox and the clock are injected.
//
// createPairingHandlers({http, transport, store, outbox, now}) →
//   "agent.pair" {code} → {paired: true, port, paired_at}: POST /pair with the six digits; the
//     token goes into the private store (IndexedDB, key PAIRING_KEY) and never back to a page.
//     The page has asked for the host permission in the person's click before sending this.
//   "agent.unpair" {} → {paired: false, forgotten}: forgets the pairing (the page then drops the
//     permission); `forgotten`: the agent forgot the token too (false when it did not answer).
//   "agent.status" {} → {paired, port, paired_at, transport, connected, error}.
// After a pairing the outbox is flushed: what waited while no host answered goes now.
import { parsePairingCode } from "../lib/http-client.js";

export const PAIRING_KEY = "agentPairing";

function pairingError(code, message) {
  const e = new Error(message);
  e.code = code;
  return e;
}

// What the store holds, if it is a usable pairing; null otherwise.
export function validPairing(value) {
  if (!value || typeof value !== "object") return null;
  if (!Number.isInteger(value.port) || value.port < 1 || value.port > 65535) return null;
  if (typeof value.token !== "string" || !/^[0-9a-f]{64}$/.test(value.token)) return null;
  return value;
}

export function createPairingHandlers({ http, transport, store, outbox, now = () => new Date() }) {
  async function read() {
    return validPairing(await store.get(PAIRING_KEY));
  }
  return {
    read,
    handlers: {
      async "agent.pair"({ code }) {
        const parsed = parsePairingCode(code);
        if (!parsed) throw pairingError("invalid_value", "The code is the port, a dash and six digits, as objector pair prints it (for example 41234-123456)");
        const { port, token } = await http.pair(parsed);
        const pairing = { port, token, paired_at: now().toISOString() };
        await store.set(PAIRING_KEY, pairing);
        await transport.pairingChanged();
        outbox.flush().catch(() => {});
        return { paired: true, port, paired_at: pairing.paired_at };
      },
      async "agent.unpair"() {
        // The agent forgets the token too when it answers; unpairing never waits on it (the agent
        // may be down: the token then stays in agent-clients.json until `objector pair --revoke-all`).
        const kept = validPairing(await store.get(PAIRING_KEY).catch(() => null));
        const forgotten = kept ? await http.forget(kept).catch(() => false) : false;
        await store.remove(PAIRING_KEY);
        await transport.pairingChanged();
        return { paired: false, forgotten };
      },
      async "agent.status"() {
        const pairing = await read().catch(() => null);
        const s = transport.status();
        return {
          paired: Boolean(pairing),
          port: pairing ? pairing.port : null,
          paired_at: pairing ? pairing.paired_at || null : null,
          transport: s.transport,
          connected: s.connected,
          error: s.agentError || null,
        };
      },
    },
  };
}
