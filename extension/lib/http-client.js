// The extension's second way to the history: the paired loopback agent `objector serve`
// (host/PROTOCOL.md, "Loopback agent"), for browsers that cannot start the native host (Snap
// Chromium, some Flatpaks). Same interface and error codes as lib/host-client.js, so the outbox and
// the page handlers do not know which one they talk to. Pure: `fetch` and the pairing are injected.
//
// createHttpClient({fetch, pairing, timeoutMs, clientInfo, rateLimitPauseMs}) where pairing() →
// Promise<{port, token} | null> (read at every request: pairing and unpairing take effect at once) →
//   request(type, fields = {}) → Promise<result>; rejects with an Error carrying `.code`:
//     the agent's error code (the reply envelope's, as native messaging), or
//     `agent_unpaired` (no pairing here, or the agent answered 401: the token is not (or no longer)
//       one it knows — pair again), `agent_forbidden` (403: this extension's origin may not use
//       that token), `agent_unreachable` (nothing answers on that port, or the browser refused the
//       request: no host permission), `rate_limited` (429 twice: one retry after rateLimitPauseMs),
//       `frame_too_large` (413), `bad_reply` (an answer that is not a reply envelope), `timeout`.
//   status() → {connected, hostVersion, error: null | {code, message}}
//   onStatusChange(fn) → unsubscribe; fn(status) on every change.
// The first request (and the first after a failure) greets with `hello`, as the native client does.
// pair({port, code}) → Promise<{port, token}>: POST /pair with the 6 digits of the person's code;
//   the browser adds our Origin, which the agent ties the token to. A wrong, used or expired code
//   rejects with `pairing_refused`.
// forget({port, token}) → Promise<boolean>: POST /pair/forget, the agent forgets that token.
// The agent's address is always http://127.0.0.1:PORT (the one optional host permission we ask for).

export const DEFAULT_TIMEOUT_MS = 15000;
export const AGENT_HOST = "127.0.0.1";
export const AGENT_ORIGIN_PATTERN = `http://${AGENT_HOST}/*`;

export class AgentError extends Error {
  constructor(code, message) {
    super(message || code);
    this.name = "AgentError";
    this.code = code;
  }
}

const BY_STATUS = {
  401: ["agent_unpaired", "The Objector agent does not know this browser's pairing any more: pair again on the options page"],
  403: ["agent_forbidden", "The Objector agent refused this browser (its origin does not match the pairing)"],
  413: ["frame_too_large", "The request is larger than the agent accepts"],
  421: ["agent_forbidden", "The Objector agent refused the request's address"],
  429: ["rate_limited", "Too many requests to the Objector agent; trying again later"],
};

export function isPort(v) {
  return Number.isInteger(v) && v >= 1 && v <= 65535;
}

// The person types what `objector pair` printed: "PORT-123456" → {port, code}; null if it is not that.
export function parsePairingCode(text) {
  const m = /^\s*(\d{1,5})\s*-\s*(\d{6})\s*$/.exec(String(text ?? ""));
  if (!m) return null;
  const port = Number(m[1]);
  return isPort(port) ? { port, code: m[2] } : null;
}

export function agentUrl(port, path) {
  return `http://${AGENT_HOST}:${port}${path}`;
}

export function createHttpClient({ fetch, pairing, timeoutMs = DEFAULT_TIMEOUT_MS, clientInfo = undefined, rateLimitPauseMs = 1000 } = {}) {
  if (typeof fetch !== "function") throw new TypeError("fetch must be a function");
  if (typeof pairing !== "function") throw new TypeError("pairing must be a function");

  let nextId = 1;
  let greeted = false;
  const listeners = new Set();
  let current = { connected: false, hostVersion: null, error: null };

  function setStatus(next) {
    const changed =
      next.connected !== current.connected ||
      next.hostVersion !== current.hostVersion ||
      (next.error && next.error.code) !== (current.error && current.error.code);
    current = next;
    if (!changed) return;
    for (const fn of listeners) {
      try {
        fn({ ...current });
      } catch {
        // a listener's bug must not break the client
      }
    }
  }

  // One POST with a deadline; resolves with {status, body (parsed JSON or undefined)}.
  async function post(url, headers, body, what) {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    try {
      let response;
      try {
        response = await fetch(url, {
          method: "POST",
          headers: { "Content-Type": "application/json", ...headers },
          body: JSON.stringify(body),
          signal: abort.signal,
          credentials: "omit",
          cache: "no-store",
          redirect: "error",
        });
      } catch (e) {
        if (abort.signal.aborted) throw new AgentError("timeout", `The Objector agent did not answer "${what}" in ${timeoutMs} ms`);
        throw new AgentError("agent_unreachable", `The Objector agent does not answer at ${url}: ${(e && e.message) || e}`);
      }
      let text;
      try {
        text = await response.text();
      } catch (e) {
        if (abort.signal.aborted) throw new AgentError("timeout", `The Objector agent did not finish "${what}" in ${timeoutMs} ms`);
        throw new AgentError("agent_unreachable", `The Objector agent's answer broke off: ${(e && e.message) || e}`);
      }
      let parsed;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      return { status: response.status, body: parsed };
    } finally {
      clearTimeout(timer);
    }
  }

  async function send(type, fields) {
    const pair = await pairing();
    if (!pair || !isPort(pair.port) || typeof pair.token !== "string" || !pair.token) {
      throw new AgentError("agent_unpaired", "This browser is not paired with the Objector agent");
    }
    const id = nextId++;
    const call = () => post(agentUrl(pair.port, "/api"), { Authorization: `Bearer ${pair.token}` }, { ...fields, id, type }, type);
    let { status, body } = await call();
    if (status === 429) {
      // Over the agent's 50 requests/s (an outbox emptying a long backlog): one pause, one retry.
      await new Promise((resolve) => setTimeout(resolve, rateLimitPauseMs));
      ({ status, body } = await call());
    }
    if (BY_STATUS[status]) throw new AgentError(...BY_STATUS[status]);
    if (!body || typeof body !== "object" || typeof body.ok !== "boolean") {
      throw new AgentError("bad_reply", `The Objector agent answered "${type}" with HTTP ${status} and no reply envelope`);
    }
    if (body.ok === false) {
      const err = body.error || {};
      throw new AgentError(err.code || "internal", err.message);
    }
    if (status < 200 || status > 299) throw new AgentError("bad_reply", `The Objector agent answered "${type}" with HTTP ${status}`);
    return body.result;
  }

  // Errors that say the agent itself is not usable (as opposed to "it refused this request").
  const UNUSABLE = new Set(["agent_unpaired", "agent_forbidden", "agent_unreachable", "timeout", "bad_reply"]);

  async function request(type, fields = {}) {
    if (typeof type !== "string" || !type) throw new AgentError("invalid_value", "request type must be a string");
    try {
      if (!greeted || type === "hello") {
        const hello = await send("hello", clientInfo ? { client: clientInfo } : {});
        greeted = true;
        setStatus({ connected: true, hostVersion: (hello && hello.host_version) || null, error: null });
        if (type === "hello") return hello;
      }
      return await send(type, fields);
    } catch (e) {
      if (UNUSABLE.has(e.code) || !greeted) {
        greeted = false;
        setStatus({ connected: false, hostVersion: null, error: { code: e.code, message: e.message } });
      }
      throw e;
    }
  }

  // POST /pair: the 6 digits in, the token out. No Authorization: the code is the credential.
  async function pair({ port, code }) {
    if (!isPort(port) || !/^\d{6}$/.test(String(code))) throw new AgentError("invalid_value", "a pairing code is PORT-123456");
    const { status, body } = await post(agentUrl(port, "/pair"), {}, { code: String(code) }, "pair");
    const token = body && (body.token || (body.result && body.result.token));
    if (status >= 200 && status <= 299 && typeof token === "string" && /^[0-9a-f]{64}$/.test(token)) {
      greeted = false; // a new pairing: greet again
      return { port, token };
    }
    if (status === 429 || status === 413) throw new AgentError(...BY_STATUS[status]);
    const err = (body && body.error) || {};
    throw new AgentError(status >= 400 && status <= 403 ? "pairing_refused" : err.code || "bad_reply",
      `The Objector agent did not accept this code (HTTP ${status}${err.message ? `: ${err.message}` : ""}). ` +
        "A code works once, for 10 minutes: run objector pair again for a new one.");
  }

  // POST /pair/forget: the agent forgets this browser's token (Unpair). Resolves to whether it did;
  // rejects when the agent cannot be reached (the caller forgets the pairing anyway).
  async function forget({ port, token }) {
    if (!isPort(port) || typeof token !== "string" || !token) return false;
    const { status, body } = await post(agentUrl(port, "/pair/forget"), { Authorization: `Bearer ${token}` }, {}, "forget");
    greeted = false;
    return status === 200 && Boolean(body && body.forgotten);
  }

  return {
    request,
    pair,
    forget,
    status: () => ({ ...current }),
    onStatusChange(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    // Forget the greeting and the status (after unpairing).
    reset() {
      greeted = false;
      setStatus({ connected: false, hostVersion: null, error: null });
    },
  };
}
