// The whole objection session on one generated variant, in jsdom, through the lead's content
// world (tests/extension/support/content-world.mjs: the content scripts as the manifest lists them,
// lib/session.js created as content.js creates it, the real background handlers and outbox):
//   notice  the panel offers its action; the person's press sends the tab to Meta's objection
//           form (on the page's own Facebook host; help.instagram.com for Instagram)
//   form    one click: either a notice's intent (the form fills and sends by itself) or the
//           person's press of the panel's button; then the page received exactly the person's
//           data, the outbox holds the submission (status `submitted`, written before the page
//           submitted), and Meta's answer is the expected final status (an event, or the
//           submission alone when Meta only acknowledged)
// → {id, family, ok, stage, detail}; never throws.
import { openWorld } from "../extension/support/content-world.mjs";
import { FORMS } from "./generate.mjs";

const FINAL_MS = 25000;

function fail(stage, detail) {
  const e = new Error(detail);
  e.stage = stage;
  throw e;
}

function expectedFormUrl(v) {
  if (v.expect.platform === "instagram") return `https://help.instagram.com/contact/${FORMS.ig2025}`;
  return `https://${new URL(v.url).hostname}/help/contact/${FORMS.fb2025}`; // the page's own Facebook host
}

async function until(world, fn, ms) {
  try {
    return await world.waitFor(fn, ms);
  } catch {
    return null;
  }
}

async function notice(world, v) {
  const label = await until(world, () => world.panel.label(), FINAL_MS);
  if (!label) fail("control", `no control on the notice (panel says "${world.panel.text()}")`);
  await world.panel.press();
  const to = await until(world, () => world.navigations[0], 10000);
  if (!to) fail("navigate", `pressing "${label}" sent the tab nowhere (panel says "${world.panel.text()}")`);
  const want = expectedFormUrl(v);
  if (to.replace(/\/$/, "") !== want) fail("navigate", `pressing "${label}" went to ${to}, expected ${want}`);
}

function finalStatus(records) {
  const events = records.filter((r) => r.kind === "event");
  if (events.length) return events[events.length - 1].payload.status;
  const sub = records.find((r) => r.kind === "submission");
  return sub ? sub.payload.status : null;
}

async function form(world, v, { viaIntent }) {
  const x = v.expect;
  if (!viaIntent) {
    const label = await until(world, () => world.panel.label(), FINAL_MS);
    if (!label) fail("control", `no control on the form (panel says "${world.panel.text()}")`);
    world.panel.press();
  }
  // Settled: the page submitted and the outbox shows the expected final status, or nothing moves.
  const settled = await until(world, async () => {
    const records = await world.records();
    return world.window.__xSent && finalStatus(records) === x.status && (x.status === "submitted" || records.some((r) => r.kind === "event")) ? records : null;
  }, FINAL_MS);
  const records = settled || await world.records();
  const sent = world.window.__xSent;
  if (!sent) {
    const refused = world.window.__xRefused ? ` the page refused Send: ${Array.from(world.document.querySelectorAll("[data-x-msg]")).map((m) => m.textContent).join(" | ")}` : "";
    fail("send", `nothing submitted;${refused} panel says "${world.panel.text()}"`);
  }
  for (const [name, value] of Object.entries(x.sent)) {
    const got = (sent[name] || "").trim();
    if (got !== value) fail("send", `the page received ${name}=${JSON.stringify(got)}, expected ${JSON.stringify(value)}`);
  }
  const sub = records.find((r) => r.kind === "submission");
  if (!sub) fail("record", `the page submitted but the outbox holds no submission (panel says "${world.panel.text()}")`);
  if (sub.payload.status !== "submitted") fail("record", `the submission was recorded as ${sub.payload.status}, expected submitted`);
  const status = finalStatus(records);
  if (status !== x.status) fail("outcome", `final status ${status}, expected ${x.status}; panel says "${world.panel.text()}"`);
}

export async function runSession(v, { viaIntent = true } = {}) {
  let world = null;
  try {
    const justification = { text: v.expect.justification || "I object.", language: v.language, title: "", source: "builtin" };
    world = openWorld({ html: v.html, url: v.url, intent: v.expect.kind === "form" && viaIntent,
      ...(v.expect.profile ? { profile: { ...v.expect.profile, language: v.language }, justification } : {}) });
    if (v.expect.kind === "notice") await notice(world, v);
    else await form(world, v, { viaIntent });
    return { id: v.id, family: v.family, ok: true };
  } catch (e) {
    return { id: v.id, family: v.family, ok: false, stage: e.stage || "crash", detail: e.stage ? e.message : String(e.stack || e).slice(0, 400) };
  } finally {
    if (world) world.close();
  }
}

export async function runSessions(variants, { concurrency = 24 } = {}) {
  const results = new Array(variants.length);
  let next = 0;
  const worker = async () => {
    while (next < variants.length) {
      const i = next++;
      // Half the forms by a notice's intent, half by the person's press of the panel's button.
      results[i] = await runSession(variants[i], { viaIntent: i % 2 === 0 });
      results[i].via = variants[i].expect.kind === "form" ? (i % 2 === 0 ? "intent" : "press") : "notice";
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}
