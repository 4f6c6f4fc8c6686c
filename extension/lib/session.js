"use strict";
// The objection session on one Meta page: detection, the offer, filling, the press of Meta's Send,
// the record, and Meta's answer. Pure: the document, the modules, messaging, the panel, timers and
// settings are injected (autoconsent's shape), so the whole flow runs in Node tests; content.js
// only wires it to the browser. The flow and its messages are described in extension/FLOW.md.
//
// createSession({doc, compiled, modules: {matcher, domScan, filler, outcome, watch, noticePrint}, ask,
//   createPanel, t, MutationObserver, setTimeout, clearTimeout, now, getSettings, sha256, limits}) → {
//   start()                      first detection, then watching for the page's whole life
//   detect() → state             classify the page now (the popup asks for this)
//   onNavigate()                 the URL changed without a page load
//   fill() → {started} | throws  the popup's "Fill in the form" (the person's click there)
//   phase(), submission()        for tests and the popup
//   stop() }
//
// Guarantees:
// - Nothing is sent without the person's click: Objector presses Meta's Send only in a flow started
//   by a click the panel's guard accepted (here or on the notice that opened this form, passed on
//   by the background as a one-use intent) or the popup's button.
// - Never sent without a record: before Meta's Send is pressed — by Objector, or by the person in
//   review mode, whose press is held until the record is written — `content.submitted` must have
//   answered; if it fails nothing is sent and the panel says why.
// - Meta's answer is judged only from what changed after that press (lib/outcome.js), and every
//   flow ends in a panel message within limits.answerMs (or a code step, bounded by limits.codeMs).
// - Rounds (issue 12): a notice (or a near-miss notice) the page shows is reported once per page
//   load as `content.noticeSeen` {kind, language, fingerprint} (lib/notice-print.js: no personal
//   data), limits.noticeSettleMs after it appeared; on an objection notice the background's answer
//   adds "You objected on …" and "New notice" to the panel, which still offers the one click.
(function (factory) {
  const api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else globalThis.Objector.session = api;
})(function () {
  const STATE_KEYS = ["kind", "platform", "language", "step", "formId"];
  const FORM_STEPS = new Set(["form", "prestep", "validation"]);
  const DEFAULT_LIMITS = { formAppearMs: 20000, fieldsSettleMs: 8000, answerMs: 30000, codeMs: 60 * 60 * 1000, noticeSettleMs: 1000 };
  const MAX_SIGHTINGS = 4; // notices reported per page load at most (a page cannot flood the history)

  function createSession(deps) {
    const { doc, compiled, ask, createPanel, t, MutationObserver, setTimeout, clearTimeout, now, getSettings } = deps;
    const { matcher, domScan, filler, outcome, watch: watchModule, noticePrint } = deps.modules;
    const { sha256 } = deps;
    const limits = { ...DEFAULT_LIMITS, ...(deps.limits || {}) };
    const win = doc.defaultView;
    // Resolves with fn()'s first truthy value, polled every everyMs, or null after timeoutMs.
    const wait = (fn, timeoutMs, everyMs = 100) =>
      new Promise((resolve) => {
        const until = now() + timeoutMs;
        const tick = () => {
          let value = null;
          try {
            value = fn();
          } catch {
            value = null;
          }
          if (value || stopped) return resolve(value || null);
          if (now() >= until) return resolve(null);
          setTimeout(tick, everyMs);
        };
        tick();
      });

    let state = { kind: "none" };
    let area = "page";
    let phase = "idle"; // idle | working | review | sent | code | done | failed
    let panel = null;
    let formReadyAsked = false;
    let lastUrl = href();
    let current = null; // {clientId, language, base, pressedAt, status, deadline, filled}
    let answerTimer = null;
    let codeTimer = null;
    let capture = null; // {kind: "send"|"code", remove()}
    let passing = false; // Objector's own press of Send, let through the capture
    let stopped = false;
    // Notice sightings: kind+fingerprint → the background's answer (null until it came), the
    // element each kind was last sighted in, the settle timer, and the objection notice's facts.
    const sightings = new Map();
    const sightedIn = new Map();
    let sightTimer = null;
    let noticeFacts = null; // {alreadyObjected: {confirmedAt} | null, newRound}
    let objecting = false; // the notice's one click is under way: a late answer leaves the panel be

    const watch = watchModule.createWatch({
      MutationObserver, root: doc.documentElement, setTimeout, clearTimeout, now, onScan: () => detect(),
    });

    function href() {
      return doc.location ? doc.location.href : doc.URL;
    }

    function getPanel() {
      panel ||= createPanel(doc);
      return panel;
    }

    function say(messages, { action = null, link = null } = {}) {
      if (!panel && messages.length === 0 && !action && !link) return;
      const p = getPanel();
      p.setMessages(messages);
      p.setAction(action && action.label, action && action.fn);
      p.setLink(link && link.label, link && link.fn);
    }

    function language() {
      return state.language || "en";
    }

    function activePhase() {
      return phase === "working" || phase === "review" || phase === "sent" || phase === "code";
    }

    function updateWatchMode() {
      if (stopped) return watch.setMode("off");
      if (activePhase() || area === "form" || area === "notice") return watch.setMode("full");
      return watch.setMode(area === "none" ? "off" : "dialogs");
    }

    // --- Detection -----------------------------------------------------------------------------
    function detect() {
      if (stopped) return state;
      if (href() !== lastUrl) onNavigate();
      const page = domScan.snapshot(doc, compiled);
      const next = matcher.classifyPage(compiled, page);
      const changed = STATE_KEYS.some((k) => next[k] !== state[k]);
      state = next;
      considerNotice(page, next);
      watch.settled(changed);
      if (changed) ask("content.state", { state }).catch(() => undefined);
      if (phase === "sent" || phase === "code") checkAnswer();
      else if (changed && phase !== "working" && phase !== "review") render();
      updateWatchMode();
      return state;
    }

    function areaOf(url) {
      const where = matcher.classifyUrl(compiled, url);
      return where.meta ? where.area : "none";
    }

    function onNavigate() {
      const url = href();
      if (url === lastUrl) return;
      lastUrl = url;
      area = areaOf(url);
      formReadyAsked = false;
      state = { kind: "none" };
      noticeFacts = null;
      objecting = false;
      sightedIn.clear();
      if (!activePhase()) {
        phase = "idle";
        say([]);
      }
      updateWatchMode();
      watch.scanSoon();
    }

    // --- Notice sightings (rounds) -------------------------------------------------------------
    function considerNotice(page, next) {
      if (!noticePrint || !sha256 || sightTimer || sightings.size >= MAX_SIGHTINGS) return;
      const where = matcher.classifyUrl(compiled, page.url);
      const kind = noticePrint.kindOf(compiled, next, page, where);
      if (!kind) return;
      const known = sightedIn.get(kind);
      if (known && known.isConnected && (where.area === "notice" || domScan.isShown(known))) return;
      sightTimer = setTimeout(() => {
        sightTimer = null;
        sightNow().catch(() => undefined);
      }, limits.noticeSettleMs);
    }

    // The notice still there after settling: its fingerprint, sent once; the answer to the panel.
    async function sightNow() {
      if (stopped) return;
      const page = domScan.snapshot(doc, compiled);
      const where = matcher.classifyUrl(compiled, page.url);
      const seen = matcher.classifyPage(compiled, page);
      const kind = noticePrint.kindOf(compiled, seen, page, where);
      if (!kind) return;
      const region = noticePrint.noticeRegion(doc, compiled, kind, where);
      if (!region) return;
      sightedIn.set(kind, region);
      const notice = await noticePrint.sighting(doc, compiled, kind, where, { state: seen, sha256 });
      if (!notice) return;
      const key = `${notice.kind}:${notice.fingerprint}`;
      if (!sightings.has(key)) {
        if (sightings.size >= MAX_SIGHTINGS) return;
        sightings.set(key, ask("content.noticeSeen", notice).catch(() => ({ alreadyObjected: null, newRound: false })));
      }
      const facts = await sightings.get(key);
      if (kind !== "objection" || stopped) return;
      noticeFacts = facts;
      if (state.kind === "notice" && phase === "idle" && !objecting) render();
    }

    function formatDate(iso) {
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return null;
      const locale = t("contentDateLocale", "en-GB");
      try {
        return new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric" }).format(date);
      } catch {
        return date.toISOString().slice(0, 10);
      }
    }

    // What the panel says on an objection notice besides its one click.
    function noticeLines() {
      const lines = [];
      if (!noticeFacts) return lines;
      if (noticeFacts.newRound) lines.push({ text: t("contentNewNotice", "New notice") });
      const date = noticeFacts.alreadyObjected && formatDate(noticeFacts.alreadyObjected.confirmedAt);
      if (date) lines.push({ text: t("contentAlreadyObjected", `You objected on ${date}; Meta says you do not need to object again.`, [date]), tone: "ok" });
      return lines;
    }

    async function platformEnabled(platform) {
      try {
        const settings = (await getSettings()) || {};
        return !(settings.platforms && settings.platforms[platform] === false);
      } catch {
        return true;
      }
    }

    async function render() {
      const shown = state;
      if (shown.kind === "notice") {
        if (!(await platformEnabled(shown.platform)) || state !== shown) return;
        return say(noticeLines(), { action: { label: t("contentObjectButton", "Object with Objector"), fn: objectClicked } });
      }
      if (shown.kind === "form" && FORM_STEPS.has(shown.step)) {
        if (!formReadyAsked) {
          formReadyAsked = true;
          const ready = await ask("content.formReady").catch(() => ({ intent: false, settings: {} }));
          if (ready.intent) return runFlow(ready.settings || {});
        }
        if (!(await platformEnabled(shown.platform)) || state !== shown || activePhase()) return;
        return say([], { action: { label: t("contentFillButton", "Fill with Objector"), fn: () => runFlow(null) } });
      }
      if (phase === "idle") say([]);
    }

    // --- The person's click on a notice ----------------------------------------------------------
    async function objectClicked() {
      objecting = true;
      say([{ text: t("contentWorking", "Objector is filling in the form…") }]);
      try {
        await ask("content.objectClicked");
      } catch (e) {
        objecting = false;
        say([{ text: e.message, tone: "error" }], { action: { label: t("contentObjectButton", "Object with Objector"), fn: objectClicked } });
      }
    }

    // --- Filling ------------------------------------------------------------------------------
    function nothingSent(text) {
      phase = "failed";
      say([{ text: `${text} ${t("contentNothingSent", "Nothing was sent.")}`, tone: "error" }], {
        action: { label: t("contentTryAgain", "Try again"), fn: () => runFlow(null) },
      });
      updateWatchMode();
    }

    async function settingsNow(given) {
      if (given) return given;
      const ready = await ask("content.formReady").catch(() => ({ settings: {} }));
      return ready.settings || {};
    }

    async function runFlow(givenSettings) {
      if (activePhase()) return;
      phase = "working";
      updateWatchMode();
      say([{ text: t("contentWorking", "Objector is filling in the form…") }]);
      try {
        const settings = await settingsNow(givenSettings);
        const body = doc.body;
        let step = await wait(() => {
          const s = domScan.pageStep(body, compiled, language());
          return s === "loading" ? null : s;
        }, limits.formAppearMs);
        if (!step) return nothingSent(t("contentNoForm", "Meta's form did not appear."));
        if (step === "prestep") {
          if (!(await filler.answerPrestep(body, compiled, language(), wait))) return nothingSent(t("contentNoForm", "Meta's form did not appear."));
          step = await wait(() => {
            const s = domScan.pageStep(body, compiled, language());
            return s === "form" || s === "validation" ? s : null;
          }, limits.formAppearMs);
          if (!step) return nothingSent(t("contentNoFormAfterPrestep", "Meta's form did not appear after the first question."));
        }
        if (!FORM_STEPS.has(step)) return nothingSent(t("contentNoForm", "Meta's form did not appear."));
        // What the form asks for, once its fields have rendered and stopped changing (a late
        // field would otherwise get no data): the same non-empty list twice, 300 ms apart.
        let previous = "";
        const fields = (await wait(() => {
          const list = filler.neededData(filler.scanForm(body, compiled, language()));
          const key = list.join(",");
          const steady = list.length > 0 && key === previous;
          previous = key;
          return steady ? list : null;
        }, limits.fieldsSettleMs, 300)) || filler.neededData(filler.scanForm(body, compiled, language()));
        const data = await ask("content.fillData", { language: language(), fields });
        if (!data.ready) {
          phase = "idle";
          return say([], { link: { label: t("contentSetupFirst", "Set up Objector first"), fn: () => ask("content.openOptions").catch(() => undefined) } });
        }
        const fill = await filler.fillForm(doc, compiled, { language: language(), data, wait });
        const notes = fill.emailKept ? [{ text: t("contentEmailKept", `Meta prefilled ${fill.emailKept}; Objector kept it.`, [fill.emailKept]) }] : [];
        if (fill.missing && fill.missing.length) {
          const field = fill.missing.join(", ");
          return nothingSent(t("contentFieldMissing", `Meta asks for “${field}”, which Objector cannot fill.`, [field]));
        }
        if (!fill.ok) {
          const field = (fill.mismatched || []).join(", ");
          return nothingSent(t("contentCouldNotSet", `Objector could not set ${field}.`, [field]));
        }
        if (settings.reviewBeforeSend) {
          phase = "review";
          armCapture("send", fill.filled);
          say([...notes, { text: t("contentReview", "Check the form, then press Send yourself.") }]);
          return updateWatchMode();
        }
        const verified = await filler.verifyBeforeSend(doc, compiled, { language: language(), filled: fill.filled, wait });
        if (!verified.ok) {
          const field = (verified.problems || []).join(", ");
          return nothingSent(t("contentCouldNotSet", `Objector could not set ${field}.`, [field]));
        }
        const send = filler.findSend(body, compiled, language());
        if (!send) return nothingSent(t("contentNoSend", "Objector could not find Meta's Send button."));
        await pressSend(send, fill.filled, notes);
      } catch (e) {
        nothingSentOrFailed(e);
      }
    }

    function nothingSentOrFailed(e) {
      if (current && phase === "sent") return; // sent and recorded: the answer watch goes on
      nothingSent(String((e && e.message) || e));
    }

    // --- The press of Meta's Send: record first, then press ------------------------------------
    // `filled` = what is on the form at the press; the baseline is taken before anything awaits, so
    // it shows the page exactly as it was when the person (or Objector for them) pressed Send.
    async function pressSend(send, filled, notes = []) {
      const lang = language();
      const base = outcome.baseline(doc, compiled, lang);
      const pressedAt = new Date(now()).toISOString();
      phase = "working";
      let clientId;
      try {
        ({ clientId } = await ask("content.submitted", {
          record: {
            email: filled.email || "",
            country: filled.country || null,
            name: filled.name || undefined,
            justificationText: filled.justification || "",
            language: lang,
            pressedAt,
          },
        }));
      } catch (e) {
        return nothingSent(t("contentNotRecorded", `Objector could not save this objection in your history (${e.message}), so it did not send it.`, [e.message]));
      }
      current = { clientId, language: lang, base, pressedAt, status: "submitted", deadline: now() + limits.answerMs, filled };
      phase = "sent";
      updateWatchMode();
      say([...notes, { text: t("contentSentRecorded", "Objection sent and saved in your history. Waiting for Meta's answer…") }]);
      passing = true;
      try {
        filler.click(send);
      } finally {
        passing = false;
      }
      startAnswerTimer();
      checkAnswer();
    }

    function startAnswerTimer() {
      clearTimeout(answerTimer);
      answerTimer = setTimeout(() => checkAnswer(), Math.max(0, current.deadline - now()) + 10);
      // a poll besides the mutation watch: an answer shown without a DOM mutation we observe
      const poll = () => {
        if (!current || (phase !== "sent" && phase !== "code")) return;
        checkAnswer();
        if (phase === "sent") setTimeout(poll, 500);
      };
      setTimeout(poll, 500);
    }

    // --- Meta's answer --------------------------------------------------------------------------
    function checkAnswer() {
      if (!current || phase !== "sent") return;
      const judged = outcome.judge(doc, current.base, compiled, current.language);
      if (judged && judged.status && judged.status !== current.reported) return report(judged);
      if (now() >= current.deadline) finishUnrecognised();
    }

    function status(fields) {
      return ask("content.status", { clientId: current.clientId, ...fields }).then(
        () => null,
        (e) => ({ text: e.message, tone: "error" }),
      );
    }

    async function report(judged) {
      const sub = current;
      sub.reported = judged.status;
      sub.status = judged.status;
      // Meta's words as the person saw them: the whole answer when it is short (a sentence cut out
      // of "Something went wrong. We're working on it." reads as less than Meta said), else the
      // sentence that carried the cue.
      const answer = judged.evidence && judged.evidence.answer_text;
      const said = answer && answer.length <= 300 ? answer : judged.reason;
      const reason = said ? String(said).slice(0, 1000) : undefined;
      const pending = status({ status: judged.status, reason: judged.status === "failed" ? reason || "failed" : undefined, evidence: judged.evidence });
      let message;
      if (judged.status === "confirmed") {
        phase = "done";
        message = { text: t("contentConfirmed", "Meta confirmed your objection. Saved in your history."), tone: "ok" };
      } else if (judged.status === "submitted") {
        phase = "done";
        message = { text: t("contentAcknowledged", "Meta received your objection; its confirmation comes by email. Saved in your history."), tone: "ok" };
      } else if (judged.status === "awaiting-code") {
        phase = "code";
        armCapture("code", sub.filled);
        clearTimeout(codeTimer);
        codeTimer = setTimeout(() => {
          if (phase === "code" && current === sub) {
            phase = "done";
            say([{ text: t("contentCodeExpired", "Meta's code has expired (it is valid for one hour). Object again to get a new one."), tone: "error" }]);
            updateWatchMode();
          }
        }, limits.codeMs);
        message = { text: t("contentAwaitingCode", "Meta sent a code to your email. Enter it here and press Send to complete the objection.") };
      } else {
        phase = "failed";
        armCapture("send", sub.filled); // a corrected form, sent again, is a new objection with its own record
        message = { text: t("contentFailed", `Meta did not accept the objection: ${reason}`, [reason || ""]), tone: "error" };
      }
      clearTimeout(answerTimer);
      updateWatchMode();
      const problem = await pending;
      say(problem ? [message, problem] : [message]);
    }

    async function finishUnrecognised() {
      const sub = current;
      if (phase !== "sent" || !sub) return;
      phase = "done";
      clearTimeout(answerTimer);
      updateWatchMode();
      if (sub.status === "awaiting-code") {
        say([{ text: t("contentCodeSentUnrecognised", "Code sent. Meta's answer was not recognised: check your email for Meta's confirmation.") }]);
        return;
      }
      const problem = await status({ status: "submitted", evidence: outcome.visibleAnswer(doc, sub.base, compiled, sub.language) });
      const message = { text: t("contentUnrecognised", "Sent and saved in your history. Meta's answer was not recognised: check your email for Meta's confirmation.") };
      say(problem ? [message, problem] : [message]);
    }

    // --- The person's own press of Meta's Send (review mode, a retry, the code step) -----------
    // Capture phase on the window runs before the page's own handlers. A press on the form's Send
    // is held (default prevented, propagation stopped) until the record is written, then Objector
    // presses Send itself; on the code step the press passes and only a new baseline is taken.
    function armCapture(kind, filled) {
      disarm();
      const onEvent = (event) => {
        if (passing || !event.isTrusted) return;
        const send = filler.findSend(doc.body, compiled, language());
        if (!send) return;
        const target = event.target;
        const pressed = event.type === "submit" ? target && typeof target.contains === "function" && target.contains(send) : send.contains(target);
        if (!pressed) return;
        if (kind === "code") {
          current.base = outcome.baseline(doc, compiled, current.language);
          current.deadline = now() + limits.answerMs;
          current.reported = null;
          phase = "sent";
          disarm();
          clearTimeout(codeTimer);
          say([{ text: t("contentCodeSent", "Code sent. Waiting for Meta's answer…") }]);
          updateWatchMode();
          startAnswerTimer();
          return;
        }
        event.preventDefault();
        event.stopImmediatePropagation();
        disarm();
        pressSend(send, readFilled(filled));
      };
      for (const type of ["click", "submit"]) win.addEventListener(type, onEvent, true);
      capture = { kind, remove: () => ["click", "submit"].forEach((type) => win.removeEventListener(type, onEvent, true)) };
    }

    function disarm() {
      if (capture) capture.remove();
      capture = null;
    }

    // What the form holds at the person's press (they may have edited it after Objector filled it).
    function readFilled(filled) {
      const out = { ...filled };
      try {
        const { fields } = filler.scanForm(doc.body, compiled, language());
        if (fields.email) out.email = filler.readValue(fields.email.el).trim() || out.email;
        if (fields.justification) out.justification = filler.readValue(fields.justification.el);
        if (fields.name && out.name !== undefined) out.name = filler.readValue(fields.name.el).trim() || out.name;
      } catch {
        // the form is mid re-render: what Objector filled stands
      }
      return out;
    }

    return {
      start() {
        area = areaOf(href());
        detect();
        updateWatchMode();
      },
      detect,
      onNavigate,
      fill() {
        detect();
        if (state.kind !== "form") {
          const e = new Error("no objection form on this page");
          e.code = "invalid_value";
          throw e;
        }
        runFlow(null);
        return { started: true };
      },
      phase: () => phase,
      submission: () => (current ? { clientId: current.clientId, status: current.status, pressedAt: current.pressedAt } : null),
      stop() {
        stopped = true;
        disarm();
        clearTimeout(answerTimer);
        clearTimeout(codeTimer);
        clearTimeout(sightTimer);
        watch.stop();
      },
    };
  }

  return { createSession, DEFAULT_LIMITS };
});
