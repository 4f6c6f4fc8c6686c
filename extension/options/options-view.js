// The options page: first-run walkthrough until a profile exists, then Your coverage (the section
// it opens on), Profile, Justifications, History (with export), Complaint and Settings, one section
// at a time chosen by the URL hash. Browser calls are injected (see options.js) so jsdom tests run
// this unchanged.
import { COUNTRIES, LANGUAGES, text, normaliseSettings } from "./page-kit.js";
import { isReady } from "../lib/fill-data.js";
import { emailList, fillSelect, checkEmails, checkProfile, loadProfile, saveProfile, defaultJustification } from "./profile-view.js";
import { mountHistory } from "./history-view.js";
import { mountJustifications } from "./justifications-view.js";
import { mountOutbox } from "./outbox-view.js";
import { mountCoverage } from "./coverage-view.js";
import { mountComplaint } from "./complaint-view.js";

export const SECTIONS = ["coverage", "profile", "justifications", "history", "complaint", "settings"];
export const FIRST_SECTION = "coverage";

export async function mountOptions({ doc, win, bg, t, storage, locale, defaults, download, now = () => new Date(), formUrls = {}, openLetter = () => false }) {
  const $ = (id) => doc.getElementById(id);
  const statusEl = $("status");
  function status(message, cls = "") {
    statusEl.textContent = message;
    statusEl.className = cls;
  }
  const uiLanguage = (locale || "en").split("-")[0];
  const deps = { bg, storage, defaults };

  // --- host banner -------------------------------------------------------------------------
  async function showHost() {
    let s;
    try {
      s = await bg.call("host.status");
    } catch (e) {
      s = { connected: false, error: { code: e.code, message: e.message }, installCommand: "installer/install.sh" };
    }
    $("host-banner").hidden = Boolean(s.connected);
    if (!s.connected) {
      $("host-banner-text").textContent = text(
        t,
        "hostMissingBanner",
        "The history keeper (objector-host) is not installed or not answering. Objections are kept in the browser until it is. Install it from the Objector folder with:",
      );
      $("host-install-command").textContent = s.installCommand || "installer/install.sh";
    }
    return s;
  }

  // After running the installer the person can check again without reloading; what waited in
  // the browser (outbox, a profile saved while the host was away) goes to the host now.
  $("host-recheck").addEventListener("click", async () => {
    const s = await showHost();
    if (!s.connected) {
      status(text(t, "hostStillMissing", "Still not found. Run “objector doctor” to see why."), "error");
      return;
    }
    ({ profile } = await loadProfile(deps));
    status(text(t, "hostNowConnected", `Connected to the history keeper, version ${s.hostVersion}.`, [s.hostVersion || "?"]), "ok");
    // What the section shows comes from the host: read it again now that it answers.
    if (!$("coverage").hidden) await coverage.load();
    if (!$("complaint").hidden) await complaint.load(profile);
  });

  // --- sections ----------------------------------------------------------------------------
  const history = mountHistory({ doc, bg, t, locale, download, status, now });
  const justifications = mountJustifications({ doc, bg, t, locale, defaults, status });
  const outbox = mountOutbox({ doc, bg, t, locale, download, status, now });
  const coverage = mountCoverage({ doc, bg, t, locale, status, formUrls, now, download });
  const complaint = mountComplaint({ doc, bg, t, locale, status, openLetter, download });
  let profile = null;

  async function showSection(name) {
    const section = SECTIONS.includes(name) ? name : FIRST_SECTION;
    for (const s of SECTIONS) $(s).hidden = s !== section;
    for (const a of doc.querySelectorAll("#nav a")) {
      if (a.getAttribute("href") === `#${section}`) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    }
    if (section === "coverage") await coverage.load();
    if (section === "complaint") await complaint.load(profile);
    if (section === "history") await history.load(true);
    if (section === "justifications") await justifications.show((profile && profile.language) || uiLanguage);
    if (section === "settings") await showSettings();
    return section;
  }

  // --- profile section ---------------------------------------------------------------------
  const profileEmails = emailList($("profile-emails"), $("profile").querySelector(".add-email"), t, "profile");
  function showProfile(p) {
    profileEmails.set((p && p.emails) || []);
    fillSelect($("profile-country"), COUNTRIES, "region", locale, p && p.country);
    fillSelect($("profile-language"), LANGUAGES, "language", locale, (p && p.language) || uiLanguage);
    $("profile-name").value = (p && p.name) || "";
  }
  async function submitProfile(candidate, errorEl) {
    const problem = checkProfile(candidate, t);
    errorEl.textContent = problem;
    if (problem) return null;
    const r = await saveProfile(deps, candidate);
    if (r.error) {
      errorEl.textContent = text(t, "saveFailed", `Not saved: ${r.error.message}`, [r.error.message]);
      return null;
    }
    profile = r.saved;
    status(
      r.pending
        ? text(t, "savedInBrowser", "Saved in this browser. It goes to your history keeper as soon as it is installed.")
        : text(t, "saved", "Saved."),
      "ok",
    );
    return r.saved;
  }
  $("profile-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    await submitProfile(
      {
        emails: profileEmails.values(),
        country: $("profile-country").value,
        language: $("profile-language").value,
        name: $("profile-name").value.trim(),
      },
      $("profile-error"),
    );
  });

  // --- first run ---------------------------------------------------------------------------
  const frEmails = emailList($("fr-emails"), $("first-run").querySelector(".add-email"), t, "fr");
  let step = 1;
  const LAST = 4;
  async function showStep(n) {
    step = n;
    for (const fs of doc.querySelectorAll("#fr-form fieldset")) fs.hidden = Number(fs.dataset.step) !== n;
    for (const li of doc.querySelectorAll("#fr-steps li")) {
      const s = Number(li.dataset.step);
      if (s === n) li.setAttribute("aria-current", "step");
      else li.removeAttribute("aria-current");
      li.classList.toggle("done", s < n);
    }
    $("fr-back").hidden = n === 1;
    $("fr-next").textContent = n === LAST ? text(t, "finishSetup", "Finish set-up") : text(t, "next", "Next");
    $("fr-error").textContent = "";
    if (n === LAST) {
      const lang = $("fr-language").value || "en";
      const j = await defaultJustification(deps, lang);
      $("fr-justification").textContent = j.text;
      $("fr-justification").setAttribute("lang", j.language);
    }
    const focusable = doc.querySelector(`#fr-form fieldset[data-step="${n}"]`)?.querySelector("input, select, blockquote");
    if (focusable && focusable.focus) focusable.focus();
  }
  function frCandidate() {
    return {
      emails: frEmails.values(),
      country: $("fr-country").value,
      language: $("fr-language").value,
      name: $("fr-name").value.trim(),
    };
  }
  function checkStep(n) {
    const c = frCandidate();
    if (n === 1) return checkEmails(c.emails, t);
    if (n === 2) return COUNTRIES.includes(c.country) ? "" : text(t, "errorNoCountry", "Choose your country of residence.");
    if (n === 3) return LANGUAGES.includes(c.language) ? "" : text(t, "errorNoLanguage", "Choose your language.");
    return "";
  }
  $("fr-back").addEventListener("click", () => showStep(Math.max(1, step - 1)));
  $("fr-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const problem = checkStep(step);
    $("fr-error").textContent = problem;
    if (problem) return;
    if (step < LAST) return showStep(step + 1);
    const saved = await submitProfile(frCandidate(), $("fr-error"));
    if (saved) await enterApp(FIRST_SECTION);
  });

  async function enterFirstRun() {
    $("first-run").hidden = false;
    $("nav").hidden = true;
    for (const s of SECTIONS) $(s).hidden = true;
    frEmails.set((profile && profile.emails) || []);
    fillSelect($("fr-country"), COUNTRIES, "region", locale, profile && profile.country, text(t, "choose", "Choose…"));
    fillSelect($("fr-language"), LANGUAGES, "language", locale, (profile && profile.language) || (LANGUAGES.includes(uiLanguage) ? uiLanguage : "en"));
    await showStep(1);
  }

  async function enterApp(section) {
    $("first-run").hidden = true;
    $("nav").hidden = false;
    showProfile(profile);
    return showSection(section);
  }

  // --- settings ----------------------------------------------------------------------------
  async function showSettings() {
    const s = normaliseSettings(await storage.get("settings"));
    $("setting-review").checked = s.reviewBeforeSend;
    $("setting-facebook").checked = s.platforms.facebook;
    $("setting-instagram").checked = s.platforms.instagram;
    await outbox.load();
  }
  $("settings-form").addEventListener("change", async () => {
    const s = {
      reviewBeforeSend: $("setting-review").checked,
      platforms: { facebook: $("setting-facebook").checked, instagram: $("setting-instagram").checked },
    };
    await storage.set("settings", s);
    status(text(t, "saved", "Saved."), "ok");
  });

  // --- start -------------------------------------------------------------------------------
  const hostStatus = await showHost();
  ({ profile } = await loadProfile(deps));
  await outbox.load(); // the uninstall warning shows on every section while records wait
  if (win) {
    win.addEventListener("hashchange", async () => {
      if (!isReady(profile)) return;
      // Move focus to the new section's heading so keyboard and screen-reader users land there.
      const shown = await showSection(win.location.hash.slice(1));
      const heading = $(shown).querySelector("h1");
      heading.setAttribute("tabindex", "-1");
      heading.focus();
    });
  }
  const section = win ? win.location.hash.slice(1) : "";
  if (!isReady(profile)) await enterFirstRun();
  else await enterApp(section);

  return { hostStatus, showSection, showStep, history, justifications, outbox, coverage, complaint, profile: () => profile, firstRun: () => !isReady(profile) };
}
