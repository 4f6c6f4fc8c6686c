// History and export: the host's history.list newest first, filters, the status timeline, and
// history.export downloaded as a dated file with a preview. `download({filename, mime, content})`
// is injected (options.js uses a Blob and an <a download> click).
import { el, clear, text, formatDateTime, localDayStartUtc, localDayEndUtc } from "./page-kit.js";

export const PAGE_SIZE = 50;

const STATUS = {
  submitted: ["statusSubmitted", "Submitted"],
  "awaiting-code": ["statusAwaitingCode", "Awaiting code"],
  confirmed: ["statusConfirmed", "Confirmed"],
  failed: ["statusFailed", "Failed"],
};
const FORM_KIND = {
  own: ["formOwn", "Your own information"],
  third_party: ["formThirdParty", "Information others shared about you"],
};
const PLATFORM = { facebook: "Facebook", instagram: "Instagram" };

export function statusLabel(status, t) {
  const [key, fallback] = STATUS[status] || [null, status];
  return key ? text(t, key, fallback) : String(status);
}

// The filter form → history.list fields (dates are the user's local days, sent as UTC instants).
export function filterQuery({ platform, status, from, to }) {
  const q = {};
  if (platform) q.platform = platform;
  if (status) q.status = status;
  if (from) q.from = localDayStartUtc(from);
  if (to) q.to = localDayEndUtc(to);
  return q;
}

export function exportFilename(result, now = new Date()) {
  const name = result && typeof result.filename === "string" ? result.filename.replace(/[\\/]/g, "_") : "";
  if (/\d{4}-\d{2}-\d{2}/.test(name)) return name;
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
  return `objector-history-${day}.${(result && result.format) || "txt"}`;
}

// Minimal RFC 4180 reader for the preview (quoted fields, doubled quotes, CRLF).
export function parseCsv(textIn, maxRows = Infinity) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < textIn.length && rows.length < maxRows; i++) {
    const c = textIn[i];
    if (quoted) {
      if (c === '"' && textIn[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && textIn[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if ((field !== "" || row.length) && rows.length < maxRows) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function renderItem(doc, item, t, locale) {
  const timeline = el(doc, "ol", { class: "timeline" });
  for (const ev of item.events || []) {
    const li = el(doc, "li", {}, [
      el(doc, "span", { class: `status-${ev.status}`, text: statusLabel(ev.status, t) }),
      " · ",
      el(doc, "time", { datetime: ev.occurred_at, text: formatDateTime(ev.occurred_at, locale) }),
    ]);
    if (ev.reason) li.append(el(doc, "div", { class: "hint", text: ev.reason }));
    timeline.append(li);
  }
  const [kindKey, kindFallback] = FORM_KIND[item.form_kind] || [null, item.form_kind];
  const form = el(doc, "td", {}, [
    el(doc, "div", { text: kindKey ? text(t, kindKey, kindFallback) : String(item.form_kind || "") }),
    item.form_url ? el(doc, "a", { href: item.form_url, target: "_blank", rel: "noreferrer noopener", class: "hint", text: `#${item.form_id || ""}` }) : null,
  ]);
  return el(doc, "tr", { dataset: { clientId: item.client_id || "" } }, [
    el(doc, "td", {}, [el(doc, "time", { datetime: item.occurred_at, text: formatDateTime(item.occurred_at, locale) })]),
    el(doc, "td", { text: PLATFORM[item.platform] || item.platform }),
    form,
    el(doc, "td", { text: item.account_email || "" }),
    el(doc, "td", {}, [timeline]),
  ]);
}

export function mountHistory({ doc, bg, t, locale, download, status, now = () => new Date() }) {
  const $ = (id) => doc.getElementById(id);
  const rows = $("history-rows");
  const more = $("history-more");
  const summary = $("history-summary");
  let query = {};
  let loaded = 0;

  async function load(reset) {
    if (reset) {
      loaded = 0;
      clear(rows);
    }
    summary.textContent = text(t, "loading", "Loading…");
    try {
      const result = await bg.host("history.list", { ...query, offset: loaded, limit: PAGE_SIZE });
      for (const item of result.items || []) rows.append(renderItem(doc, item, t, locale));
      loaded += (result.items || []).length;
      more.hidden = loaded >= result.total;
      summary.textContent =
        result.total === 0
          ? text(t, "historyEmpty", "No objections recorded yet.")
          : result.total === 1
            ? text(t, "historyCountOne", "1 objection")
            : text(t, "historyCount", `${result.total} objections`, [String(result.total)]);
      return result;
    } catch (e) {
      summary.textContent = text(t, "historyUnavailable", `The history cannot be read right now: ${e.message}`, [e.message]);
      summary.className = "error";
      more.hidden = true;
      return null;
    }
  }

  $("history-filters").addEventListener("submit", (event) => {
    event.preventDefault();
    query = filterQuery({
      platform: $("filter-platform").value,
      status: $("filter-status").value,
      from: $("filter-from").value,
      to: $("filter-to").value,
    });
    load(true);
  });
  more.addEventListener("click", () => load(false));

  function adoptReportStyles(frame) {
    try {
      const inner = frame.contentDocument;
      const win = frame.contentWindow;
      if (!inner || !win || typeof win.CSSStyleSheet !== "function") return;
      const css = [...inner.querySelectorAll("style")].map((s) => s.textContent).join("\n");
      if (!css) return;
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(css);
      inner.adoptedStyleSheets = [sheet];
    } catch {
      // an unstyled preview is still a preview; the downloaded file keeps its styles
    }
  }

  function preview(result) {
    const box = $("export-preview");
    const body = $("export-preview-body");
    clear(body);
    $("export-preview-heading").textContent = text(t, "exportPreview", `Preview of ${result.filename}`, [result.filename]);
    if (result.format === "csv") {
      const table = el(doc, "table");
      parseCsv(result.content, 12).forEach((cells, i) => {
        table.append(el(doc, "tr", {}, cells.map((c) => el(doc, i === 0 ? "th" : "td", { text: c }))));
      });
      body.append(table);
    } else if (result.format === "html") {
      // No scripts run in the preview (sandbox without allow-scripts). The extension CSP, which a
      // srcdoc frame inherits, blocks the report's <style>: its rules are adopted as a constructed
      // stylesheet instead, which needs the frame's document (allow-same-origin).
      const frame = el(doc, "iframe", { sandbox: "allow-same-origin", title: result.filename });
      frame.addEventListener("load", () => adoptReportStyles(frame));
      frame.setAttribute("srcdoc", result.content);
      body.append(frame);
    } else {
      let shown = result.content;
      try {
        shown = JSON.stringify(JSON.parse(result.content), null, 2);
      } catch {
        // show as is
      }
      body.append(el(doc, "pre", { text: shown.slice(0, 8000) }));
    }
    box.hidden = false;
  }

  async function exportAs(format) {
    status(text(t, "exporting", "Preparing the file…"));
    try {
      const result = await bg.host("history.export", { format });
      const filename = exportFilename(result, now());
      const file = { filename, mime: result.mime || "text/plain", content: String(result.content ?? ""), format };
      download(file);
      preview(file);
      status(text(t, "exported", `Downloaded ${filename}`, [filename]), "ok");
      return file;
    } catch (e) {
      status(text(t, "exportFailed", `Export failed: ${e.message}`, [e.message]), "error");
      return null;
    }
  }
  for (const button of doc.querySelectorAll("button.export")) {
    button.addEventListener("click", () => exportAs(button.dataset.format));
  }

  return { load, exportAs, setQuery: (q) => (query = q) };
}
