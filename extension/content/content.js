"use strict";
// Objector's content script on Meta's pages: a thin adapter between the page and the pure modules.
// It detects (on load, after single-page navigation, after late rendering) with ONE debounced,
// time-capped MutationObserver that disconnects when its work is done; shows "Object with
// Objector" on a notice and "Fill with Objector" on a form in a closed shadow root; fills and sends
// only after the person's click (here, in the popup, or on the notice that opened this form);
// reports Meta's answer to the background for the history. It runs once per page.
(function () {
  if (globalThis.__objectorContentStarted) return; // never twice (the isolated world's global)
  globalThis.__objectorContentStarted = true;

  const api = globalThis.browser || globalThis.chrome;
  const { rules, matcher, domScan, filler, ui } = globalThis.Objector;
  const compiled = matcher.compileRules(rules);
  const wait = filler.makeWait((fn, ms) => setTimeout(fn, ms), 100);

  const DEBOUNCE_MS = 250;
  const DETECT_CAP_MS = 20000; // observe at most this long after load or a navigation
  const CODE_CAP_MS = 60 * 60 * 1000; // Meta's code is valid for one hour

  let state = { kind: "none" };
  let panel = null;
  let busy = false;
  let formReadyAsked = false;
  let pending = null; // {clientId, status} of a sent objection whose final answer may still come

  function t(key, fallback, subs) {
    try {
      const m = api.i18n.getMessage(key, subs);
      if (m) return m;
    } catch {
      // i18n unavailable: the English fallback below
    }
    let out = fallback;
    for (const s of subs || []) out = out.replace(/\$[A-Z]+\$/, s);
    return out;
  }

  async function ask(type, fields = {}) {
    const reply = await api.runtime.sendMessage({ type, ...fields });
    if (!reply || !reply.ok) {
      const e = new Error((reply && reply.error && reply.error.message) || "no reply from Objector's background");
      e.code = reply && reply.error && reply.error.code;
      throw e;
    }
    return reply.result;
  }

  function getPanel() {
    panel ||= ui.createPanel(document);
    return panel;
  }

  function say(messages, { action = null, link = null } = {}) {
    const p = getPanel();
    p.setMessages(messages);
    p.setAction(action && action.label, action && action.fn);
    p.setLink(link && link.label, link && link.fn);
  }

  const trusted = (fn) => (event) => {
    if (event && event.isTrusted) fn();
  };

  // --- Detection --------------------------------------------------------------------------
  function detect() {
    const snap = domScan.snapshot(document, compiled);
    const next = matcher.classifyPage(compiled, snap);
    const changed = ["kind", "platform", "language", "step", "formId"].some((k) => next[k] !== state[k]);
    state = next;
    if (changed) {
      ask("content.state", { state }).catch(() => undefined);
      render();
    }
    return state;
  }

  async function platformEnabled(platform) {
    try {
      const { settings } = await api.storage.local.get("settings");
      return !(settings && settings.platforms && settings.platforms[platform] === false);
    } catch {
      return true;
    }
  }

  async function render() {
    if (busy || pending) return;
    if (state.kind === "notice") {
      if (!(await platformEnabled(state.platform))) return;
      say([], { action: { label: t("contentObjectButton", "Object with Objector"), fn: trusted(objectClicked) } });
    } else if (state.kind === "form" && ["form", "prestep", "validation"].includes(state.step)) {
      if (!formReadyAsked) {
        formReadyAsked = true;
        const ready = await ask("content.formReady").catch(() => ({ intent: false, settings: {} }));
        if (ready.intent) return runFlow(ready.settings);
      }
      if (!(await platformEnabled(state.platform))) return;
      say([], { action: { label: t("contentFillButton", "Fill with Objector"), fn: trusted(() => runFlow(null)) } });
    } else if (panel) {
      say([]);
    }
  }

  // One observer for the page: debounced, time-capped, restarted on navigation.
  const observer = new MutationObserver(() => schedule());
  let timer = null;
  let capTimer = null;
  let observing = false;

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(onSettled, DEBOUNCE_MS);
  }

  function onSettled() {
    if (pending) return watchPending();
    detect();
    if (!busy && state.kind !== "none" && state.step !== "loading") stopObserving(); // done: nothing left to find
  }

  function observe(capMs) {
    clearTimeout(capTimer);
    capTimer = setTimeout(stopObserving, capMs);
    if (!observing) {
      observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ["hidden", "aria-hidden", "style"] });
      observing = true;
    }
  }

  function stopObserving() {
    observer.disconnect();
    observing = false;
    clearTimeout(capTimer);
    clearTimeout(timer);
  }

  // Single-page navigation: a new URL is a new page to look at.
  let lastUrl = location.href;
  function onNavigate() {
    if (location.href === lastUrl) return;
    lastUrl = location.href;
    formReadyAsked = false;
    state = { kind: "none" };
    if (!busy && !pending && panel) say([]);
    observe(DETECT_CAP_MS);
    schedule();
  }
  addEventListener("popstate", onNavigate);
  if (globalThis.navigation && typeof globalThis.navigation.addEventListener === "function") {
    globalThis.navigation.addEventListener("navigatesuccess", onNavigate);
  }
  setInterval(onNavigate, 1000); // pushState from the page's world is invisible to us otherwise

  // --- One-click objection and filling ----------------------------------------------------
  async function objectClicked() {
    say([{ text: t("contentWorking", "Objector is filling in the form…") }]);
    try {
      await ask("content.objectClicked");
    } catch (e) {
      say([{ text: e.message, tone: "error" }], { action: { label: t("contentObjectButton", "Object with Objector"), fn: trusted(objectClicked) } });
    }
  }

  function setupFirst() {
    say([], { link: { label: t("contentSetupFirst", "Set up Objector first"), fn: trusted(() => ask("content.openOptions").catch(() => undefined)) } });
  }

  async function runFlow(settings) {
    if (busy) return;
    busy = true;
    stopObserving();
    try {
      const settingsNow = settings || (await ask("content.formReady").catch(() => ({ settings: {} }))).settings || {};
      say([{ text: t("contentWorking", "Objector is filling in the form…") }]);
      const language = state.language || "en";
      const data = await ask("content.fillData", { language });
      if (!data.ready) return setupFirst();
      const result = await filler.runObjection(document, compiled, {
        language, round: state.round, data, send: !settingsNow.reviewBeforeSend, wait,
      });
      const notes = [];
      if (result.fill && result.fill.emailKept) notes.push({ text: t("contentEmailKept", `Meta prefilled ${result.fill.emailKept}; Objector kept it.`, [result.fill.emailKept]) });
      if (result.phase === "missing") {
        const field = result.missing.join(", ");
        return say([{ text: t("contentFieldMissing", `Objector could not find the ${field} field. Nothing was sent.`, [field]), tone: "error" }]);
      }
      if (result.phase === "failed") return say([{ text: t("contentFailed", `Meta did not accept the objection: ${result.reason}`, [result.reason]), tone: "error" }]);
      if (result.phase === "review") {
        say([...notes, { text: t("contentReview", "Check the form, then press Send yourself.") }]);
        pending = { clientId: null, status: null, data, fill: result.fill, language };
        captureOnSend(result.fill);
        return watchPending();
      }
      pending = { clientId: null, status: null, data, fill: result.fill, language };
      say([...notes, { text: t("contentSent", "Objection sent. Waiting for Meta's answer…") }]);
      await report(result.outcome.status ? result.outcome : { status: "submitted", reason: "" }, notes);
    } catch (e) {
      say([{ text: t("contentFailed", `Meta did not accept the objection: ${e.message}`, [e.message]), tone: "error" }]);
    } finally {
      busy = false;
    }
  }

  // In review mode the person may edit the form before pressing Meta's Send: the history keeps
  // what was on the form at that press, read in the capture phase before the page handles it.
  function captureOnSend(fill) {
    const onPress = (event) => {
      const send = domScan.findFields(document.body, compiled, pending ? pending.language : "en").send;
      if (!pending || !send || !event.isTrusted || !send.contains(event.target)) return;
      const { email, justification } = fill.fields;
      if (email && email.el.isConnected) fill.filled.email = filler.readValue(email.el).trim() || fill.filled.email;
      if (justification && justification.el.isConnected) fill.filled.justification = filler.readValue(justification.el);
      document.removeEventListener("click", onPress, true);
    };
    document.addEventListener("click", onPress, true);
  }

  // Sends Meta's answer to the background once per status; keeps watching while a code is awaited
  // or while the person reviews the form before pressing Send.
  async function report(outcome, notes = []) {
    if (!pending || outcome.status === pending.status) return;
    const record = pending.clientId
      ? { clientId: pending.clientId, status: outcome.status, reason: outcome.reason || undefined }
      : {
          formUrl: location.href, formId: state.formId || "0", platform: state.platform, formKind: state.formKind,
          email: pending.fill.filled.email, country: pending.data.profile.country, justificationText: pending.fill.filled.justification,
          language: pending.language, status: outcome.status, reason: outcome.reason || undefined,
        };
    pending.status = outcome.status;
    try {
      const { clientId } = await ask("content.outcome", { record });
      pending.clientId = clientId;
    } catch (e) {
      notes = [...notes, { text: e.message, tone: "error" }];
    }
    const messages = {
      confirmed: { text: t("contentConfirmed", "Meta confirmed your objection. Saved in your history."), tone: "ok" },
      submitted: { text: t("contentSent", "Objection sent. Waiting for Meta's answer…") },
      "awaiting-code": { text: t("contentAwaitingCode", "Meta sent a code to your email. Enter it here to complete the objection.") },
      failed: { text: t("contentFailed", `Meta did not accept the objection: ${outcome.reason}`, [outcome.reason]), tone: "error" },
    };
    say([...notes, messages[outcome.status]]);
    if (outcome.status === "confirmed" || outcome.status === "failed") pending = null;
    else observe(CODE_CAP_MS);
  }

  function watchPending() {
    if (!pending) return;
    const o = domScan.outcomeOf(document.body, compiled, pending.language);
    if (o.status) report(o);
    else if (!observing) observe(CODE_CAP_MS);
  }

  // --- The background and the popup -------------------------------------------------------
  api.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (!sender || sender.id !== api.runtime.id || !message) return false;
    if (message.type === "tab.getState") {
      sendResponse({ ok: true, result: detect() });
    } else if (message.type === "tab.fill") {
      detect();
      if (state.kind !== "form") sendResponse({ ok: false, error: { code: "invalid_value", message: "no objection form on this page" } });
      else {
        runFlow(null);
        sendResponse({ ok: true, result: { started: true } });
      }
    }
    return false;
  });

  detect();
  observe(DETECT_CAP_MS);
})();
