// `sudo installer/install.sh --system` puts Objector into Debian's chromium for every user: the
// browser started afterwards by a user with a fresh HOME and no extension flag installs the
// extension from /usr/share/chromium/extensions, runs its worker, reaches the host through the
// system-wide manifest (/etc/chromium/native-messaging-hosts), and its control shows on Meta's notice.
// `uninstall.sh --system` takes every system file out again and Chromium drops the extension at its
// next start. It changes the machine, so it runs only as root with CI=true (as the .deb test); it
// says so and skips otherwise. Firefox has no system route in the installer (installer/README.md).
// Env: OBJECTOR_BUILD_DIR, OBJECTOR_E2E_SERVER, OBJECTOR_FIXTURES_DIR.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, existsSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { startFixtureServer } from "../e2e/lib/fixture-server.mjs";
import { hostResolverRules } from "../e2e/lib/browsers.mjs";
import { waitForText } from "../e2e/lib/objector-ui.mjs";
import { say } from "../e2e/lib/strings.mjs";

const require = createRequire(import.meta.url);
const puppeteer = require("puppeteer-core");
const top = new URL("../..", import.meta.url).pathname.replace(/\/$/, "");
const IDS = JSON.parse(readFileSync(join(top, "manifests/ids.json"), "utf8"));
const build = process.env.OBJECTOR_BUILD_DIR;
const fixturesDir = process.env.OBJECTOR_FIXTURES_DIR || join(top, "tests/fixtures");
const NOTICE = "https://en-gb.facebook.com/privacy/genai/";
const SYSTEM_FILES = {
  record: "/var/lib/objector/install-record.json",
  key: "/var/lib/objector/extension-key.pem",
  host: "/etc/chromium/native-messaging-hosts/org.objector.host.json",
  bin: "/usr/local/bin/objector-host",
};
const allowed = process.getuid?.() === 0 && process.env.CI === "true";
const why = "needs root and CI=true: it installs into /usr/local, /usr/share/chromium, /etc/chromium and /var/lib";

let work;
let home;
let env;
let server;
let id;

before(async () => {
  if (!allowed) return;
  assert.ok(build, "OBJECTOR_BUILD_DIR must name the build folder");
  for (const f of Object.values(SYSTEM_FILES)) assert.ok(!existsSync(f), `${f} exists before the test: a system install is already on this machine`);
  work = mkdtempSync(join(tmpdir(), "objector-system-"));
  home = join(work, "home");
  mkdirSync(home);
  env = { PATH: process.env.PATH, HOME: home, LANG: "C.UTF-8" };
  server = await startFixtureServer({ binary: process.env.OBJECTOR_E2E_SERVER || join(build, "tests/e2e/objector-fixture-server"), fixturesDir, workDir: work });
});
after(async () => {
  if (!allowed) return;
  // Whatever happened, leave the machine as it was.
  spawnSync(join(top, "installer/uninstall.sh"), ["--system"], { env, stdio: "ignore" });
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

function run(cmd, args) {
  const r = spawnSync(cmd, args, { env, encoding: "utf8", timeout: 300000 });
  return { code: r.status, out: `${r.stdout}\n${r.stderr}` };
}

function trustCa() {
  const db = join(home, ".pki/nssdb");
  mkdirSync(db, { recursive: true, mode: 0o700 });
  if (!existsSync(join(db, "cert9.db"))) spawnSync("certutil", ["-N", "-d", `sql:${db}`, "--empty-password"], { stdio: "ignore" });
  const r = spawnSync("certutil", ["-A", "-d", `sql:${db}`, "-n", "objector-e2e-test-ca", "-t", "C,,", "-i", server.certs.caPem], { encoding: "utf8" });
  assert.equal(r.status, 0, `certutil: ${r.stderr}`);
}

// As a user starts it: the default profile of a HOME that never had Objector, no extension flag.
function startChromium() {
  trustCa();
  const userDataDir = join(home, ".config/chromium");
  return puppeteer.launch({
    executablePath: "/usr/bin/chromium", userDataDir, env, ignoreDefaultArgs: true,
    args: ["--headless=new", "--no-sandbox", "--disable-gpu", `--user-data-dir=${userDataDir}`,
      `--host-resolver-rules=${hostResolverRules(server.hosts, server.httpsPort)}`, "about:blank"],
  });
}

async function workerOf(browser, extensionId, timeout) {
  const target = await browser.waitForTarget((t) => t.type() === "service_worker" && t.url().startsWith(`chrome-extension://${extensionId}/`), { timeout }).catch(() => null);
  return target;
}

test("install.sh --system writes the system-wide registrations, the key 0600 in /var/lib/objector", { skip: allowed ? false : why }, () => {
  const r = run(join(top, "installer/install.sh"), ["--system", "--build-dir", build, "--skip-deps", "--no-open"]);
  assert.equal(r.code, 0, r.out);
  const record = JSON.parse(readFileSync(SYSTEM_FILES.record, "utf8"));
  id = record.extension_ids[0];
  assert.match(id, /^[a-p]{32}$/);
  assert.equal(statSync(SYSTEM_FILES.key).mode & 0o777, 0o600);
  const reg = JSON.parse(readFileSync(`/usr/share/chromium/extensions/${id}.json`, "utf8"));
  assert.equal(readFileSync(reg.external_crx).subarray(0, 4).toString("latin1"), "Cr24");
  const manifest = JSON.parse(readFileSync(SYSTEM_FILES.host, "utf8"));
  assert.equal(manifest.path, SYSTEM_FILES.bin);
  assert.ok(manifest.allowed_origins.includes(`chrome-extension://${id}/`), JSON.stringify(manifest.allowed_origins));
  assert.ok(manifest.allowed_origins.includes(`chrome-extension://${IDS.chromium_id}/`));
  assert.ok(!existsSync(join(home, ".local/bin")) && !existsSync(join(home, ".config/chromium")), "nothing written into the user's HOME");
});

test("a user's chromium, fresh profile, no flag: worker runs, first-run page, popup connected, control on the notice", { skip: allowed ? false : why }, async () => {
  const browser = await startChromium();
  try {
    assert.ok(await workerOf(browser, id, 30000), "Chromium installed the system extension and runs its worker");
    const first = await browser.waitForTarget((t) => t.url().startsWith(`chrome-extension://${id}/options/options.html`), { timeout: 20000 }).catch(() => null);
    assert.ok(first, "the first-run page opened by itself");
    const popup = await browser.newPage();
    await popup.goto(`chrome-extension://${id}/popup/popup.html`);
    await waitForText(popup, say("popupHostConnected", "0.1.0").replace(/0\.1\.0$/, ""), { timeout: 15000 });
    const notice = await browser.newPage();
    const response = await notice.goto(NOTICE, { waitUntil: "load", timeout: 20000 });
    assert.equal(response.status(), 200);
    await waitForText(notice, say("contentObjectButton"), { timeout: 15000 });
  } finally {
    await browser.close();
  }
});

test("uninstall.sh --system removes every system file; the user's chromium drops the extension at its next start", { skip: allowed ? false : why }, async () => {
  const r = run(join(top, "installer/uninstall.sh"), ["--system"]);
  assert.equal(r.code, 0, r.out);
  for (const f of [...Object.values(SYSTEM_FILES), `/usr/share/chromium/extensions/${id}.json`, "/usr/local/share/objector", "/usr/local/bin/objector"]) {
    assert.ok(!existsSync(f), `${f} removed`);
  }
  const browser = await startChromium();
  try {
    await new Promise((res) => setTimeout(res, 3000));
    const left = browser.targets().filter((t) => t.url().startsWith(`chrome-extension://${id}/`));
    assert.deepEqual(left.map((t) => t.url()), []);
  } finally {
    await browser.close();
  }
  const prefs = JSON.parse(readFileSync(join(home, ".config/chromium/Default/Preferences"), "utf8"));
  assert.equal(prefs.extensions?.settings?.[id]?.manifest, undefined, "Chromium uninstalled it");
});
