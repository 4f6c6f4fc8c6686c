// Objector's panel on Meta's pages lives in a CLOSED shadow root on a host element with a random
// name, shown in the top layer (a `popover` child of <html>): neither the page nor the test can
// reach into it with DOM calls. So the tests do what a person does:
// - read it with the browser's find-in-page (window.find searches rendered text, shadow roots
//   included, exactly like Ctrl+F);
// - press its button with the mouse at the button's place (Chromium: found by its accessible name
//   in the accessibility tree) or with the keyboard (Firefox: Tab until focus enters the panel,
//   then Enter; the panel has one button and it comes first).
// Both give a trusted event (event.isTrusted), the only kind the extension acts on. The panel acts
// only on a control that has been on screen, unmoved, for half a second (a person's reaction takes
// longer): the helpers wait SETTLE_MS after the control shows or the tab comes to the front.
export const SETTLE_MS = 700;
const settle = () => new Promise((r) => setTimeout(r, SETTLE_MS));

// In the page: Objector's host element (the popover child of <html> no page markup puts there).
export const FIND_HOST = "[...document.documentElement.children].find((e) => e.hasAttribute('popover') && e.localName.includes('-'))";

// A page in the middle of a navigation (the notice's tab going to the form) has no document to
// search yet: protocol errors saying so mean "not shown yet".
const BETWEEN_DOCUMENTS = /context was destroyed|Cannot find context|no such frame|navigat|right-hand side of 'in'|detached|Realm/i;

// True when `text` is rendered somewhere on the page (panel included).
export async function pageShows(page, text) {
  try {
    return await page.evaluate((t) => {
      getSelection().removeAllRanges();
      const found = window.find(t, false, false, true);
      getSelection().removeAllRanges();
      return found;
    }, text);
  } catch (e) {
    if (BETWEEN_DOCUMENTS.test(`${e.message} ${e.cause ? e.cause.message : ""}`)) return false;
    throw e;
  }
}

// Waits until the page shows one of `texts`; returns the one shown. Throws naming all of them.
export async function waitForText(page, texts, { timeout = 15000 } = {}) {
  const list = Array.isArray(texts) ? texts : [texts];
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const t of list) if (await pageShows(page, t)) return t;
    if (Date.now() > deadline) {
      throw new Error(`page never showed ${list.map((t) => JSON.stringify(t)).join(" or ")} within ${timeout} ms`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}

export async function hasPanel(page) {
  return page.evaluate(`Boolean(${FIND_HOST})`);
}

// Presses the panel's button labelled `label` like a person.
export async function pressPanelButton(browserName, page, label, { timeout = 15000 } = {}) {
  await waitForText(page, label, { timeout });
  await page.bringToFront();
  await settle();
  if (browserName === "chromium") {
    const button = await page.waitForSelector(`::-p-aria([name=${JSON.stringify(label)}][role="button"])`,
      { timeout, visible: true });
    await button.click();  // scrolls into view, moves the mouse there, presses and releases
    await button.dispose();
    return;
  }
  await page.evaluate(() => {
    if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
    getSelection().removeAllRanges();
  });
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(`document.activeElement !== null && document.activeElement === ${FIND_HOST}`)) {
      await page.keyboard.press("Enter");
      return;
    }
  }
  throw new Error(`keyboard focus never reached Objector's panel ("${label}") after 80 Tab presses`);
}

// Where the panel's action button is drawn, from its host's box and the panel's own CSS (the
// button is last, 15 px in from the box's left edge, its centre 31 px above the box's bottom):
// what an attacker who installed Objector would measure. A test clicking there proves it hit the
// button by the refusal the panel then shows.
export async function panelButtonPoint(page) {
  return page.evaluate(`(() => {
    const host = ${FIND_HOST};
    if (!host) throw new Error("no Objector panel on the page");
    const r = host.getBoundingClientRect();
    return { x: Math.round(r.left + 40), y: Math.round(r.bottom - 31) };
  })()`);
}
