// Runs the extension's content-script modules on one generated variant in jsdom, as the browser
// would: the page's own inline scripts run, the modules are loaded into the page's window
// (tests/extension/support/classic.mjs), and each stage is checked against the variant's
// expectation. → {id, family, ok, stage, detail} where stage names the first stage that failed:
//   detect   domScan.snapshot + matcher.classifyPage → expected kind, platform, language (forms:
//            form kind, form id, round, and the pre-step when there is one)
//   prestep  the "yes" button found and pressed; the form appears
//   fill     filler.fillForm (FLOW.md) when it exists, else today's filler.fillFields; then
//            verifyBeforeSend when it exists
//   send     the Send control found and pressed; the page accepted the values (no message of its
//            own about a required field) and submitted exactly the person's data (expect.sent)
//   outcome  outcome.judge (FLOW.md) when it exists, else domScan.outcomeOf → expected status
// Uses the modules that exist in extension/lib at the time of the run; `api` in the result says
// which (so a report shows whether the old or the new flow was tested).
import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { readScript, EXTENSION_DIR, DOM_SCRIPTS } from "../extension/support/classic.mjs";

const require = createRequire(import.meta.url);
const { JSDOM, VirtualConsole } = require("jsdom");

// The content scripts in manifest order, with the new modules of FLOW.md when they have landed.
export function contentScripts() {
  const extra = ["lib/outcome.js", "lib/watch.js"].filter((rel) => existsSync(join(EXTENSION_DIR, rel)));
  return [...DOM_SCRIPTS, ...extra];
}

// A wait that costs nothing while the page is still: fn() is evaluated at once, after DOM
// mutations (at most every THROTTLE_MS) and every IDLE_MS anyway; resolves with its first truthy
// value, or null after timeoutMs. Polling 48 pages every few ms would starve their own timers.
const THROTTLE_MS = 100;
const IDLE_MS = 1000;

function waiter(window) {
  return (fn, timeoutMs) => new Promise((resolve) => {
    const started = Date.now();
    let timer = null;
    let done = false;
    const observer = new window.MutationObserver(() => schedule(THROTTLE_MS));
    const finish = (value) => {
      done = true;
      observer.disconnect();
      window.clearTimeout(timer);
      resolve(value);
    };
    const check = () => {
      timer = null;
      if (done) return;
      let value = null;
      try { value = fn(); } catch { value = null; }
      if (value) return finish(value);
      if (Date.now() - started >= timeoutMs) return finish(null);
      schedule(Math.min(IDLE_MS, Math.max(0, timeoutMs - (Date.now() - started))));
    };
    let due = Infinity;
    // A throttle, not a debounce: a pending check that comes sooner is kept (a page that never
    // goes quiet would otherwise push it back for ever).
    const schedule = (ms) => {
      if (done || Date.now() + ms >= due) return;
      window.clearTimeout(timer);
      due = Date.now() + ms;
      timer = window.setTimeout(() => { due = Infinity; check(); }, ms);
    };
    observer.observe(window.document, { childList: true, subtree: true, attributes: true, characterData: true });
    check();
  });
}

// Read once per process: every page of a run gets the same code even while the tree changes.
let sources = null;
function loadModules(window) {
  sources = sources || contentScripts().map((rel) => [rel, readScript(rel)]);
  for (const [rel, text] of sources) window.eval(`${text}\n//# sourceURL=${rel}`);
  return window.Objector;
}

export function openVariant(variant) {
  const errors = [];
  const virtualConsole = new VirtualConsole();
  virtualConsole.on("jsdomError", (e) => { if (!/Not implemented/.test(e.message)) errors.push(e.message); });
  const dom = new JSDOM(variant.html, { url: variant.url, runScripts: "dangerously", pretendToBeVisual: true, virtualConsole });
  const { window } = dom;
  const O = loadModules(window);
  const compiled = O.matcher.compileRules(O.rules);
  return { window, document: window.document, O, compiled, wait: waiter(window), errors, close: () => window.close() };
}

const fail = (stage, detail) => { const e = new Error(detail); e.stage = stage; throw e; };

function classify(w) {
  return w.O.matcher.classifyPage(w.compiled, w.O.domScan.snapshot(w.document, w.compiled));
}

async function detect(w, v) {
  const x = v.expect;
  const want = (s) => s.kind === x.kind && (x.kind !== "form" || (s.step && s.step !== "loading"));
  const t0 = Date.now();
  const state = await w.wait(() => { const s = classify(w); return want(s) ? s : null; }, 20000) || classify(w);
  const waited = Date.now() - t0;
  const got = { kind: state.kind, platform: state.platform, language: state.language };
  const exp = { kind: x.kind, platform: x.platform, language: x.language };
  if (x.kind === "form") {
    Object.assign(got, { formKind: state.formKind, formId: state.formId, round: state.round, step: state.step });
    Object.assign(exp, { formKind: x.formKind, formId: x.formId, round: x.round, step: x.step });
  }
  for (const k of Object.keys(exp)) if (got[k] !== exp[k]) fail("detect", `expected ${JSON.stringify(exp)}, got ${JSON.stringify(got)} after ${waited} ms; page text "${w.O.domScan.visibleText(w.document.body).slice(0, 100)}"`);
  return state;
}

async function answerPrestep(w, v) {
  const { O, compiled, document } = w;
  const yes = O.domScan.findFields(document.body, compiled, v.language).yes;
  if (!yes) fail("prestep", "no yes button found on the pre-step");
  O.filler.click(yes);
  const step = await w.wait(() => { const s = O.domScan.pageStep(document.body, compiled, v.language); return s === "form" ? s : null; }, 15000);
  if (!step) fail("prestep", `the form did not appear after yes (step ${O.domScan.pageStep(document.body, compiled, v.language)})`);
}

async function fill(w, v) {
  const { O, compiled, document } = w;
  const x = v.expect;
  const data = { profile: x.profile, justification: { text: x.justification, language: v.language, source: "builtin" } };
  // The form may still be rendering (late pages): wait until a field is there.
  await w.wait(() => { const f = O.domScan.findFields(document.body, compiled, v.language); return f.email || f.justification; }, 15000);
  let result;
  if (typeof O.filler.fillForm === "function") {
    result = await O.filler.fillForm(document, compiled, { language: v.language, data, wait: w.wait });
    if (!result.ok) fail("fill", `fillForm: ${JSON.stringify({ missing: result.missing, mismatched: result.mismatched })}`);
    if (typeof O.filler.verifyBeforeSend === "function") {
      const check = await O.filler.verifyBeforeSend(document, compiled, { language: v.language, filled: result.filled, wait: w.wait });
      if (!check.ok) fail("fill", `verifyBeforeSend: problems ${JSON.stringify(check.problems)}`);
    }
    return "fillForm";
  }
  result = await O.filler.fillFields(document.body, compiled, { language: v.language, round: x.round, profile: x.profile, justification: x.justification, wait: w.wait });
  if (!result.ok) fail("fill", `fillFields: ${JSON.stringify({ missing: result.missing, mismatched: result.mismatched })}`);
  return "fillFields";
}

function findSend(w, v) {
  const { O, compiled, document } = w;
  if (typeof O.filler.findSend === "function") return O.filler.findSend(document.body, compiled, v.language);
  return O.domScan.findFields(document.body, compiled, v.language).send;
}

async function sendAndJudge(w, v) {
  const { O, compiled, document, window } = w;
  const x = v.expect;
  const send = findSend(w, v);
  if (!send) fail("send", "no Send control found");
  const judge = O.outcome && typeof O.outcome.judge === "function";
  const base = judge ? O.outcome.baseline(document, compiled, v.language) : null;
  O.filler.click(send);
  if (window.__xRefused) {
    const msg = Array.from(document.querySelectorAll("[data-x-msg]")).map((m) => m.textContent).join(" | ");
    fail("send", `the page refused Send: ${msg}`);
  }
  const sent = window.__xSent;
  if (!sent) fail("send", "the page submitted nothing");
  for (const [name, value] of Object.entries(x.sent)) {
    const got = (sent[name] || "").trim();
    if (got !== value) fail("send", `the page submitted ${name}=${JSON.stringify(got)}, expected ${JSON.stringify(value)}`);
  }
  let got;
  if (judge) {
    got = await w.wait(() => O.outcome.judge(document, base, compiled, v.language), 15000);
  } else {
    got = await w.wait(() => { const o = O.domScan.outcomeOf(document.body, compiled, v.language); return o.status ? o : null; }, 15000);
  }
  const status = got ? got.status : null;
  if (status !== x.status) {
    const shown = O.domScan.visibleText(document.getElementById("x-root") || document.body).slice(0, 160);
    fail("outcome", `expected ${x.status}, got ${status}${got && got.reason ? ` (${got.reason})` : ""}; page shows "${shown}"`);
  }
  return judge ? "outcome.judge" : "domScan.outcomeOf";
}

// Detection, then for forms the whole fill → send → outcome. Never throws.
export async function runVariant(v) {
  const w = openVariant(v);
  const api = [];
  try {
    const state = await detect(w, v);
    if (v.expect.kind === "form") {
      if (state.step === "prestep") await answerPrestep(w, v);
      api.push(await fill(w, v));
      api.push(await sendAndJudge(w, v));
    }
    return { id: v.id, family: v.family, ok: true, api, errors: w.errors };
  } catch (e) {
    return { id: v.id, family: v.family, ok: false, stage: e.stage || "crash", detail: e.stage ? e.message : String(e.stack || e).slice(0, 400), api, errors: w.errors };
  } finally {
    w.close();
  }
}

// Runs `variants` with at most `concurrency` pages open at once (their waits overlap).
export async function runAll(variants, { concurrency = 16 } = {}) {
  const results = new Array(variants.length);
  let next = 0;
  const worker = async () => {
    while (next < variants.length) {
      const i = next++;
      results[i] = await runVariant(variants[i]);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}
