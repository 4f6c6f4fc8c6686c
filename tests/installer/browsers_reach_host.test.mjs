// The real installer/install.sh into a fresh HOME puts Objector itself into Debian's chromium and
// firefox-esr, for good: each browser started afterwards on that HOME's default profile, with no
// --load-extension and no extension flag, runs Objector's worker, opens its first-run page, its
// popup says the host is connected, and Meta's notice (the fixture server at Meta's address) gets
// Objector's control. `objector doctor` names "extension not installed" before, passes after and
// names the id mismatch when the host manifest's origin is edited. installer/uninstall.sh then
// takes the extension out of both browsers (checked by starting them again), and an install
// followed by an uninstall leaves the HOME exactly as it was (every path, size and content hash).
// Env: OBJECTOR_BUILD_DIR (a configured build folder with objector, objector-host and
// objector-fixture-server), OBJECTOR_FIXTURES_DIR (tests/fixtures).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, existsSync, rmSync, readdirSync, lstatSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { createRequire } from "node:module";
import { startFixtureServer } from "../e2e/lib/fixture-server.mjs";
import { startConnectProxy } from "../e2e/lib/connect-proxy.mjs";
import { hostResolverRules } from "../e2e/lib/browsers.mjs";
import { waitForText } from "../e2e/lib/objector-ui.mjs";
import { say } from "../e2e/lib/strings.mjs";

const require = createRequire(import.meta.url);
const puppeteer = require("puppeteer-core");
const top = new URL("../..", import.meta.url).pathname.replace(/\/$/, "");
const IDS = JSON.parse(readFileSync(join(top, "manifests/ids.json"), "utf8"));
const build = process.env.OBJECTOR_BUILD_DIR;
assert.ok(build, "OBJECTOR_BUILD_DIR must name the build folder");
const fixturesDir = process.env.OBJECTOR_FIXTURES_DIR || join(top, "tests/fixtures");
const NOTICE = "https://en-gb.facebook.com/privacy/genai/";

const work = mkdtempSync(join(tmpdir(), "objector-installer-"));
const home = join(work, "home");
mkdirSync(home);
const env = { PATH: process.env.PATH, HOME: home, LANG: "C.UTF-8" };
let server;
let localId;  // the id of the key install.sh made

before(async () => {
  const binary = process.env.OBJECTOR_E2E_SERVER || join(build, "tests/e2e/objector-fixture-server");
  server = await startFixtureServer({ binary, fixturesDir, workDir: work });
});
after(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

function run(cmd, args) {
  const r = spawnSync(cmd, args, { env, encoding: "utf8", timeout: 300000 });
  return { code: r.status, out: `${r.stdout}\n${r.stderr}` };
}
const doctor = () => run(join(build, "host/objector"), ["doctor"]);
const install = () => run(join(top, "installer/install.sh"), ["--build-dir", build, "--skip-deps", "--no-open"]);
const uninstall = () => run(join(top, "installer/uninstall.sh"), []);

// Every path under `dir` with its type, mode and (files) size and sha256.
function listing(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = lstatSync(p);
      const mode = (st.mode & 0o7777).toString(8);
      if (st.isDirectory()) {
        out.push(`${relative(dir, p)}/ ${mode}`);
        walk(p);
      } else if (st.isFile()) {
        out.push(`${relative(dir, p)} ${mode} ${st.size} ${createHash("sha256").update(readFileSync(p)).digest("hex")}`);
      } else {
        out.push(`${relative(dir, p)} (link or other)`);
      }
    }
  };
  walk(dir);
  return out;
}

// The profile Firefox itself chose for this HOME (installs.ini), as a person's start uses it.
function firefoxDefaultProfile() {
  const root = join(home, ".config/mozilla/firefox");
  const ini = readFileSync(join(root, "installs.ini"), "utf8");
  return join(root, /^Default=(.+)$/m.exec(ini)[1]);
}

// Trusts the fixture server's CA in an NSS database (Chromium's ~/.pki/nssdb, a Firefox profile),
// creating the database only when the browser has not made one yet.
function trustCaInNssDb(dbDir, caPem) {
  mkdirSync(dbDir, { recursive: true, mode: 0o700 });
  if (!existsSync(join(dbDir, "cert9.db"))) {
    spawnSync("certutil", ["-N", "-d", `sql:${dbDir}`, "--empty-password"], { stdio: "ignore" });
  }
  const r = spawnSync("certutil", ["-A", "-d", `sql:${dbDir}`, "-n", "objector-e2e-test-ca", "-t", "C,,", "-i", caPem],
    { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  assert.equal(r.status, 0, `certutil: ${r.stderr}`);
}

const chromiumPrefs = () => JSON.parse(readFileSync(join(home, ".config/chromium/Default/Preferences"), "utf8"));

async function startChromium() {
  trustCaInNssDb(join(home, ".pki/nssdb"), server.certs.caPem);
  const userDataDir = join(home, ".config/chromium");
  // As a person starts it: the default profile, no extension flag. Headless, no sandbox (root),
  // and Meta's hosts mapped to the fixture server, every other name to "not found".
  return puppeteer.launch({
    executablePath: "/usr/bin/chromium", userDataDir, env, ignoreDefaultArgs: true,
    args: ["--headless=new", "--no-sandbox", "--disable-gpu", `--user-data-dir=${userDataDir}`,
      `--host-resolver-rules=${hostResolverRules(server.hosts, server.httpsPort)}`, "about:blank"],
  });
}

// firefox-esr started by hand (puppeteer.launch would replace the profile's user.js), with no
// profile argument: Firefox picks this HOME's default profile itself. Meta's hosts reach the
// fixture server through a CONNECT proxy named in the environment; puppeteer drives it over BiDi.
async function startFirefox() {
  trustCaInNssDb(firefoxDefaultProfile(), server.certs.caPem);
  const proxy = await startConnectProxy({ allowHosts: server.hosts, targetPort: server.httpsPort });
  const proxyUrl = `http://127.0.0.1:${proxy.port}`;
  const child = spawn("/usr/bin/firefox-esr", ["--headless", "--remote-debugging-port=0", "--remote-allow-system-access"],
    { env: { ...env, http_proxy: proxyUrl, https_proxy: proxyUrl }, stdio: ["ignore", "ignore", "pipe"] });
  const endpoint = await new Promise((resolve, reject) => {
    let said = "";
    const timer = setTimeout(() => reject(new Error(`firefox-esr gave no BiDi endpoint in 30 s: ${said.slice(-500)}`)), 30000);
    child.stderr.on("data", (d) => {  // read to the end, so that Firefox never blocks on a full pipe
      if (said.length > 65536) return;
      said += d;
      const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(said);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.once("exit", (code) => { clearTimeout(timer); reject(new Error(`firefox-esr exited with ${code}: ${said.slice(-500)}`)); });
  });
  const browser = await puppeteer.connect({ browserWSEndpoint: `${endpoint}/session`, protocol: "webDriverBiDi" });
  const exited = new Promise((r) => child.once("exit", r));
  return {
    browser,
    async close() {
      await browser.close().catch(() => {});
      const timer = setTimeout(() => child.kill("SIGKILL"), 10000);
      await exited;
      clearTimeout(timer);
      await proxy.close();
    },
  };
}

// The first page whose document is on `prefix` (the extension opened it by itself), or null.
async function pageOn(browser, prefix, timeout) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => "");
      if (href.startsWith(prefix)) return { page, href };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return null;
}

// What a person checks in a started browser: the popup saying the host is connected, Objector's
// control on Meta's notice.
async function noticeHasControl(browser, timeout = 15000) {
  const notice = await browser.newPage();
  const response = await notice.goto(NOTICE, { waitUntil: "load", timeout: 20000 });
  assert.equal(response.status(), 200);
  await waitForText(notice, say("contentObjectButton"), { timeout });
}

async function personSees(browser, origin) {
  const popup = await browser.newPage();
  popup.goto(`${origin}/popup/popup.html`).catch(() => {});  // Firefox's goto on moz-extension:// never resolves
  await waitForText(popup, say("popupHostConnected", "0.1.0").replace(/0\.1\.0$/, ""), { timeout: 15000 });
  const state = await popup.evaluate(() => document.getElementById("host-state").textContent);
  assert.match(state, /^Connected, version \d+\.\d+\.\d+/);
  await noticeHasControl(browser);
}

test("before install, doctor names the missing extension for both browsers", () => {
  const r = doctor();
  assert.equal(r.code, 1, r.out);
  assert.match(r.out, /Chromium \(chromium\)[\s\S]*PROBLEM \[extension not installed\][\s\S]*Firefox \(firefox\)[\s\S]*PROBLEM \[extension not installed\]/);
});

test("install.sh (non-interactive) signs a .crx with a key made here and registers it, the .xpi in Firefox's profile", () => {
  const r = install();
  assert.equal(r.code, 0, r.out);
  const record = JSON.parse(readFileSync(join(home, ".local/share/objector/install-record.json"), "utf8"));
  assert.equal(record.extension_ids.length, 1);
  localId = record.extension_ids[0];
  assert.match(localId, /^[a-p]{32}$/);
  assert.notEqual(localId, IDS.chromium_id, "a key of this machine, not the store's");
  const key = statSync(join(home, ".local/share/objector/extension-key.pem"));
  assert.equal(key.mode & 0o777, 0o600);
  const reg = JSON.parse(readFileSync(join(home, ".config/chromium/External Extensions", `${localId}.json`), "utf8"));
  assert.equal(reg.external_crx, join(home, ".local/share/objector-extension/objector.crx"));
  assert.equal(readFileSync(reg.external_crx).subarray(0, 4).toString("latin1"), "Cr24");
  const cr = JSON.parse(readFileSync(join(home, ".config/chromium/NativeMessagingHosts/org.objector.host.json")));
  assert.deepEqual(cr.allowed_origins, [`chrome-extension://${IDS.chromium_id}/`, `chrome-extension://${localId}/`]);
  const profile = firefoxDefaultProfile();
  assert.ok(existsSync(join(profile, "extensions", `${IDS.gecko_id}.xpi`)));
  assert.match(readFileSync(join(profile, "user.js"), "utf8"), /user_pref\("xpinstall.signatures.required", false\);/);
  assert.match(r.out, /browser\s+host\s+extension\nChromium\s+registered\s+added [a-p]{32}[^\n]*\nFirefox\s+registered\s+added to \d profile/);
  assert.doesNotMatch(r.out, /Load unpacked|about:debugging/);
});

test("after install, doctor passes: host answers with the recorded id, the extension is registered", () => {
  const r = doctor();
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, new RegExp(`extension: registered ${localId}`));
  assert.match(r.out, /Firefox \(firefox\)[\s\S]*extension: [^\n]*default[^\n]*: added [^\n]*objector@objector.org.xpi/);
  assert.match(r.out, /All good\./);
});

test("chromium on that HOME, no --load-extension: worker, first-run page, popup connected, control on the notice", async () => {
  const browser = await startChromium();
  try {
    const origin = `chrome-extension://${localId}`;
    await browser.waitForTarget((t) => t.type() === "service_worker" && t.url().startsWith(`${origin}/`), { timeout: 20000 });
    assert.ok(await pageOn(browser, `${origin}/options/options.html`, 20000), "the extension opened its first-run page by itself");
    await personSees(browser, origin);
  } finally {
    await browser.close();
  }
  const again = await startChromium();  // and again after a restart
  try {
    await personSees(again, `chrome-extension://${localId}`);
  } finally {
    await again.close();
  }
  const settings = chromiumPrefs().extensions.settings[localId];
  assert.deepEqual(settings.disable_reasons ?? [], []);
  const r = doctor();
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, new RegExp(`extension: Default: installed, enabled, version \\d+\\.\\d+\\.\\d+, id ${localId}`));
});

// The add-on's moz-extension:// address in this profile (Firefox writes it to prefs.js when it quits).
function firefoxAddonOrigin() {
  const prefs = readFileSync(join(firefoxDefaultProfile(), "prefs.js"), "utf8");
  const m = /user_pref\("extensions\.webextensions\.uuids", "(.*)"\);/.exec(prefs);
  assert.ok(m, "Firefox recorded the add-ons' addresses");
  const uuid = JSON.parse(m[1].replace(/\\"/g, '"'))[IDS.gecko_id];
  assert.match(uuid ?? "", /^[0-9a-f-]{36}$/, `Firefox gave the add-on an address: ${m[1]}`);
  return `moz-extension://${uuid}`;
}

// Firefox does not fire runtime.onInstalled for an add-on it finds in the profile at start-up; the
// background opens the first-run page itself the first time it runs there with nobody set up, and
// never again. The add-on's address is known from prefs.js only after a start that ran it, hence
// the popup at the third. Pages are told by their document's address (puppeteer's cached url() of
// a tab the extension opened stays about:blank over BiDi: that, not the product, made the earlier
// check miss the page in 2 of 4 runs).
test("firefox-esr on that HOME, no extension flag: first-run page once, from the second start on control on the notice and the popup says connected", async () => {
  // Firefox takes in an add-on it finds in the profile at one start and runs it from the next
  // (measured here: the control never shows at the first start after install; the first-run page
  // came at the second start in 5 of 5 runs). Either start may show it; exactly one must.
  const optionsPage = /^moz-extension:\/\/[^/]+\/options\/options\.html/;
  const first = await startFirefox();
  const atFirst = await pageOn(first.browser, "moz-extension://", 5000);
  await first.close();
  const second = await startFirefox();
  try {
    const atSecond = await pageOn(second.browser, "moz-extension://", atFirst ? 3000 : 20000);
    assert.ok(atFirst || atSecond, "the extension opened its first-run page by itself at the first or second start");
    assert.ok(!(atFirst && atSecond), "and only once");
    assert.match((atFirst || atSecond).href, optionsPage);
    await noticeHasControl(second.browser);
  } finally {
    await second.close();
  }
  const addons = JSON.parse(readFileSync(join(firefoxDefaultProfile(), "extensions.json"), "utf8")).addons;
  const mine = addons.find((a) => a.id === IDS.gecko_id);
  assert.ok(mine && mine.active, `the add-on is installed and active: ${JSON.stringify(mine && { active: mine.active, appDisabled: mine.appDisabled })}`);
  const origin = firefoxAddonOrigin();
  const ff = await startFirefox();
  try {
    assert.equal(await pageOn(ff.browser, "moz-extension://", 3000), null, "no first-run page at a later start");
    await personSees(ff.browser, origin);
  } finally {
    await ff.close();
  }
  const r = doctor();
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, /Firefox \(firefox\)[\s\S]*extension: [^\n]*default-esr: installed, enabled, version \d+\.\d+\.\d+, id objector@objector.org/);
});

test("doctor names the id mismatch when the host manifest's origin is edited", () => {
  const file = join(home, ".config/chromium/NativeMessagingHosts/org.objector.host.json");
  const original = readFileSync(file, "utf8");
  writeFileSync(file, original.replace(`chrome-extension://${localId}/`, `chrome-extension://${"a".repeat(32)}/`));
  try {
    const r = doctor();
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, new RegExp(`PROBLEM \\[id mismatch\\] id mismatch: the extension in Chromium has id ${localId}`));
  } finally {
    writeFileSync(file, original);
  }
});

test("uninstall.sh takes the extension out of both browsers (started again to check); the history stays", async () => {
  const r = uninstall();
  assert.equal(r.code, 0, r.out);
  assert.ok(!existsSync(join(home, ".local/share/objector/extension-key.pem")), "signing key removed");
  assert.ok(existsSync(join(home, ".local/share/objector/objector.sqlite3")), "history kept without --purge");
  const profile = firefoxDefaultProfile();
  assert.ok(!existsSync(join(profile, "user.js")), "user.js (made by the install) removed");
  assert.doesNotMatch(readFileSync(join(profile, "prefs.js"), "utf8"), /xpinstall\.signatures\.required|autoDisableScopes/);
  const browser = await startChromium();
  await new Promise((res) => setTimeout(res, 3000));
  const left = browser.targets().filter((t) => t.url().startsWith(`chrome-extension://${localId}/`));
  await browser.close();
  assert.deepEqual(left.map((t) => t.url()), []);
  assert.equal(chromiumPrefs().extensions.settings?.[localId]?.manifest, undefined, "Chromium uninstalled it");
  assert.ok(!existsSync(join(home, ".config/chromium/Default/Extensions", localId)), "and deleted its copy");
  const ff = await startFirefox();
  await new Promise((res) => setTimeout(res, 3000));
  await ff.close();
  const addons = JSON.parse(readFileSync(join(profile, "extensions.json"), "utf8")).addons;
  assert.deepEqual(addons.filter((a) => a.id === IDS.gecko_id), []);
  const d = doctor();
  assert.equal(d.code, 1);
  assert.match(d.out, /\[extension not installed\]/);
});

test("install then uninstall leaves this HOME exactly as it was (paths, modes, sizes, contents)", () => {
  const before = listing(home);
  const i = install();
  assert.equal(i.code, 0, i.out);
  assert.notDeepEqual(listing(home), before);
  const u = uninstall();
  assert.equal(u.code, 0, u.out);
  assert.deepEqual(listing(home), before);
});
