// What the content script fills into Meta's form: the person's profile and the justification in
// the form's language. Pure: the host client, storage and the built-in defaults are injected.
//
// createFillDataSource({client, storage, defaults}) → { get(language, fields?) → Promise<{ready,
//   profile, justification: {text, language, title, source: "host"|"builtin"}}> }
//   fields (FLOW.md principle 5: the page learns nothing): the subset of FILL_FIELDS the form on
//   the page asks for; the result then carries only those (profile.emails for "email",
//   profile.country, profile.name, justification only for "justification"). Without fields, all.
//   profile: from the host (profile.get); if the host cannot answer or has none yet, the copy the
//   options page mirrors in storage key "profile". ready is false until the profile has at least
//   one email and a country: the content script then offers "Set up Objector first".
//   justification: the user's default for `language` stored by the host, else their English
//   default, else the built-in text for `language` (justifications/defaults.json), else English.
//   defaults = the parsed defaults.json ({languages: {de: {title, text}, ...}}).

export const PROFILE_KEY = "profile";
export const FILL_FIELDS = Object.freeze(["email", "country", "justification", "name"]);

const EMPTY_PROFILE = Object.freeze({ emails: [], country: null, language: null, name: "" });

// Meta serves Norwegian as nb/nn/no; our texts use "no". Region tags (pt-PT) use the base.
export function baseLanguage(tag) {
  if (typeof tag !== "string" || !tag) return "";
  const base = tag.toLowerCase().split(/[-_]/)[0];
  return base === "nb" || base === "nn" ? "no" : base;
}

export function isReady(profile) {
  return Boolean(
    profile &&
      Array.isArray(profile.emails) &&
      profile.emails.some((e) => typeof e === "string" && e.includes("@")) &&
      typeof profile.country === "string" &&
      /^[A-Z]{2}$/.test(profile.country),
  );
}

function normaliseProfile(p) {
  if (!p || typeof p !== "object") return { ...EMPTY_PROFILE };
  return {
    emails: Array.isArray(p.emails) ? p.emails.filter((e) => typeof e === "string") : [],
    country: typeof p.country === "string" ? p.country : null,
    language: typeof p.language === "string" ? p.language : null,
    name: typeof p.name === "string" ? p.name : "",
  };
}

// The profile cut down to what a form asks for ("email" → emails, "country", "name").
export function onlyFields(profile, wanted) {
  const out = {};
  if (wanted.has("email")) out.emails = profile.emails;
  if (wanted.has("country")) out.country = profile.country;
  if (wanted.has("name")) out.name = profile.name;
  return out;
}

export function builtinJustification(defaults, language) {
  const all = (defaults && defaults.languages) || {};
  for (const lang of [baseLanguage(language), "en"]) {
    const entry = all[lang];
    if (entry && entry.text) return { text: entry.text, title: entry.title || "", language: lang, source: "builtin" };
  }
  return { text: "", title: "", language: "en", source: "builtin" };
}

// Picks the default among a host list for one language (or the first one if none is marked).
function pickDefault(list, language) {
  const mine = list.filter((j) => j && j.language === language && typeof j.text === "string" && j.text);
  return mine.find((j) => j.is_default) || mine[0] || null;
}

export function createFillDataSource({ client, storage, defaults }) {
  async function profile() {
    let fromHost = null;
    try {
      fromHost = normaliseProfile((await client.request("profile.get")).profile);
    } catch {
      // the host may be missing or down: the mirror below stands in
    }
    if (fromHost && isReady(fromHost)) return fromHost;
    const mirror = normaliseProfile(await storage.get(PROFILE_KEY));
    if (isReady(mirror)) return mirror;
    return fromHost || mirror;
  }

  async function justification(language) {
    const lang = baseLanguage(language) || "en";
    try {
      const { justifications } = await client.request("justification.list", {});
      const list = Array.isArray(justifications) ? justifications : [];
      const chosen = pickDefault(list, lang) || pickDefault(list, "en");
      if (chosen) return { text: chosen.text, title: chosen.title || "", language: chosen.language, source: "host" };
    } catch {
      // fall back to the texts shipped with the extension
    }
    return builtinJustification(defaults, lang);
  }

  return {
    async get(language, fields) {
      if (fields === undefined) {
        const [p, j] = await Promise.all([profile(), justification(language)]);
        return { ready: isReady(p), profile: p, justification: j };
      }
      const wanted = new Set(fields.filter((f) => FILL_FIELDS.includes(f)));
      const [p, j] = await Promise.all([profile(), wanted.has("justification") ? justification(language) : null]);
      return { ready: isReady(p), profile: onlyFields(p, wanted), ...(j ? { justification: j } : {}) };
    },
  };
}
