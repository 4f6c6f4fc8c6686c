"use strict";
// When to look at the page again. Meta's pages never go quiet (a feed appends posts, clocks tick,
// counters change), so a plain debounce that restarts on every mutation never fires, and a time cap
// switches detection off before a late notice appears. This scheduler:
//   - debounces mutations (debounceMs) but never waits longer than maxWaitMs after the first
//     unhandled mutation: under a never-ending stream it still scans at a steady pace;
//   - in "dialogs" mode (an ordinary Meta page such as the feed, where a notice is always a dialog)
//     looks only at what the mutation records touch, and schedules a scan only when a record may
//     show, change or hide a dialog, so a 50 k-node feed costs a few microseconds per mutation
//     batch and nothing per node of the page; it runs for the page's whole life;
//   - in "full" mode (a notice or form page, or while an objection is under way) schedules a scan for
//     any mutation; while scans keep finding the same state the maximum wait grows (up to
//     idleMaxWaitMs), and a change brings it back.
// Classic script (Objector.watch) and CommonJS; the observer constructor and timers are injected.
//
// createWatch({MutationObserver, root, setTimeout, clearTimeout, now, onScan, debounceMs = 250,
//   maxWaitMs = 1000, idleMaxWaitMs = 8000, lazyMs = 1000}) → {
//   setMode("full" | "dialogs" | "off"), mode(),
//   scanSoon()            schedule a scan as a mutation would (navigation, a step of the flow)
//   settled(changed)      the caller reports after each scan whether the state changed
//   stop() }
// onScan() is called with no arguments; it must be cheap to call when nothing changed.
(function (factory) {
  const api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else globalThis.Objector.watch = api;
})(function () {
  const DIALOG_SELECTOR = "[role=dialog], [role=alertdialog], dialog, [aria-modal=true]";

  function isElement(n) {
    return n && n.nodeType === 1;
  }

  function holdsDialog(el) {
    if (!isElement(el)) return false;
    if (el.matches(DIALOG_SELECTOR)) return true;
    return el.firstElementChild !== null && el.querySelector(DIALOG_SELECTOR) !== null;
  }

  function insideDialog(node) {
    const el = isElement(node) ? node : node && node.parentElement;
    return Boolean(el && el.closest(DIALOG_SELECTOR));
  }

  // Whether one mutation record may show, change or hide a dialog: YES (it adds, removes or changes
  // a dialog or something inside one), MAYBE (an attribute of some other element changed: a wrapper
  // shown by a class or style may hold a dialog, but looking inside it could cost a walk of the
  // whole page), or NO. Cost: the record's own added/removed subtrees plus one walk up the ancestors.
  const YES = 2;
  const MAYBE = 1;
  const NO = 0;
  function dialogRelevance(record) {
    if (record.type === "attributes") {
      const t = record.target;
      if (!isElement(t)) return NO;
      return t.matches(DIALOG_SELECTOR) || insideDialog(t) ? YES : MAYBE;
    }
    if (record.type === "characterData") return insideDialog(record.target) ? YES : NO;
    if (insideDialog(record.target)) return YES;
    for (const n of record.addedNodes) if (holdsDialog(n)) return YES;
    for (const n of record.removedNodes) if (holdsDialog(n)) return YES;
    return NO;
  }

  function mayTouchDialog(record) {
    return dialogRelevance(record) !== NO;
  }

  const OBSERVE = {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ["hidden", "open", "aria-hidden", "aria-modal", "role", "style", "class", "disabled", "aria-invalid"],
  };

  function createWatch({ MutationObserver, root, setTimeout, clearTimeout, now = () => Date.now(), onScan, debounceMs = 250, maxWaitMs = 1000, idleMaxWaitMs = 8000, lazyMs = 1000 }) {
    let mode = "off";
    let debounceTimer = null;
    let maxTimer = null;
    let lazyTimer = null;
    let lastScan = -Infinity;
    let currentMax = maxWaitMs;
    let observing = false;

    const observer = new MutationObserver((records) => {
      if (mode === "off") return;
      if (mode === "full") return scanSoon();
      let best = NO;
      for (const r of records) {
        best = Math.max(best, dialogRelevance(r));
        if (best === YES) break;
      }
      if (best === YES) scanSoon();
      else if (best === MAYBE) lazySoon();
    });

    // A MAYBE scans at most once per lazyMs: a page that toggles classes all the time costs one
    // dialog query a second, and a dialog shown by its wrapper's class is seen within lazyMs.
    function lazySoon() {
      if (lazyTimer !== null || debounceTimer !== null) return;
      const due = lastScan + lazyMs - now();
      if (due <= 0) return scanSoon();
      lazyTimer = setTimeout(() => {
        lazyTimer = null;
        scanSoon();
      }, due);
    }

    function clearTimers() {
      clearTimeout(debounceTimer);
      clearTimeout(maxTimer);
      clearTimeout(lazyTimer);
      debounceTimer = null;
      maxTimer = null;
      lazyTimer = null;
    }

    function fire() {
      clearTimers();
      lastScan = now();
      if (mode !== "off") onScan();
    }

    function scanSoon() {
      clearTimeout(debounceTimer);
      debounceTimer = setTimeout(fire, debounceMs);
      if (maxTimer === null) maxTimer = setTimeout(fire, currentMax);
    }

    function setMode(next) {
      if (next === mode) return;
      mode = next;
      currentMax = maxWaitMs;
      if (mode === "off") {
        observer.disconnect();
        observing = false;
        clearTimers();
      } else if (!observing) {
        observer.observe(root, OBSERVE);
        observing = true;
      }
    }

    return {
      setMode,
      mode: () => mode,
      scanSoon,
      settled(changed) {
        currentMax = changed ? maxWaitMs : Math.min(idleMaxWaitMs, currentMax * 2);
      },
      stop: () => setMode("off"),
    };
  }

  return { createWatch, mayTouchDialog, DIALOG_SELECTOR };
});
