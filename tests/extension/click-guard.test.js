// lib/click-guard.js on a real DOM (jsdom: Objector's host under <html>, a closed shadow root, the
// button) with the geometry, computed styles, hit testing, focus and clock injected, as the panel
// injects the browser's. Each test names the attack or the honest press it proves is told apart.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { JSDOM } from "jsdom";

const require = createRequire(import.meta.url);
const guardLib = require("../../extension/lib/click-guard.js");

const BUTTON = { left: 900, top: 800, width: 150, height: 36 };
const CENTRE = { x: BUTTON.left + 75, y: BUTTON.top + 18 };
const BASE_STYLE = { display: "block", visibility: "visible", contentVisibility: "visible", opacity: "1",
  filter: "none", clipPath: "none", maskImage: "none" };

// A page with Objector's panel, and a view whose answers each test can change.
function world() {
  const dom = new JSDOM("<!doctype html><html><body><main><button id=lure>Close</button></main></body></html>");
  const doc = dom.window.document;
  const host = doc.createElement("kqzr-mwpalt");
  const shadow = host.attachShadow({ mode: "closed" });
  const box = doc.createElement("div");
  const button = doc.createElement("button");
  const label = doc.createElement("span");
  button.append(label);
  const link = doc.createElement("button");
  box.append(button, link);
  shadow.append(box);
  doc.documentElement.append(host);
  const w = {
    doc, host, shadow, box, button, label, link,
    t: 0,
    styles: new Map(),          // element → style overrides
    rect: { ...BUTTON },        // the button's drawn box
    layout: { width: BUTTON.width, height: BUTTON.height },
    viewport: { width: 1280, height: 900 },
    top: host,                  // document.elementFromPoint
    inner: button,              // shadowRoot.elementFromPoint
    focused: doc.body,
    innerFocused: null,
    visible: true,
  };
  w.view = {
    now: () => w.t,
    style: (el) => ({ ...BASE_STYLE, ...(w.styles.get(el) || {}) }),
    rect: (el) => (el === button ? { ...w.rect } : { left: 0, top: 0, width: 0, height: 0 }),
    layoutSize: () => ({ ...w.layout }),
    viewport: () => ({ ...w.viewport }),
    topAt: () => w.top,
    innerTopAt: () => w.inner,
    focused: () => w.focused,
    innerFocused: () => w.innerFocused,
    pageVisible: () => w.visible,
    parent: (el) => el.parentElement || (el.parentNode && el.parentNode.host) || null,
  };
  w.guard = guardLib.createGuard({ host, control: button, view: w.view });
  // Seen steadily from t=0 to t=600: the panel's ticker samples every 100 ms.
  w.steady = (from = 0, to = 600) => {
    for (w.t = from; w.t <= to; w.t += 100) w.guard.sample();
    w.t = to;
  };
  return w;
}

const mouse = (at = CENTRE) => ({ type: "click", isTrusted: true, detail: 1, pointerType: "mouse", clientX: at.x, clientY: at.y });
const keyboard = () => ({ type: "click", isTrusted: true, detail: 0, pointerType: "", clientX: 0, clientY: 0 });
const reasonOf = (v) => (v.ok ? "ok" : v.reason);

test("an honest press: visible, unmoved for 600 ms, mouse at the button → accepted", () => {
  const w = world();
  w.steady();
  assert.deepEqual(w.guard.check(mouse()), { ok: true });
});

test("a press on the text inside the button (hit test finds a descendant) → accepted", () => {
  const w = world();
  w.steady();
  w.inner = w.label;
  assert.equal(reasonOf(w.guard.check(mouse())), "ok");
});

test("a script's click (isTrusted false) → refused as untrusted, even when all else is right", () => {
  const w = world();
  w.steady();
  assert.equal(reasonOf(w.guard.check({ ...mouse(), isTrusted: false })), "untrusted");
});

test("a trusted click that is neither a pointer press nor a keyboard press → refused", () => {
  const w = world();
  w.steady();
  assert.equal(reasonOf(w.guard.check({ ...mouse(), detail: 0 })), "activation");    // mouse without a press
  assert.equal(reasonOf(w.guard.check({ ...mouse(), pointerType: "robot" })), "activation");
  assert.equal(reasonOf(w.guard.check({ ...mouse(), type: "mouseup" })), "activation");
});

test("Enter on the focused button (no coordinates) → accepted, judged at the button's centre", () => {
  const w = world();
  w.focused = w.host;
  w.innerFocused = w.button;
  w.steady();
  let askedAt = null;
  const topAt = w.view.topAt;
  w.view.topAt = (x, y) => { askedAt = { x, y }; return topAt(x, y); };
  assert.equal(reasonOf(w.guard.check(keyboard())), "ok");
  assert.deepEqual(askedAt, CENTRE);
});

test("Enter while the button has no focus (page element, or our other control) → refused", () => {
  const w = world();
  w.steady();
  assert.equal(reasonOf(w.guard.check(keyboard())), "not-focused");
  w.focused = w.host;
  w.innerFocused = w.link;
  assert.equal(reasonOf(w.guard.check(keyboard())), "not-focused");
});

test("Enter on the focused button while the page covers its centre → refused as covered", () => {
  const w = world();
  w.focused = w.host;
  w.innerFocused = w.button;
  w.steady();
  w.top = w.doc.getElementById("lure");
  assert.equal(reasonOf(w.guard.check(keyboard())), "covered");
});

test("opacity: the host at 0, <html> at 0.69, the button itself at 0.5 → transparent; 0.7 is enough", () => {
  for (const [who, opacity, want] of [["host", "0", "transparent"], ["html", "0.69", "transparent"],
    ["button", "0.5", "transparent"], ["html", "0.7", "ok"], ["host", "0.99", "ok"]]) {
    const w = world();
    const el = { host: w.host, html: w.doc.documentElement, button: w.button }[who];
    w.styles.set(el, { opacity });
    w.steady();
    assert.equal(reasonOf(w.guard.check(mouse())), want, `${who} opacity ${opacity}`);
  }
});

test("filters: fading ones (opacity(), low brightness/contrast, mid invert, blur, url()) refused; dark modes pass", () => {
  for (const [filter, want] of [["opacity(0)", "transparent"], ["opacity(50%)", "transparent"],
    ["brightness(0.2)", "transparent"], ["contrast(0)", "transparent"], ["invert(0.5)", "transparent"],
    ["blur(6px)", "transparent"], ['url("#hide")', "transparent"],
    ["invert(1) hue-rotate(180deg)", "ok"], ["grayscale(1)", "ok"], ["opacity(0.9)", "ok"], ["none", "ok"]]) {
    const w = world();
    w.styles.set(w.doc.documentElement, { filter });
    w.steady();
    assert.equal(reasonOf(w.guard.check(mouse())), want, filter);
  }
});

test("hidden: visibility on the button, content-visibility or display on an ancestor → hidden", () => {
  for (const [who, style] of [["button", { visibility: "hidden" }], ["html", { contentVisibility: "hidden" }],
    ["host", { display: "none" }], ["box", { display: "none" }]]) {
    const w = world();
    w.styles.set({ button: w.button, html: w.doc.documentElement, host: w.host, box: w.box }[who], style);
    w.steady();
    assert.equal(reasonOf(w.guard.check(mouse())), "hidden", `${who} ${JSON.stringify(style)}`);
  }
});

test("clip-path or mask on the host or <html> → clipped", () => {
  for (const [who, style] of [["host", { clipPath: "inset(50%)" }], ["html", { maskImage: "linear-gradient(transparent, transparent)" }]]) {
    const w = world();
    w.styles.set(who === "host" ? w.host : w.doc.documentElement, style);
    w.steady();
    assert.equal(reasonOf(w.guard.check(mouse())), "clipped", who);
  }
});

test("a transform that scales the button down (drawn < 70 % of its layout size, or under 12 px) → shrunk", () => {
  for (const [rect, want] of [[{ width: 3, height: 1 }, "shrunk"], [{ width: 100, height: 36 }, "shrunk"],
    [{ width: 150, height: 11 }, "shrunk"], [{ width: 120, height: 30 }, "ok"]]) {
    const w = world();
    w.rect = { ...BUTTON, ...rect };
    w.steady();
    const at = { x: w.rect.left + w.rect.width / 2, y: w.rect.top + w.rect.height / 2 };
    assert.equal(reasonOf(w.guard.check(mouse(at))), want, JSON.stringify(rect));
  }
});

test("a button not wholly in the viewport → offscreen", () => {
  const w = world();
  w.viewport = { width: 1000, height: 900 };
  w.steady();
  assert.equal(reasonOf(w.guard.check(mouse())), "offscreen");
});

test("hit test: the page's element on top at the click, or another part of our panel → covered", () => {
  const w = world();
  w.steady();
  w.top = w.doc.getElementById("lure");
  assert.equal(reasonOf(w.guard.check(mouse())), "covered");
  const v = world();
  v.steady();
  v.inner = v.box;
  assert.equal(reasonOf(v.guard.check(mouse())), "covered");
});

test("a click whose point is not on the button → outside", () => {
  const w = world();
  w.steady();
  assert.equal(reasonOf(w.guard.check(mouse({ x: BUTTON.left - 5, y: CENTRE.y }))), "outside");
});

test("shown < 500 ms before the click → too-soon; the same button at 500 ms → accepted", () => {
  const w = world();
  w.steady(0, 400);
  w.t = 499;
  assert.equal(reasonOf(w.guard.check(mouse())), "too-soon");
  w.t = 500;
  assert.equal(reasonOf(w.guard.check(mouse())), "ok");
});

test("hidden for a moment (html opacity 0 at one sample) restarts the half second", () => {
  const w = world();
  w.steady(0, 200);
  w.styles.set(w.doc.documentElement, { opacity: "0" });
  w.t = 300;
  assert.equal(w.guard.sample().reason, "transparent");
  w.styles.delete(w.doc.documentElement);
  w.steady(400, 800);
  assert.equal(reasonOf(w.guard.check(mouse())), "too-soon", "only 400 ms steady");
  w.t = 900;
  assert.equal(reasonOf(w.guard.check(mouse())), "ok");
});

test("revealed at the press (hidden at every sample, visible at the click) → too-soon", () => {
  const w = world();
  w.styles.set(w.doc.documentElement, { opacity: "0" });
  w.steady(0, 2000);
  w.styles.delete(w.doc.documentElement);
  w.t = 2005;
  assert.equal(reasonOf(w.guard.check(mouse())), "too-soon");
});

test("moved under the pointer since the last sample → moved; steady again for 500 ms → accepted", () => {
  const w = world();
  w.steady();
  w.rect = { ...BUTTON, left: 400, top: 300 };
  const at = { x: 475, y: 318 };
  assert.equal(reasonOf(w.guard.check(mouse(at))), "moved");
  w.steady(700, 1000);
  assert.equal(reasonOf(w.guard.check(mouse(at))), "too-soon", "400 ms at the new place");
  w.steady(1100, 1100);
  assert.equal(reasonOf(w.guard.check(mouse(at))), "ok", "500 ms at the new place");
});

test("reset() (the panel raised itself over a page's top-layer element) → the half second starts again", () => {
  const w = world();
  w.steady();
  w.guard.reset();
  w.steady(700, 1000);
  assert.equal(reasonOf(w.guard.check(mouse())), "too-soon");
  w.steady(1100, 1200);
  assert.equal(reasonOf(w.guard.check(mouse())), "ok");
});

test("a tab that is not shown → page-hidden, and showing it starts the half second", () => {
  const w = world();
  w.steady();
  w.visible = false;
  w.t = 700;
  assert.equal(reasonOf(w.guard.check(mouse())), "page-hidden");
  w.visible = true;
  w.steady(800, 1000);
  assert.equal(reasonOf(w.guard.check(mouse())), "too-soon");
});

test("the refusal names where: the element whose style failed", () => {
  const w = world();
  w.styles.set(w.doc.documentElement, { opacity: "0" });
  w.steady();
  const v = w.guard.check(mouse());
  assert.equal(v.reason, "transparent");
  assert.match(v.detail, /opacity: 0 on <html>/);
  const h = world();
  h.styles.set(h.host, { filter: "opacity(0.1)" });
  h.steady();
  assert.match(h.guard.check(mouse()).detail, /on the host/);
});
