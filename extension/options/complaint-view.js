// The complaint pack (issue 12): the person picks the country (and, for Germany, the Land) whose
// data-protection authority gets the letter and its language; the host's complaint.render writes
// the letter from the history (host/PROTOCOL.md). The page opens it in a new tab to print (a Blob
// URL of this page's origin; its styles adopted, as the history preview does, since the extension
// CSP blocks a <style> there) and offers it as a download. Objector sends nothing.
//
// mountComplaint({doc, bg, t, locale, status, openLetter, download}) → {load(profile) → Promise,
//   render() → Promise<file | null>}. openLetter({filename, mime, content}) → opened: boolean
// (options.js: a Blob URL in a new tab); download({filename, mime, content}) as the history's.
import { el, clear, text, displayName } from "./page-kit.js";

// The languages the letter is written in (the host falls back to English for others).
export const LETTER_LANGUAGES = Object.freeze(["en", "de", "fr", "nl", "it", "es", "pl"]);

// Germany's Länder by their ISO 3166-2 suffix (Intl has no subdivision names); each has its own
// data-protection authority for companies.
export const LAENDER = Object.freeze({
  BW: "Baden-Württemberg", BY: "Bayern", BE: "Berlin", BB: "Brandenburg", HB: "Bremen", HH: "Hamburg",
  HE: "Hessen", MV: "Mecklenburg-Vorpommern", NI: "Niedersachsen", NW: "Nordrhein-Westfalen",
  RP: "Rheinland-Pfalz", SL: "Saarland", SN: "Sachsen", ST: "Sachsen-Anhalt", SH: "Schleswig-Holstein", TH: "Thüringen",
});

export function countriesOf(authorities) {
  return [...new Set(authorities.map((a) => a.country))].sort();
}

export function regionsOf(authorities, country) {
  return authorities.filter((a) => a.country === country && a.region).map((a) => ({ region: a.region, name: a.name }));
}

// The authority the letter goes to for this choice (the Land's in Germany), or null.
export function authorityFor(authorities, country, region) {
  const here = authorities.filter((a) => a.country === country);
  if (here.some((a) => a.region)) return here.find((a) => a.region === region) || null;
  return here[0] || null;
}

export function mountComplaint({ doc, bg, t, locale, status = () => {}, openLetter = () => false, download = () => {} }) {
  const $ = (id) => doc.getElementById(id);
  let authorities = [];
  let loaded = false;
  let last = null;

  function options(select, items, chosen) {
    clear(select);
    for (const [value, label] of items) select.append(el(doc, "option", { value, text: label }));
    if (chosen && items.some(([v]) => v === chosen)) select.value = chosen;
  }

  function showRegion() {
    const country = $("complaint-country").value;
    const regions = regionsOf(authorities, country);
    $("complaint-region-row").hidden = regions.length === 0;
    if (regions.length) {
      const keep = $("complaint-region").value;
      const named = regions.map((r) => [r.region, LAENDER[r.region] || r.name]).sort((a, b) => a[1].localeCompare(b[1], "de"));
      options($("complaint-region"), [["", text(t, "choose", "Choose…")], ...named], keep);
    }
    showAuthority();
  }

  function showAuthority() {
    const box = $("complaint-authority");
    clear(box);
    const a = authorityFor(authorities, $("complaint-country").value, $("complaint-region").value);
    box.hidden = !a;
    if (!a) return;
    box.append(el(doc, "strong", { text: a.name }));
    if (a.name_en && a.name_en !== a.name) box.append(el(doc, "span", { class: "hint", text: ` (${a.name_en})` }));
    if (a.address && a.address.length) box.append(el(doc, "address", {}, a.address.flatMap((line, i) => (i ? [el(doc, "br"), line] : [line]))));
    const links = el(doc, "p", {});
    if (a.web_form_url) links.append(el(doc, "a", { href: a.web_form_url, target: "_blank", rel: "noreferrer noopener", text: text(t, "complaintWebForm", "The authority's complaint form") }), " ");
    if (a.website) links.append(el(doc, "a", { href: a.website, target: "_blank", rel: "noreferrer noopener", text: text(t, "complaintWebsite", "The authority's website") }));
    box.append(links);
  }

  async function load(profile) {
    if (loaded) return authorities;
    $("complaint-error").textContent = "";
    try {
      authorities = (await bg.host("authority.list")).authorities || [];
    } catch (e) {
      const missing = ["host_missing", "host_disconnected", "timeout", "background_unavailable"].includes(e.code);
      $("complaint-error").textContent = missing
        ? text(t, "complaintHostMissing", "The letter is written by your history keeper (objector-host), which is not answering. Install it with the command above, then press Check again.")
        : text(t, "complaintUnavailable", `The authorities cannot be listed right now: ${e.message}`, [e.message]);
      $("complaint-form").hidden = true;
      return null;
    }
    loaded = true;
    $("complaint-form").hidden = false;
    const countries = countriesOf(authorities).map((c) => [c, displayName(locale, "region", c)]);
    countries.sort((a, b) => a[1].localeCompare(b[1], locale));
    const language = profile && LETTER_LANGUAGES.includes(profile.language) ? profile.language : LETTER_LANGUAGES.includes((locale || "").slice(0, 2)) ? locale.slice(0, 2) : "en";
    options($("complaint-country"), countries, profile && profile.country);
    options($("complaint-language"), LETTER_LANGUAGES.map((l) => [l, displayName(locale, "language", l)]), language);
    showRegion();
    return authorities;
  }

  async function render() {
    const country = $("complaint-country").value;
    const region = $("complaint-region").value;
    const language = $("complaint-language").value;
    const error = $("complaint-error");
    error.textContent = "";
    if (!$("complaint-region-row").hidden && !region) {
      error.textContent = text(t, "complaintChooseRegion", "Choose your Land: in Germany each Land has its own authority.");
      return null;
    }
    const fields = { country, language };
    if (region && !$("complaint-region-row").hidden) fields.region = region;
    $("complaint-result").textContent = text(t, "complaintPreparing", "Preparing the letter…");
    let r;
    try {
      r = await bg.host("complaint.render", fields);
    } catch (e) {
      $("complaint-result").textContent = "";
      error.textContent = text(t, "complaintFailed", `The letter could not be prepared: ${e.message}`, [e.message]);
      return null;
    }
    const file = { filename: String(r.filename || "complaint.html").replace(/[\\/]/g, "_"), mime: "text/html", content: String(r.content ?? ""), language: r.language };
    last = file;
    const opened = openLetter(file);
    $("complaint-download").hidden = false;
    $("complaint-result").textContent = opened
      ? text(t, "complaintOpened", `The letter is open in a new tab: print it or save it as PDF. Objector sends nothing.`)
      : text(t, "complaintReady", `The letter is ready: download it, open it and print it. Objector sends nothing.`);
    status(text(t, "complaintOpenedStatus", `Letter prepared (${file.filename}).`, [file.filename]), "ok");
    return { ...file, opened };
  }

  $("complaint-country").addEventListener("change", showRegion);
  $("complaint-region").addEventListener("change", showAuthority);
  $("complaint-form").addEventListener("submit", (event) => {
    event.preventDefault();
    render();
  });
  $("complaint-download").addEventListener("click", () => {
    if (last) download(last);
  });

  return { load, render, last: () => last };
}
