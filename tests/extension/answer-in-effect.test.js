// Two ways Meta may say "your objection is accepted" that the other confirmation cues miss
// (lib/matcher.js answerCue "confirmation", rules/languages.json): A, "the objection is (now) in
// effect / in force / valid / applies"; B, "your information will not be used (any more) for AI at
// Meta", where the negation IS the confirmation (answer.notUsed). Every other negated sentence, and
// any inability or refusal wording, still never confirms. Sentences are ours, worded with varied
// order and inflection; they are not copied from the rules.
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadPure } from "./support/classic.mjs";

const O = loadPure();
const { normalizeText, tokens } = O.normalize;
const compiled = O.matcher.compileRules(O.rules);
const confirms = (lang, s) => O.matcher.answerCue(compiled, lang, "confirmation", tokens(normalizeText(s))) !== null;

// [language, family, sentence, what it proves]
const CONFIRMING = [
  ["en", "A", "Your objection is now in effect.", "'in effect' with 'now' between"],
  ["en", "A", "From today, your objection is in force.", "'in force', marker first"],
  ["en", "A", "Your objection takes effect immediately.", "'takes effect' inflected"],
  ["en", "A", "Your objection now applies to your Facebook and Instagram accounts.", "'now applies'"],
  ["en", "B", "We won't use your public information from Facebook and Instagram for AI at Meta any more.", "won't + use + your information"],
  ["en", "B", "Your information will no longer be used for generative AI models.", "passive, 'no longer', Meta's own 'generative AI models'"],
  ["en", "B", "Going forward, your data will not be used to develop AI at Meta.", "marker first, 'not be used'"],
  ["de", "A", "Dein Widerspruch ist ab sofort wirksam.", "wirksam"],
  ["de", "A", "Ihr Widerspruch tritt mit dem heutigen Tag in Kraft.", "in Kraft, verb split"],
  ["de", "A", "Ab jetzt ist dein Widerspruch gültig.", "gültig, inverted word order"],
  ["de", "B", "Wir werden deine Informationen ab sofort nicht mehr für KI bei Meta verwenden.", "verb at the end, far from nicht"],
  ["de", "B", "Deine Daten werden künftig nicht mehr für KI bei Meta genutzt.", "passive genutzt"],
  ["de", "B", "Ihre öffentlichen Informationen werden nicht verwendet, um KI bei Meta zu entwickeln.", "Sie form, verwendet"],
  ["fr", "A", "Votre opposition est désormais en vigueur.", "en vigueur"],
  ["fr", "A", "Votre opposition prend effet dès aujourd’hui.", "prend effet"],
  ["fr", "A", "À compter de ce jour, votre opposition s’applique.", "s'applique with typographic apostrophe"],
  ["fr", "B", "Nous n’utiliserons plus vos informations pour l’IA chez Meta.", "n'... plus, elided ne"],
  ["fr", "B", "Vos données ne seront pas utilisées pour l'IA de Meta.", "passive, pas"],
  ["fr", "B", "Dorénavant, vos informations publiques ne seront plus utilisées.", "marker first, no AI phrase but 'vos informations'"],
  ["it", "A", "La tua opposizione è ora in vigore.", "in vigore"],
  ["it", "A", "La tua opposizione ha effetto da oggi.", "ha effetto"],
  ["it", "A", "Da questo momento la tua opposizione è efficace.", "efficace"],
  ["it", "B", "Non utilizzeremo più le tue informazioni per l'IA di Meta.", "non + future"],
  ["it", "B", "I tuoi dati non verranno più utilizzati per l'IA di Meta.", "passive with verranno"],
  ["it", "B", "D'ora in avanti le tue informazioni non saranno usate.", "usate, marker first"],
  ["es", "A", "Tu oposición ya está en vigor.", "en vigor"],
  ["es", "A", "Tu oposición es efectiva desde hoy.", "efectiva"],
  ["es", "A", "A partir de ahora, tu oposición se aplica.", "se aplica"],
  ["es", "B", "No utilizaremos tu información para la IA de Meta a partir de hoy.", "no + future"],
  ["es", "B", "Tus datos ya no se usarán para la IA de Meta.", "ya no se usarán"],
  ["es", "B", "Dejaremos de usar tu información pública para la IA de Meta.", "'dejaremos de usar' without a negation word"],
  ["pl", "A", "Twój sprzeciw obowiązuje od dziś.", "obowiązuje"],
  ["pl", "A", "Od teraz Twój sprzeciw jest skuteczny.", "skuteczny"],
  ["pl", "A", "Sprzeciw wszedł w życie.", "wszedł w życie"],
  ["pl", "B", "Nie będziemy już wykorzystywać Twoich informacji do SI w Meta.", "nie + wykorzystywać"],
  ["pl", "B", "Twoje dane nie będą używane do rozwijania funkcji SI.", "passive używane"],
  ["pl", "B", "Od dzisiaj Twoje informacje nie zostaną wykorzystane przez SI w Meta.", "zostaną wykorzystane"],
  ["nl", "A", "Je bezwaar is nu van kracht.", "van kracht"],
  ["nl", "A", "Vanaf vandaag geldt je bezwaar.", "geldt, inverted"],
  ["nl", "A", "Je bezwaar treedt vandaag in werking.", "in werking"],
  ["nl", "B", "We gebruiken je informatie niet meer voor AI bij Meta.", "niet after the verb"],
  ["nl", "B", "Je gegevens worden vanaf nu niet gebruikt voor AI bij Meta.", "passive gebruikt"],
  ["nl", "B", "Voortaan maken we geen gebruik meer van je openbare informatie.", "geen gebruik"],
  ["sv", "A", "Din invändning gäller från och med idag.", "gäller"],
  ["sv", "A", "Din invändning träder i kraft omedelbart.", "i kraft"],
  ["sv", "A", "Din invändning har nu verkan.", "verkan"],
  ["sv", "B", "Vi kommer inte längre att använda din information för AI hos Meta.", "inte längre + använda"],
  ["sv", "B", "Dina uppgifter används inte för AI hos Meta från och med nu.", "används inte"],
  ["sv", "B", "Från idag slutar vi använda din information.", "slutar använda"],
  ["fi", "A", "Vastustuksesi on nyt voimassa.", "voimassa, possessive suffix"],
  ["fi", "A", "Vastustuksesi tulee voimaan heti.", "voimaan"],
  ["fi", "A", "Tästä lähtien vastustuksesi pätee.", "pätee"],
  ["fi", "B", "Emme enää käytä tietojasi Metan tekoälyyn.", "emme + käytä, Metan tekoäly inflected"],
  ["fi", "B", "Tietojasi ei käytetä enää Metan tekoälyn kehittämiseen.", "ei + käytetä"],
  ["fi", "B", "Lopetamme tietojesi käytön tekoälyä varten.", "lopetamme + käytön"],
  ["cs", "A", "Vaše námitka je nyní v platnosti.", "v platnosti"],
  ["cs", "A", "Vaše námitka nabyla účinnosti.", "nabyla účinnosti"],
  ["cs", "A", "Od dnešního dne vaše námitka platí.", "platí"],
  ["cs", "B", "Vaše informace už nebudeme používat pro AI ve společnosti Meta.", "nebudeme používat"],
  ["cs", "B", "Vaše údaje nebudou použity pro AI ve společnosti Meta.", "nebudou použity"],
  ["cs", "B", "Ode dneška vaše data nepoužijeme.", "nepoužijeme"],
  ["el", "A", "Η αντίρρησή σας είναι πλέον σε ισχύ.", "σε ισχύ"],
  ["el", "A", "Η αντίρρησή σας ισχύει από σήμερα.", "ισχύει"],
  ["el", "A", "Η αντίρρησή σας τέθηκε σε ισχύ.", "τέθηκε σε ισχύ"],
  ["el", "B", "Δεν θα χρησιμοποιούμε πλέον τις πληροφορίες σας για την ΤΝ στη Meta.", "δεν + χρησιμοποιούμε"],
  ["el", "B", "Τα δεδομένα σας δεν θα χρησιμοποιηθούν για την ΤΝ στη Meta.", "passive"],
  ["el", "B", "Από σήμερα σταματάμε να χρησιμοποιούμε τις πληροφορίες σας.", "σταματάμε"],
  ["hu", "A", "A tiltakozásod mostantól hatályos.", "hatályos"],
  ["hu", "A", "A tiltakozásod hatályba lépett.", "hatályba lépett"],
  ["hu", "A", "A tiltakozásod ma érvénybe lép.", "érvénybe"],
  ["hu", "B", "Mostantól nem használjuk fel az adataidat a Meta MI-hez.", "nem + használjuk"],
  ["hu", "B", "Az információidat többé nem fogjuk használni.", "nem fogjuk használni"],
  ["hu", "B", "Az adataid nem kerülnek felhasználásra a Meta MI fejlesztéséhez.", "felhasználásra"],
  ["pt", "B", "Não usaremos mais as tuas informações para a IA da Meta.", "não + usaremos"],
  ["ro", "B", "Nu vom mai folosi informațiile tale pentru IA de la Meta.", "nu vom mai folosi"],
  ["lv", "B", "Mēs vairs neizmantosim jūsu datus Meta mākslīgajam intelektam.", "negation as a prefix"],
  ["hr", "B", "Nećemo više koristiti vaše podatke za AI u Meti.", "nećemo koristiti"],
  ["pt", "A", "A tua oposição já está em vigor.", "em vigor"],
  ["ro", "A", "Obiecția ta este acum în vigoare.", "în vigoare"],
  ["bg", "A", "Възражението ви вече е в сила.", "в сила"],
  ["da", "A", "Din indsigelse træder i kraft i dag.", "i kraft"],
  ["no", "A", "Innsigelsen din gjelder fra i dag.", "gjelder"],
  ["sk", "A", "Vaša námietka je odteraz v platnosti.", "v platnosti"],
  ["sl", "A", "Vaš ugovor od danes velja.", "velja"],
  ["hr", "A", "Vaš prigovor je sada na snazi.", "na snazi"],
  ["lt", "A", "Jūsų prieštaravimas įsigaliojo.", "įsigaliojo"],
  ["lv", "A", "Jūsu iebildums ir stājies spēkā.", "spēkā"],
  ["et", "A", "Teie vastuväide jõustus täna.", "jõustus"],
  ["is", "A", "Andmæli þín eru nú í gildi.", "í gildi"],
  ["ga", "A", "Tá d'agóid i bhfeidhm anois.", "i bhfeidhm"],
  ["mt", "A", "L-oġġezzjoni tiegħek issa hija fis-seħħ.", "fis-seħħ"],
  ["mt", "B", "Ma nużawx aktar l-informazzjoni tiegħek għall-IA f'Meta.", "ma ... x negation"],
  ["ga", "B", "Ní úsáidfimid d'fhaisnéis le haghaidh AI ag Meta a thuilleadh.", "ní + úsáidfimid"],
];

// [language, sentence, what it proves]
const NOT_CONFIRMING = [
  ["en", "We could not use your request.", "inability, and no 'your information'"],
  ["en", "Your objection was not accepted.", "a negated acceptance"],
  ["en", "We won't be able to process your objection.", "inability wins"],
  ["en", "This objection does not apply to your account.", "'does not apply' is negated A"],
  ["en", "Your objection could not be processed.", "error wording"],
  ["en", "We could not stop using your information for AI at Meta.", "inability voids B"],
  ["en", "Unfortunately, we will continue to use your information for AI at Meta.", "refusal: unfortunately / continue"],
  ["en", "We did not accept your objection; your data will still be used for AI at Meta.", "no negated 'use' next to the data"],
  ["en", "Please enter a valid email address for your objection.", "'valid' in a validation message is not A"],
  ["de", "Wir konnten deinen Widerspruch nicht verarbeiten.", "German error"],
  ["de", "Dein Widerspruch wurde nicht angenommen, deine Daten werden weiterhin verwendet.", "German refusal"],
  ["de", "Leider können wir deine Informationen nicht von der KI bei Meta ausschließen.", "leider / können voids B"],
  ["de", "Dein Widerspruch ist nicht wirksam.", "negated A"],
  ["fr", "Malheureusement, nous ne pouvons pas cesser d'utiliser vos informations pour l'IA chez Meta.", "French refusal"],
  ["fr", "Votre opposition n'est pas en vigueur.", "negated A"],
  ["es", "Nosotros utilizamos tu información para la IA de Meta.", "'nosotros' is not the negation 'no'"],
  ["es", "No hemos podido utilizar tu solicitud.", "Spanish inability"],
  ["es", "Tu oposición no fue aceptada y seguiremos usando tus datos.", "Spanish refusal"],
  ["pl", "Niestety nie możemy przestać wykorzystywać Twoich danych.", "Polish refusal"],
  ["it", "Purtroppo non è stato possibile non utilizzare le tue informazioni.", "Italian inability"],
  ["nl", "Helaas kunnen we je gegevens niet uitsluiten van gebruik voor AI bij Meta.", "Dutch refusal"],
  ["fi", "Valitettavasti emme voi lopettaa tietojesi käyttöä.", "Finnish refusal"],
  ["sv", "Vi kunde inte använda din information.", "Swedish inability"],
  ["cs", "Bohužel vaše údaje nadále používáme.", "Czech refusal"],
  ["el", "Δυστυχώς δεν μπορούμε να σταματήσουμε να χρησιμοποιούμε τα δεδομένα σας.", "Greek refusal"],
  ["en", "We will not use AI to read your request.", "a negated use without 'your information/data' or AI at Meta"],
  ["en", "If your objection is approved, we won't use your information for AI at Meta.", "a condition is a promise, not a confirmation"],
  ["de", "Falls wir deinem Widerspruch stattgeben, werden deine Daten nicht mehr verwendet.", "German condition"],
  ["es", "Si se acepta tu oposición, no usaremos tu información para la IA de Meta.", "Spanish condition"],
  ["fi", "Jos vastustuksesi hyväksytään, emme käytä tietojasi.", "Finnish condition"],
];

for (const [lang, family, sentence, proves] of CONFIRMING) {
  test(`${lang} ${family}: "${sentence}" confirms (${proves})`, () => assert.ok(confirms(lang, sentence)));
}
for (const [lang, sentence, proves] of NOT_CONFIRMING) {
  test(`${lang}: "${sentence}" does not confirm (${proves})`, () => assert.ok(!confirms(lang, sentence)));
}

test("every one of the 26 languages has both families: an A cue and notUsed with every part", () => {
  assert.equal(compiled.codes.length, 26);
  const A = /effect|vigor|vigueur|kraft|voima|platn|spek|snaz|gild|isch|ισχ|vigoare|сила|bhfeidhm|sehh|obowiaz|galioj|joust|hatal|veljav|velja|werking/;
  for (const code of compiled.codes) {
    const a = compiled.languages[code].answer;
    assert.ok(a.families.confirmation.some((c) => c.stems.some((s) => A.test(s))), `${code}: an 'in effect/in force' cue`);
    for (const part of ["use", "unused", "what", "except"]) assert.ok(a.notUsed[part].length >= 1, `${code}: notUsed.${part}`);
  }
});
