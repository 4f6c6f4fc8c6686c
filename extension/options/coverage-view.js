// "Your coverage" (issue 12), the section the options page opens on: one row per account ×
// platform × form kind from the host's coverage.get (host/PROTOCOL.md), the last status with its
// date in the person's locale, what is left to do in words with an "Object now" link to Meta's
// form, the follow-ups, which accounts share an Accounts Centre (account.link, and undo), and the
// notices seen (notice.list). Everything comes from the host through host.request; after a link
// changes, the toolbar badge is asked anew (followups.refresh). Browser calls are injected.
//
// mountCoverage({doc, bg, t, locale, status, formUrls, now, download}) → {load() → Promise<reply |
//   null>, link(account, coveredBy) → Promise<links | null>, calendar() → Promise<file | null>}.
//   formUrls: formUrlsFrom(rules); download({filename, mime, content}) as the history's (the
//   follow-up dates as an .ics file: history.export with format "ics").
import { el, clear, text, formatDate, formatDateTime, displayName } from "./page-kit.js";
import { statusLabel } from "./history-view.js";
import { followupLine, utcNow } from "../background/followups.js";

export const PLATFORM_NAMES = Object.freeze({ facebook: "Facebook", instagram: "Instagram" });

const FORM_KIND = {
  own: ["formOwn", "Your own information"],
  third_party: ["formThirdParty", "Information others shared about you"],
};

const NOTICE_KIND = {
  objection: ["noticeKindObjection", "Objection notice (AI training)"],
  "ai-info": ["noticeKindAiInfo", "Information about AI at Meta"],
  ads: ["noticeKindAds", "Ads notice"],
  other: ["noticeKindOther", "Other notice"],
};

// Meta's forms from the detection rules (rules/*.json): each platform's own-information form
// (its objectForm) and the third-party form (the newest verified one). → {facebook: {own,
// third_party}, instagram: {own}}.
export function formUrlsFrom(rules) {
  const out = {};
  for (const p of (rules && rules.platforms) || []) {
    const slot = (out[p.platform] ||= {});
    if (p.formKind === "own" && p.objectForm) slot.own = p.objectForm.url;
    if (p.formKind === "third_party" && !slot.third_party) {
      const form = (p.forms || []).filter((f) => f.verified).pop();
      if (form) slot.third_party = `https://www.facebook.com/help/contact/${form.id}`;
    }
  }
  return out;
}

const accountName = (a) => `${PLATFORM_NAMES[a.platform] || a.platform} · ${a.email}`;
const accountKey = (a) => `${a.platform}|${a.email}`;

// What is left to do for a row, in words, and whether it gets an "Object now" link.
export function todoText(row, t, locale) {
  const day = row.last_at ? formatDate(new Date(row.last_at), locale) : "";
  switch (row.todo) {
    case "object":
      if (row.state === "failed") return { text: text(t, "todoFailed", "Meta did not accept it — object again"), act: true };
      return { text: text(t, "todoObject", "not objected yet"), act: true };
    case "optional":
      return { text: text(t, "todoOptional", "optional: information others share about you"), act: true };
    case "enter-code":
      return { text: text(t, "todoEnterCode", "enter the code Meta emailed you: it is valid for one hour"), act: false };
    case "object-again":
      if (row.state === "failed") return { text: text(t, "todoFailed", "Meta did not accept it — object again"), act: true };
      return { text: text(t, "todoCodeExpired", "code expired — object again"), act: true };
    case "check-email":
      return { text: text(t, "todoCheckEmail", "no confirmation yet: check your email, or object again"), act: true };
    case "wait":
      return { text: text(t, "todoWait", `sent on ${day}: Meta's confirmation usually comes by email`, [day]), act: false };
    default:
      if (row.state === "covered" && row.covered_through) {
        const through = accountName(row.covered_through);
        return { text: text(t, "todoCovered", `covered through ${through}`, [through]), act: false };
      }
      if (row.state === "confirmed") return { text: text(t, "todoConfirmed", `confirmed on ${day}`, [day]), act: false };
      return { text: text(t, "todoNone", "nothing to do"), act: false };
  }
}

function stateClass(row) {
  if (row.todo === "none") return "cov-done";
  if (row.todo === "optional") return "cov-optional";
  if (row.todo === "wait" || row.todo === "enter-code") return "cov-wait";
  return "cov-todo";
}

function renderRow(doc, row, { t, locale, formUrls }) {
  const [kindKey, kindFallback] = FORM_KIND[row.form_kind] || [null, row.form_kind];
  const platform = PLATFORM_NAMES[row.platform] || row.platform;
  const last = row.last_status
    ? [
        el(doc, "span", { class: `status-${row.last_status}`, text: statusLabel(row.last_status, t) }),
        " · ",
        el(doc, "time", { datetime: row.last_at, text: formatDateTime(row.last_at, locale) }),
      ]
    : [el(doc, "span", { class: "hint", text: text(t, "coverageNoRecord", "no record") })];
  const kind = kindKey ? text(t, kindKey, kindFallback) : String(row.form_kind);
  const todo = todoText(row, t, locale);
  const url = todo.act ? ((formUrls || {})[row.platform] || {})[row.form_kind] : null;
  const todoCell = el(doc, "td", {}, [el(doc, "span", { class: "cov-todo-text", text: todo.text })]);
  if (url) {
    const label = text(t, "coverageObjectNow", "Object now");
    todoCell.append(" ", el(doc, "a", {
      class: "button object-now", href: url, target: "_blank", rel: "noreferrer noopener",
      "aria-label": `${label}: ${platform}, ${row.account_email}, ${kind}`, text: label,
    }));
  }
  return el(doc, "tr", { class: stateClass(row), dataset: { state: row.state, todo: row.todo, platform: row.platform, formKind: row.form_kind, email: row.account_email } }, [
    el(doc, "th", { scope: "row", text: row.account_email }),
    el(doc, "td", { text: platform }),
    el(doc, "td", { text: kind }),
    el(doc, "td", {}, last),
    todoCell,
  ]);
}

// The own-information accounts the person can link: one per platform × email seen in the rows.
export function linkableAccounts(rows) {
  const seen = new Map();
  for (const r of rows || []) {
    if (r.form_kind !== "own") continue;
    const a = { platform: r.platform, email: r.account_email };
    seen.set(accountKey(a), a);
  }
  return [...seen.values()];
}

export function mountCoverage({ doc, bg, t, locale, status = () => {}, formUrls = {}, now = () => new Date(), download = () => {} }) {
  const $ = (id) => doc.getElementById(id);
  let accounts = [];

  function fillAccountSelect(select, list, keep) {
    clear(select);
    for (const a of list) select.append(el(doc, "option", { value: accountKey(a), text: accountName(a) }));
    if (keep && list.some((a) => accountKey(a) === keep)) select.value = keep;
  }

  function renderFollowUps(followUps) {
    const list = $("followups-list");
    clear(list);
    const due = followUps.filter((f) => f.due);
    const later = followUps.filter((f) => !f.due);
    for (const f of due) {
      list.append(el(doc, "li", { class: "cov-todo", dataset: { kind: f.kind, clientId: f.client_id || "" } }, [
        el(doc, "span", { text: followupLine(f, t, { fullEmail: true }) }),
        " · ",
        el(doc, "time", { datetime: f.due_at, text: text(t, "followupSince", `since ${formatDateTime(f.due_at, locale)}`, [formatDateTime(f.due_at, locale)]) }),
      ]));
    }
    for (const f of later) {
      const when = formatDateTime(f.due_at, locale);
      const line = f.kind === "code-expired"
        ? text(t, "followupCodeWaits", `a code for ${f.account_email} on ${PLATFORM_NAMES[f.platform] || f.platform} is valid until ${when}`, [f.account_email, PLATFORM_NAMES[f.platform] || f.platform, when])
        : text(t, "followupWaits", `Meta's confirmation for ${f.account_email} on ${PLATFORM_NAMES[f.platform] || f.platform} is expected by ${when}`, [f.account_email, PLATFORM_NAMES[f.platform] || f.platform, when]);
      list.append(el(doc, "li", { class: "cov-wait", dataset: { kind: f.kind, clientId: f.client_id || "" } }, [
        el(doc, "time", { datetime: f.due_at, text: line }),
      ]));
    }
    $("followups-empty").hidden = followUps.length > 0;
    $("followups-ics").hidden = followUps.length === 0;
    $("followups-empty").textContent = text(t, "followupsNone", "Nothing to follow up.");
  }

  function renderLinks(links) {
    const list = $("links-list");
    clear(list);
    for (const l of links || []) {
      const a = accountName(l.account);
      const b = accountName(l.covered_by);
      const undo = el(doc, "button", { type: "button", class: "unlink", "aria-label": text(t, "linkUndoLabel", `Undo: ${a} is covered through ${b}`, [a, b]), text: text(t, "linkUndo", "Undo") });
      undo.addEventListener("click", () => link(l.account, null));
      list.append(el(doc, "li", { dataset: { account: accountKey(l.account) } }, [
        el(doc, "span", { text: text(t, "linkLine", `${a} is covered through ${b}`, [a, b]) }), " ", undo,
      ]));
    }
    $("links-empty").hidden = (links || []).length > 0;
  }

  function renderNotices(notices) {
    const rows = $("notices-rows");
    clear(rows);
    // new round, as the host judges it (PROTOCOL.md, notice.seen): a wording never seen before while
    // another one of the same platform, kind and language was (notices come oldest first).
    const groups = new Set();
    const prints = new Set();
    for (const n of notices) {
      const group = `${n.platform}|${n.kind}|${n.language}`;
      const isNew = !prints.has(n.fingerprint) && groups.has(group);
      groups.add(group);
      prints.add(n.fingerprint);
      const [kindKey, kindFallback] = NOTICE_KIND[n.kind] || [null, n.kind];
      const kindCell = el(doc, "td", {}, [el(doc, "span", { text: kindKey ? text(t, kindKey, kindFallback) : String(n.kind) })]);
      if (isNew) kindCell.append(" ", el(doc, "strong", { class: "new-round", text: text(t, "noticeNewRound", "new round") }));
      rows.append(el(doc, "tr", { dataset: { noticeId: String(n.notice_id), newRound: isNew ? "1" : "0" } }, [
        el(doc, "td", { text: PLATFORM_NAMES[n.platform] || n.platform }),
        el(doc, "td", { text: displayName(locale, "language", n.language) }),
        kindCell,
        el(doc, "td", {}, [el(doc, "time", { datetime: n.first_seen_at, text: formatDateTime(n.first_seen_at, locale) })]),
      ]));
    }
    $("notices-table").hidden = notices.length === 0;
    $("notices-empty").hidden = notices.length > 0;
  }

  function summarise(rows, followUps) {
    const open = rows.filter((r) => r.todo !== "none" && r.todo !== "optional").length;
    const due = followUps.filter((f) => f.due).length;
    if (!rows.length) return text(t, "coverageEmpty", "No accounts yet: add your email addresses under Profile.");
    if (open === 0) return text(t, "coverageAllDone", "Everything is covered.");
    const n = String(open);
    const left = open === 1 ? text(t, "coverageOpenOne", "1 thing is still open.") : text(t, "coverageOpenMany", `${n} things are still open.`, [n]);
    return due ? `${left} ${due === 1 ? text(t, "coverageDueOne", "1 needs you now.") : text(t, "coverageDueMany", `${due} need you now.`, [String(due)])}` : left;
  }

  async function load() {
    const summary = $("coverage-summary");
    summary.className = "";
    summary.textContent = text(t, "loading", "Loading…");
    let reply;
    let notices = [];
    try {
      [reply, notices] = await Promise.all([
        bg.host("coverage.get", { now: utcNow(now()) }),
        bg.host("notice.list").then((r) => r.notices || []).catch(() => []),
      ]);
    } catch (e) {
      clear($("coverage-rows"));
      $("coverage-table").hidden = true;
      $("coverage-more").hidden = true;
      const missing = ["host_missing", "host_disconnected", "timeout", "background_unavailable"].includes(e.code);
      summary.className = "error";
      summary.textContent = missing
        ? text(t, "coverageHostMissing", "Your coverage comes from your history keeper (objector-host), which is not answering. Install it with the command above, or run “objector doctor”, then press Check again.")
        : text(t, "coverageUnavailable", `Your coverage cannot be read right now: ${e.message}`, [e.message]);
      return null;
    }
    const rows = reply.rows || [];
    const followUps = reply.follow_ups || [];
    const body = $("coverage-rows");
    clear(body);
    for (const row of rows) body.append(renderRow(doc, row, { t, locale, formUrls }));
    $("coverage-table").hidden = rows.length === 0;
    $("coverage-more").hidden = false;
    summary.textContent = summarise(rows, followUps);
    renderFollowUps(followUps);
    accounts = linkableAccounts(rows);
    const keepA = $("link-account").value;
    const keepB = $("link-covered-by").value;
    fillAccountSelect($("link-account"), accounts, keepA);
    fillAccountSelect($("link-covered-by"), accounts, keepB || (accounts[1] && accountKey(accounts[1])));
    $("link-form").hidden = accounts.length < 2;
    $("link-needs-two").hidden = accounts.length >= 2;
    renderLinks(reply.links || []);
    renderNotices(notices);
    return { ...reply, notices };
  }

  async function link(account, coveredBy) {
    $("link-error").textContent = "";
    try {
      const r = await bg.host("account.link", { account, covered_by: coveredBy });
      status(coveredBy ? text(t, "linkSaved", "Saved: the two accounts share an Accounts Centre.") : text(t, "linkRemoved", "Link removed."), "ok");
      await load();
      bg.call("followups.refresh").catch(() => undefined); // a link changes what is due: the badge follows
      return r.links;
    } catch (e) {
      $("link-error").textContent = text(t, "linkFailed", `Not linked: ${e.message}`, [e.message]);
      return null;
    }
  }

  // The follow-up dates for the person's own calendar: a file, nothing is subscribed or sent.
  async function calendar() {
    try {
      const r = await bg.host("history.export", { format: "ics" });
      const file = { filename: String(r.filename || "objector-follow-ups.ics").replace(/[\\/]/g, "_"), mime: "text/calendar", content: String(r.content ?? "") };
      download(file);
      status(text(t, "exported", `Downloaded ${file.filename}`, [file.filename]), "ok");
      return file;
    } catch (e) {
      status(text(t, "exportFailed", `Export failed: ${e.message}`, [e.message]), "error");
      return null;
    }
  }
  $("followups-ics").addEventListener("click", () => calendar());

  $("link-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const find = (key) => accounts.find((a) => accountKey(a) === key);
    const a = find($("link-account").value);
    const b = find($("link-covered-by").value);
    if (!a || !b) return;
    if (accountKey(a) === accountKey(b)) {
      $("link-error").textContent = text(t, "linkSame", "Choose two different accounts.");
      return;
    }
    link(a, b);
  });

  return { load, link, calendar };
}
