// Proves the loopback agent's defences hold in a real browser (issue 13, the hostile table's
// browser rows): a web page in Chromium or Firefox ESR (OBJECTOR_E2E_BROWSER), no extension, tries
// `objector serve`'s POST /api with no-cors, with a CORS preflight, with a simple CORS request and
// with sendBeacon: it reads nothing (a network error: no CORS headers, and CORP even withholds the
// opaque answer) and writes nothing. A DNS-rebinding page (evil.test resolving to 127.0.0.1, so /api
// is same-origin for it) is refused by the Host check even holding the real secret. Afterwards the
// agent still answers, the history's chain head and size are those of before, and the agent's log
// names each refusal without bodies or the secret.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { config, makeWorkDir } from "./lib/env.mjs";

const require = createRequire(import.meta.url);
const puppeteer = require("puppeteer-core");

const name = config.browser;
const objector = join(config.binDir, "objector");
let work, data, serve, agent, attacker, attackerOrigin, browser;
let serveLog = "";
let before_ = null;

const record = (clientId) => ({
  id: clientId, type: "submission.record",
  submission: {
    client_id: clientId, platform: "facebook", form_kind: "own",
    form_url: "https://www.facebook.com/help/contact/6359191084165019", form_id: "6359191084165019",
    account_email: "anna.schmidt@example.de", country: "DE", justification_text: "Ich widerspreche.",
    page_language: "de", browser: "chromium 156", extension_version: "0.1.0", status: "submitted",
    occurred_at: "2026-11-25T16:54:06Z", utc_offset_minutes: 60,
  },
});

// One request with the agent secret, from this test (a local program): the reply envelope.
async function call(request) {
  const r = await fetch(`http://127.0.0.1:${agent.port}/api`, {
    method: "POST", headers: { Authorization: `Bearer ${agent.secret}`, "Content-Type": "application/json" },
    body: JSON.stringify(request),
  });
  assert.equal(r.status, 200);
  return r.json();
}

async function facts() {
  const verify = await call({ id: "v", type: "history.verify" });
  const stats = await call({ id: "s", type: "stats" });
  return { head: verify.result.chain_head, events: verify.result.events, total: stats.result.total };
}

async function launch(home) {
  if (name === "chromium") {
    return puppeteer.launch({
      executablePath: "/usr/bin/chromium", headless: true, userDataDir: join(home, "chromium"),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--no-default-browser-check",
        "--host-resolver-rules=MAP evil.test 127.0.0.1"],
      env: { ...process.env, HOME: home },
    });
  }
  const profile = join(home, "firefox");
  mkdirSync(profile, { recursive: true });
  return puppeteer.launch({
    browser: "firefox", executablePath: "/usr/bin/firefox-esr", headless: true, userDataDir: profile,
    env: { ...process.env, HOME: home },
    extraPrefsFirefox: { "network.proxy.type": 0, "network.dns.localDomains": "evil.test",
      "datareporting.healthreport.uploadEnabled": false, "app.normandy.enabled": false },
  });
}

before(async () => {
  work = makeWorkDir(`agent-hostile-${name}`);
  data = join(work, "data");
  serve = spawn(objector, ["serve"], { env: { ...process.env, OBJECTOR_DATA_DIR: data }, stdio: ["ignore", "ignore", "pipe"] });
  serve.stderr.on("data", (chunk) => { serveLog += chunk; });
  for (let i = 0; i < 500 && !existsSync(join(data, "agent.json")); i++) await sleep(20);
  agent = JSON.parse(readFileSync(join(data, "agent.json"), "utf8"));
  assert.equal((await call(record("before-1"))).ok, true);
  before_ = await facts();

  // The attacker: an ordinary page on another origin of this machine.
  attacker = createServer((req, res) => {
    res.writeHead(200, { "Content-Type": "text/html" });
    res.end("<!doctype html><title>cute cats</title><p>cats</p>");
  });
  await new Promise((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  attackerOrigin = `http://127.0.0.1:${attacker.address().port}`;
  browser = await launch(join(work, "home"));
});

after(async () => {
  await browser?.close().catch(() => {});
  attacker?.close();
  if (serve && serve.exitCode === null) serve.kill("SIGTERM");
  if (process.env.OBJECTOR_E2E_KEEP !== "1" && work) rmSync(work, { recursive: true, force: true });
});

test(`${name}: a web page's no-cors, preflighted and simple requests to /api read nothing and write nothing`, async () => {
  const page = await browser.newPage();
  await page.goto(`${attackerOrigin}/`);
  const api = `http://127.0.0.1:${agent.port}/api`;
  const body = JSON.stringify(record("from-a-page"));
  const seen = await page.evaluate(async (url, payload) => {
    const out = {};
    try {
      const r = await fetch(url, { method: "POST", mode: "no-cors", body: payload });
      out.noCors = { type: r.type, status: r.status, text: await r.text() };
    } catch (e) { out.noCors = { error: String(e) }; }
    try {
      await fetch(url, { method: "POST", body: payload, headers: { "Content-Type": "application/json" } });
      out.preflighted = "read";
    } catch (e) { out.preflighted = e.name; }
    try {
      await fetch(url, { method: "POST", body: payload });
      out.simple = "read";
    } catch (e) { out.simple = e.name; }
    out.beacon = navigator.sendBeacon(url, payload);
    return out;
  }, api, body);
  await page.close();
  // Not even an opaque answer: Cross-Origin-Resource-Policy: same-origin makes it a network error.
  assert.match(seen.noCors.error ?? JSON.stringify(seen.noCors), /^TypeError/, "a no-cors answer cannot be read");
  assert.equal(seen.preflighted, "TypeError", "the preflight gets no Access-Control-Allow-* header");
  assert.equal(seen.simple, "TypeError", "no Access-Control-Allow-Origin: the page cannot read the refusal");
  for (let i = 0; i < 100 && !/refused POST \/api 403 forbidden_origin/.test(serveLog); i++) await sleep(20);
  assert.match(serveLog, /refused POST \/api 403 forbidden_origin/);
  assert.match(serveLog, /refused OPTIONS \/api 405 method_not_allowed/);
  assert.deepEqual(await facts(), before_, "nothing was recorded");
});

test(`${name}: a DNS-rebinding page (same-origin to the agent) is refused by the Host check, even with the secret`, async () => {
  const page = await browser.newPage();
  const rebound = `http://evil.test:${agent.port}`;
  const first = await page.goto(`${rebound}/`).catch((e) => e);
  if (first instanceof Error) {
    await page.close();
    assert.fail(`${name} did not resolve evil.test to this machine (its test resolver setting): ${first.message}`);
  }
  assert.equal(first.status(), 421, "even the page itself is refused");
  const seen = await page.evaluate(async (secret, payload) => {
    const r = await fetch("/api", { method: "POST", body: payload,
      headers: { Authorization: `Bearer ${secret}`, "Content-Type": "application/json" } });
    return { status: r.status, body: await r.json(), cors: [...r.headers.keys()].filter((k) => k.startsWith("access-control-")) };
  }, agent.secret, JSON.stringify(record("rebound")));
  await page.close();
  assert.equal(seen.status, 421);
  assert.equal(seen.body.error.code, "misdirected_request");
  assert.deepEqual(seen.cors, []);
  assert.deepEqual(await facts(), before_, "nothing was recorded");
});

test(`${name}: afterwards the agent answers, and its log holds no body and no secret`, async () => {
  assert.equal((await call({ id: "h", type: "hello" })).ok, true);
  assert.ok(!serveLog.includes(agent.secret), "the secret is never logged");
  assert.ok(!serveLog.includes("anna.schmidt"), "no body is logged");
  serve.kill("SIGTERM");
  const code = await new Promise((resolve) => serve.once("exit", (c) => resolve(c)));
  assert.equal(code, 0);
  assert.ok(!existsSync(join(data, "agent.json")), "agent.json goes with the agent");
  execFileSync(objector, ["verify"], { env: { ...process.env, OBJECTOR_DATA_DIR: data } });
});
