// Real headless Chromium with the extension loaded unpacked and the real objector-host registered
// for that profile. Fixture pages are answered at Meta's production URLs by request interception
// (nothing leaves the machine: every other host name resolves to nothing). Proves, end to end:
//   1. one-click: a notice shows "Object with Objector"; a real click opens the form, which is
//      answered, filled and sent; Meta's confirmation becomes a "confirmed" row in the host's
//      SQLite file, with its date, the form, the email and the justification;
//   2. a form reached directly shows "Fill with Objector" and nothing is sent before the click;
//      after it, Meta's one-time-code answer becomes an "awaiting-code" row, and the confirmation
//      after the person enters the code is appended to that row as a "confirmed" event;
//   3. a notice that arrives by single-page navigation and late rendering gets its button, and an
//      extension page's getTabState for that tab answers {kind: "notice", ...}.
//   4. with "review before Send" on, Fill only fills; the person's own Send is recorded with what
//      the form held at that moment;
// Needs OBJECTOR_HOST_BIN (CTest passes the built objector-host); skips with a message without it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { FIXTURES_DIR, INDEX } from "./support/fixture-dom.mjs";
import { pageFor, serveFixtures, waitFor, historyRows } from "./support/browser-kit.mjs";
import { EXTENSION_DIR } from "./support/classic.mjs";

const require = createRequire(import.meta.url);
const IDS = JSON.parse(readFileSync(join(EXTENSION_DIR, "..", "manifests", "ids.json"), "utf8"));
const HOST_BIN = process.env.OBJECTOR_HOST_BIN || "";
const skip = !HOST_BIN || !existsSync(HOST_BIN)
  ? `objector-host not built (OBJECTOR_HOST_BIN=${HOST_BIN || "unset"}): build the objector-host target`
  : !existsSync("/usr/bin/chromium") ? "no /usr/bin/chromium" : false;
if (skip) console.log(`# SKIP chromium extension test: ${skip}`);

const PROFILE = { emails: ["ada@example.org"], country: "DE", language: "en", name: "Ada Lovelace" };

// The panel's button lives in a closed shadow root: find it through the DevTools protocol (which
// sees closed roots) and click it with a real mouse event, as a person would.
async function panelButton(page) {
  const cdp = await page.createCDPSession();
  try {
    const { root } = await cdp.send("DOM.getDocument", { depth: -1, pierce: true });
    const stack = [root];
    while (stack.length) {
      const node = stack.pop();
      if (node.nodeName === "BUTTON" && node.attributes && !node.attributes.includes("hidden")) {
        const inPanel = (await cdp.send("DOM.getOuterHTML", { nodeId: node.nodeId })).outerHTML;
        const box = await cdp.send("DOM.getBoxModel", { nodeId: node.nodeId }).catch(() => null);
        if (box && /Objector/.test(inPanel)) {
          const [x1, y1, , , x3, y3] = box.model.content;
          return { label: inPanel.replace(/<[^>]+>/g, ""), x: (x1 + x3) / 2, y: (y1 + y3) / 2 };
        }
      }
      for (const child of [...(node.children || []), ...(node.shadowRoots || [])]) stack.push(child);
    }
    return null;
  } finally {
    await cdp.detach();
  }
}

const rows = historyRows;
// The panel acts only on a control steady on screen for half a second: a person's reaction.
const settle = () => new Promise((r) => setTimeout(r, 700));
// In the page: the panel's host, the popover child of <html> (its name is random per page load).
const FIND_HOST = "[...document.documentElement.children].find((e) => e.hasAttribute('popover') && e.localName.includes('-'))";

test("Chromium: notice → one click → confirmed row in the host's SQLite; direct form → Fill click → awaiting-code row; SPA notice → button and getTabState; review before Send", { skip, timeout: 120000 }, async () => {
  const puppeteer = require("puppeteer-core");
  const home = mkdtempSync(join(tmpdir(), "objector-core-chromium-"));
  const udd = join(home, ".config", "chromium");
  const dataDir = join(home, "data");
  mkdirSync(join(udd, "NativeMessagingHosts"), { recursive: true });
  writeFileSync(join(udd, "NativeMessagingHosts", `${IDS.host_name}.json`), JSON.stringify({
    name: IDS.host_name, description: "Objector (test)", path: HOST_BIN, type: "stdio",
    allowed_origins: [`chrome-extension://${IDS.chromium_id}/`],
  }));
  const browser = await puppeteer.launch({
    executablePath: "/usr/bin/chromium", headless: true, enableExtensions: true, userDataDir: udd,
    env: { ...process.env, HOME: home, OBJECTOR_DATA_DIR: dataDir },
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--no-first-run", "--no-default-browser-check", "--host-resolver-rules=MAP * ~NOTFOUND", "--lang=en",
      `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`],
  });
  try {
    const origin = `chrome-extension://${IDS.chromium_id}`;
    await browser.waitForTarget((t) => t.type() === "service_worker" && t.url().startsWith(`${origin}/`), { timeout: 15000 });
    // The person's profile, saved through the host as the options page does.
    const ext = await browser.newPage();
    await ext.goto(`${origin}/popup/popup.html`);
    const saved = await ext.evaluate((profile) => chrome.runtime.sendMessage({ type: "host.request", request: { type: "profile.set", profile } }), PROFILE);
    assert.equal(saved.ok, true, JSON.stringify(saved));
    const hello = await ext.evaluate(() => chrome.runtime.sendMessage({ type: "host.request", request: { type: "hello" } }));
    const db = hello.result.database;
    assert.ok(db, "the host names its database");

    // 1. The notice, one click, the form, Meta's confirmation.
    const notice = INDEX.pages.find((p) => p.file === "notices/facebook-genai-en.html");
    const form = pageFor(notice.url.replace(/\/privacy\/genai\/$/, "/help/contact/712876720715583"));
    assert.ok(form.variant.prestep, "the English 2025 form starts with the yes/no pre-step");
    const page = await browser.newPage();
    const posts = [];
    await serveFixtures(page, ["confirmation"], posts);
    const t0 = Date.now();
    await page.goto(notice.url);
    const objectButton = await waitFor(() => panelButton(page), 10000, "the Object with Objector button");
    const detectedMs = Date.now() - t0;
    assert.match(objectButton.label, /Object with Objector/);
    assert.equal(posts.length, 0);
    await settle();
    await page.mouse.click(objectButton.x, objectButton.y);
    await waitFor(async () => page.url().includes("/help/contact/712876720715583"), 10000, "the form to open");
    await waitFor(() => posts.length > 0, 15000, "the form to be sent");
    assert.equal(posts[0].form_id, "712876720715583");
    assert.equal(posts[0].email, INDEX.metaPrefilledEmail, "Meta's prefilled address is kept");
    const confirmed = await waitFor(() => rows(db).find((r) => r.status === "confirmed"), 15000, "a confirmed row in SQLite");
    assert.equal(confirmed.form_id, "712876720715583");
    assert.equal(confirmed.platform, "facebook");
    assert.equal(confirmed.account_email, INDEX.metaPrefilledEmail);
    assert.equal(confirmed.page_language, "en");
    assert.match(confirmed.occurred_at, /^\d{4}-\d{2}-\d{2}T/);
    assert.match(confirmed.form_url, /^https:\/\/en-gb\.facebook\.com\/help\/contact\/712876720715583/);
    assert.ok(confirmed.justification_text.length > 0);
    console.log(`# chromium: notice detected and button shown ${detectedMs} ms after navigation start`);
    // The page's own scripts see nothing of Objector (isolated world, closed shadow root).
    assert.deepEqual(await page.evaluate(`[typeof window.Objector, typeof window.__objectorContentStarted,
      (${FIND_HOST}) && (${FIND_HOST}).shadowRoot]`), ["undefined", "undefined", null]);

    // 2. A 2024 form opened directly: nothing happens until "Fill with Objector" is clicked.
    const direct = INDEX.pages.find((p) => p.file === "forms/facebook-2024-fr.html");
    const page2 = await browser.newPage();
    const posts2 = [];
    await serveFixtures(page2, ["code", "confirmation"], posts2);
    await page2.goto(direct.url);
    const fillButton = await waitFor(() => panelButton(page2), 10000, "the Fill with Objector button");
    assert.match(fillButton.label, /Fill with Objector/);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(posts2.length, 0, "nothing is sent without the click");
    await settle();
    await page2.mouse.click(fillButton.x, fillButton.y);
    await waitFor(() => posts2.length > 0, 15000, "the 2024 form to be sent");
    assert.equal(posts2[0].email, PROFILE.emails[0]);
    // This form lists countries by localised name only: Germany is "Allemagne".
    const html = readFileSync(join(FIXTURES_DIR, direct.file), "utf8");
    const germany = new RegExp(`<option value="(\\d+)">${new Intl.DisplayNames(["fr"], { type: "region" }).of("DE")}<`).exec(html)[1];
    assert.equal(direct.variant.country, "select-names");
    assert.equal(posts2[0].Field1091243, germany);
    // Recorded at the press as submitted; Meta's code step follows as an event.
    const awaiting = await waitFor(() => rows(db).find((r) => r.form_id === "6359191084165019" && r.status === "awaiting-code"), 15000, "an awaiting-code row");
    assert.equal(awaiting.status, "awaiting-code");
    assert.equal(awaiting.page_language, "fr");
    // The person types the code Meta mailed into Meta's page; the confirmation that follows is
    // appended to the same submission as a "confirmed" event.
    await page2.type("input[autocomplete=one-time-code]", "424242");
    await page2.click("[data-action=code]");
    await waitFor(() => posts2.length > 1, 10000, "the code to be sent");
    assert.equal(posts2[1].code, "424242");
    const after = await waitFor(() => rows(db).find((r) => r.form_id === "6359191084165019" && r.status === "confirmed"), 15000, "the confirmed event");
    assert.equal(after.client_id, awaiting.client_id, "the same submission, now confirmed");

    // 3. Single-page navigation with late rendering: the button appears once the notice does, and
    // an extension page asking getTabState for that tab gets the notice's state.
    const spa = INDEX.pages.find((p) => p.variant && p.variant.spa);
    const page3 = await browser.newPage();
    await serveFixtures(page3, [], []);
    await page3.goto(spa.url);
    const late = await waitFor(() => panelButton(page3), 10000, "the button after the in-page navigation");
    assert.match(late.label, /Object with Objector/);
    assert.match(page3.url(), /\/privacy\/genai\/$/);
    const state = await ext.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ url: "https://www.facebook.com/privacy/genai/" });
      return chrome.runtime.sendMessage({ type: "getTabState", tabId: tab.id });
    });
    assert.equal(state.ok, true, JSON.stringify(state));
    assert.deepEqual([state.result.kind, state.result.platform, state.result.language, state.result.step], ["notice", "facebook", "en", "notice-page"]);

    // 4. Review before Send (a setting): Fill only fills; the person edits and presses Meta's own
    // Send; the history keeps what was on the form at that press.
    await ext.evaluate(() => chrome.storage.local.set({ settings: { reviewBeforeSend: true, platforms: { facebook: true, instagram: true } } }));
    const review = INDEX.pages.find((p) => p.file === "forms/facebook-2025-it.html");
    assert.equal(review.variant.box, "textarea");
    const page4 = await browser.newPage();
    const posts4 = [];
    await serveFixtures(page4, ["confirmation"], posts4);
    await page4.goto(review.url);
    const fill4 = await waitFor(() => panelButton(page4), 10000, "Fill with Objector on the Italian form");
    await settle();
    await page4.mouse.click(fill4.x, fill4.y);
    await waitFor(() => page4.evaluate(() => document.querySelector("textarea") && document.querySelector("textarea").value.length > 0), 10000, "the filled box");
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(posts4.length, 0, "review mode sends nothing by itself");
    await page4.$eval("textarea", (el) => { el.focus(); el.setSelectionRange(el.value.length, el.value.length); });
    await page4.keyboard.type(" Aggiunto da me.");
    await page4.click("[data-action=send]");
    const reviewed = await waitFor(() => rows(db).find((r) => r.page_language === "it" && r.status === "confirmed"), 15000, "the reviewed objection's row");
    assert.match(reviewed.justification_text, / Aggiunto da me\.$/);
    assert.equal(posts4[0].Field2001, reviewed.justification_text, "the history holds exactly what was sent");
  } finally {
    await browser.close();
    rmSync(home, { recursive: true, force: true });
  }
});
