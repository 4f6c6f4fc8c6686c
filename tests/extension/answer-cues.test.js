// Token cues (lib/normalize.js tokens/matchesTokenCue, lib/matcher.js answerCue): stems match word
// starts in any order within one sentence, multi-word stems need their words in a row, negation
// voids a confirmation, and every one of the 26 languages has every answer family.
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadPure } from "./support/classic.mjs";

const O = loadPure();
const { normalizeText, tokens, compileTokenCue, matchesTokenCue } = O.normalize;
const compiled = O.matcher.compileRules(O.rules);
const words = (s) => tokens(normalizeText(s));

// [stems, sentence, matches?, what it proves]
const ROWS = [
  [["objection", "receiv"], "We have received your objection", true, "any order"],
  [["objection", "receiv"], "Your objections were RECEIVED.", true, "prefixes and case"],
  [["objection", "receiv"], "We have received your request", false, "every stem is needed"],
  [["objection", "receiv"], "preobjection received", false, "a stem starts a word"],
  [["from now on"], "applied from now on", true, "a multi-word stem in a row"],
  [["from now on"], "from the start, now and on", false, "a multi-word stem's words must follow each other"],
  [["d'ora in avanti"], "applicata d’ora in avanti", true, "apostrophes split words on both sides"],
  [["widerspruch", "erhalten"], "Wir haben deinen Widerspruch erhalten", true, "German"],
  [["αντιρρησ", "λαβαμε"], "Λάβαμε την αντίρρησή σας", true, "Greek without accents"],
];
for (const [stems, sentence, expected, proves] of ROWS) {
  test(`matchesTokenCue ${JSON.stringify(stems)} on "${sentence}" is ${expected} (${proves})`, () => {
    assert.equal(matchesTokenCue(words(sentence), compileTokenCue(stems)), expected);
  });
}

test("answerCue: a negation word voids a confirmation but not an error", () => {
  assert.equal(JSON.stringify(O.matcher.answerCue(compiled, "en", "confirmation", words("Your objection was received"))), '["objection","receiv"]');
  assert.equal(O.matcher.answerCue(compiled, "en", "confirmation", words("Your objection was not received")), null);
  assert.equal(O.matcher.answerCue(compiled, "de", "confirmation", words("Wir haben keinen Widerspruch erhalten")), null);
  assert.ok(O.matcher.answerCue(compiled, "pl", "error", words("Coś poszło nie tak")));
});

test("every language has every answer family, marked as ours (not verified)", () => {
  assert.equal(compiled.codes.length, 26);
  for (const code of compiled.codes) {
    const a = compiled.languages[code].answer;
    assert.equal(a.verified, false, code);
    assert.ok(a.negation.size > 0, `${code}: negation words`);
    for (const family of O.matcher.ANSWER_FAMILIES) assert.ok(a.families[family].length >= 3, `${code}: ${family}`);
  }
});
