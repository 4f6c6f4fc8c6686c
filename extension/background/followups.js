// Follow-ups on the toolbar icon (issue 12): a code Meta emailed that has expired, an objection
// Meta has not confirmed after 7 days. Pure: the host's coverage.get reply (host/PROTOCOL.md) in,
// the badge out; the browser's action API, the host request and the clock are injected. No
// notification permission, never a network request: only what the local host says.
//
// badgeFor(coverage, t) → {text, color, title, due: [follow_up]}: `due` = the follow-ups whose
//   `due` is true; text "" (no badge) when there are none, else their count; title the first of
//   them in words (t = chrome.i18n.getMessage; English when a key is missing). A coverage of null
//   (host not asked or not answering) gives no badge.
// followupLine(followUp, t, {fullEmail}) → one sentence: "the code for anna@… on Facebook has
//   expired — object again" (the whole address with fullEmail, for the coverage page).
// shortEmail("anna@example.org") → "anna@…" (the toolbar and the popup are narrow).
// createBadgeUpdater({request, action, t, now}) → {refresh() → Promise<badge | null>}:
//   request(type, fields) is the host client's; action offers setBadgeText/BackgroundColor/Title
//   ({text}/{color}/{title}); refresh asks coverage.get with now() and sets all three. When the host
//   cannot be asked it leaves the badge as it was and resolves null.

export const FOLLOWUP_ALARM = "objector-followups";
export const FOLLOWUP_PERIOD_MINUTES = 30;
export const BADGE_COLOR = "#8a4b00"; // --warn of common.css: white text on it is 6.0:1

const PLATFORMS = { facebook: "Facebook", instagram: "Instagram" };

function say(t, key, fallback, substitutions) {
  let out = "";
  try {
    out = t ? t(key, substitutions) : "";
  } catch {
    out = "";
  }
  return out || fallback;
}

export function shortEmail(email) {
  const s = String(email || "");
  const at = s.indexOf("@");
  return at > 0 ? `${s.slice(0, at)}@…` : s;
}

export function followupLine(f, t, { fullEmail = false } = {}) {
  const email = fullEmail ? String(f.account_email || "") : shortEmail(f.account_email);
  const platform = PLATFORMS[f.platform] || String(f.platform || "");
  if (f.kind === "code-expired") {
    return say(t, "followupCodeExpired", `the code for ${email} on ${platform} has expired — object again`, [email, platform]);
  }
  return say(t, "followupNoConfirmation", `no confirmation yet for ${email} on ${platform}: check your email, or object again`, [email, platform]);
}

// "1 thing to do: …" / "2 things to do. First: …" (the popup and the badge's title say the same).
export function followupSummary(due, t) {
  if (!due.length) return "";
  const first = followupLine(due[0], t);
  if (due.length === 1) return say(t, "followupsOne", `1 thing to do: ${first}`, [first]);
  const n = String(due.length);
  return say(t, "followupsMany", `${n} things to do. First: ${first}`, [n, first]);
}

export function dueFollowUps(coverage) {
  const list = coverage && Array.isArray(coverage.follow_ups) ? coverage.follow_ups : [];
  return list.filter((f) => f && f.due === true);
}

export function badgeFor(coverage, t) {
  const name = say(t, "extName", "Objector");
  const due = dueFollowUps(coverage);
  if (!due.length) return { text: "", color: BADGE_COLOR, title: name, due };
  return { text: String(due.length), color: BADGE_COLOR, title: `${name}: ${followupSummary(due, t)}`, due };
}

// UTC ISO without milliseconds, as host/PROTOCOL.md writes times.
export function utcNow(date) {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function createBadgeUpdater({ request, action, t, now = () => new Date() }) {
  let last = null;
  async function refresh() {
    let coverage;
    try {
      coverage = await request("coverage.get", { now: utcNow(now()) });
    } catch {
      return null; // host missing or busy: what the badge says stays until it can be asked
    }
    const badge = badgeFor(coverage, t);
    await Promise.all([
      action.setBadgeText({ text: badge.text }),
      action.setBadgeBackgroundColor({ color: badge.color }),
      action.setTitle({ title: badge.title }),
    ]);
    last = { text: badge.text, title: badge.title, due: badge.due.length };
    return last;
  }
  return { refresh, last: () => last };
}
