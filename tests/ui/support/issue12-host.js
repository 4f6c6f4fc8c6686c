// The host's side of issue 12 for jsdom tests, taught to the frame-level fake host
// (support/fake-host.js): replies shaped as the contract (/work/prompts/s9-contract.md, now
// host/PROTOCOL.md) says for coverage.get, account.link, notice.list, authority.list and
// complaint.render. The real host answers the same messages in browser.test.js.
import { authorityFor } from "../../../extension/options/complaint-view.js";

// A coverage.get row as the contract shapes it.
export function row(email, platform, formKind, state, { status = null, at = null, todo, through = null, clientId = null } = {}) {
  return { account_email: email, platform, form_kind: formKind, state, last_status: status, last_at: at, client_id: clientId, covered_through: through, todo };
}

// The host's side of issue 12, as far as these pages need it: rows per account, links kept and
// refused as the contract says, notices, authorities and a rendered letter.
export function teach(host, { rows = [], followUps = [], notices = [], authorities = AUTHORITIES } = {}) {
  const state = { rows, followUps, notices, links: [], asked: [] };
  const key = (a) => `${a.platform}|${String(a.email).toLowerCase()}`;
  host.handlers["coverage.get"] = (req) => {
    state.asked.push(req.now);
    const linked = new Map(state.links.map((l) => [key(l.account), l.covered_by]));
    const out = state.rows.map((r) => {
      const by = linked.get(key({ platform: r.platform, email: r.account_email }));
      if (!by || r.form_kind !== "own" || !["none", "failed", "code-expired"].includes(r.state)) return r;
      const other = state.rows.find((o) => o.platform === by.platform && o.account_email === by.email && o.form_kind === "own");
      return other && ["confirmed", "submitted"].includes(other.last_status) ? { ...r, state: "covered", todo: "none", covered_through: by } : r;
    });
    return { generated_at: req.now || "2026-12-01T12:00:00Z", rows: out, follow_ups: state.followUps, links: state.links };
  };
  host.handlers["account.link"] = (req) => {
    const fail = (m) => {
      throw Object.assign(new Error(m), { code: "invalid_value" });
    };
    if (req.covered_by === null) {
      state.links = state.links.filter((l) => key(l.account) !== key(req.account));
    } else {
      if (key(req.account) === key(req.covered_by)) fail("account: an account cannot cover itself");
      if (state.links.some((l) => key(l.account) === key(req.covered_by))) fail("covered_by: that account is itself covered through another");
      state.links = [...state.links.filter((l) => key(l.account) !== key(req.account)), { account: req.account, covered_by: req.covered_by, created_at: "2026-12-01T12:00:00Z" }];
    }
    return { links: state.links };
  };
  host.handlers["notice.list"] = () => ({ notices: state.notices });
  // history.export learns "ics": one VEVENT per follow-up at its due time (the contract's shape).
  const otherExport = host.handlers["history.export"];
  host.handlers["history.export"] = (req) => {
    if (req.format !== "ics") return otherExport(req);
    const stamp = (iso) => iso.replace(/[-:]/g, "");
    const events = state.followUps.map((f) => `BEGIN:VEVENT\r\nUID:${f.kind}-${f.client_id}@objector\r\nDTSTART:${stamp(f.due_at)}\r\nSUMMARY:${f.kind} ${f.account_email}\r\nEND:VEVENT\r\n`);
    return { format: "ics", mime: "text/calendar; charset=utf-8", filename: "objector-history-2026-12-01.ics", encoding: "utf-8", content: `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${events.join("")}END:VCALENDAR\r\n` };
  };
  host.handlers["authority.list"] = () => ({ authorities });
  host.handlers["complaint.render"] = (req) => {
    const a = authorityFor(authorities, req.country, req.region);
    if (!a) throw Object.assign(new Error(`country: one of ${[...new Set(authorities.map((x) => x.country))].join(", ")}`), { code: "invalid_value" });
    state.rendered = req;
    return { format: "html", mime: "text/html; charset=utf-8", filename: `objector-complaint-${req.country}-2026-12-01.html`, encoding: "utf-8", content: `<!doctype html><title>${a.name}</title><style>body{font:12pt serif}</style><p>${a.name}</p>`, authority: a, language: req.language || "en" };
  };
  return state;
}

export const AUTHORITIES = [
  { id: "de-hh", country: "DE", region: "HH", name: "Der Hamburgische Beauftragte für Datenschutz und Informationsfreiheit", name_en: "Hamburg Commissioner for Data Protection", address: ["Ludwig-Erhard-Str. 22", "20459 Hamburg"], web_form_url: "https://datenschutz-hamburg.de/beschwerde", website: "https://datenschutz-hamburg.de", source_url: "https://datenschutz-hamburg.de/impressum" },
  { id: "de-by", country: "DE", region: "BY", name: "Bayerisches Landesamt für Datenschutzaufsicht", name_en: "Bavarian Data Protection Authority", address: ["Promenade 18", "91522 Ansbach"], web_form_url: "https://www.lda.bayern.de/de/beschwerde.html", website: "https://www.lda.bayern.de", source_url: "https://www.lda.bayern.de/de/impressum.html" },
  { id: "ie", country: "IE", region: null, name: "Data Protection Commission", name_en: "Data Protection Commission", address: ["21 Fitzwilliam Square South", "Dublin 2"], web_form_url: "https://forms.dataprotection.ie/contact", website: "https://www.dataprotection.ie", source_url: "https://www.dataprotection.ie/en/contact/how-contact-us" },
  { id: "fr", country: "FR", region: null, name: "Commission nationale de l'informatique et des libertés", name_en: "CNIL", address: ["3 Place de Fontenoy", "75007 Paris"], web_form_url: "https://www.cnil.fr/fr/plaintes", website: "https://www.cnil.fr", source_url: "https://www.cnil.fr/fr/contact" },
];

