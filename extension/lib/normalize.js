// Text normalisation shared by the content script (classic script: assigns Objector.normalize on
// globalThis) and Node tests (module.exports). Pure: strings in, strings out.
//
// normalizeText(s) → lower case, accents and other marks removed (é→e, ł→l, ø→o, ß→ss, þ→th),
// typographic quotes and dashes made plain, whitespace collapsed to single spaces and trimmed.
// Rule cues and page text both go through it, so a cue matches however Meta types its text.
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

  return { normalizeText, containsCue };
});
