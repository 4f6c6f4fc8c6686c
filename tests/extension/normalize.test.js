// Text normalisation: case, accents, letters without decomposition, typographic quotes, dashes,
// invisible characters and whitespace; cue matching on word starts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadPure } from "./support/classic.mjs";

const { normalize } = loadPure(["lib/normalize.js"]);

const CASES = [
  ["case and accents", "Einspruch gegen die Verwendung für KI", "einspruch gegen die verwendung fur ki"],
  ["French typographic apostrophe", "l’IA chez Meta", "l'ia chez meta"],
  ["guillemets and German quotes", "«Meta» „Meta“", '"meta" "meta"'],
  ["Scandinavian ø and æ", "Gøre bopælsland", "gore bopaelsland"],
  ["Polish ł and Icelandic þ ð", "Wyślij Þú beiðni", "wyslij thu beidni"],
  ["German ß", "Straße", "strasse"],
  ["Greek tonos", "Αποστολή", "αποστολη"],
  ["non-breaking and repeated spaces, newlines", " Send\u00a0 \n\tnow ", "send now"],
  ["zero-width and soft hyphen", "Ob\u200Bject\u00ADion", "objection"],
  ["dashes", "e\u2011mail \u2014 x", "e-mail - x"],
  ["ligature", "ﬁle", "file"],
  ["null", null, ""],
];

for (const [name, input, expected] of CASES) {
  test(`normalizeText: ${name}`, () => assert.equal(normalize.normalizeText(input), expected));
}

test("containsCue matches at a word start, and stems match inflected words", () => {
  assert.equal(normalize.containsCue("ja, bitte", "ja"), true);
  assert.equal(normalize.containsCue("maja", "ja"), false);
  assert.equal(normalize.containsCue("metan tekoalya", "metan tekoaly"), true);
  assert.equal(normalize.containsCue("x ja", "ja"), true);
  assert.equal(normalize.containsCue("anything", ""), false);
});
