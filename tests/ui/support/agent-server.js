// A real HTTP server on 127.0.0.1 that answers as the loopback agent's contract says
// (/work/prompts/s9-contract.md, host/PROTOCOL.md "Loopback agent"): POST /api with a Bearer token
// and an allowed (or absent) Origin carries one protocol request and answers its reply envelope;
// POST /pair {code} gives a token once per code. Behind it sits a fake host's handler table
// (support/fake-host.js), so a test can put the native fake and this agent over ONE store and see
// where a record went. It lets unit tests drive lib/http-client.js and lib/transport.js through
// real fetch, real status codes and real sockets; the real agent is tested in tests/e2e/agent.test.mjs.
import { createServer } from "node:http";
import { randomBytes } from "node:crypto";

export async function startAgentServer({ host, origins = ["chrome-extension://test-extension-id"], code = "123456" } = {}) {
  const state = {
    code,
    codeUsed: false,
    tokens: new Map(), // token → origin it was paired from
    received: [], // every /api request body, in order
    forceStatus: null, // a number: requests answer that HTTP status with no body...
    forceTimes: Infinity, // ...this many times
    delayMs: 0, // wait this long before answering /api
    notJson: false, // /api answers 200 with an HTML page
  };
  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => handle(req, res, Buffer.concat(chunks).toString("utf8")));
  });
  function send(res, status, body) {
    const text = body === undefined ? "" : JSON.stringify(body);
    res.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store", "Content-Length": Buffer.byteLength(text) });
    res.end(text);
  }
  async function handle(req, res, body) {
    if (req.headers.host !== `127.0.0.1:${server.address().port}`) return send(res, 421);
    if (state.forceStatus && state.forceTimes > 0) {
      state.forceTimes -= 1;
      return send(res, state.forceStatus);
    }
    if (req.method !== "POST") return send(res, 405);
    const origin = req.headers.origin;
    if (origin !== undefined && !origins.includes(origin)) return send(res, 403);
    if (req.url === "/pair") {
      let parsed;
      try {
        parsed = JSON.parse(body);
      } catch {
        return send(res, 400, { error: { code: "invalid_json", message: "body is not JSON" } });
      }
      if (state.codeUsed || !parsed || parsed.code !== state.code) return send(res, 403, { error: { code: "pairing_refused", message: "wrong or used code" } });
      state.codeUsed = true;
      const token = randomBytes(32).toString("hex");
      state.tokens.set(token, origin);
      return send(res, 200, { token });
    }
    if (req.url !== "/api" && req.url !== "/pair/forget") return send(res, 404);
    const auth = /^Bearer ([0-9a-f]{64})$/.exec(req.headers.authorization || "");
    if (!auth || !state.tokens.has(auth[1])) return send(res, 401);
    if (state.tokens.get(auth[1]) !== origin) return send(res, 403);
    if (req.url === "/pair/forget") {
      state.tokens.delete(auth[1]);
      return send(res, 200, { forgotten: true });
    }
    let request;
    try {
      request = JSON.parse(body);
    } catch {
      return send(res, 200, { id: null, ok: false, error: { code: "invalid_json", message: "not JSON" } });
    }
    state.received.push(request);
    if (state.delayMs) await new Promise((r) => setTimeout(r, state.delayMs));
    if (state.notJson) {
      res.writeHead(200, { "Content-Type": "text/html" });
      return res.end("<html>not an agent</html>");
    }
    const { id, type } = request;
    const handler = host.handlers[type];
    if (!handler) return send(res, 200, { id, ok: false, error: { code: "unknown_type", message: `unknown type ${type}` } });
    try {
      return send(res, 200, { id, ok: true, result: handler(request) });
    } catch (e) {
      return send(res, 200, { id, ok: false, error: { code: e.code || "internal", message: e.message } });
    }
  }
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = server.address().port;
  return {
    port,
    state,
    pairingCode: () => `${port}-${state.code}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}

// fetch as an extension page sends it: the browser adds the extension's Origin to every request.
export function extensionFetch(origin = "chrome-extension://test-extension-id") {
  return (url, init = {}) => fetch(url, { ...init, headers: { ...(init.headers || {}), Origin: origin } });
}
