// General rules behind what the blind pages (tests/blind) found, each proven on pages written here
// in other words and other languages than the blind ones, in jsdom:
// - Meta's answer: "applies from now on" / "we will honour or accept your objection" is a
//   confirmation even when the same answer says an email follows; a negated one is not.
// - Filling: a "confirm / repeat your email" field gets the same address; a country <select>
//   whose option values are numbers is found by a "country / where you live" label and its option
//   chosen by the localised name.
// - The pre-step: a short question naming AI and Meta in any inflection with a yes and a no
//   control; asked with radios and a continue-like button, answered by picking Yes (through its
//   label) and then pressing continue (filler.answerPrestep).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { DOM_SCRIPTS, loadIntoWindow } from "./support/classic.mjs";

const require = createRequire(import.meta.url);
const { JSDOM } = require("jsdom");

function open(lang, body, script = "") {
  const dom = new JSDOM(`<!DOCTYPE html><html lang="${lang}"><body><main>${body}</main>${script ? `<script>${script}</script>` : ""}</body></html>`,
    { url: "https://www.facebook.com/help/contact/712876720715583", runScripts: "dangerously", pretendToBeVisual: true });
  const O = loadIntoWindow(dom.window, [...DOM_SCRIPTS, "lib/outcome.js"]);
  const compiled = O.matcher.compileRules(O.rules);
  const wait = O.filler.makeWait(dom.window.setTimeout.bind(dom.window), 10);
  return { dom, doc: dom.window.document, window: dom.window, O, compiled, wait, close: () => dom.window.close() };
}

// --- Meta's answer -----------------------------------------------------------------------
// [language, the answer's sentences, expected status, what it proves]
const ANSWERS = [
  ["sv", "Din begäran gäller hädanefter för AI hos Meta. Du får ett mejl med mer information.", "confirmed", "sv: 'gäller hädanefter' (applies from now on) beats the email"],
  ["nl", "Je verzoek geldt per direct. We sturen je een e-mail met de details.", "confirmed", "nl: 'geldt per direct' beats the email"],
  ["pt", "O seu pedido aplica-se doravante. Receberá um e-mail em breve.", "confirmed", "pt: 'aplica-se doravante' (applies henceforth)"],
  ["fr", "Nous honorerons votre opposition. Vous recevrez un e-mail de confirmation.", "confirmed", "fr: 'we will honour your objection', future tense"],
  ["es", "Tu solicitud se aplica desde ahora. Te enviaremos un correo electrónico.", "confirmed", "es: 'applies from now' with the request as subject"],
  ["pl", "Twój wniosek obowiązuje od tej chwili. Wyślemy Ci wiadomość e-mail.", "confirmed", "pl: 'obowiązuje od tej chwili'"],
  ["hr", "Vaš zahtjev ubuduće vrijedi za umjetnu inteligenciju. Poslat ćemo vam e-poruku.", "confirmed", "hr: 'ubuduće vrijedi'"],
  ["el", "Το αίτημά σας ισχύει στο εξής. Θα λάβετε ένα email.", "confirmed", "el: 'ισχύει στο εξής'"],
  ["en", "We will honour your request. We'll email you the details.", "confirmed", "en: 'we will honour your request'"],
  ["de", "Deine Anfrage gilt künftig nicht. Du erhältst eine E-Mail.", "submitted", "a negated 'applies from now on' is no confirmation"],
  ["it", "Abbiamo ricevuto la tua richiesta. Riceverai un'e-mail.", "submitted", "without an 'applies' or 'honour' meaning it stays an acknowledgement"],
];

for (const [lang, answer, expected, proves] of ANSWERS) {
  test(`answer: ${proves} → ${expected}`, () => {
    const p = open(lang, `<form><label for="e">E-mail</label><input id="e" type="email"><textarea id="j"></textarea><button type="button">Send</button></form><div id="s" role="status"></div>`);
    const base = p.O.outcome.baseline(p.doc, p.compiled, lang);
    p.doc.getElementById("s").innerHTML = answer.split(/(?<=\.) /).map((s) => `<span>${s}</span> `).join("");
    const verdict = p.O.outcome.judge(p.doc, base, p.compiled, lang);
    assert.equal(verdict && verdict.status, expected, verdict && verdict.reason);
    p.close();
  });
}

test("answer: the form replaced by a heading 'we accept your objection' and an email sentence is confirmed (it)", () => {
  const p = open("it", `<form><label for="e">E-mail</label><input id="e" type="email"><textarea id="j"></textarea><button type="button">Invia</button></form>`);
  const base = p.O.outcome.baseline(p.doc, p.compiled, "it");
  p.doc.querySelector("form").outerHTML = `<div><h2>Accettiamo la tua opposizione</h2><p>Ti invieremo un'email con i dettagli.</p></div>`;
  assert.equal(p.O.outcome.judge(p.doc, base, p.compiled, "it").status, "confirmed");
  p.close();
});

// --- Filling -----------------------------------------------------------------------------
const PROFILE = { emails: ["ada@example.org"], country: "SE", name: "Ada Lovelace" };
const DATA = { profile: PROFILE, justification: { text: "I object to the use of my data for AI at Meta." } };
const KEEP = `window.__state = {}; const keep = (e) => { const k = e.target.getAttribute && e.target.getAttribute("data-k"); if (k) window.__state[k] = e.target.value; };
  document.addEventListener("input", keep, true); document.addEventListener("change", keep, true);`;

// [language, the confirm field's label, what it proves]
const CONFIRM_LABELS = [
  ["de", "E-Mail-Adresse wiederholen", "de: 'repeat' after the email word"],
  ["en", "Re-enter your email address", "en: 're-enter'"],
  ["lt", "Pakartokite el. pašto adresą", "lt: 'pakartokite' (repeat)"],
  ["fi", "Vahvista sähköpostiosoite", "fi: 'vahvista' (confirm)"],
];
for (const [lang, label, proves] of CONFIRM_LABELS) {
  test(`confirm email: ${proves} gets the same address; the data asked for is only email and reason`, async () => {
    const p = open(lang, `<form><label for="e1">E-mail *</label><input id="e1" type="email" data-k="e1" required>
      <label for="e2">${label} *</label><input id="e2" type="email" data-k="e2" required>
      <label for="j">Text</label><textarea id="j" data-k="j" required></textarea><button type="button">Send</button></form>`, KEEP);
    const scan = p.O.filler.scanForm(p.doc.body, p.compiled, lang);
    assert.equal(scan.fields.email.el.id, "e1");
    assert.equal(scan.fields.emailConfirm && scan.fields.emailConfirm.el.id, "e2");
    assert.equal(scan.unknown.length, 0);
    assert.equal(JSON.stringify(p.O.filler.neededData(scan)), '["email","justification"]');
    const fill = await p.O.filler.fillForm(p.doc, p.compiled, { language: lang, data: DATA, wait: p.wait, timeoutMs: 2000 });
    assert.equal(fill.ok, true, JSON.stringify(fill.missing));
    assert.equal(p.window.__state.e1, "ada@example.org");
    assert.equal(p.window.__state.e2, "ada@example.org");
    const verified = await p.O.filler.verifyBeforeSend(p.doc, p.compiled, { language: lang, filled: fill.filled, wait: p.wait });
    assert.equal(verified.ok, true);
    p.close();
  });
}

// [language, label, localised names → country list, what it proves]
const NUMERIC_SELECTS = [
  ["sv", "Land där du bor", "sv: 'land där du bor'"],
  ["fi", "Maa, jossa asut", "fi: 'maa, jossa asut'"],
  ["cs", "Země", "cs: 'země' alone"],
];
for (const [lang, label, proves] of NUMERIC_SELECTS) {
  test(`country: a <select> with number values is found by its label (${proves}) and set by the localised name`, async () => {
    const names = new Intl.DisplayNames([lang], { type: "region" });
    const options = ["NO", "SE", "DK", "FI"].map((iso, i) => `<option value="${40 + i}">${names.of(iso)}</option>`).join("");
    const p = open(lang, `<form><label for="e">E-mail</label><input id="e" type="email" data-k="e" required>
      <label for="c">${label}</label><select id="c" data-k="c" required><option value=""></option>${options}</select>
      <label for="j">Text</label><textarea id="j" data-k="j" required></textarea><button type="button">Send</button></form>`, KEEP);
    const scan = p.O.filler.scanForm(p.doc.body, p.compiled, lang);
    assert.equal(scan.fields.country && scan.fields.country.el.id, "c");
    const fill = await p.O.filler.fillForm(p.doc, p.compiled, { language: lang, data: DATA, wait: p.wait, timeoutMs: 2000 });
    assert.equal(fill.ok, true, JSON.stringify(fill.missing));
    assert.equal(p.window.__state.c, "41");
    p.close();
  });
}

// --- The pre-step ------------------------------------------------------------------------
// [language, question, yes, no, what it proves]
const QUESTIONS = [
  ["sl", "Ali se vaša zahteva nanaša na umetno inteligenco pri Meti?", "Da", "Ne", "sl: 'umetno inteligenco' and the locative 'Meti'"],
  ["cs", "Týká se váš požadavek umělé inteligence ve firmě Meta?", "Ano", "Ne", "cs: 'umělé inteligence' in other words than ours"],
  ["hu", "A kérés a Metánál használt MI-re vonatkozik?", "Igen", "Nem", "hu: the acronym 'MI' with a suffix after a dash, 'Metánál'"],
  ["lt", "Ar jūsų prašymas susijęs su DI bendrovėje „Metai“?", "Taip", "Ne", "lt: 'DI' and an inflected 'Metai'"],
];
for (const [lang, question, yes, no, proves] of QUESTIONS) {
  test(`pre-step with buttons: ${proves} is recognised and its Yes pressed`, async () => {
    const p = open(lang, `<h2>${question}</h2><div><div role="button" tabindex="0" id="y">${yes}</div><div role="button" tabindex="0" id="n">${no}</div></div>`,
      `window.__answer = null; for (const id of ["y", "n"]) document.getElementById(id).addEventListener("click", () => { window.__answer = id; });`);
    assert.equal(p.O.domScan.pageStep(p.doc.body, p.compiled, lang), "prestep");
    assert.equal(await p.O.filler.answerPrestep(p.doc.body, p.compiled, lang, p.wait), true);
    assert.equal(p.window.__answer, "y");
    p.close();
  });
}

test("pre-step with radios and a continue button enabled only after a choice: Yes picked by its label, then continue pressed (hu)", async () => {
  const p = open("hu", `<fieldset><legend>A kérése a Meta mesterséges intelligenciájára vonatkozik?</legend>
      <label><input type="radio" name="q" value="1"> Igen</label><label><input type="radio" name="q" value="0"> Nem</label></fieldset>
      <div role="button" tabindex="0" id="next" aria-disabled="true">Tovább</div>`,
    `window.__events = []; window.__next = null; const next = document.getElementById("next");
     for (const r of document.querySelectorAll("input[type=radio]")) r.addEventListener("change", () => { window.__events.push("change:" + r.value); next.setAttribute("aria-disabled", "false"); });
     next.addEventListener("click", () => { if (next.getAttribute("aria-disabled") === "true") return; window.__next = document.querySelector("input:checked").value; });`);
  assert.equal(p.O.domScan.pageStep(p.doc.body, p.compiled, "hu"), "prestep");
  assert.equal(await p.O.filler.answerPrestep(p.doc.body, p.compiled, "hu", p.wait), true);
  assert.equal(p.window.__events.join(","), "change:1");
  assert.equal(p.window.__next, "1");
  p.close();
});

// Near misses: [language, html, what it proves]
const NOT_PRESTEPS = [
  ["fr", `<h1>Choisissez vos publicités</h1><div role="radiogroup" aria-label="Publicités"><label><input type="radio" name="a"> Oui</label><label><input type="radio" name="a"> Non</label></div><div role="button" tabindex="0">Continuer</div>`, "radios and Continue on a page that names neither AI nor Meta"],
  ["en", `<h2>Do you want to keep your Meta account?</h2><div role="button" tabindex="0">Yes</div><div role="button" tabindex="0">No</div>`, "a yes/no question about Meta without AI"],
  ["en", `<h2>Is your AI question about metal prices?</h2><div role="button" tabindex="0">Yes</div><div role="button" tabindex="0">No</div>`, "'metal' is not Meta"],
  ["sl", `<h2>Ali se vaša zahteva nanaša na umetno inteligenco pri Meti?</h2><div role="button" tabindex="0">Da</div>`, "a Yes without a No"],
];
for (const [lang, html, proves] of NOT_PRESTEPS) {
  test(`not a pre-step: ${proves}`, () => {
    const p = open(lang, html);
    assert.notEqual(p.O.domScan.pageStep(p.doc.body, p.compiled, lang), "prestep");
    p.close();
  });
}
