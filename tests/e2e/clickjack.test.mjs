// Issue 10, item 1: a click that cannot be stolen. In one browser (OBJECTOR_E2E_BROWSER), on a copy
// of Meta's notice at Meta's address carrying an attacker's script (clickjack/attacks.js), a real
// mouse click on the lure, where Objector's button is, does nothing but make the panel say why:
//   - the page makes Objector's host opacity:0 (its CSS and an inline !important style: the host
//     stays opaque) and <html> transparent (the guard refuses: an ancestor below 0.7);
//   - the page keeps its own top-layer box over the control (the panel raises itself; the page
//     raises its box back; no click counts while covered or just raised);
//   - the page reveals the control only at the press (shown < 500 ms); a later honest press on the
//     same page works: the form opens, is filled and sent, and Meta confirms;
// and nothing reaches Meta's server or the history for the refused clicks. Also:
//   - a page that keeps closing, moving, hiding and fading the panel gets it back as it was;
//   - a page with <div id="__objectorContentStarted">, <div id="Objector"> and <div id="browser">
//     (DOM clobbering of our globals and of the extension API's name) still gets the control;
//   - a page script polling everything it can read on the form (clickjack/spy.js) sees none of the
//     person's data before Objector fills the form.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { config, makeWorkDir } from "./lib/env.mjs";
import { startSession } from "./lib/session.mjs";
import { flow } from "./lib/steps.mjs";
import { firstRun, optionsTabOpenedByExtension } from "./lib/options-page.mjs";
import { pressPanelButton, waitForText, panelButtonPoint, SETTLE_MS } from "./lib/objector-ui.mjs";
import { waitForRecord } from "./lib/history.mjs";
import { exportHistory } from "./lib/person.mjs";
import { tabStateOf } from "./lib/tab-state.mjs";
import { say } from "./lib/strings.mjs";

const name = config.browser;
const PERSON = { email: "ana.objector@example.org", country: "IE", language: "en" };
const NOTICE = "https://en-gb.facebook.com/privacy/genai/";
const FORM = "https://en-gb.facebook.com/help/contact/712876720715583";
let s;
let fixtures;
let helper;

// The fixtures as the tests have them, with the attacker's script in the English notice and the
// spy in the form that notice leads to (the pages are otherwise byte for byte Meta's copies).
function hostileFixtures() {
  const dir = join(makeWorkDir(`clickjack-fixtures-${name}`), "fixtures");
  cpSync(config.fixturesDir, dir, { recursive: true });
  const index = JSON.parse(readFileSync(join(dir, "pages.json"), "utf8"));
  const inline = (url, script) => {
    const file = join(dir, index.pages.find((p) => p.url === url).file);
    const html = readFileSync(file, "utf8");
    const code = readFileSync(new URL(`./clickjack/${script}`, import.meta.url), "utf8");
    assert.ok(html.includes("</head>"), `${file} has no </head>`);
    writeFileSync(file, html.replace("</head>", `<script>${code}</script></head>`));
  };
  inline(NOTICE, "attacks.js");
  inline(FORM, "spy.js");
  return dir;
}

before(async () => {
  fixtures = hostileFixtures();
  s = await startSession({ label: "clickjack", browser: name, fixturesDir: fixtures });
  const options = await optionsTabOpenedByExtension(s.handle);
  assert.ok(options, "no options tab appeared within 10 s of installing the extension");
  await firstRun(options, PERSON);
  await options.close();
  helper = await s.handle.openExtensionPage("popup/popup.html");
});
after(async () => {
  await s?.stop();
  if (fixtures && process.env.OBJECTOR_E2E_KEEP !== "1") rmSync(dirname(fixtures), { recursive: true, force: true });
});

async function openAttack(f, attack) {
  const url = `${NOTICE}?attack=${attack}`;
  const page = await f.step(`open ${url}`, async () => {
    const { page, response } = await s.handle.openPage(url);
    assert.equal(response.status(), 200);
    return f.usePage(page);
  });
  await f.step("Objector's control appears on the notice", () => waitForText(page, say("contentObjectButton")));
  return page;
}

// The person's real mouse click on the lure, at the place Objector's button is drawn.
async function clickLure(f, page) {
  await page.bringToFront();
  const at = await panelButtonPoint(page);
  await f.step(`real mouse click at ${at.x},${at.y}`, () => page.mouse.click(at.x, at.y));
  return at;
}

// Nothing went anywhere: the tab stayed on the notice, Meta's server got no form, no record.
async function nothingSent(f, page, why) {
  await f.step(`the panel says why: ${why}`, () => waitForText(page, why, { timeout: 5000 }));
  await f.step("the click did nothing: same page, nothing posted, nothing recorded", async () => {
    await new Promise((r) => setTimeout(r, 1500));  // the one-click flow navigates within ~0.3 s
    assert.equal(new URL(page.url()).pathname, new URL(NOTICE).pathname, "the tab left the notice");
    assert.deepEqual(await s.server.submissions(), [], "a form reached Meta's server");
    assert.deepEqual(await exportHistory(s.person.home), [], "a record reached the history");
  });
}

test(`${name}: opacity:0 on the host and a transparent <html> over a lure → the click on the lure does nothing`, async () => {
  const f = flow(name, "opacity attack");
  const page = await openAttack(f, "opacity");
  await new Promise((r) => setTimeout(r, SETTLE_MS));  // steady long enough: only the opacity is wrong
  await clickLure(f, page);
  await nothingSent(f, page, "the page had made the button transparent");
  const seen = await page.evaluate(() => window.__attack);
  assert.equal(seen.hostFound, true, "the attacker found Objector's host");
  assert.equal(seen.hostOpacity, "1", "the host's own opacity held against the page's !important rules");
  assert.equal(seen.lurePresses, 0, "the lure got the press instead of Objector's button");
  await page.close();
});

test(`${name}: the page keeps its own top-layer box over the control → the click passing through does nothing`, async () => {
  const f = flow(name, "cover attack");
  const page = await openAttack(f, "cover");
  await new Promise((r) => setTimeout(r, 1500));
  const seen = await page.evaluate(() => window.__attack);
  assert.ok(seen.coverRaises >= 2, `the panel raised itself over the page's box (${seen.coverRaises} page raises)`);
  await clickLure(f, page);
  // Covered when the page's box is on top, or just raised over it (less than half a second).
  await nothingSent(f, page, ["something of the page's was over the button",
    "the button had been on screen for less than half a second"]);
  await page.close();
});

test(`${name}: the control revealed at the press (shown < 500 ms) → nothing; a later honest press works`, async () => {
  const f = flow(name, "reveal attack, then an honest press");
  const page = await openAttack(f, "reveal");
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  await clickLure(f, page);
  await nothingSent(f, page, "the button had been on screen for less than half a second");
  await f.step("the person presses the (now visible) button again", () => pressPanelButton(name, page, say("contentObjectButton")));
  await f.step("the form opens, is filled and sent, and Meta confirms", () =>
    waitForText(page, say("contentConfirmed"), { timeout: 20000 }));
  assert.equal(page.url(), FORM);
  const sent = await s.server.submissions();
  assert.equal(sent.length, 1, "one form reached Meta's server");
  const justification = sent[0].fields.Field2001;

  // The same tab went to the form, where the spy polled everything a page can read.
  const spy = await page.evaluate(() => window.__spy);
  assert.ok(spy && spy.reads >= 3, `the spy ran (${spy && spy.reads} reads)`);
  assert.ok(spy.firstFillAt !== null, "the spy saw Objector start filling");
  for (const [field, value] of [["email", PERSON.email], ["justification", justification]]) {
    assert.ok(value && value.length > 5, `${field} known`);
    assert.equal(spy.seen.includes(value), false, `the page read the person's ${field} before Objector filled the form`);
    assert.equal(spy.seen.includes(value.slice(0, 40)), false, `the page read part of the ${field} before the fill`);
  }
  assert.ok(spy.after.includes(justification.slice(0, 40)), "the spy reads what Objector typed once it is typed");

  await f.step("the history holds one confirmed record", () =>
    waitForRecord(s.person.home, { form_url: FORM, current_status: "confirmed" }));
  assert.equal((await exportHistory(s.person.home)).length, 1);
  await page.close();
});

test(`${name}: the page closes, moves, hides and fades the panel again and again → it is back, open and opaque`, async () => {
  const f = flow(name, "tampering");
  const page = await openAttack(f, "tamper");
  await new Promise((r) => setTimeout(r, 2500));  // the page tampers for 2 s
  const seen = await page.evaluate(() => window.__attack);
  assert.ok(seen.tampers >= 5, `the page tampered ${seen.tampers} times`);
  const host = await page.evaluate(`(() => {
    const h = [...document.querySelectorAll("*")].find((e) => e.hasAttribute("popover") && e.localName.includes("-"));
    return h && { underHtml: h.parentElement === document.documentElement, open: h.matches(":popover-open"),
      attributes: h.getAttributeNames().sort(), opacity: getComputedStyle(h).opacity };
  })()`);
  assert.deepEqual(host, { underHtml: true, open: true, attributes: ["popover", "style"], opacity: "1" });
  await f.step("the control shows", () => waitForText(page, say("contentObjectButton"), { timeout: 3000 }));
  await page.close();
});

test(`${name}: <div id="__objectorContentStarted">, <div id="Objector">, <div id="browser"> on the page → the control still shows`, async () => {
  const f = flow(name, "DOM clobbering");
  const page = await openAttack(f, "clobber");
  const seen = await page.evaluate(() => window.__attack);
  assert.equal(seen.clobbered, true, "the page's elements are reachable as window.__objectorContentStarted and window.Objector");
  const state = await f.step("the background classifies the tab as a notice", () => tabStateOf(helper, `${NOTICE}?attack=clobber`));
  assert.equal(state.kind, "notice", JSON.stringify(state));
  await page.close();
});
