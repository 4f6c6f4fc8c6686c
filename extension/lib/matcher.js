// Matching of URLs and normalised text against the rules (rules/*.json, as Objector.rules).
// Pure: no DOM, no browser APIs. Classic script (Objector.matcher on globalThis) and a CommonJS
// module under Node; it needs Objector.normalize (lib/normalize.js) loaded first.
//
// compileRules(bundle) → compiled rules (regular expressions built, cues normalised) or throws an
//   Error naming the bad rule.
// classifyUrl(compiled, href) → {meta: false, reason} | {meta: true, platform, formKind, host,
//   area: "form"|"notice"|"otherForm"|"page", form: {id, round, verified}|null, formId}
// languageOf(compiled, {lang, text}) → language code of the rules ("de", "no", ...), or null.
// findCue(compiled, language, category, text) → the first cue of that category found in `text`
//   (normalised), or null.
// ANSWER_FAMILIES: the cue families of Meta's answer ("confirmation", "acknowledged", "error",
//   "validation", "code"), matched on tokens (normalize.matchesTokenCue).
// answerCue(compiled, language, family, words) → the first cue of that family (its stems, as the
//   rules write them) matched by `words` (the tokens of ONE normalised sentence), or null. A
//   confirmation or acknowledgement in a sentence that holds one of the language's negation words
//   ("not", "nicht", ...) does not count, with one exception: the answer's notUsed cues ("your
//   information will no longer be used for AI at Meta"), where the negation IS the confirmation;
//   they need "your information/data" or an aiAtMeta phrase, and inability or refusal wording
//   (notUsed.except: "could", "unfortunately", "rejected", "continue") voids them.
// classifyPage(compiled, page) → the page's state for the popup and the content script:
//   {kind: "notice"|"form"|"confirmation"|"none", platform, formKind, language, step, formId,
//    round, nearMiss}. page = {url, lang, text, dialogs: [text], links: [href], step}; texts are
//   normalised; step is what the DOM scan saw on a form page ("prestep", "form", "code",
//   "confirmation", "acknowledged", "validation", "error", "loading").
"use strict";
(function (factory) {
  const isNode = typeof module === "object" && module.exports;
  const normalize = isNode ? require("./normalize.js") : globalThis.Objector.normalize;
  const api = factory(normalize);
  if (isNode) module.exports = api;
  else (globalThis.Objector = globalThis.Objector || {}).matcher = api;
})(function ({ normalizeText, containsCue, compileTokenCue, matchesTokenCue }) {

  const CUE_CATEGORIES = [
    "aiAtMeta", "aiWords", "object", "form", "preStep", "yes", "no", "next", "email", "confirmEmail", "country", "justification", "optional", "send",
    "confirmation", "acknowledged", "code", "validationError", "genericError", "personalisation", "fullName", "requiredMark",
  ];
  const ANSWER_FAMILIES = ["confirmation", "acknowledged", "error", "validation", "code"];
  const NEGATABLE = new Set(["confirmation", "acknowledged"]);

  function compileAnswer(entry) {
    const answer = entry.answer || {};
    const families = {};
    for (const family of ANSWER_FAMILIES) {
      families[family] = (answer[family] || []).map((stems) => ({ stems, words: compileTokenCue(stems) })).filter((c) => c.words.length);
    }
    return { verified: answer.verified === true, negation: new Set((answer.negation || []).map(normalizeText)), families,
      notUsed: compileNotUsed(answer.notUsed, entry.aiAtMeta) };
  }

  // "Your information will not be used for AI at Meta": the confirmation said with a negation.
  function compileNotUsed(notUsed, aiAtMeta) {
    const cues = (list) => (list || []).map((stems) => ({ stems, words: compileTokenCue(stems) })).filter((c) => c.words.length);
    const n = notUsed || {};
    // Each aiAtMeta phrase is one multi-word stem: its words in a row.
    const ai = (aiAtMeta || []).map((phrase) => ({ stems: [phrase], words: compileTokenCue([phrase]) })).filter((c) => c.words.length);
    return { use: cues(n.use), unused: cues(n.unused), what: [...cues(n.what), ...ai], except: cues(n.except) };
  }

  // The stems that make `words` say "your information will not be used (for AI at Meta)", or null.
  // Whether every phrase of `cue` stands in `words` word for word (not as stems).
  function hasWholePhrase(words, cue) {
    return cue.every((phrase) => {
      for (let i = 0; i + phrase.length <= words.length; i++) if (phrase.every((w, j) => words[i + j] === w)) return true;
      return false;
    });
  }

  function notUsedCue(answer, words) {
    const n = answer.notUsed;
    const hit = (list) => list.find((c) => matchesTokenCue(words, c.words));
    if (!hit(n.what) || hit(n.except)) return null;
    const unused = hit(n.unused);
    if (unused) return unused.stems;
    const use = words.some((w) => answer.negation.has(w)) ? hit(n.use) : null;
    return use ? use.stems : null;
  }
  // Categories whose hits tell which language a page is in when <html lang> does not.
  const LANGUAGE_EVIDENCE = ["aiAtMeta", "object", "form", "preStep", "justification", "confirmation", "code", "genericError"];

  function compileRegex(source, where) {
    try {
      return new RegExp(source);
    } catch (e) {
      throw new Error(`rules: bad regular expression in ${where}: ${e.message}`);
    }
  }

  function compileRules(bundle) {
    if (!bundle || !Array.isArray(bundle.platforms) || !bundle.languages) throw new Error("rules: not a rule bundle");
    const platforms = bundle.platforms.map((p, i) => {
      const where = `platform ${i} (${p.platform}/${p.formKind})`;
      return {
        platform: p.platform,
        formKind: p.formKind,
        hostExact: new Set(p.hosts.exact),
        hostPatterns: p.hosts.patterns.map((s) => compileRegex(s, where)),
        noticePaths: p.noticePaths.map((s) => compileRegex(s, where)),
        formPaths: p.formPaths.map((s) => compileRegex(s, where)),
        forms: new Map(p.forms.map((f) => [f.id, { id: f.id, round: f.round, verified: f.verified }])),
        objectForm: p.objectForm || null,
      };
    });
    const languages = {};
    for (const [code, entry] of Object.entries(bundle.languages)) {
      const cues = {};
      for (const category of CUE_CATEGORIES) {
        cues[category] = (entry[category] || []).map(normalizeText).filter(Boolean);
      }
      languages[code] = { code, name: entry.name, verified: entry.verified, cues, answer: compileAnswer(entry) };
    }
    const lookalikes = ((bundle.nearMisses && bundle.nearMisses.lookalikeHostPatterns) || []).map((s) =>
      compileRegex(s, "nearMisses.lookalikeHostPatterns"),
    );
    const knownFormIds = new Set();
    for (const p of platforms) for (const id of p.forms.keys()) knownFormIds.add(id);
    return { version: bundle.version, platforms, languages, codes: Object.keys(languages), lookalikes, knownFormIds };
  }

  function hostMatches(p, host) {
    return p.hostExact.has(host) || p.hostPatterns.some((re) => re.test(host));
  }

  function classifyUrl(compiled, href) {
    let url;
    try {
      url = new URL(href);
    } catch {
      return { meta: false, reason: "not-a-url" };
    }
    const host = url.hostname.toLowerCase();
    const candidates = compiled.platforms.filter((p) => hostMatches(p, host));
    if (candidates.length > 0 && (url.protocol !== "https:" || url.port !== "")) return { meta: false, reason: "not-https", host };
    if (candidates.length === 0) {
      const lookalike = compiled.lookalikes.some((re) => re.test(host));
      return { meta: false, reason: lookalike ? "lookalike-domain" : "not-meta", host };
    }
    const path = url.pathname;
    let otherFormId = null;
    for (const p of candidates) {
      for (const re of p.formPaths) {
        const m = re.exec(path);
        if (!m) continue;
        const form = p.forms.get(m[1]);
        if (form) return { meta: true, platform: p.platform, formKind: p.formKind, host, area: "form", form, formId: form.id };
        otherFormId = m[1];
      }
    }
    const first = candidates[0];
    if (otherFormId) {
      return { meta: true, platform: first.platform, formKind: null, host, area: "otherForm", form: null, formId: otherFormId };
    }
    const notice = candidates.find((p) => p.noticePaths.some((re) => re.test(path)));
    const p = notice || first;
    return { meta: true, platform: p.platform, formKind: p.formKind, host, area: notice ? "notice" : "page", form: null, formId: null };
  }

  // "nb-NO" → "no", "pt_BR" → "pt", "DE" → "de"; "" when absent.
  function baseLanguage(tag) {
    if (typeof tag !== "string" || !tag) return "";
    const base = tag.toLowerCase().split(/[-_]/)[0];
    return base === "nb" || base === "nn" ? "no" : base;
  }

  function findCue(compiled, language, category, text) {
    const lang = compiled.languages[language];
    if (!lang || !text) return null;
    for (const cue of lang.cues[category]) if (containsCue(text, cue)) return cue;
    return null;
  }

  function answerCue(compiled, language, family, words) {
    const lang = compiled.languages[language];
    if (!lang || !words || words.length === 0) return null;
    if (family === "confirmation") {
      const stems = notUsedCue(lang.answer, words);
      if (stems) return stems;
      // A condition, an inability or a refusal ("if your objection is approved…", "we could not
      // honour…", "unfortunately…") never confirms, whichever confirmation cue it holds. Whole words
      // here: as stems, Portuguese "se a" would find "será aplicado".
      if (lang.answer.notUsed.except.some((c) => hasWholePhrase(words, c.words))) return null;
    }
    if (NEGATABLE.has(family) && words.some((w) => lang.answer.negation.has(w))) return null;
    for (const cue of lang.answer.families[family]) if (matchesTokenCue(words, cue.words)) return cue.stems;
    return null;
  }

  // The language of `text` by evidence, or <html lang> when that is one of ours and the text does
  // not clearly say otherwise.
  function languageOf(compiled, { lang, text }) {
    const declared = baseLanguage(lang);
    const scores = {};
    let best = null;
    for (const code of compiled.codes) {
      let score = 0;
      for (const category of LANGUAGE_EVIDENCE) if (findCue(compiled, code, category, text)) score += 1;
      scores[code] = score;
      if (score > 0 && (best === null || score > scores[best])) best = code;
    }
    if (compiled.languages[declared] && (best === null || scores[declared] >= scores[best] - 1)) return declared;
    return best;
  }

  // First language (the page's own first) in which `text` has a cue of every listed category.
  function languageWithAll(compiled, preferred, categories, text) {
    const order = preferred ? [preferred, ...compiled.codes.filter((c) => c !== preferred)] : compiled.codes;
    for (const code of order) {
      if (categories.every((c) => findCue(compiled, code, c, text))) return code;
    }
    return null;
  }

  function linksToKnownForm(compiled, links) {
    for (const href of links || []) {
      const u = classifyUrl(compiled, href);
      if (u.meta && u.area === "form") return u;
    }
    return null;
  }

  const NONE = Object.freeze({ kind: "none", platform: null, formKind: null, language: null, step: null, formId: null, round: null, nearMiss: null });

  function none(extra) {
    return { ...NONE, ...extra };
  }

  // Does `text` announce the AI objection (not the personalisation notice)? → {language, formLink}
  // or {nearMiss}.
  function noticeIn(compiled, text, links, preferred) {
    const formLink = linksToKnownForm(compiled, links);
    const language = languageWithAll(compiled, preferred, ["aiAtMeta", "object"], text);
    const personal = languageWithAll(compiled, preferred, ["personalisation"], text);
    if (personal && !formLink) return { nearMiss: "personalisation-notice" };
    if (!language && !formLink) return null;
    return { language: language || languageOf(compiled, { lang: preferred, text }) || "en", formLink };
  }

  function classifyPage(compiled, page) {
    const u = classifyUrl(compiled, page.url);
    if (!u.meta) return none({ nearMiss: u.reason });
    const declared = baseLanguage(page.lang);
    if (u.area === "otherForm") return none({ platform: u.platform, nearMiss: "other-help-form", formId: u.formId });
    if (u.area === "form") {
      const language = languageOf(compiled, { lang: page.lang, text: page.text }) || "en";
      const step = page.step || "loading";
      const confirmed = step === "confirmation" || step === "acknowledged";
      return {
        kind: confirmed ? "confirmation" : "form",
        platform: u.platform,
        formKind: u.formKind,
        language,
        step,
        formId: u.formId,
        round: u.form.round,
        nearMiss: null,
      };
    }
    // A notice: the whole page on a notice path, otherwise only dialogs (a post in the feed that
    // quotes the notice is not one).
    const texts = u.area === "notice" ? [page.text] : page.dialogs || [];
    let nearMiss = null;
    for (const text of texts) {
      const found = noticeIn(compiled, text, page.links, declared);
      if (!found) continue;
      if (found.nearMiss) {
        nearMiss = found.nearMiss;
        continue;
      }
      const platform = found.formLink ? found.formLink.platform : u.platform;
      return {
        kind: "notice",
        platform,
        formKind: "own",
        language: found.language,
        step: u.area === "notice" ? "notice-page" : "notice-dialog",
        formId: null,
        round: null,
        nearMiss: null,
      };
    }
    return none({ platform: u.platform, nearMiss });
  }

  // Where "Object with Objector" leads from a notice on `href` for `platform`.
  function objectFormUrl(compiled, platform, href) {
    const p = compiled.platforms.find((x) => x.platform === platform && x.formKind === "own" && x.objectForm);
    if (!p) return null;
    const target = new URL(p.objectForm.url);
    try {
      const here = new URL(href);
      if (p.objectForm.keepLocaleHost && hostMatches(p, here.hostname) && here.protocol === "https:") target.hostname = here.hostname;
    } catch {
      // keep the default host
    }
    return target.href;
  }

  return { CUE_CATEGORIES, ANSWER_FAMILIES, answerCue, compileRules, classifyUrl, baseLanguage, findCue, languageOf, languageWithAll, classifyPage, objectFormUrl };
});
