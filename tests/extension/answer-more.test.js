// More ways Meta may say "that failed" or "we registered your request" (rules/languages.json
// answer.error, .validation, .acknowledged, and notUsed's verbs other than "use"): each sentence
// below is our own wording, not copied from the rules, and must be read as its family; the
// negative rows must stay unrecognised or at least not confirm. The judge() rows prove, in jsdom,
// that error wording wins over a confirmation, that validation wording while the form stays
// fails, and that such text already on the page before Send never counts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { loadPure, DOM_SCRIPTS, loadIntoWindow } from "./support/classic.mjs";

const require = createRequire(import.meta.url);
const { JSDOM } = require("jsdom");
const O = loadPure();
const { normalizeText, tokens } = O.normalize;
const compiled = O.matcher.compileRules(O.rules);
const cue = (lang, family, s) => O.matcher.answerCue(compiled, lang, family, tokens(normalizeText(s)));

// [language, family, sentence]
const ROWS = [
  ["en", "error", "Our server had a problem, please try again in a moment."],
  ["en", "error", "Oops, your request didn't go through."],
  ["en", "error", "Your objection could not be sent because of a temporary error."],
  ["en", "validation", "That doesn't look like an email address."],
  ["en", "validation", "This field can't be empty."],
  ["en", "acknowledged", "Your request has been registered."],
  ["en", "acknowledged", "You'll hear from us soon by email."],
  ["en", "acknowledged", "We'll get back to you shortly."],
  ["en", "confirmation", "Your information will no longer serve AI at Meta."],
  ["en", "confirmation", "We won't process your data for AI at Meta."],
  ["de", "error", "Unser Server hat ein Problem."],
  ["de", "error", "Hoppla, deine Anfrage konnte nicht gesendet werden."],
  ["de", "validation", "Das ist keine gültige E-Mail-Adresse."],
  ["de", "validation", "Dieses Feld darf nicht leer sein."],
  ["de", "acknowledged", "Deine Anfrage wurde registriert."],
  ["de", "acknowledged", "Wir melden uns bald per E-Mail bei dir."],
  ["de", "confirmation", "Deine Informationen werden nicht mehr für KI bei Meta verarbeitet."],
  ["de", "confirmation", "Deine Daten dienen nicht mehr dem Training von KI bei Meta."],
  ["fr", "error", "Le serveur a rencontré un problème."],
  ["fr", "error", "Oups, votre demande n’a pas pu être envoyée."],
  ["fr", "validation", "Cette adresse e-mail n'est pas valide, veuillez vérifier l'adresse."],
  ["fr", "validation", "Ce champ ne peut pas être vide."],
  ["fr", "acknowledged", "Votre demande a bien été prise en compte."],
  ["fr", "acknowledged", "Nous reviendrons vers vous par e-mail."],
  ["fr", "confirmation", "Vos informations ne serviront plus à l'IA chez Meta."],
  ["fr", "confirmation", "Nous ne traiterons pas vos données pour l'IA chez Meta."],
  ["it", "error", "Si è verificato un errore del server."],
  ["it", "error", "Non è stato possibile inviare: errore temporaneo."],
  ["it", "validation", "Non sembra un indirizzo email."],
  ["it", "validation", "Questo campo non può essere vuoto, compilalo."],
  ["it", "acknowledged", "La tua richiesta è stata registrata."],
  ["it", "acknowledged", "Ti contatteremo presto via email."],
  ["it", "confirmation", "Non tratteremo più le tue informazioni per l'IA di Meta."],
  ["it", "confirmation", "I tuoi dati non serviranno più ad addestrare l'IA di Meta."],
  ["nl", "error", "Er is een serverfout opgetreden."],
  ["nl", "error", "Oeps, je verzoek kon niet worden verzonden."],
  ["nl", "validation", "Dat is geen geldig e-mailadres."],
  ["nl", "validation", "Dit veld mag niet leeg zijn."],
  ["nl", "acknowledged", "Je verzoek is geregistreerd."],
  ["nl", "acknowledged", "Je hoort snel van ons per e-mail."],
  ["nl", "confirmation", "We verwerken je gegevens niet meer voor AI bij Meta."],
  ["es", "error", "Hubo un problema con el servidor."],
  ["es", "error", "No se pudo enviar tu solicitud por un error temporal."],
  ["es", "validation", "Eso no parece un correo electrónico."],
  ["es", "validation", "Este campo no puede estar vacío."],
  ["es", "acknowledged", "Tu solicitud ha sido registrada."],
  ["es", "acknowledged", "Nos pondremos en contacto contigo por correo."],
  ["es", "confirmation", "No trataremos tu información para la IA de Meta."],
  ["pt", "error", "Ocorreu um problema no servidor."],
  ["pt", "error", "Não foi possível enviar o teu pedido."],
  ["pt", "validation", "Isto não parece um e-mail válido."],
  ["pt", "validation", "Preenche este campo."],
  ["pt", "acknowledged", "O teu pedido foi registado."],
  ["pt", "acknowledged", "Entraremos em contacto por e-mail."],
  ["pl", "error", "Wystąpił problem z serwerem."],
  ["pl", "error", "Nie udało się wysłać Twojego wniosku."],
  ["pl", "validation", "Sprawdź adres e-mail."],
  ["pl", "validation", "To pole nie może być puste."],
  ["pl", "acknowledged", "Twój wniosek został zarejestrowany."],
  ["pl", "acknowledged", "Odezwiemy się wkrótce mailowo."],
  ["pl", "confirmation", "Nie będziemy przetwarzać Twoich danych na potrzeby AI w Meta."],
  ["sv", "error", "Ett serverfel har inträffat."],
  ["sv", "error", "Din begäran kunde inte skickas."],
  ["sv", "validation", "Det är inte en giltig e-postadress."],
  ["sv", "validation", "Fältet får inte vara tomt."],
  ["sv", "acknowledged", "Din begäran har registrerats."],
  ["sv", "acknowledged", "Du hör av oss snart via e-post."],
  ["fi", "error", "Palvelinvirhe, yritä hetken kuluttua uudelleen."],
  ["fi", "error", "Lähetys epäonnistui."],
  ["fi", "validation", "Kenttä ei voi olla tyhjä."],
  ["fi", "validation", "Tarkista sähköpostiosoite."],
  ["fi", "acknowledged", "Pyyntösi on kirjattu."],
  ["fi", "acknowledged", "Otamme yhteyttä sähköpostitse."],
  ["cs", "error", "Došlo k dočasné chybě serveru."],
  ["cs", "error", "Žádost se nepodařilo odeslat."],
  ["cs", "validation", "Toto pole nesmí být prázdné."],
  ["cs", "validation", "Zkontrolujte e-mailovou adresu."],
  ["cs", "acknowledged", "Vaše žádost byla zaregistrována."],
  ["cs", "acknowledged", "Brzy se vám ozveme e-mailem."],
  ["hu", "error", "Szerverhiba történt."],
  ["hu", "error", "Nem sikerült elküldeni a kérelmet."],
  ["hu", "validation", "Ez a mező nem lehet üres."],
  ["hu", "validation", "Ellenőrizd az e-mail-címet."],
  ["hu", "acknowledged", "A kérésedet rögzítettük."],
  ["hu", "acknowledged", "Hamarosan jelentkezünk e-mailben."],
  ["hu", "confirmation", "Nem dolgozzuk fel az adataidat a Meta MI-hez."],
];

for (const [lang, family, sentence] of ROWS) {
  test(`${lang} ${family}: ${sentence}`, () => {
    assert.notEqual(cue(lang, family, sentence), null);
  });
}

// [language, sentence, what it proves]: none of these confirms or acknowledges.
const NOT_CONFIRMING = [
  ["en", "If you confirm your address, your information will no longer serve AI at Meta.", "a condition never confirms"],
  ["en", "We could not process your information.", "inability wording voids a negated 'process'"],
  ["en", "We have not registered your request.", "a negated acknowledgement is not one"],
  ["de", "Wenn dein Widerspruch angenommen wird, werden deine Daten nicht mehr verarbeitet.", "German condition"],
  ["fr", "Pour plus d'informations sur le traitement de vos données, lisez notre politique.", "'plus' meaning 'more' is no 'no longer'"],
  ["it", "Purtroppo non possiamo smettere di trattare le tue informazioni.", "refusal wording voids it"],
  ["nl", "Je verzoek is niet geregistreerd.", "negated acknowledgement (Dutch)"],
  ["pl", "Niestety nadal będziemy przetwarzać Twoje dane.", "'still' voids it"],
  ["en", "If your objection is approved, we will honour it for your public information.", "a condition voids any confirmation cue, not only the not-used one"],
  ["de", "Falls dein Widerspruch angenommen wird, gilt er ab sofort.", "German condition on an 'applies from now on' cue"],
  ["fr", "Si votre opposition est acceptée, elle sera appliquée désormais.", "French condition"],
  ["en", "Unfortunately we could not honour your objection.", "refusal and inability void 'honour your objection'"],
];
for (const [lang, sentence, proves] of NOT_CONFIRMING) {
  test(`${lang} never confirms: ${proves}`, () => {
    assert.equal(cue(lang, "confirmation", sentence), null);
    assert.equal(cue(lang, "acknowledged", sentence), null);
  });
}

// [language, sentence]: ordinary confirmation-page wording that is no error.
const NOT_ERROR = [
  ["en", "Your objection will be applied going forward. We'll email you a copy in a moment."],
  ["de", "Dein Widerspruch gilt ab sofort. Wir senden dir in Kürze eine E-Mail."],
  ["cs", "Za chvíli obdržíte e-mail s potvrzením."],
];
for (const [lang, sentence] of NOT_ERROR) {
  test(`${lang} is no error: ${sentence}`, () => {
    for (const s of sentence.split(/(?<=\.)\s+/)) assert.equal(cue(lang, "error", s), null, s);
  });
}

function page(lang, extra = "") {
  const dom = new JSDOM(`<!DOCTYPE html><html lang="${lang}"><body><main>${extra}
    <form><label for="e">Email</label><input id="e" type="email"><div id="s" role="status"></div>
    <button type="button">Send</button></form></main></body></html>`,
  { url: "https://www.facebook.com/help/contact/712876720715583", pretendToBeVisual: true, runScripts: "outside-only" });
  const W = loadIntoWindow(dom.window, [...DOM_SCRIPTS, "lib/outcome.js"]);
  const c = W.matcher.compileRules(W.rules);
  const doc = dom.window.document;
  const base = W.outcome.baseline(doc, c, lang);
  return { doc, judge: () => W.outcome.judge(doc, base, c, lang), close: () => dom.window.close() };
}

test("error wording wins over a confirmation in the same answer", () => {
  const p = page("en");
  p.doc.querySelector("form").outerHTML = "<div><p>Your objection has been received.</p><p>Oops, the server had a problem.</p></div>";
  assert.equal(p.judge()?.status, "failed");
  p.close();
});

test("new validation wording while the form stays fails; an acknowledgement replaces the form as submitted", () => {
  const p = page("de");
  p.doc.getElementById("s").textContent = "Dieses Feld darf nicht leer sein.";
  assert.equal(p.judge()?.status, "failed");
  p.close();
  const q = page("pl");
  q.doc.querySelector("form").outerHTML = "<div><p>Twój wniosek został zarejestrowany. Odezwiemy się wkrótce.</p></div>";
  assert.equal(q.judge()?.status, "submitted");
  q.close();
});

test("the new cues already on the page before Send never count", () => {
  const p = page("en", "<p>Oops, the server had a problem.</p><p>Your request has been registered.</p>");
  p.doc.querySelector("form").hidden = true;
  p.doc.querySelector("main").insertAdjacentHTML("beforeend", "<p>Oops, the server had a problem.</p>");
  assert.equal(p.judge(), null);
  p.close();
});
