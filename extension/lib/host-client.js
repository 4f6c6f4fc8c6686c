// The extension's one connection to the native host `objector-host` (host/PROTOCOL.md, version 1).
// Pure: the browser API is injected as `connectNative(name) → Port` (a chrome.runtime.Port), and
// optionally `lastError()` (→ chrome.runtime.lastError, read inside onDisconnect on Chromium).
//
// createHostClient({connectNative, hostName, timeoutMs, lastError, clientInfo}) →
//   request(type, fields = {}) → Promise<result>; rejects with an Error carrying `.code`:
//     a host error code (PROTOCOL.md), or `host_missing` (the browser could not start the host),
//     `host_disconnected` (the host went away while we waited), `timeout`.
//   status() → {connected, hostVersion, error: null | {code, message}}
//   onStatusChange(fn) → unsubscribe; fn(status) on every change.
// The port is opened lazily by the first request, greeted with `hello`, and reopened by the next
// request after any disconnect. Chunked replies are reassembled in index order.

export const DEFAULT_HOST_NAME = "org.objector.host";
export const DEFAULT_TIMEOUT_MS = 15000;

export class HostError extends Error {
  constructor(code, message) {
    super(message || code);
    this.name = "HostError";
    this.code = code;
  }
}

// What the browsers say when they cannot start the host at all (Chromium, Firefox).
const MISSING_PATTERNS = [
  /not found/i,
  /no such native application/i,
  /forbidden/i,
  /not allowed/i,
  /permission/i,
  /failed to start/i,
];

export function classifyDisconnect(message, sawAnyReply) {
  if (message && MISSING_PATTERNS.some((re) => re.test(message))) return "host_missing";
  if (message && /exited/i.test(message)) return sawAnyReply ? "host_disconnected" : "host_missing";
  return sawAnyReply ? "host_disconnected" : "host_missing";
}

export function createHostClient({
  connectNative,
  hostName = DEFAULT_HOST_NAME,
  timeoutMs = DEFAULT_TIMEOUT_MS,
  lastError = () => undefined,
  clientInfo = undefined,
} = {}) {
  if (typeof connectNative !== "function") throw new TypeError("connectNative must be a function");

  let port = null;
  let greeting = null; // Promise of the hello result for the current port
  let nextId = 1;
  const pending = new Map(); // id → {resolve, reject, timer, chunks, count}
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

  function settle(id, fn) {
    const entry = pending.get(id);
    if (!entry) return;
    pending.delete(id);
    clearTimeout(entry.timer);
    fn(entry);
  }

  function failAll(error) {
    for (const id of [...pending.keys()]) settle(id, (e) => e.reject(error));
  }

  function onMessage(thisPort, msg) {
    if (thisPort !== port) return;
    thisPort.sawReply = true;
    if (!msg || typeof msg !== "object") return;
    const id = msg.id;
    if (id === null || id === undefined) {
      // A frame-level error the host could not tie to a request: every waiter is affected.
      const err = msg.error || {};
      failAll(new HostError(err.code || "internal", err.message));
      return;
    }
    const entry = pending.get(id);
    if (!entry) return; // late reply after a timeout
    if (msg.ok === false) {
      const err = msg.error || {};
      settle(id, (e) => e.reject(new HostError(err.code || "internal", err.message)));
      return;
    }
    if (msg.chunk) {
      const { index, count } = msg.chunk;
      if (!Number.isInteger(index) || !Number.isInteger(count) || count < 1 || index < 0 || index >= count) {
        settle(id, (e) => e.reject(new HostError("bad_frame", "malformed chunk header")));
        return;
      }
      if (!entry.chunks) {
        entry.chunks = new Array(count);
        entry.count = count;
        entry.received = 0;
      }
      if (entry.count !== count) {
        settle(id, (e) => e.reject(new HostError("bad_frame", "chunk count changed mid-reply")));
        return;
      }
      if (entry.chunks[index] === undefined) entry.received += 1;
      entry.chunks[index] = typeof msg.data === "string" ? msg.data : "";
      if (entry.received === entry.count) {
        settle(id, (e) => {
          try {
            e.resolve(JSON.parse(e.chunks.join("")));
          } catch (parseError) {
            e.reject(new HostError("invalid_json", `chunked reply did not parse: ${parseError.message}`));
          }
        });
      }
      return;
    }
    settle(id, (e) => e.resolve(msg.result));
  }

  function onDisconnect(thisPort, arg) {
    if (thisPort !== port) return;
    const le = lastError();
    const message = (arg && arg.error && arg.error.message) || (le && le.message) || "";
    const code = classifyDisconnect(message, thisPort.sawReply);
    const text =
      code === "host_missing"
        ? `The Objector host could not be started${message ? `: ${message}` : ""}`
        : `The Objector host stopped${message ? `: ${message}` : ""}`;
    port = null;
    greeting = null;
    const error = new HostError(code, text);
    failAll(error);
    setStatus({ connected: false, hostVersion: null, error: { code, message: text } });
  }

  function send(type, fields) {
    const thisPort = port;
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        settle(id, (e) => e.reject(new HostError("timeout", `The host did not answer "${type}" in ${timeoutMs} ms`)));
      }, timeoutMs);
      pending.set(id, { resolve, reject, timer, chunks: null });
      try {
        thisPort.postMessage({ ...fields, id, type });
      } catch (e) {
        settle(id, (entry) => entry.reject(new HostError("host_disconnected", e.message)));
      }
    });
  }

  function greet(p) {
    const hello = clientInfo ? { client: clientInfo } : {};
    greeting = send("hello", hello).then(
      (result) => {
        if (port === p) {
          setStatus({ connected: true, hostVersion: (result && result.host_version) || null, error: null });
        }
        return result;
      },
      (error) => {
        if (port === p) {
          greeting = null; // the next request greets again
          if (error.code === "timeout") {
            // A host that cannot even greet is as good as gone: drop it so the next try starts fresh.
            port = null;
            try {
              p.disconnect();
            } catch {
              // already gone
            }
          }
          setStatus({ connected: false, hostVersion: null, error: { code: error.code, message: error.message } });
        }
        throw error;
      },
    );
    return greeting;
  }

  function open() {
    let p;
    try {
      p = connectNative(hostName);
    } catch (e) {
      const error = new HostError("host_missing", `The Objector host could not be started: ${e.message}`);
      setStatus({ connected: false, hostVersion: null, error: { code: error.code, message: error.message } });
      return Promise.reject(error);
    }
    port = p;
    p.sawReply = false;
    p.onMessage.addListener((msg) => onMessage(p, msg));
    p.onDisconnect.addListener((arg) => onDisconnect(p, arg));
    return greet(p);
  }

  async function request(type, fields = {}) {
    if (typeof type !== "string" || !type) throw new HostError("invalid_value", "request type must be a string");
    const hello = !port ? open() : greeting || greet(port);
    const helloResult = await hello;
    if (type === "hello") return helloResult;
    if (!port) throw new HostError("host_disconnected", "The Objector host stopped");
    return send(type, fields);
  }

  return {
    request,
    status: () => ({ ...current }),
    onStatusChange(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    disconnect() {
      if (!port) return;
      const p = port;
      port = null;
      greeting = null;
      failAll(new HostError("host_disconnected", "disconnected by the extension"));
      try {
        p.disconnect();
      } catch {
        // already gone
      }
      setStatus({ connected: false, hostVersion: null, error: null });
    },
  };
}
