// A page script that polls everything a page can read, from its first moment until Objector fills
// the form (clickjack.test.mjs inlines it into a copy of Meta's form): the whole DOM as markup, the
// rendered text, every control's value, open shadow roots, its own storages, and the names of
// window properties. It stops at the first input or change event on a form control: from then on
// the page is meant to see what Objector typed. What it read is kept in window.__spy.
(function () {
  const spy = (window.__spy = { reads: 0, firstFillAt: null, seen: "" });
  const seen = new Set();
  function readAll() {
    const parts = [document.documentElement.outerHTML, document.body ? document.body.innerText : ""];
    for (const el of document.querySelectorAll("input, textarea, select, [contenteditable]")) {
      parts.push(el.value || "", el.textContent || "");
    }
    for (const el of document.querySelectorAll("*")) if (el.shadowRoot) parts.push(el.shadowRoot.innerHTML);
    for (const store of [localStorage, sessionStorage]) {
      for (let i = 0; i < store.length; i++) parts.push(store.key(i), store.getItem(store.key(i)));
    }
    parts.push(Object.keys(window).join(" "), document.cookie, document.title, location.href);
    spy.reads += 1;
    for (const p of parts) seen.add(p);
  }
  const timer = setInterval(readAll, 25);
  readAll();
  const stop = (event) => {
    if (spy.firstFillAt || !(event.target instanceof Element) || !event.target.closest("form, [role=dialog], main, body")) return;
    spy.firstFillAt = performance.now();
    clearInterval(timer);
    spy.seen = [...seen].join("\n");
  };
  addEventListener("input", stop, true);
  addEventListener("change", stop, true);
  addEventListener("beforeinput", stop, true);
})();
