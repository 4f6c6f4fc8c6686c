// The real-browser sample: one generated variant per family, picked by a seed per browser, such
// that the fixture server can serve them all from one folder (distinct host + path; nothing at the
// feed's URL), with no field the person's set-up cannot fill (a name), and for each notice the form
// variant the server will answer its one click with (`target`, `targetUrl`). Plus `closeTab`: a
// form whose answer comes late (≥ 600 ms), for "Send, then the tab closed at once".
import { prng, FORMS } from "./generate.mjs";

const key = (url) => { const u = new URL(url); return `${u.hostname}${u.pathname.replace(/\/$/, "")}`; };
const siteOf = (host) => host.split(".").slice(-2).join(".");

// What tests/e2e/server's Site::Find serves for `url` from `pages`: the exact host and path, else
// the same path on another host of the site, English first.
export function served(pages, url) {
  const u = new URL(url);
  const path = u.pathname.replace(/\/$/, "");
  const exact = pages.find((p) => key(p.url) === `${u.hostname}${path}`);
  if (exact) return exact;
  const same = pages.filter((p) => siteOf(new URL(p.url).hostname) === siteOf(u.hostname) && new URL(p.url).pathname.replace(/\/$/, "") === path);
  return same.find((p) => p.language === "en") || same[0] || null;
}

export function pickSample(variants, { browser, feedUrl }) {
  const r = prng(browser === "firefox" ? 2 : 1);
  const taken = new Set([key(feedUrl)]);
  const fillable = (v) => v.expect.kind === "notice" || !v.traits.name;
  const free = (v) => !taken.has(key(v.url));
  const chosen = [];
  const take = (v) => { taken.add(key(v.url)); chosen.push(v); return v; };
  const forms = ["form-2024", "form-2025", "instagram", "third-party", "prestep", "outcome"];
  for (const family of forms) {
    const pool = r.shuffle(variants.filter((v) => v.family === family && fillable(v) && free(v)));
    if (pool.length) take(pool[0]);
  }
  const closePool = r.shuffle(variants.filter((v) => v.family === "form-2024" && fillable(v) && free(v) && v.traits.answerDelay >= 600 && !v.traits.prestep));
  const closeTab = closePool[0];
  taken.add(key(closeTab.url));
  const pages = [...chosen, closeTab];
  for (const family of ["notice-page", "notice-dialog"]) {
    const pool = r.shuffle(variants.filter((v) => v.family === family && v.expect.platform === "facebook" && free(v)));
    for (const v of pool) {
      const targetUrl = `https://${new URL(v.url).hostname}/help/contact/${FORMS.fb2025}`;
      const target = served(pages, targetUrl);
      if (!target || target === closeTab) continue;
      take(Object.assign(Object.create(null), v, { target, targetUrl }));
      break;
    }
  }
  return { sample: chosen, closeTab };
}
