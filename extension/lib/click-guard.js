"use strict";
// Is this click the person's, on a control they could see? Pure logic: every look at the page
// (computed style, boxes, hit testing, focus, the clock) comes through an injected `view`, so the
// same rules run in the content script and in Node tests with made-up geometry.
// Classic script (Objector.clickGuard) and CommonJS.
//
// The attacks this answers (DOM-based extension clickjacking, Marek Tóth, DEF CON 33, 2025): the
// page makes our control transparent (opacity, filter) on the host or an ancestor, hides or clips
// it, shrinks it with a transform, covers it with its own top-layer element, or shows or moves it
// under the pointer just before a click aimed at a lure. A click counts only when, at that moment:
//   - it is trusted and a real activation: a pointer press (mouse, pen, touch; detail ≥ 1) at a
//     point on the control, or a keyboard press (detail 0, no coordinates) on the focused control;
//   - the control and every ancestor up to the root (shadow boundaries crossed) have computed
//     opacity ≥ MIN_OPACITY, no `filter` that fades or blanks it, visibility visible, no
//     content-visibility: hidden, no display: none, no clip-path or mask;
//   - its box is in the viewport and not scaled below MIN_SCALE of its layout size;
//   - hit testing at the point (the click's, or the control's centre for a keyboard press) finds
//     our host in the document and the control inside our shadow root;
//   - it has passed all of the above, without moving, for at least SETTLE_MS before the click
//     (`sample()` is called by the panel every ~100 ms while the control is shown).
//
// createGuard({host, control, view, settleMs?}) → {sample(), check(event), reset(),
//   since()}: `sample()` → null | problem, and keeps when the control became steadily visible;
//   `check(event)` → {ok: true} | {ok: false, reason, detail}; `reset()` forgets the visible time
//   (after the panel re-raised itself, say).
// visibilityProblem(view, host, control, point) → null | {reason, detail}.
// activationOf(event) → "pointer" | "keyboard" | null.
//
// view: {now() → ms, style(el) → computed style, rect(el) → {left, top, width, height},
//   layoutSize(el) → {width, height} (untransformed, as offsetWidth/offsetHeight), viewport() →
//   {width, height}, topAt(x, y) → document's element at the point, innerTopAt(x, y) → our shadow
//   root's element at the point, focused() → document.activeElement, innerFocused() → the shadow
//   root's activeElement, pageVisible() → document.visibilityState === "visible",
//   parent(el) → the flat-tree parent (parentElement, else the shadow root's host, else null)}.
// Reasons: untrusted, activation, not-focused, page-hidden, hidden, transparent, clipped, shrunk,
//   offscreen, outside, covered, moved, too-soon.
(function (factory) {
  const api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else {
    // An own property only: `<div id="Objector">` must not stand in for our namespace.
    const own = Object.prototype.hasOwnProperty.call(globalThis, "Objector") && globalThis.Objector;
    (own || (globalThis.Objector = {})).clickGuard = api;
  }
})(function () {
  const MIN_OPACITY = 0.7;
  const MIN_SCALE = 0.7;
  const MIN_SIZE_PX = 12;
  const SETTLE_MS = 500;
  const MOVE_TOLERANCE_PX = 1;

  const problem = (reason, detail) => ({ reason, detail });

  // A CSS filter list that could make the control unreadable: opacity or brightness/contrast low,
  // a strong blur, a mid invert (grey on grey), or an SVG filter we cannot judge (url()).
  // Other functions (grayscale, hue-rotate, sepia, saturate, drop-shadow, invert(1) of dark
  // modes) leave it readable.
  function filterProblem(filter) {
    if (!filter || filter === "none") return null;
    if (/url\(/i.test(filter)) return "url()";
    const re = /([a-z-]+)\(([^)]*)\)/gi;
    for (let m; (m = re.exec(filter));) {
      const name = m[1].toLowerCase();
      const arg = m[2].trim();
      const num = arg.endsWith("%") ? parseFloat(arg) / 100 : parseFloat(arg);
      if (name === "opacity" && num < MIN_OPACITY) return `opacity(${arg})`;
      if ((name === "brightness" || name === "contrast") && num < 0.5) return `${name}(${arg})`;
      if (name === "invert" && num > 0.3 && num < 0.7) return `invert(${arg})`;
      if (name === "blur" && parseFloat(arg) > 1.5) return `blur(${arg})`;
    }
    return null;
  }

  const isNone = (v) => v === undefined || v === null || v === "" || v === "none";

  // What makes `el` (one link of the chain) unseen, or null.
  function styleProblem(s, isControl) {
    if (s.display === "none") return problem("hidden", "display: none");
    if (isControl && s.visibility !== "visible") return problem("hidden", `visibility: ${s.visibility}`);
    if (s.contentVisibility === "hidden") return problem("hidden", "content-visibility: hidden");
    const opacity = parseFloat(s.opacity);
    if (!(opacity >= MIN_OPACITY)) return problem("transparent", `opacity: ${s.opacity}`);
    const f = filterProblem(s.filter);
    if (f) return problem("transparent", `filter: ${f}`);
    if (!isNone(s.clipPath)) return problem("clipped", `clip-path: ${s.clipPath}`);
    const mask = s.maskImage !== undefined ? s.maskImage : s.mask;
    if (!isNone(mask)) return problem("clipped", `mask: ${mask}`);
    return null;
  }

  function inside(r, x, y) {
    return x >= r.left && x <= r.left + r.width && y >= r.top && y <= r.top + r.height;
  }

  // Why `control` (in our shadow root under `host`) is not visible as drawn, looked at through
  // `point` ({x, y}, default its centre), or null.
  function visibilityProblem(view, host, control, point) {
    if (!view.pageVisible()) return problem("page-hidden", "the tab is not shown");
    for (let el = control, first = true; el; el = view.parent(el), first = false) {
      const p = styleProblem(view.style(el), first);
      if (p) return { ...p, detail: `${p.detail} on ${el === control ? "the control" : el === host ? "the host" : `<${String(el.localName || el.nodeName).toLowerCase()}>`}` };
    }
    const r = view.rect(control);
    const size = view.layoutSize(control);
    if (r.width < MIN_SIZE_PX || r.height < MIN_SIZE_PX ||
        r.width < MIN_SCALE * size.width || r.height < MIN_SCALE * size.height) {
      return problem("shrunk", `${Math.round(r.width)}×${Math.round(r.height)} px drawn for ${size.width}×${size.height}`);
    }
    const vp = view.viewport();
    if (r.left < -MOVE_TOLERANCE_PX || r.top < -MOVE_TOLERANCE_PX ||
        r.left + r.width > vp.width + MOVE_TOLERANCE_PX || r.top + r.height > vp.height + MOVE_TOLERANCE_PX) {
      return problem("offscreen", "not wholly in the viewport");
    }
    const x = point ? point.x : r.left + r.width / 2;
    const y = point ? point.y : r.top + r.height / 2;
    if (!inside(r, x, y)) return problem("outside", "the point is not on the control");
    const top = view.topAt(x, y);
    if (top !== host) return problem("covered", `the page's element is on top at ${Math.round(x)},${Math.round(y)}`);
    const inner = view.innerTopAt(x, y);
    let onControl = false;
    for (let el = inner; el; el = view.parent(el)) if (el === control) { onControl = true; break; }
    if (!onControl) return problem("covered", "another part is on top of the control");
    return null;
  }

  // "pointer" for a mouse, pen or touch press, "keyboard" for Enter/Space on a focused control,
  // null for anything else (a script's click(), a synthetic event, a click with no source).
  function activationOf(event) {
    if (!event || event.isTrusted !== true || event.type !== "click") return null;
    const type = event.pointerType;
    if (event.detail === 0 && !type) return "keyboard";
    if (event.detail >= 1 && (type === undefined || ["mouse", "pen", "touch"].includes(type))) return "pointer";
    return null;
  }

  function moved(a, b) {
    return Math.abs(a.left - b.left) > MOVE_TOLERANCE_PX || Math.abs(a.top - b.top) > MOVE_TOLERANCE_PX ||
      Math.abs(a.width - b.width) > MOVE_TOLERANCE_PX || Math.abs(a.height - b.height) > MOVE_TOLERANCE_PX;
  }

  function createGuard({ host, control, view, settleMs = SETTLE_MS }) {
    let visibleSince = null; // when the control last became visible, unmoved, per sample()
    let lastRect = null;

    function sample() {
      const t = view.now();
      const p = visibilityProblem(view, host, control, null);
      const r = view.rect(control);
      if (p || !lastRect || moved(lastRect, r)) visibleSince = p ? null : t;
      else if (visibleSince === null) visibleSince = t;
      lastRect = r;
      return p;
    }

    function check(event) {
      if (!event || event.isTrusted !== true) return { ok: false, ...problem("untrusted", "not a real click") };
      const kind = activationOf(event);
      if (!kind) return { ok: false, ...problem("activation", `detail ${event.detail}, pointer ${event.pointerType || "none"}`) };
      if (kind === "keyboard" && (view.focused() !== host || view.innerFocused() !== control)) {
        return { ok: false, ...problem("not-focused", "a keyboard press on a control without focus") };
      }
      const point = kind === "pointer" ? { x: event.clientX, y: event.clientY } : null;
      const p = visibilityProblem(view, host, control, point);
      const t = view.now();
      if (p) {
        visibleSince = null;
        return { ok: false, ...p };
      }
      const r = view.rect(control);
      if (lastRect && moved(lastRect, r)) {
        visibleSince = t;
        lastRect = r;
        return { ok: false, ...problem("moved", "the control moved since it was last seen") };
      }
      if (visibleSince === null || t - visibleSince < settleMs) {
        const shown = visibleSince === null ? 0 : Math.round(t - visibleSince);
        if (visibleSince === null) { visibleSince = t; lastRect = r; }
        return { ok: false, ...problem("too-soon", `visible for ${shown} ms, ${settleMs} ms needed`) };
      }
      return { ok: true };
    }

    return {
      sample,
      check,
      reset() { visibleSince = null; lastRect = null; },
      since: () => visibleSince,
    };
  }

  return { createGuard, visibilityProblem, activationOf, filterProblem, MIN_OPACITY, SETTLE_MS };
});
