// Issue 13: a browser that cannot start the native host keeps its history through the paired
// loopback agent. Real browser (OBJECTOR_E2E_BROWSER), the host registered by the real
// `objector install`, the real `objector serve` for that HOME, the real `objector pair`:
//  (1) the person pairs in the options page with the code `objector pair` printed; the token is
//      kept in the extension's IndexedDB, never in storage.local;
//  (2) the host manifest removed (as in a Snap browser) → a one-click objection lands in SQLite
//      over HTTP (`objector export`), the popup says "agent";
//  (3) the manifest back → the next objection goes over native messaging, the popup says "native";
//  (4) the agent down and the host missing → the objection waits in the outbox (nothing lost) and
//      is delivered, once, when the agent is back;
//  (5) Unpair forgets the token (here and at the agent) and gives the host permission back.
// The permission prompt (http://127.0.0.1/*, asked for in the Pair click) has no headless way to
// be accepted, so the test profile grants it before the browser starts: Chromium's Preferences
// (granted + active host permissions of our id, written between a first and a second start),
// Firefox's extensions.webextOptionalPermissionPrompts=false. The click still asks; the browser
// answers yes without a dialog.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync, renameSync, writeFileSync, rmSync, copyFileSync } from "node:fs";
import { join } from "node:path";
import { config, makeWorkDir, artifactsDir } from "./lib/env.mjs";
import { startFixtureServer } from "./lib/fixture-server.mjs";
import { launchBrowser } from "./lib/browsers.mjs";
import { newHome, installHost, objector, objectorCli, exportHistory } from "./lib/person.mjs";
import { extensionFor } from "./lib/extension.mjs";
import { flow } from "./lib/steps.mjs";
import { firstRun, waitReady } from "./lib/options-page.mjs";
import { pressPanelButton, waitForText } from "./lib/objector-ui.mjs";
import { waitForRecord } from "./lib/history.mjs";
import { keepScreenshot } from "./lib/screenshots.mjs";
import { say } from "./lib/strings.mjs";

const name = config.browser;
const IDS = JSON.parse(readFileSync(new URL("../../manifests/ids.json", import.meta.url), "utf8"));
const PERSON = { email: "cleo.objector@example.org", country: "FR", language: "en" };
const OBJECTIONS = [
  { open: "https://en-gb.facebook.com/privacy/genai/", button: "contentObjectButton",
    form: "https://en-gb.facebook.com/help/contact/712876720715583" },
  { open: "https://help.instagram.com/contact/767264225370182", button: "contentFillButton",
    form: "https://help.instagram.com/contact/767264225370182" },
  { open: "https://www.facebook.com/help/contact/1266025207620918", button: "contentFillButton",
    form: "https://www.facebook.com/help/contact/1266025207620918" },
];
const LOOPBACK = "http://127.0.0.1/*";

let work, server, person, handle, extensionDir, agent;

function hostManifests(home) {
  return {
    chromium: join(home, ".config/chromium/NativeMessagingHosts/org.objector.host.json"),
    firefox: join(home, ".mozilla/native-messaging-hosts/org.objector.host.json"),
  };
}
// The host manifest away, as in a browser that cannot start the host. The browser keeps a host it
// already started (one native port serves many requests), so that one is ended too: only the
// objector-host processes whose HOME is this test's, found by pid.
async function removeHostManifest() {
  const m = hostManifests(person.home)[name];
  assert.ok(existsSync(m), `the installer registered no host for ${name} at ${m}`);
  renameSync(m, `${m}.away`);
  for (const pid of hostPidsOf(person.home)) {
    try {
      process.kill(pid, "SIGTERM");
    } catch { /* gone already */ }
  }
  const deadline = Date.now() + 5000;
  while (hostPidsOf(person.home).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  assert.deepEqual(hostPidsOf(person.home), [], "the running objector-host of this HOME ended");
}
function hostPidsOf(home) {
  const pids = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (!cmd.split("\0")[0].endsWith("objector-host")) continue;
      const env = readFileSync(`/proc/${entry}/environ`, "utf8").split("\0");
      if (env.includes(`HOME=${home}`)) pids.push(Number(entry));
    } catch { /* not ours to read, or gone */ }
  }
  return pids;
}
function restoreHostManifest() {
  const m = hostManifests(person.home)[name];
  renameSync(`${m}.away`, m);
}

const dataDir = () => join(person.home, ".local/share/objector");

// `objector serve` for this HOME, in the foreground of a child process; resolves once agent.json
// (written when it listens) exists. stop() sends SIGTERM and waits for the exit.
async function startAgent() {
  const file = join(dataDir(), "agent.json");
  const child = spawn(objectorCli(), ["serve"], { env: person.env, stdio: ["ignore", "ignore", "pipe"] });
  let said = "";
  child.stderr.on("data", (d) => { said += d; });
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const deadline = Date.now() + 10000;
  while (!existsSync(file)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`objector serve did not write ${file} within 10 s (exit ${child.exitCode}): ${said.trim().slice(0, 400)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const { port } = JSON.parse(readFileSync(file, "utf8"));
  return {
    port,
    stderr: () => said,
    async stop() {
      child.kill("SIGTERM");
      const how = await exited;
      writeFileSync(join(artifactsDir(), `${name}-agent-serve.log`), said);
      return how;
    },
  };
}

// Chromium: the host permission granted to our id in the profile, as if the person had once said
// yes; needs the profile to know the extension, so it is written between two starts.
function grantLoopbackInChromiumProfile(home) {
  const path = join(home, ".config/chromium/Default/Preferences");
  const prefs = JSON.parse(readFileSync(path, "utf8"));
  const settings = prefs.extensions?.settings?.[IDS.chromium_id];
  assert.ok(settings, `Chromium's Preferences know no extension ${IDS.chromium_id} after the first start`);
  for (const set of ["granted_permissions", "active_permissions"]) {
    settings[set] ||= {};
    settings[set].explicit_host = [...new Set([...(settings[set].explicit_host || []), LOOPBACK])].sort();
  }
  writeFileSync(path, JSON.stringify(prefs));
}

// trustCa: the first start puts the test CA into the profile's certificate store; later starts reuse it.
async function launch({ trustCa = true } = {}) {
  return launchBrowser(name, { home: person.home, extensionDir, server, env: person.env, allowLoopback: true, trustCa });
}

before(async () => {
  work = makeWorkDir(`agent-${name}`);
  server = await startFixtureServer({ binary: config.serverBinary, fixturesDir: config.fixturesDir, workDir: work });
  person = newHome(join(work, "home"));
  await installHost(person.home);
  extensionDir = await extensionFor(name, join(work, "extension"));
  handle = await launch();
  if (name === "chromium") {
    await handle.close();
    grantLoopbackInChromiumProfile(person.home);
    handle = await launch({ trustCa: false });
  }
});
after(async () => {
  await handle?.close();
  await agent?.stop().catch(() => {});
  await server?.stop();
  try {
    copyFileSync(server.logPath, join(artifactsDir(), `${name}-agent-fixture-server.log`));
  } catch { /* no log to keep */ }
  if (process.env.OBJECTOR_E2E_KEEP !== "1" && work) rmSync(work, { recursive: true, force: true });
});

async function backgroundCall(page, message) {
  return page.evaluate(async (m) => {
    const api = globalThis.browser || globalThis.chrome;
    return api.runtime.sendMessage(m);
  }, message);
}

async function object(o, label) {
  const f = flow(name, label);
  const { page } = await f.step(`open ${o.open}`, () => handle.openPage(o.open));
  f.usePage(page);
  await f.step(`click ${say(o.button)}`, () => pressPanelButton(name, page, say(o.button)));
  await f.step("Meta confirms", () => waitForText(page, say("contentConfirmed"), { timeout: 20000 }));
  assert.equal(page.url(), o.form);
  await page.close();
}

// The popup as the person opens it: its host line and which transport it names.
async function popupTransport(screenshot) {
  const popup = await handle.openExtensionPage("popup/popup.html");
  await waitReady(popup);
  await popup.waitForFunction(() => document.getElementById("host-state").textContent.length > 0, { timeout: 10000 });
  const seen = await popup.evaluate(() => ({
    text: document.getElementById("host-state").textContent,
    transport: document.getElementById("host-state").dataset.transport,
  }));
  if (screenshot) {
    await popup.setViewport({ width: 420, height: 560 });
    await keepScreenshot(name, popup, screenshot);
  }
  await popup.close();
  return seen;
}

test(`${name} (1): first run, then pairing with the code objector pair printed`, async () => {
  const f = flow(name, "pair with the agent");
  const options = await f.step("open the options page", () => handle.openExtensionPage("options/options.html"));
  f.usePage(options);
  await f.step("walk through the first run", () => firstRun(options, PERSON));
  agent = await f.step("start objector serve for this HOME", () => startAgent());
  const pair = await f.step("objector pair prints a code", () => objector(person.home, ["pair"]));
  assert.equal(pair.code, 0, `objector pair failed: ${pair.stderr}`);
  const code = (/\b(\d{2,5}-\d{6})\b/.exec(pair.stdout) || [])[1];
  assert.ok(code, `no PORT-123456 code in: ${pair.stdout}`);
  assert.equal(Number(code.split("-")[0]), agent.port, "the code names the agent's port");

  const settings = await f.step("open Settings", () => handle.openExtensionPage("options/options.html#settings"));
  f.usePage(settings);
  await waitReady(settings);
  await f.step("the pairing section says not paired", () =>
    settings.waitForFunction(() => /Not paired/.test(document.getElementById("pairing-state")?.textContent || ""), { timeout: 10000 }));
  await settings.type("#pairing-code", code);
  await f.step("press Pair", () => settings.click("#pairing-pair"));
  await f.step("the page says paired on the agent's port", () =>
    settings.waitForFunction((port) => document.getElementById("pairing-state").textContent.includes(`port ${port}`), { timeout: 10000 }, agent.port));
  assert.equal(await settings.$eval("#pairing-error", (e) => e.textContent), "");
  const kept = await settings.evaluate(async () => {
    const api = globalThis.browser || globalThis.chrome;
    const local = JSON.stringify(await api.storage.local.get(null));
    const pairing = await new Promise((resolve, reject) => {
      const open = indexedDB.open("objector-private");
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const get = open.result.transaction("kv").objectStore("kv").get("agentPairing");
        get.onsuccess = () => resolve(get.result);
        get.onerror = () => reject(get.error);
      };
    });
    const granted = await api.permissions.contains({ origins: ["http://127.0.0.1/*"] });
    return { local, pairing, granted };
  });
  assert.equal(kept.granted, true, "the click's permissions.request left the host permission granted");
  assert.equal(kept.pairing.port, agent.port);
  assert.match(kept.pairing.token, /^[0-9a-f]{64}$/);
  assert.ok(!kept.local.includes(kept.pairing.token) && !kept.local.includes("agentPairing"), "storage.local holds nothing of the pairing");
  await keepScreenshot(name, settings, "options-paired");
  await settings.close();
  await options.close();
  const seen = await popupTransport();
  assert.equal(seen.transport, "native", `with the host registered the popup says native: ${seen.text}`);
});

test(`${name} (2): host manifest removed → the one-click objection lands in SQLite over HTTP; the popup says agent`, async () => {
  await removeHostManifest();
  const before = (await exportHistory(person.home)).length;
  await object(OBJECTIONS[0], "objection over the agent");
  const record = await waitForRecord(person.home, { form_url: OBJECTIONS[0].form, current_status: "confirmed" });
  assert.deepEqual(record.events.map((e) => e.status), ["submitted", "confirmed"]);
  assert.equal((await exportHistory(person.home)).length, before + 1);
  const seen = await popupTransport("popup-agent");
  assert.equal(seen.transport, "agent", `popup: ${seen.text}`);
  assert.match(seen.text, /agent/);
});

test(`${name} (3): host manifest back → the next objection goes over native messaging`, async () => {
  restoreHostManifest();
  await object(OBJECTIONS[1], "objection over native messaging");
  await waitForRecord(person.home, { form_url: OBJECTIONS[1].form, current_status: "confirmed" });
  const seen = await popupTransport();
  assert.equal(seen.transport, "native", `popup: ${seen.text}`);
});

test(`${name} (4): agent down and host missing → kept in the outbox; delivered once when the agent is back`, async () => {
  const f = flow(name, "agent down, host missing");
  await removeHostManifest();
  const stopped = await f.step("stop objector serve", () => agent.stop());
  assert.equal(existsSync(join(dataDir(), "agent.json")), false, `agent.json left behind (${JSON.stringify(stopped)})`);
  agent = null;
  await object(OBJECTIONS[2], "objection with nothing to take it");
  const popup = await handle.openExtensionPage("popup/popup.html");
  await waitReady(popup);
  const waiting = await backgroundCall(popup, { type: "outbox.status" });
  assert.equal(waiting.result.pending, 2, "the press's submission and Meta's answer wait in the outbox");
  assert.equal((await exportHistory(person.home)).some((r) => r.form_url === OBJECTIONS[2].form), false);
  const status = await backgroundCall(popup, { type: "host.status" });
  assert.deepEqual([status.result.connected, status.result.transport, status.result.error.code], [false, null, "host_missing"]);
  await popup.close();

  agent = await f.step("start objector serve again (same port, the pairing survives)", () => startAgent());
  const seen = await popupTransport(); // opening the popup looks for a history and flushes the outbox
  assert.equal(seen.transport, "agent", `popup: ${seen.text}`);
  const record = await f.step("the waiting objection reaches the history", () =>
    waitForRecord(person.home, { form_url: OBJECTIONS[2].form, current_status: "confirmed" }));
  assert.deepEqual(record.events.map((e) => e.status), ["submitted", "confirmed"], "once each");
  const again = await handle.openExtensionPage("popup/popup.html");
  await waitReady(again);
  await again.waitForFunction(async () => {
    const api = globalThis.browser || globalThis.chrome;
    const r = await api.runtime.sendMessage({ type: "outbox.status" });
    return r.ok && r.result.pending === 0;
  }, { timeout: 10000, polling: 200 });
  await again.close();
  const all = await exportHistory(person.home);
  assert.equal(all.length, 3, `three objections, once each: ${all.map((r) => r.form_url).join(", ")}`);
});

test(`${name} (5): Unpair forgets the pairing and the permission; with the host still away nothing answers`, async () => {
  const f = flow(name, "unpair");
  const settings = await f.step("open Settings", () => handle.openExtensionPage("options/options.html#settings"));
  f.usePage(settings);
  await waitReady(settings);
  await settings.waitForSelector("#pairing-unpair:not([hidden])", { visible: true, timeout: 10000 });
  await f.step("press Unpair", () => settings.click("#pairing-unpair"));
  await f.step("the page says not paired", () =>
    settings.waitForFunction(() => /Not paired/.test(document.getElementById("pairing-state").textContent), { timeout: 10000 }));
  const left = await settings.evaluate(async () => {
    const api = globalThis.browser || globalThis.chrome;
    const pairing = await new Promise((resolve, reject) => {
      const open = indexedDB.open("objector-private");
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const get = open.result.transaction("kv").objectStore("kv").get("agentPairing");
        get.onsuccess = () => resolve(get.result ?? null);
        get.onerror = () => reject(get.error);
      };
    });
    const granted = await api.permissions.contains({ origins: ["http://127.0.0.1/*"] });
    const status = await api.runtime.sendMessage({ type: "host.status" });
    return { pairing, granted, status: status.result };
  });
  assert.equal(left.pairing, null, "the token is gone from IndexedDB");
  assert.equal(left.granted, false, "http://127.0.0.1/* was given back");
  const clients = JSON.parse(readFileSync(join(dataDir(), "agent-clients.json"), "utf8")).clients;
  assert.deepEqual(clients, [], "the agent forgot the token too (POST /pair/forget)");
  assert.deepEqual([left.status.connected, left.status.transport, left.status.paired, left.status.error.code],
    [false, null, false, "host_missing"]);
  await settings.close();
  restoreHostManifest();
});
