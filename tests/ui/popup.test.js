// The popup's logic in jsdom: real ui-api handlers and host client over a frame-level fake host.
import { test } from "node:test";
import assert from "node:assert/strict";
import { renderPopup } from "../../extension/popup/popup-view.js";
import { localize, createTranslator } from "../../extension/options/page-kit.js";
import { createFakeHost, createMemoryStorage } from "./support/fake-host.js";
import { loadPage, translatorFor, createBackgroundShim, waitFor } from "./support/harness.js";

const READY = { emails: ["ada@example.org"], country: "DE", language: "de", name: "" };

async function open({ lang = "en", tab = { kind: "none" }, installed = true, profile = READY, os = "linux", storageInit = {} } = {}) {
  const host = createFakeHost({ version: "0.1.0" });
  host.state.installed = installed;
  if (profile) host.state.profile = profile;
  const storage = createMemoryStorage(storageInit);
  const shim = createBackgroundShim({ connectNative: host.connectNative, storage, os, tabStates: { 7: tab } });
  const dom = loadPage("popup/popup.html");
  const doc = dom.window.document;
  const t = createTranslator(translatorFor(lang));
  localize(doc, t);
  let optionsOpened = 0;
  const state = await renderPopup({ doc, bg: shim.bg, t, tabId: 7, storage, openOptions: () => optionsOpened++ });
  return { dom, doc, host, shim, state, storage, optionsOpened: () => optionsOpened };
}

test("on Meta's notice the popup says so and its one button sends objectNow for this tab", async () => {
  const { doc, shim } = await open({ tab: { kind: "notice", platform: "instagram", language: "de" } });
  assert.match(doc.getElementById("tab-state").textContent, /notice about using your data for AI \(Instagram\)/);
  const action = doc.getElementById("action");
  assert.equal(action.hidden, false);
  assert.equal(action.textContent, "Object now");
  action.click();
  await waitFor(() => shim.calls.length === 1, { what: "objectNow" });
  assert.deepEqual(shim.calls[0], { type: "objectNow", tabId: 7 });
  await waitFor(() => doc.getElementById("action-result").className === "ok");
});

test("on the objection form the button is Fill in the form and sends fillForm", async () => {
  const { doc, shim } = await open({ tab: { kind: "form", platform: "facebook", formKind: "own" } });
  assert.equal(doc.getElementById("action").textContent, "Fill in the form");
  doc.getElementById("action").click();
  await waitFor(() => shim.calls.length === 1);
  assert.equal(shim.calls[0].type, "fillForm");
});

test("on other pages there is no action, only the plain explanation", async () => {
  const { doc } = await open({ tab: { kind: "none" } });
  assert.equal(doc.getElementById("action").hidden, true);
  assert.match(doc.getElementById("tab-state").textContent, /Nothing to do here/);
});

test("a connected host shows its version and hides the install instructions", async () => {
  const { doc } = await open();
  assert.equal(doc.getElementById("host-state").textContent, "Connected, version 0.1.0");
  assert.equal(doc.getElementById("host-missing").hidden, true);
  assert.equal(doc.getElementById("outbox-count").textContent, "Every objection is saved in your history.");
});

test("a missing host shows the exact install command for this OS, the doctor hint and the outbox count", async () => {
  for (const [os, command] of [["linux", "installer/install.sh"], ["mac", "installer/install.sh"], ["win", "installer\\install.ps1"]]) {
    const outbox = [1, 2, 3].map((n) => ({ kind: "submission", payload: { client_id: `id-${n}` }, added_at: "2026-11-25T17:00:00Z" }));
    const { doc } = await open({ installed: false, os, storageInit: { outbox, profile: READY } });
    assert.match(doc.getElementById("host-state").textContent, /Not installed or not found/);
    assert.equal(doc.getElementById("host-missing").hidden, false);
    assert.equal(doc.getElementById("install-command").textContent, command, os);
    assert.match(doc.getElementById("doctor-hint").textContent, /objector doctor/);
    assert.equal(doc.getElementById("outbox-count").textContent, "3 objections wait to be saved in your history.");
  }
});

test("with the host missing, a profile mirrored in the browser still allows the one-click action", async () => {
  const { doc } = await open({ installed: false, tab: { kind: "notice", platform: "facebook" }, storageInit: { profile: READY } });
  assert.equal(doc.getElementById("action").textContent, "Object now");
});

test("before set-up the action is replaced by Set up Objector first, which opens the options page", async () => {
  const empty = { emails: [], country: null, language: null, name: "" };
  const { doc, optionsOpened, shim } = await open({ tab: { kind: "notice", platform: "facebook" }, profile: empty });
  const action = doc.getElementById("action");
  assert.equal(action.textContent, "Set up Objector first");
  action.click();
  assert.equal(optionsOpened(), 1);
  assert.equal(shim.calls.length, 0, "no objection without a profile");
});

test("a platform switched off in settings gets no action", async () => {
  const { doc } = await open({
    tab: { kind: "form", platform: "instagram" },
    storageInit: { settings: { reviewBeforeSend: false, platforms: { facebook: true, instagram: false } } },
  });
  assert.equal(doc.getElementById("action").hidden, true);
  assert.match(doc.getElementById("action-result").textContent, /switched off/);
});

test("the popup speaks German from _locales/de, placeholders filled", async () => {
  const { doc } = await open({ lang: "de", tab: { kind: "form", platform: "facebook" } });
  assert.equal(doc.querySelector("#tab-heading").textContent, "Diese Seite");
  assert.equal(doc.getElementById("tab-state").textContent, "Metas Widerspruchsformular (Facebook). Objector kann es für dich ausfüllen.");
  assert.equal(doc.getElementById("action").textContent, "Formular ausfüllen");
  assert.equal(doc.getElementById("host-state").textContent, "Verbunden, Version 0.1.0");
});

test("a tab the background cannot describe (error or empty reply) is shown as nothing to do, without an action", async () => {
  for (const tab of [Object.assign(new Error("no such tab"), { code: "invalid_value" }), null]) {
    const { doc } = await open({ tab });
    assert.match(doc.getElementById("tab-state").textContent, /Nothing to do here/);
    assert.equal(doc.getElementById("action").hidden, true);
  }
});

// The tab that sent the objection shows Meta's answer: the popup offers a screenshot, the
// background captures the visible tab (tabs API stood in for: only the toolbar click grants
// activeTab) and the real outbox delivers evidence.attach for that tab's objection (real bindings).
test("on the page Meta answered on, \"Save a screenshot as evidence\" attaches a JPEG to that objection", async () => {
  const { createBindings } = await import("../../extension/background/bindings.js");
  const host = createFakeHost({ version: "0.1.0" });
  host.state.profile = READY;
  const clientId = "00000000-0000-4000-8000-0000000000d1";
  host.handlers["submission.record"]({ submission: { client_id: clientId, platform: "facebook", status: "submitted" } });
  const bindings = createBindings({ storage: createMemoryStorage() });
  await bindings.bind(clientId, { tabId: 7, formOrigin: "https://www.facebook.com", formPath: "/help/contact/712876720715583", pressedAt: "2026-11-25T17:00:00Z" });
  const jpeg = `data:image/jpeg;base64,${Buffer.alloc(90 * 1024, 7).toString("base64")}`;
  const evidence = {
    tabs: { get: async (id) => ({ id, windowId: 1, active: true, url: "https://www.facebook.com/help/contact/712876720715583" }), captureVisibleTab: async () => jpeg },
    shrink: async () => assert.fail("fits without shrinking"),
    bindings,
    uuid: () => "shot-1",
  };
  const storage = createMemoryStorage();
  const shim = createBackgroundShim({ connectNative: host.connectNative, storage, tabStates: { 7: { kind: "confirmation", platform: "facebook" } }, evidence });
  const dom = loadPage("popup/popup.html");
  const doc = dom.window.document;
  const t = createTranslator(translatorFor("en"));
  localize(doc, t);
  await renderPopup({ doc, bg: shim.bg, t, tabId: 7, storage, openOptions: () => {} });
  const button = doc.getElementById("screenshot");
  assert.equal(button.hidden, false);
  assert.equal(button.textContent, "Save a screenshot as evidence");
  button.click();
  await waitFor(() => doc.getElementById("screenshot-result").className === "ok", { what: "saved" });
  assert.equal(doc.getElementById("screenshot-result").textContent, "Screenshot saved with your objection (90 KiB).");
  await waitFor(() => (host.state.submissions.get(clientId).attachments || []).length === 1, { what: "evidence.attach delivered" });
  assert.deepEqual(host.state.submissions.get(clientId).attachments[0], { kind: "screenshot", mime: "image/jpeg", bytes: 90 * 1024 });
});

test("no screenshot button on a tab that sent no objection", async () => {
  const { doc } = await open({ tab: { kind: "confirmation", platform: "facebook" } });
  assert.equal(doc.getElementById("screenshot").hidden, true);
});
