// The real installer/install.sh into a temporary HOME; then `objector doctor` passes with the real
// host, and real headless Chromium and Firefox ESR started on that HOME reach the host through the
// manifests it wrote (a tiny extension generated here with the SAME key / gecko id as
// manifests/ids.json calls sendNativeMessage("org.objector.host", hello)); then
// installer/uninstall.sh leaves none of the installed files behind.
// Env: OBJECTOR_BUILD_DIR (a configured build folder with objector and objector-host).
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, existsSync, rmSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { createServer } from "node:http";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const puppeteer = require("puppeteer-core");
const top = new URL("../..", import.meta.url).pathname.replace(/\/$/, "");
const IDS = JSON.parse(readFileSync(join(top, "manifests/ids.json"), "utf8"));
const build = process.env.OBJECTOR_BUILD_DIR;
assert.ok(build, "OBJECTOR_BUILD_DIR must name the build folder");

const work = mkdtempSync(join(tmpdir(), "objector-installer-"));
const home = join(work, "home");
mkdirSync(home);
after(() => rmSync(work, { recursive: true, force: true }));
const env = { PATH: process.env.PATH, HOME: home, LANG: "C.UTF-8" };

function run(cmd, args) {
  const r = spawnSync(cmd, args, { env, encoding: "utf8", timeout: 300000 });
  return { code: r.status, out: `${r.stdout}\n${r.stderr}` };
}

function tree(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      out.push(relative(dir, p));
      if (statSync(p, { throwIfNoEntry: false })?.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out;
}

// One POST from the test extension's background script, carrying the host's reply or the error.
function listen() {
  return new Promise((resolve) => {
    let deliver;
    const report = new Promise((r) => { deliver = r; });
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => { body += c; });
      req.on("end", () => { res.setHeader("Connection", "close"); res.end("ok"); deliver(JSON.parse(body)); });
    });
    server.listen(0, "127.0.0.1", () => resolve({ server, port: server.address().port, report }));
  });
}

function testExtension(kind, port) {
  const dir = join(work, `ext-${kind}`);
  mkdirSync(dir, { recursive: true });
  const origin = `http://127.0.0.1:${port}/`;
  const manifest = kind === "chromium"
    ? { manifest_version: 3, name: "objector registration probe", version: "0.0.1", key: IDS.chromium_key,
        permissions: ["nativeMessaging"], host_permissions: [`${origin}*`],
        background: { service_worker: "background.js" } }
    : { manifest_version: 2, name: "objector registration probe", version: "0.0.1",
        permissions: ["nativeMessaging", `${origin}*`], background: { scripts: ["background.js"] },
        browser_specific_settings: { gecko: { id: IDS.gecko_id } } };
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, "background.js"), `
const api = globalThis.browser ?? globalThis.chrome;
const report = (body) => fetch(${JSON.stringify(origin)}, { method: "POST", mode: "no-cors", body: JSON.stringify(body) });
Promise.resolve(api.runtime.sendNativeMessage(${JSON.stringify(IDS.host_name)}, { id: 1, type: "hello" }))
  .then((reply) => report({ reply }), (e) => report({ error: String((e && e.message) || e) }));
`);
  return dir;
}

// The report, or a rejection after `ms` (the timer does not keep the process alive).
function within(report, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no report within ${ms / 1000} s`)), ms);
  });
  return Promise.race([report, timeout]).finally(() => clearTimeout(timer));
}

function assertHello(result, browser) {
  assert.equal(result.error, undefined, `${browser}: ${result.error}`);
  assert.equal(result.reply.ok, true, JSON.stringify(result.reply));
  assert.equal(result.reply.result.protocol, 1);
  assert.ok(result.reply.result.database.startsWith(home), "the host used this HOME's data folder");
}

let before;
let installed;

test("install.sh installs binaries and registers the host for Chromium and Firefox", () => {
  before = tree(home);
  const r = run(join(top, "installer/install.sh"), ["--build-dir", build]);
  assert.equal(r.code, 0, r.out);
  assert.ok(existsSync(join(home, ".local/bin/objector-host")));
  const cr = JSON.parse(readFileSync(join(home, ".config/chromium/NativeMessagingHosts/org.objector.host.json")));
  assert.equal(cr.path, join(home, ".local/bin/objector-host"));
  assert.deepEqual(cr.allowed_origins, [`chrome-extension://${IDS.chromium_id}/`]);
  const ff = JSON.parse(readFileSync(join(home, ".mozilla/native-messaging-hosts/org.objector.host.json")));
  assert.deepEqual(ff.allowed_extensions, [IDS.gecko_id]);
  for (const b of ["chromium", "firefox"]) {
    assert.ok(existsSync(join(home, ".local/share/objector-extension", b, "manifest.json")), `${b} extension built`);
  }
  assert.match(r.out, /chrome:\/\/extensions/);
  assert.match(r.out, /about:debugging/);
  installed = tree(home);
});

test("objector doctor passes against the installed real host", () => {
  const r = run(join(home, ".local/bin/objector"), ["doctor"]);
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, /Chromium \(chromium\)[\s\S]*ok: host answered hello/);
  assert.match(r.out, /Firefox \(firefox\)[\s\S]*ok: host answered hello/);
});

test("headless Chromium on that HOME reaches the host", async () => {
  const { server, port, report } = await listen();
  const ext = testExtension("chromium", port);
  const browser = await puppeteer.launch({
    executablePath: "/usr/bin/chromium", headless: true, enableExtensions: true,
    userDataDir: join(home, ".config/chromium"), env,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run", `--disable-extensions-except=${ext}`, `--load-extension=${ext}`],
  });
  try {
    const result = await within(report, 20000, "chromium");
    assertHello(result, "chromium");
  } finally {
    await browser.close();
    server.close();
    server.closeAllConnections();
  }
});

test("headless Firefox ESR on that HOME reaches the host", async () => {
  const { server, port, report } = await listen();
  const ext = testExtension("firefox", port);
  const browser = await puppeteer.launch({
    browser: "firefox", executablePath: "/usr/bin/firefox-esr", headless: true, env,
    extraPrefsFirefox: { "network.proxy.allow_hijacking_localhost": false },
  });
  try {
    await browser.installExtension(ext);
    const result = await within(report, 30000, "firefox");
    assertHello(result, "firefox");
  } finally {
    await browser.close();
    server.close();
    server.closeAllConnections();
  }
});

test("uninstall.sh removes every file the install wrote; the browsers' own data stays", () => {
  const r = run(join(top, "installer/uninstall.sh"), ["--purge"]);
  assert.equal(r.code, 0, r.out);
  const added = installed.filter((p) => !before.includes(p));
  const left = added.filter((p) => existsSync(join(home, p)) && !statSync(join(home, p)).isDirectory());
  assert.deepEqual(left, []);
  const named = tree(home).filter((p) => /objector/i.test(p) && !p.startsWith(".config/chromium/"));
  assert.deepEqual(named, []);
});
