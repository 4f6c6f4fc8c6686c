// Profile: the email list, country and language, used by the first-run walkthrough and by the
// Profile section. Saving goes to the host (profile.set); while the host is away the profile is
// kept in storage ("profile" mirror, "profilePending") and pushed when the host answers again.
import { COUNTRIES, LANGUAGES, EMAIL_RE, displayName, el, clear, text } from "./page-kit.js";
import { isReady, builtinJustification } from "../lib/fill-data.js";

export const MAX_EMAILS = 5;
const HOST_AWAY = new Set(["host_missing", "host_disconnected", "timeout", "background_unavailable"]);

export function fillSelect(select, codes, type, locale, selected, placeholder) {
  clear(select);
  if (placeholder) select.append(el(select.ownerDocument, "option", { value: "", text: placeholder }));
  const options = codes
    .map((code) => ({ code, name: displayName(locale, type, type === "region" ? code : code === "no" ? "nb" : code) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale || undefined));
  for (const { code, name } of options) {
    select.append(el(select.ownerDocument, "option", { value: code, text: name, selected: code === selected }));
  }
  if (selected) select.value = selected;
}

// An editable list of up to five email inputs inside `container`; the "add" button is `addButton`.
export function emailList(container, addButton, t, idPrefix) {
  const doc = container.ownerDocument;
  function addRow(value = "") {
    const n = container.children.length + 1;
    if (n > MAX_EMAILS) return null;
    const id = `${idPrefix}-email-${n}`;
    const label = el(doc, "label", { for: id, class: "visually-hidden", text: text(t, "emailN", `Email address ${n}`, [String(n)]) });
    const input = el(doc, "input", { id, type: "email", autocomplete: n === 1 ? "email" : "off", value: value, maxlength: 254 });
    input.value = value;
    const row = el(doc, "div", { class: "email-row" }, [label, input]);
    if (n > 1) {
      const remove = el(doc, "button", { type: "button", text: text(t, "remove", "Remove") });
      remove.setAttribute("aria-label", text(t, "removeEmailN", `Remove email address ${n}`, [String(n)]));
      remove.addEventListener("click", () => {
        row.remove();
        addButton.hidden = false;
      });
      row.append(remove);
    }
    container.append(row);
    addButton.hidden = container.children.length >= MAX_EMAILS;
    return input;
  }
  addButton.addEventListener("click", () => {
    const input = addRow("");
    if (input) input.focus();
  });
  return {
    set(emails) {
      clear(container);
      const list = emails && emails.length ? emails : [""];
      for (const e of list.slice(0, MAX_EMAILS)) addRow(e);
    },
    values: () => [...container.querySelectorAll("input")].map((i) => i.value.trim()).filter(Boolean),
    firstInput: () => container.querySelector("input"),
  };
}

// Returns an error message, or "" when the emails are fine.
export function checkEmails(emails, t) {
  if (emails.length === 0) return text(t, "errorNoEmail", "Enter at least one email address.");
  const bad = emails.find((e) => !EMAIL_RE.test(e));
  if (bad) return text(t, "errorBadEmail", `“${bad}” is not an email address.`, [bad]);
  if (new Set(emails.map((e) => e.toLowerCase())).size !== emails.length) {
    return text(t, "errorDuplicateEmail", "The same address is listed twice.");
  }
  return "";
}

export function checkProfile(profile, t) {
  const emailError = checkEmails(profile.emails, t);
  if (emailError) return emailError;
  if (!COUNTRIES.includes(profile.country)) return text(t, "errorNoCountry", "Choose your country of residence.");
  if (!LANGUAGES.includes(profile.language)) return text(t, "errorNoLanguage", "Choose your language.");
  return "";
}

// Loads the profile: the host's if it has one, else the mirror. Pushes a pending mirror to the host.
export async function loadProfile({ bg, storage }) {
  const mirror = (await storage.get("profile")) || null;
  let fromHost = null;
  let hostError = null;
  try {
    fromHost = (await bg.host("profile.get")).profile;
  } catch (e) {
    hostError = e;
  }
  if (!hostError && mirror && isReady(mirror) && (await storage.get("profilePending"))) {
    try {
      fromHost = (await bg.host("profile.set", { profile: mirror })).profile;
      await storage.set("profilePending", false);
    } catch {
      // stays pending; tried again next time
    }
  }
  if (fromHost && isReady(fromHost)) return { profile: fromHost, hostError };
  return { profile: mirror && isReady(mirror) ? mirror : fromHost || mirror, hostError };
}

// Saves through the host; keeps it in the browser when the host is away. → {saved, pending, error}
export async function saveProfile({ bg, storage }, profile) {
  try {
    const stored = (await bg.host("profile.set", { profile })).profile;
    await storage.set("profile", stored);
    await storage.set("profilePending", false);
    return { saved: stored, pending: false, error: null };
  } catch (e) {
    if (HOST_AWAY.has(e.code)) {
      await storage.set("profile", profile);
      await storage.set("profilePending", true);
      return { saved: profile, pending: true, error: null };
    }
    return { saved: null, pending: false, error: e };
  }
}

// The default justification the person will send in `language`: theirs from the host, else ours.
export async function defaultJustification({ bg, defaults }, language) {
  try {
    const { justifications } = await bg.host("justification.list", { language });
    const mine = (justifications || []).find((j) => j.is_default) || (justifications || [])[0];
    if (mine) return { text: mine.text, language, source: "host" };
  } catch {
    // host away: the built-in text is what would be sent
  }
  return builtinJustification(defaults, language);
}
