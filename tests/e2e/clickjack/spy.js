// A page script that polls everything a page can read, from its first moment until Objector fills
// the form (clickjack.test.mjs inlines it into a copy of Meta's form): the whole DOM as markup, the
// rendered text, every control's value, open shadow roots, its own storages, and the names of
// window properties. The first input or change event is the start of the fill: what it read until
// then is window.__spy.seen; what it reads in the 5 s after, window.__spy.after.
(function () {
  const spy = (window.__spy = { reads: 0, firstFillAt: null, seen: "", after: "" });
  let bag = new Set();
  let before = null;
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
    for (const p of parts) bag.add(p);
    if (before) spy.after = [...bag].join("\n");
  }
  const timer = setInterval(readAll, 25);
  readAll();
  // The first sign of filling: what was read so far is "before"; reading goes on for 5 s into
  // "after", which must show what Objector typed (so the spy could have seen it).
  const stop = (event) => {
    if (before || !(event.target instanceof Element)) return;
    spy.firstFillAt = performance.now();
    before = bag;
    spy.seen = [...before].join("\n");
    bag = new Set();
    setTimeout(() => clearInterval(timer), 5000);
  };
  addEventListener("input", stop, true);
  addEventListener("change", stop, true);
  addEventListener("beforeinput", stop, true);
})();
