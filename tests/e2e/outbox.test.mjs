// (d) The host is not installed: three objections are made anyway and kept in the extension's
// outbox; the person runs the installer (installer/install.sh, for this HOME) and opens the popup;
// all three reach the history, once each — and stay once each after more deliveries.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { config } from "./lib/env.mjs";
import { startSession } from "./lib/session.mjs";
import { flow } from "./lib/steps.mjs";
import { optionsTabOpenedByExtension, firstRun, waitReady } from "./lib/options-page.mjs";
import { pressPanelButton, waitForText } from "./lib/objector-ui.mjs";
import { exportHistory, runInstaller } from "./lib/person.mjs";
import { waitForRecord } from "./lib/history.mjs";
import { keepScreenshot } from "./lib/screenshots.mjs";
import { say } from "./lib/strings.mjs";

const name = config.browser;
const PERSON = { email: "ben.objector@example.org", country: "DE", language: "en" };
const OBJECTIONS = [
  { open: "https://en-gb.facebook.com/privacy/genai/", button: "contentObjectButton",
    form: "https://en-gb.facebook.com/help/contact/712876720715583" },
  { open: "https://help.instagram.com/contact/767264225370182", button: "contentFillButton",
    form: "https://help.instagram.com/contact/767264225370182" },
  { open: "https://www.facebook.com/help/contact/1266025207620918", button: "contentFillButton",
    form: "https://www.facebook.com/help/contact/1266025207620918" },
];
let s;

before(async () => {
  s = await startSession({ label: "outbox", browser: name, install: false });
});
after(async () => {
  await s?.stop();
});

async function outboxPending(page) {
  return page.evaluate(async () => {
    const api = globalThis.browser || globalThis.chrome;
    const r = await api.runtime.sendMessage({ type: "outbox.status" });
    return r.ok ? r.result.pending : `error ${JSON.stringify(r.error)}`;
  });
}

// Where a system-wide install (the .deb) puts host manifests; the browsers read them for every HOME.
const SYSTEM_MANIFESTS = ["/etc/chromium/native-messaging-hosts/org.objector.host.json",
  "/usr/lib/mozilla/native-messaging-hosts/org.objector.host.json"];

test(`${name} (d): no host registered in this HOME, nor system-wide`, () => {
  for (const m of SYSTEM_MANIFESTS) {
    assert.equal(existsSync(m), false, `a system-wide host manifest exists (${m}); this flow needs a ` +
      "machine without one (is the .deb installed, or is tests/installer's deb test running?)");
  }
  const home = s.person.home;
  assert.equal(existsSync(join(home, ".config/chromium/NativeMessagingHosts/org.objector.host.json")), false);
  assert.equal(existsSync(join(home, ".mozilla/native-messaging-hosts/org.objector.host.json")), false);
});

test(`${name} (d): first run without the host keeps the profile in the browser`, async () => {
  const f = flow(name, "first run without host");
  const page = await f.step("the extension opened its options page", async () => {
    const p = await optionsTabOpenedByExtension(s.handle);
    assert.ok(p, "no options tab appeared");
    return f.usePage(p);
  });
  await f.step("the host banner says it is missing", () =>
    page.waitForSelector("#host-banner:not([hidden])", { visible: true, timeout: 10000 }));
  await f.step("walk through the first run", () => firstRun(page, PERSON));
  await page.close();
});

test(`${name} (d): three objections while the host is missing are kept in the outbox`, async () => {
  for (const [i, o] of OBJECTIONS.entries()) {
    const f = flow(name, `objection ${i + 1} without host`);
    const { page } = await f.step(`open ${o.open}`, () => s.handle.openPage(o.open));
    f.usePage(page);
    await f.step(`click ${say(o.button)}`, () => pressPanelButton(name, page, say(o.button)));
    await f.step("Meta confirms", () => waitForText(page, say("contentConfirmed"), { timeout: 20000 }));
    assert.equal(page.url(), o.form);
    await page.close();
  }
  const f = flow(name, "outbox holds three");
  const popup = await f.step("open the popup", () => s.handle.openExtensionPage("popup/popup.html"));
  f.usePage(popup);
  await waitReady(popup);
  await f.step("the popup says the history keeper is missing", () =>
    popup.waitForSelector("#host-missing:not([hidden])", { visible: true, timeout: 10000 }));
  // Each objection waits as two records: the submission written at the press, Meta's answer after it.
  assert.equal(await outboxPending(popup), 6);
  await popup.setViewport({ width: 420, height: 560 });
  await keepScreenshot(name, popup, "popup-host-missing");
  await popup.close();
  assert.equal((await s.server.submissions()).length, 3, "Meta received the three objections");
  const dataDb = join(s.person.home, ".local/share/objector/objector.sqlite3");
  assert.equal(existsSync(dataDb), false, "no history database before the installer ran");
});

test(`${name} (d): after the installer runs, all three reach the history once each`, async () => {
  const f = flow(name, "installer delivers the outbox");
  const cli = await f.step("run installer/install.sh for this HOME", () => runInstaller(s.person.home));
  assert.ok(existsSync(cli), `installer did not install ${cli}`);
  for (const b of ["chromium", "firefox"]) {
    const manifest = join(s.person.home, ".local/share/objector-extension", b, "manifest.json");
    assert.ok(existsSync(manifest), `installer did not build the extension for ${b} (${manifest})`);
  }
  const popup = await f.step("open the popup (it reconnects)", () => s.handle.openExtensionPage("popup/popup.html"));
  f.usePage(popup);
  await waitReady(popup);
  for (const o of OBJECTIONS) {
    await f.step(`${o.form} is in the history`, () =>
      waitForRecord(s.person.home, { form_url: o.form, current_status: "confirmed" }));
  }
  await f.step("the outbox is empty", () => popup.waitForFunction(async () => {
    const api = globalThis.browser || globalThis.chrome;
    const r = await api.runtime.sendMessage({ type: "outbox.status" });
    return r.ok && r.result.pending === 0;
  }, { timeout: 10000, polling: 200 }));
  // More deliveries (another flush, a reopened popup) must not duplicate anything.
  await popup.evaluate(async () => {
    const api = globalThis.browser || globalThis.chrome;
    await api.runtime.sendMessage({ type: "outbox.flush" });
  });
  await popup.close();
  const again = await s.handle.openExtensionPage("popup/popup.html");
  await waitReady(again);
  await again.close();
  const records = await exportHistory(s.person.home);
  assert.equal(records.length, 3, `expected 3 records, got ${records.length}`);
  assert.equal(new Set(records.map((r) => r.client_id)).size, 3, "three distinct objections");
  for (const r of records) {
    assert.deepEqual(r.events.map((e) => e.status), ["submitted", "confirmed"], `${r.form_url}: recorded at the press, then Meta's answer, once each`);
  }
});
