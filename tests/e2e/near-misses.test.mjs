// (e) Every near miss in the fixtures (pages.json entries of kind "none": the 2025 personalisation
// notice, another help-centre form, a feed post quoting the notice, a news article, look-alike
// domains) → no Objector control on the page and nothing recorded. A real notice and a real form
// in the same browser show the control, so "no control" is not an artefact of waiting too little.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { config } from "./lib/env.mjs";
import { startSession } from "./lib/session.mjs";
import { flow } from "./lib/steps.mjs";
import { waitForText, pageShows, hasPanel } from "./lib/objector-ui.mjs";
import { tabStateOf } from "./lib/tab-state.mjs";
import { exportHistory } from "./lib/person.mjs";
import { say } from "./lib/strings.mjs";

const name = config.browser;
const index = JSON.parse(readFileSync(join(config.fixturesDir, "pages.json"), "utf8"));
const nearMisses = index.pages.filter((p) => p.kind === "none");
let s;
let helper;
let shownWithinMs = 0;  // how long the real notice and form took to show the control

before(async () => {
  s = await startSession({ label: "near-misses", browser: name });
  helper = await s.handle.openExtensionPage("popup/popup.html");
});
after(async () => {
  await s?.stop();
});

test(`${name}: the fixtures hold near misses to check`, () => {
  assert.ok(nearMisses.length >= 5, `only ${nearMisses.length} near misses in pages.json`);
});

for (const [kind, url, label] of [
  ["notice", "https://en-gb.facebook.com/privacy/genai/", "contentObjectButton"],
  ["form", "https://en-gb.facebook.com/help/contact/6359191084165019", "contentFillButton"],
]) {
  test(`${name}: control check — a real ${kind} shows Objector's control`, async () => {
    const f = flow(name, `real ${kind}`);
    const { page } = await f.step(`open ${url}`, () => s.handle.openPage(url));
    f.usePage(page);
    const started = Date.now();
    await f.step("the control is shown", () => waitForText(page, say(label), { timeout: 10000 }));
    shownWithinMs = Math.max(shownWithinMs, Date.now() - started);
    await f.step(`the background classifies it as a ${kind}`, async () => {
      const state = await tabStateOf(helper, url);
      assert.equal(state.kind, kind, JSON.stringify(state));
    });
    await page.close();
  });
}

for (const miss of nearMisses) {
  test(`${name}: near miss ${miss.nearMiss || "quote"} at ${miss.url} → no control, no record`, async () => {
    const f = flow(name, `near miss ${miss.url}`);
    const { page, response } = await f.step(`open ${miss.url}`, () => s.handle.openPage(miss.url));
    f.usePage(page);
    assert.equal(response.status(), 200);
    // The content script runs once the page is idle and looks again after late rendering: give it
    // well over the time the real notice and form above needed to show the control.
    await new Promise((r) => setTimeout(r, Math.max(2000, 3 * shownWithinMs)));
    const metaHost = /(^|\.)(facebook|instagram)\.com$/.test(new URL(miss.url).hostname);
    const state = await f.step("the background sees no notice and no form", () => tabStateOf(helper, miss.url));
    if (metaHost) {
      assert.equal(state.error, undefined, state.error);
      assert.equal(state.kind, "none", `classified as ${JSON.stringify(state)}`);
    } else {
      // Not Meta's: the extension has no permission there, so it cannot even see the tab's address.
      assert.match(state.error || "", /no tab shows/, `the extension saw ${JSON.stringify(state)}`);
    }
    await f.step("no Objector control on the page", async () => {
      assert.equal(await hasPanel(page), false, "an <objector-ui> panel was added");
      assert.equal(await pageShows(page, say("contentObjectButton")), false);
      assert.equal(await pageShows(page, say("contentFillButton")), false);
    });
    await page.close();
  });
}

test(`${name}: after every near miss, nothing was sent to Meta and nothing recorded`, async () => {
  const sent = (await s.server.submissions()).length;
  assert.equal(sent, 0, `${sent} forms were posted`);
  assert.deepEqual(await exportHistory(s.person.home), []);
});
