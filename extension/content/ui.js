"use strict";
// The content script's controls: one small panel in a closed shadow root, in the page's top layer,
// whose buttons act only on a click that lib/click-guard.js accepts (a real press on a control the
// person could see, steady for half a second). Classic script (Objector.ui); needs
// Objector.clickGuard.
//
// createPanel(doc) → { setAction(label, onClick) | setAction(null), setMessages([{text, tone}]),
//   setLink(label, onClick) | setLink(null), remove() }. onClick(event) is called ONLY for a click
//   the guard accepted; a refused click calls nothing and the panel says why.
//
// How the page is kept from stealing the click:
// - Top layer: the host is a `popover="manual"` shown with showPopover(), so no z-index of the
//   page's can cover it; when the page opens its own top-layer element (popover, modal dialog,
//   fullscreen) later, the panel raises itself again and waits half a second before it acts.
// - Page CSS reaches the host (it is in the light DOM): the host's own declarations are set three
//   ways — inline with !important, in the shadow root's `:host` rule with !important (which beats
//   the page's !important, inline ones included), and re-set when a MutationObserver sees the page
//   change them. Ancestors (html) cannot be protected that way: the guard checks them per click.
// - The host's name is random per page load (`[a-z]{4}-[a-z]{6}`), not "objector-ui": a page's
//   static stylesheet or an old exploit cannot name it. Per page load rather than per install: no
//   storage read before the first paint, and a name one page learned is useless on the next.
//   (A page script can still find the host — it is the child of <html> the page did not put there —
//   which is why the guard checks at click time instead of trusting the styling.)
// - The host sits directly under <html>, outside the page's own tree, and is put back there if moved.
// - The box has one fixed width and is anchored at the bottom right: a line added above the button
//   (a late "You objected on …") grows it upwards and never moves the button, so a press the person
//   aims right then is not refused as "moved".
(function () {
  const own = Object.prototype.hasOwnProperty.call(globalThis, "Objector") && globalThis.Objector;
  const O = own || (globalThis.Objector = {});
  const { createGuard } = O.clickGuard;

  const HOST_DECLARATIONS = [
    "all:initial", "display:block", "position:fixed", "inset:auto 16px 16px auto", "margin:0",
    "padding:0", "border:0", "background:transparent", "width:auto", "height:auto", "max-width:372px",
    "overflow:visible", "opacity:1", "visibility:visible", "filter:none", "transform:none", "zoom:1",
    "clip-path:none", "mask:none", "z-index:2147483647", "pointer-events:auto",
    "content-visibility:visible", "contain:none",
  ];
  const HOST_STYLE = HOST_DECLARATIONS.map((d) => `${d} !important`).join(";");
  const CSS = `:host{${HOST_STYLE}}
:host(:not(:popover-open)){display:none !important}
:host::before,:host::after{content:none !important;display:none !important}
.box{width:340px;font:14px/1.4 system-ui,sans-serif;background:#fff;color:#1c1e21;border:1px solid #ccd0d5;
 border-radius:10px;box-shadow:0 4px 16px rgba(0,0,0,.2);padding:12px 14px;opacity:1;visibility:visible}
.box[hidden]{display:none}
.title{font-weight:700;margin:0 0 6px}
.msg{margin:6px 0 0}.msg.error{color:#b3261e}.msg.ok{color:#1b6e3a}
button{font:inherit;font-weight:600;margin-top:8px;padding:8px 14px;border:0;border-radius:8px;background:#0a5c36;color:#fff;cursor:pointer}
button:focus-visible{outline:3px solid #7fb8ff;outline-offset:2px}
button.link{display:block;padding:0;background:none;color:#0a4fa8;font-weight:400;text-decoration:underline}`;
  // The guard looks at the control every SAMPLE_MS while it is shown, each time in an animation
  // frame, where the layout it needs is the one the frame makes anyway (a forced layout at a random
  // moment on a page that mutates every 50 ms is work done twice). The page's top layer is re-read
  // every TOP_LAYER_EVERY looks and at every click (toggle events tell of popovers in between).
  const SAMPLE_MS = 100;
  const TOP_LAYER_EVERY = 8;
  const TOP_LAYER = ":popover-open, :modal, :fullscreen";

  const REASONS = {
    untrusted: ["contentClickUntrusted", "it did not come from you"],
    activation: ["contentClickNotPress", "it was not a mouse, touch or keyboard press"],
    "not-focused": ["contentClickNotFocused", "the button did not have the keyboard focus"],
    "page-hidden": ["contentClickPageHidden", "the page was not on screen"],
    hidden: ["contentClickHidden", "the page had hidden the button"],
    transparent: ["contentClickTransparent", "the page had made the button transparent"],
    clipped: ["contentClickClipped", "the page had cut the button off"],
    shrunk: ["contentClickShrunk", "the page had shrunk the button"],
    offscreen: ["contentClickOffscreen", "the button was not wholly on screen"],
    outside: ["contentClickOutside", "the click was not on the button"],
    covered: ["contentClickCovered", "something of the page's was over the button"],
    moved: ["contentClickMoved", "the button had just moved"],
    "too-soon": ["contentClickTooSoon", "the button had been on screen for less than half a second"],
  };

  function t(key, fallback, subs) {
    try {
      const api = globalThis.browser || globalThis.chrome;
      const m = api && api.i18n && api.i18n.getMessage(key, subs);
      if (m) return m;
    } catch {
      // i18n unavailable (tests): the English fallback below
    }
    let out = fallback;
    for (const s of subs || []) out = out.replace(/\$[A-Z]+\$/, s);
    return out;
  }

  // A neutral custom-element name, new for every page load.
  function randomHostName() {
    const letters = "abcdefghijklmnopqrstuvwxyz";
    const bytes = new Uint8Array(10);
    globalThis.crypto.getRandomValues(bytes);
    const word = (from, to) => Array.from(bytes.slice(from, to), (b) => letters[b % 26]).join("");
    return `${word(0, 4)}-${word(4, 10)}`;
  }

  // The guard's window on the real page (lib/click-guard.js names each member).
  function viewOf(doc, shadow) {
    const win = doc.defaultView;
    return {
      now: () => win.performance.now(),
      style: (el) => win.getComputedStyle(el),
      rect: (el) => el.getBoundingClientRect(),
      layoutSize: (el) => ({ width: el.offsetWidth, height: el.offsetHeight }),
      viewport: () => ({ width: doc.documentElement.clientWidth || win.innerWidth, height: doc.documentElement.clientHeight || win.innerHeight }),
      topAt: (x, y) => doc.elementFromPoint(x, y),
      innerTopAt: (x, y) => shadow.elementFromPoint(x, y),
      focused: () => doc.activeElement,
      innerFocused: () => shadow.activeElement,
      pageVisible: () => doc.visibilityState === "visible",
      parent: (el) => el.parentElement || (el.parentNode && el.parentNode.host) || null,
    };
  }

  function createPanel(doc) {
    const host = doc.createElement(randomHostName());
    const shadow = host.attachShadow({ mode: "closed" });
    const style = doc.createElement("style");
    style.textContent = CSS;
    const box = doc.createElement("div");
    box.className = "box";
    box.hidden = true;
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", "Objector");
    box.setAttribute("aria-live", "polite");
    const title = doc.createElement("p");
    title.className = "title";
    title.textContent = "Objector";
    const messages = doc.createElement("div");
    const refusal = doc.createElement("p");
    refusal.className = "msg error";
    refusal.hidden = true;
    const button = doc.createElement("button");
    button.type = "button";
    button.hidden = true;
    const link = doc.createElement("button"); // looks like a link, works like the button it is
    link.type = "button";
    link.className = "link";
    link.hidden = true;
    box.append(title, messages, refusal, button, link);
    shadow.append(style, box);

    const view = viewOf(doc, shadow);
    const guards = new Map([[button, createGuard({ host, control: button, view })], [link, createGuard({ host, control: link, view })]]);
    let onAction = null;
    let onLink = null;
    let below = new Set(); // other top-layer elements open when we last raised ourselves: under us
    let raiseDue = false;
    let ticker = null;
    let removed = false;

    const isOpen = () => host.matches(":popover-open");
    const shown = () => !(button.hidden && link.hidden && refusal.hidden && messages.childElementCount === 0);

    function othersInTopLayer() {
      try {
        return [...doc.querySelectorAll(TOP_LAYER)].filter((el) => el !== host);
      } catch {
        return [];
      }
    }

    // Puts the host back as we made it: under <html>, our attributes only, our inline style.
    function restore() {
      if (removed) return;
      for (const { name } of [...host.attributes]) if (name !== "style" && name !== "popover") host.removeAttribute(name);
      if (host.getAttribute("popover") !== "manual") host.setAttribute("popover", "manual");
      if (host.getAttribute("style") !== HOST_STYLE) host.setAttribute("style", HOST_STYLE);
      if (shown() && host.parentNode !== doc.documentElement) {
        doc.documentElement.append(host);
        raiseDue = true;
      }
    }

    // Shown last in the top layer: above everything the page has shown there before.
    function raise() {
      raiseDue = false;
      if (!host.isConnected) return;
      try {
        if (isOpen()) host.hidePopover();
        host.showPopover();
      } catch {
        return; // not connected or not a popover any more: restore() comes next
      }
      below = new Set(othersInTopLayer());
      // Raised: the steady time starts again now, seen at once (not at the next, maybe slow, look).
      for (const [control, g] of guards) {
        g.reset();
        if (!control.hidden) g.sample();
      }
    }

    // Whether the page has put something into the top layer since our last raise.
    function coveredByNewer() {
      const now = othersInTopLayer();
      below = new Set(now.filter((el) => below.has(el)));
      return raiseDue || now.some((el) => !below.has(el));
    }

    let looks = 0;
    function look() {
      ticker = null;
      if (box.hidden || removed) return;
      restore();
      looks += 1;
      if (!isOpen() || raiseDue || (looks % TOP_LAYER_EVERY === 0 && coveredByNewer())) raise(); // the page may close our popover: open it again
      for (const [control, g] of guards) if (!control.hidden) g.sample();
      schedule();
    }

    function schedule() {
      if (ticker || box.hidden || removed) return;
      const win = doc.defaultView;
      const delay = SAMPLE_MS;
      ticker = setTimeout(() => {
        if (typeof win.requestAnimationFrame === "function" && doc.visibilityState === "visible") win.requestAnimationFrame(look);
        else look();
      }, delay);
    }

    function refresh() {
      box.hidden = !shown();
      if (box.hidden) {
        clearTimeout(ticker);
        ticker = null;
        if (isOpen()) host.hidePopover();
        return;
      }
      restore();
      if (!isOpen()) raise();
      // What is shown changed: look now (a control just shown starts its steady time at once).
      for (const [control, g] of guards) if (!control.hidden) g.sample();
      schedule();
    }

    function refuse(verdict) {
      const [key, fallback] = REASONS[verdict.reason] || REASONS.untrusted;
      const why = t(key, fallback);
      refusal.textContent = t("contentClickRefused", `Objector did not act on that click: ${why}.`, [why]);
      refusal.hidden = false;
      refresh();
    }

    function guarded(control, act) {
      return (event) => {
        if (coveredByNewer()) raise();
        const verdict = guards.get(control).check(event);
        if (!verdict.ok) {
          event.preventDefault();
          refuse(verdict);
          return;
        }
        refusal.hidden = true;
        refusal.textContent = "";
        refresh();
        act(event);
      };
    }
    button.addEventListener("click", guarded(button, (event) => onAction && onAction(event)));
    link.addEventListener("click", guarded(link, (event) => onLink && onLink(event)));

    const onToggle = (event) => {
      if (event.target !== host && event.newState === "open") raiseDue = true;
    };
    globalThis.addEventListener("toggle", onToggle, true);
    const watcher = new MutationObserver(() => restore());
    watcher.observe(host, { attributes: true });
    watcher.observe(doc.documentElement, { childList: true });

    host.setAttribute("style", HOST_STYLE);
    host.setAttribute("popover", "manual");
    doc.documentElement.append(host);

    return {
      setAction(label, fn) {
        onAction = label ? fn : null;
        if ((label || "") !== button.textContent) {
          refusal.hidden = true;
          refusal.textContent = "";
        }
        button.hidden = !label;
        button.textContent = label || "";
        refresh();
      },
      setMessages(list) {
        messages.replaceChildren(...list.map(({ text, tone }) => {
          const p = doc.createElement("p");
          p.className = `msg ${tone || "info"}`;
          p.textContent = text;
          return p;
        }));
        refresh();
      },
      setLink(label, fn) {
        onLink = label ? fn : null;
        link.hidden = !label;
        link.textContent = label || "";
        refresh();
      },
      remove() {
        removed = true;
        clearTimeout(ticker);
        watcher.disconnect();
        globalThis.removeEventListener("toggle", onToggle, true);
        host.remove();
      },
    };
  }

  O.ui = { createPanel };
})();
