// lib/watch.js in jsdom: detection cannot starve on a page that never goes quiet, and on an
// ordinary Meta page (the feed) only mutations that may show a dialog cost a scan.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { loadIntoWindow } from "./support/classic.mjs";

const require = createRequire(import.meta.url);
const { JSDOM } = require("jsdom");
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function page(mode, options = {}) {
  const { window } = new JSDOM(`<!doctype html><body><main id="feed"></main><span id="clock">0</span></body>`, { url: "https://www.facebook.com/", pretendToBeVisual: true, runScripts: "outside-only" });
  const O = loadIntoWindow(window, ["rules/rules.js", "lib/watch.js"]);
  const scans = [];
  const w = O.watch.createWatch({
    MutationObserver: window.MutationObserver, root: window.document.documentElement,
    setTimeout: (fn, ms) => window.setTimeout(fn, ms), clearTimeout: (id) => window.clearTimeout(id),
    onScan: () => scans.push(Date.now()), ...options,
  });
  w.setMode(mode);
  return { window, doc: window.document, w, scans };
}

// A page that mutates every `everyMs` until stopped: a ticking clock and appended posts.
function neverQuiet(doc, everyMs = 20) {
  let n = 0;
  const id = setInterval(() => {
    doc.getElementById("clock").textContent = String(++n);
    const post = doc.createElement("article");
    post.innerHTML = "<div><span>post</span><a href='https://www.facebook.com/x'>link</a></div>";
    doc.getElementById("feed").append(post);
  }, everyMs);
  return () => clearInterval(id);
}

test("full mode: mutations every 20 ms for 2.5 s still give a scan at least every max wait (no starvation)", async () => {
  const { doc, w, scans, window } = page("full", { debounceMs: 250, maxWaitMs: 600 });
  const stop = neverQuiet(doc);
  await sleep(2500);
  stop();
  w.stop();
  window.close();
  assert.ok(scans.length >= 3, `only ${scans.length} scans in 2.5 s of constant mutation`);
});

test("dialogs mode: a feed that never goes quiet costs no scan; a dialog appended as a portal is scanned within the debounce", async () => {
  const { doc, w, scans, window } = page("dialogs", { debounceMs: 100, maxWaitMs: 400 });
  const stop = neverQuiet(doc);
  await sleep(800);
  assert.equal(scans.length, 0, "clock ticks and new posts cannot show a dialog");
  const portal = doc.createElement("div");
  portal.innerHTML = `<div role="dialog" aria-modal="true"><h2>AI at Meta</h2><p>right to object</p></div>`;
  const at = Date.now();
  doc.body.append(portal);
  await sleep(500);
  stop();
  w.stop();
  window.close();
  assert.ok(scans.length >= 1, "the new dialog was scanned");
  assert.ok(scans[0] - at <= 1000, `scanned ${scans[0] - at} ms after the dialog appeared`);
});

test("dialogs mode: text rendered late inside an existing dialog, and a wrapper shown by an attribute, are scanned", async () => {
  const { doc, w, scans, window } = page("dialogs", { debounceMs: 50, maxWaitMs: 200, lazyMs: 300 });
  const shell = doc.createElement("div");
  shell.innerHTML = `<div role="dialog" id="d"></div>`;
  doc.body.append(shell);
  await sleep(150);
  const before = scans.length;
  doc.getElementById("d").textContent = "AI at Meta: right to object";
  await sleep(200);
  assert.ok(scans.length > before, "late text inside a dialog");
  const wrapper = doc.createElement("section");
  wrapper.hidden = true;
  wrapper.innerHTML = `<div aria-modal="true">notice</div>`;
  doc.body.append(wrapper);
  await sleep(150);
  const beforeShow = scans.length;
  wrapper.hidden = false; // an attribute of a plain element: may show a dialog inside it
  await sleep(500);
  w.stop();
  window.close();
  assert.ok(scans.length > beforeShow, "the wrapper shown by an attribute was looked at within lazyMs");
});

test("mayTouchDialog reads one record: nodes added inside or holding a dialog count, a ticking clock does not", () => {
  const { window, doc, w } = page("off");
  const O = window.Objector;
  const dialog = doc.createElement("div");
  dialog.setAttribute("role", "dialog");
  doc.body.append(dialog);
  const text = doc.createTextNode("x");
  dialog.append(text);
  const rec = (r) => ({ addedNodes: [], removedNodes: [], ...r });
  assert.equal(O.watch.mayTouchDialog(rec({ type: "childList", target: doc.body, addedNodes: [dialog] })), true);
  assert.equal(O.watch.mayTouchDialog(rec({ type: "characterData", target: text })), true);
  assert.equal(O.watch.mayTouchDialog(rec({ type: "characterData", target: doc.getElementById("clock").firstChild })), false);
  assert.equal(O.watch.mayTouchDialog(rec({ type: "childList", target: doc.getElementById("feed"), addedNodes: [doc.createElement("article")] })), false);
  w.stop();
  window.close();
});
