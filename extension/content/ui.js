"use strict";
// The content script's controls: one small panel in a closed shadow root, so the page can neither
// read nor click it and page CSS cannot restyle it. Classic script (Objector.ui).
//
// createPanel(doc) → { setAction(label, onClick) | setAction(null), setMessages([{text, tone}]),
//   setLink(label, onClick) | setLink(null), remove() }. onClick gets the click event; callers
//   act only on event.isTrusted (a real click by the person).
(function () {
  const CSS = `:host{all:initial}
.box{position:fixed;right:16px;bottom:16px;z-index:2147483647;max-width:340px;font:14px/1.4 system-ui,sans-serif;
 background:#fff;color:#1c1e21;border:1px solid #ccd0d5;border-radius:10px;box-shadow:0 4px 16px rgba(0,0,0,.2);padding:12px 14px}
.box[hidden]{display:none}
.title{font-weight:700;margin:0 0 6px}
.msg{margin:6px 0 0}.msg.error{color:#b3261e}.msg.ok{color:#1b6e3a}
button{font:inherit;font-weight:600;margin-top:8px;padding:8px 14px;border:0;border-radius:8px;background:#0a5c36;color:#fff;cursor:pointer}
button:focus-visible{outline:3px solid #7fb8ff;outline-offset:2px}
a{color:#0a4fa8;cursor:pointer;text-decoration:underline}`;

  function createPanel(doc) {
    const host = doc.createElement("objector-ui");
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
    const button = doc.createElement("button");
    button.type = "button";
    button.hidden = true;
    const link = doc.createElement("a");
    link.hidden = true;
    link.tabIndex = 0;
    box.append(title, messages, button, link);
    shadow.append(style, box);
    let onAction = null;
    let onLink = null;
    button.addEventListener("click", (event) => onAction && onAction(event));
    link.addEventListener("click", (event) => onLink && onLink(event));
    (doc.body || doc.documentElement).append(host);

    function refresh() {
      box.hidden = button.hidden && link.hidden && messages.childElementCount === 0;
      if (!host.isConnected) (doc.body || doc.documentElement).append(host); // a page re-render removed us
    }
    return {
      setAction(label, fn) {
        onAction = label ? fn : null;
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
        host.remove();
      },
    };
  }

  (globalThis.Objector = globalThis.Objector || {}).ui = { createPanel };
})();
