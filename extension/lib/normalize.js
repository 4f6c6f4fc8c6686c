// Text normalisation shared by the content script (classic script: assigns Objector.normalize on
// globalThis) and Node tests (module.exports). Pure: strings in, strings out.
//
// normalizeText(s) → lower case, accents and other marks removed (é→e, ł→l, ø→o, ß→ss, þ→th),
// typographic quotes and dashes made plain, whitespace collapsed to single spaces and trimmed.
// Rule cues and page text both go through it, so a cue matches however Meta types its text.
// containsCue(text, cue) → true when the phrase `cue` starts on a word edge in `text` (both
//   normalised); its end is free, so a stem matches its inflected forms.
// tokens(text) → the words of normalised `text` (letters and digits; apostrophes and dashes split).
// compileTokenCue(stems) → a token cue: a list of stems, each split into its words.
// matchesTokenCue(words, cue) → true when every stem of `cue` occurs in `words` (one sentence's
//   tokens) as word prefixes, in any order; the words of a multi-word stem must be consecutive
//   ("from now on"). So ["objection", "received"] matches "your objection was received" and "we
//   have received your objections".
"use strict";
(function (factory) {
  const api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else (globalThis.Objector = globalThis.Objector || {}).normalize = api;
})(function () {

  // Letters that Unicode does not decompose into a base letter plus a mark.
  const FOLD = { ø: "o", æ: "ae", œ: "oe", ß: "ss", ł: "l", đ: "d", ð: "d", þ: "th", ħ: "h", ı: "i", ŀ: "l" };
  const FOLD_RE = /[øæœßłđðþħıŀ]/g;
  const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u00B4\u0060\u02BC]/g;
  const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033\u2039\u203A]/g;
  const DASHES = /[\u2010-\u2015\u2212]/g;
  const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
  const SPACES = /[\s\u00A0\u202F\u2007]+/g;

  function normalizeText(input) {
    if (input === null || input === undefined) return "";
    return String(input)
      .toLowerCase()
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .replace(FOLD_RE, (c) => FOLD[c])
      .replace(INVISIBLE, "")
      .replace(SINGLE_QUOTES, "'")
      .replace(DOUBLE_QUOTES, '"')
      .replace(DASHES, "-")
      .replace(SPACES, " ")
      .trim();
  }

  // True when `cue` (already normalised) occurs in `text` (already normalised) starting on a word
  // edge: "ki bei meta" matches "...laufend ki bei meta" but not "...eki bei meta"; the end is free
  // so that a stem ("metan tekoaly") matches its inflected forms ("metan tekoalya").
  function containsCue(text, cue) {
    if (!cue) return false;
    let from = 0;
    for (;;) {
      const at = text.indexOf(cue, from);
      if (at < 0) return false;
      const before = at === 0 ? "" : text[at - 1];
      if (!isWordChar(before)) return true;
      from = at + 1;
    }
  }

  function isWordChar(c) {
    return c !== "" && /[\p{L}\p{N}]/u.test(c);
  }

  const WORD_RE = /[\p{L}\p{N}]+/gu;

  function tokens(text) {
    return text ? String(text).match(WORD_RE) || [] : [];
  }

  function compileTokenCue(stems) {
    return stems.map((stem) => tokens(normalizeText(stem))).filter((words) => words.length > 0);
  }

  function stemAt(words, at, stem) {
    for (let j = 0; j < stem.length; j++) {
      const w = words[at + j];
      if (w === undefined || !w.startsWith(stem[j])) return false;
    }
    return true;
  }

  function matchesTokenCue(words, cue) {
    if (!cue || cue.length === 0) return false;
    return cue.every((stem) => {
      for (let i = 0; i + stem.length <= words.length; i++) if (stemAt(words, i, stem)) return true;
      return false;
    });
  }

  return { normalizeText, containsCue, tokens, compileTokenCue, matchesTokenCue };
});
