// Filling what the page has (lib/form-filler.js scanForm, fillForm, verifyBeforeSend, findSend),
// in jsdom on small pages written for each case, with the page's own scripts running: country as
// <select>, ARIA combobox (typed, click-opened with late options, keyboard-only), radio group and
// role=radiogroup; justification in a textarea or contenteditable; labels by <label>, aria-label,
// aria-labelledby, placeholder or nearby text; what the page requires; missing optional fields;
// a required field Objector cannot fill → refused naming it, nothing touched; late rendering;
// a re-render replacing the email input before Send → re-filled.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { DOM_SCRIPTS, loadIntoWindow } from "./support/classic.mjs";

const require = createRequire(import.meta.url);
const { JSDOM } = require("jsdom");

const PROFILE = { emails: ["ada@example.org"], country: "DE", name: "Ada Lovelace" };
const REASON = "I object under Art. 21 GDPR to the use of my data for AI at Meta.";
const DATA = { profile: PROFILE, justification: { text: REASON } };

// The page keeps what a person entered in window.__state (by the control's data-k), as a
// framework's state would; Send is checked against it.
const STATE_SCRIPT = `<script>
  window.__state = {};
  const keep = (e) => { const el = e.target; const k = el.getAttribute && el.getAttribute("data-k"); if (!k) return;
    window.__state[k] = el.isContentEditable || el.getAttribute("contenteditable") === "true" ? el.textContent : el.type === "radio" ? (el.checked ? el.value : window.__state[k]) : el.value; };
  document.addEventListener("input", keep, true);
  document.addEventListener("change", keep, true);
</script>`;

function open(body, { lang = "en", script = "" } = {}) {
  const dom = new JSDOM(`<!DOCTYPE html><html lang="${lang}"><body><main><h1>Objection</h1>${body}</main>${STATE_SCRIPT}${script ? `<script>${script}</script>` : ""}</body></html>`,
    { url: "https://www.facebook.com/help/contact/712876720715583", runScripts: "dangerously", pretendToBeVisual: true });
  const O = loadIntoWindow(dom.window, DOM_SCRIPTS);
  const compiled = O.matcher.compileRules(O.rules);
  const wait = O.filler.makeWait(dom.window.setTimeout.bind(dom.window), 10);
  const doc = dom.window.document;
  return {
    doc, O, compiled, wait, window: dom.window, state: dom.window.__state,
    scan: () => O.filler.scanForm(doc.body, compiled, lang),
    fill: (data = DATA) => O.filler.fillForm(doc, compiled, { language: lang, data, wait, timeoutMs: 2000 }),
    verify: (filled) => O.filler.verifyBeforeSend(doc, compiled, { language: lang, filled, wait }),
    close: () => dom.window.close(),
  };
}

const EMAIL = `<label for="e">Email address</label><input id="e" type="email" data-k="email" required>`;
const BOX = `<label for="j">How this processing impacts you</label><textarea id="j" data-k="reason" required></textarea>`;
const SEND = `<button type="button">Send</button>`;
const COUNTRIES = [["AT", "Österreich"], ["DE", "Deutschland"], ["FR", "Frankreich"]];

// Country controls: [what it proves, language, html, script, the page's state key and value after the fill]
const COUNTRY_CONTROLS = [
  ["<select> matched by ISO value", "en", `<label for="c">Country</label><select id="c" data-k="country" required><option value="">—</option><option value="AT">Austria</option><option value="DE">Germany</option></select>`, "", "country", "DE"],
  ["<select> with localised names only (fr: Allemagne)", "fr", `<label for="c">Pays de résidence</label><select id="c" data-k="country"><option>Autriche</option><option>Allemagne</option><option>France</option></select>`, "", "country", "Allemagne"],
  ["native radio group, localised labels, no ISO codes", "de", `<fieldset><legend>Wo wohnst du?</legend>${COUNTRIES.map(([, n]) => `<label><input type="radio" name="c" value="${n}" data-k="country"> ${n}</label>`).join("")}</fieldset>`, "", "country", "Deutschland"],
  ["role=radiogroup of role=radio items with data-iso", "en",
    `<div id="gl">Where do you live?</div><div role="radiogroup" aria-labelledby="gl">${COUNTRIES.map(([iso, n]) => `<div role="radio" aria-checked="false" tabindex="0" data-iso="${iso}">${n}</div>`).join("")}</div>`,
    `document.addEventListener("click", (e) => { const r = e.target.closest("[role=radio]"); if (!r) return;
       for (const x of document.querySelectorAll("[role=radio]")) x.setAttribute("aria-checked", String(x === r)); window.__state.country = r.dataset.iso; });`, "country", "DE"],
  ["typed ARIA combobox filtering its options", "de",
    `<label for="cb">Wo wohnst du?</label><input id="cb" role="combobox" aria-controls="lb" aria-expanded="false"><ul role="listbox" id="lb" hidden>${COUNTRIES.map(([iso, n]) => `<li role="option" data-iso="${iso}" hidden>${n}</li>`).join("")}</ul>`,
    `const cb = document.getElementById("cb"), lb = document.getElementById("lb");
     cb.addEventListener("input", () => { let n = 0; for (const o of lb.children) { o.hidden = !o.textContent.toLowerCase().startsWith(cb.value.toLowerCase()); if (!o.hidden) n++; } lb.hidden = n === 0; });
     lb.addEventListener("click", (e) => { const o = e.target.closest("[role=option]"); cb.value = o.textContent; window.__state.country = o.dataset.iso; lb.hidden = true; });`, "country", "DE"],
  ["click-opened combobox whose options are rendered 300 ms late", "de",
    `<div id="cl">Wo wohnst du?</div><div role="combobox" tabindex="0" aria-labelledby="cl" aria-haspopup="listbox" aria-expanded="false"><span>Bitte wählen</span></div>`,
    `const box = document.querySelector("[role=combobox]");
     box.addEventListener("click", () => setTimeout(() => { if (document.getElementById("late")) return;
       const ul = document.createElement("ul"); ul.id = "late"; ul.setAttribute("role", "listbox"); box.setAttribute("aria-controls", "late");
       ul.innerHTML = ${JSON.stringify(COUNTRIES.map(([iso, n]) => `<li role="option" data-iso="${iso}">${n}</li>`).join(""))};
       ul.addEventListener("click", (e) => { const o = e.target.closest("[role=option]"); box.querySelector("span").textContent = o.textContent; window.__state.country = o.dataset.iso; ul.remove(); });
       document.body.appendChild(ul); }, 300));`, "country", "DE"],
  ["keyboard-only combobox: ArrowDown opens and moves, Enter picks (clicks do nothing)", "en",
    `<div id="kl">Country</div><div role="combobox" tabindex="0" aria-labelledby="kl" aria-controls="kb" aria-expanded="false"><span>Choose</span></div><ul role="listbox" id="kb" hidden>${COUNTRIES.map(([iso], i) => `<li role="option" id="o${i}" data-iso="${iso}">${new Intl.DisplayNames(["en"], { type: "region" }).of(iso)}</li>`).join("")}</ul>`,
    `const box = document.querySelector("[role=combobox]"), lb = document.getElementById("kb"); let at = -1;
     box.addEventListener("keydown", (e) => {
       if (e.key === "ArrowDown") { if (lb.hidden) { lb.hidden = false; return; } at = Math.min(at + 1, lb.children.length - 1); box.setAttribute("aria-activedescendant", lb.children[at].id); }
       if (e.key === "Enter" && at >= 0) { const o = lb.children[at]; o.setAttribute("aria-selected", "true"); box.querySelector("span").textContent = o.textContent; window.__state.country = o.dataset.iso; lb.hidden = true; }
     });`, "country", "DE"],
];

for (const [proves, lang, control, script, key, expected] of COUNTRY_CONTROLS) {
  test(`country: ${proves}`, async () => {
    const p = open(`<form>${EMAIL}${control}${BOX}${SEND}</form>`, { lang, script });
    const result = await p.fill();
    assert.equal(result.ok, true, JSON.stringify({ missing: result.missing, mismatched: result.mismatched }));
    assert.equal(p.window.__state[key], expected);
    assert.equal(result.filled.country, "DE");
    assert.equal(p.window.__state.email, "ada@example.org");
    assert.equal(p.window.__state.reason, REASON);
    const check = await p.verify(result.filled);
    assert.deepEqual([...check.problems], []);
    p.close();
  });
}

// Labels and boxes: [what it proves, form html, expected field keys → types]
const LABELS = [
  ["aria-label", `<input aria-label="Your email" data-k="email"><textarea aria-label="Tell us how this affects you" data-k="reason"></textarea>`, { email: "text", justification: "box" }],
  ["aria-labelledby", `<span id="a">E-mail</span><input aria-labelledby="a" type="email" data-k="email"><span id="b">How this processing impacts you</span><textarea aria-labelledby="b" data-k="reason"></textarea>`, { email: "email", justification: "box" }],
  ["placeholder", `<input placeholder="Email" data-k="email"><textarea placeholder="How this processing impacts you" data-k="reason"></textarea>`, { email: "text", justification: "box" }],
  ["nearby text above the control", `<div><div>Email</div><div><input data-k="email"></div></div><div><div>How this processing impacts you</div><textarea data-k="reason"></textarea></div>`, { email: "text", justification: "box" }],
  ["contenteditable box and role=textbox", `${EMAIL}<div id="r">How this processing impacts you</div><div contenteditable="true" role="textbox" aria-labelledby="r" data-k="reason"></div>`, { email: "email", justification: "editable" }],
];

for (const [proves, html, types] of LABELS) {
  test(`labels: ${proves} identifies the fields, and they are filled`, async () => {
    const p = open(`<form>${html}${SEND}</form>`);
    const scan = p.scan();
    for (const [key, type] of Object.entries(types)) assert.equal(scan.fields[key] && scan.fields[key].type, type, key);
    const result = await p.fill();
    assert.equal(result.ok, true, JSON.stringify(result.mismatched));
    assert.equal(p.window.__state.email, "ada@example.org");
    assert.equal(p.window.__state.reason, REASON);
    p.close();
  });
}

// What the page requires: [what it proves, language, html, required keys]
const REQUIRED = [
  ["required and aria-required attributes", "en", `<input type="email" aria-label="Email" required><textarea aria-label="How this processing impacts you" aria-required="true"></textarea><textarea aria-label="Anything else? (optional)"></textarea>`, ["email", "justification"]],
  ["a star in the label", "en", `<label>Email *<input type="email"></label><label>How this processing impacts you<textarea></textarea></label><label>Full name *<input></label>`, ["email", "name"]],
  ["(obligatoire) in a French label", "fr", `<label>Adresse e-mail (obligatoire)<input type="email"></label><label>Comment ce traitement vous affecte<textarea></textarea></label>`, ["email"]],
  ["the only text box of the form", "en", `<label>How this processing impacts you<textarea></textarea></label>`, ["justification"]],
];

for (const [proves, lang, html, keys] of REQUIRED) {
  test(`required: ${proves}`, () => {
    const p = open(`<form>${html}${SEND}</form>`, { lang });
    assert.deepEqual(Array.from(p.scan().required, (r) => r.key).sort(), [...keys].sort());
    p.close();
  });
}

test("missing optional fields: a form without country, name or second box is filled and nothing is asked for them", async () => {
  const p = open(`<form>${EMAIL}${BOX}${SEND}</form>`);
  assert.deepEqual([...p.O.filler.neededData(p.scan())], ["email", "justification"]);
  const result = await p.fill();
  assert.equal(result.ok, true);
  assert.deepEqual(Object.keys(result.filled).sort(), ["email", "justification"]);
  p.close();
});

test("the optional second box stays empty, and a name is filled when the form asks and the profile has one", async () => {
  const p = open(`<form>${EMAIL}<label for="n">Full name</label><input id="n" data-k="name">${BOX}<label for="o">Anything else? (optional)</label><textarea id="o" data-k="other"></textarea>${SEND}</form>`);
  const result = await p.fill();
  assert.equal(result.ok, true);
  assert.equal(p.window.__state.name, "Ada Lovelace");
  assert.equal(p.window.__state.other, undefined);
  assert.equal(p.doc.getElementById("o").value, "");
  p.close();
});

test("a negated required word marks a box optional (hr 'nije obavezno'), so the other box gets the justification", async () => {
  const p = open(`<form>${EMAIL}<textarea placeholder="Ostale informacije (nije obavezno)" data-k="other"></textarea><textarea placeholder="Objasnite kako na vas utječe" data-k="reason"></textarea>${SEND}</form>`, { lang: "hr" });
  const scan = p.scan();
  assert.equal(scan.fields.optional.labelText, "Ostale informacije (nije obavezno)");
  assert.equal(scan.fields.optional.required, false);
  const result = await p.fill();
  assert.equal(result.ok, true);
  assert.equal(p.window.__state.reason, REASON);
  assert.equal(p.window.__state.other, undefined);
  p.close();
});

test("a required field Objector does not know is refused by its label, and nothing is touched", async () => {
  const p = open(`<form>${EMAIL}<label for="t">Phone number *</label><input id="t" type="tel" data-k="tel">${BOX}${SEND}</form>`);
  const result = await p.fill();
  assert.equal(result.ok, false);
  assert.deepEqual([...result.missing], ["Phone number"]);
  assert.equal(p.doc.getElementById("e").value, "");
  assert.equal(p.doc.getElementById("j").value, "");
  p.close();
});

test("a required field the profile cannot fill (name) is refused by its label; without `required` it is skipped", async () => {
  const data = { profile: { emails: ["ada@example.org"], country: "DE" }, justification: REASON };
  const p = open(`<form>${EMAIL}<label for="n">Full name</label><input id="n" required>${BOX}${SEND}</form>`);
  const refused = await p.fill(data);
  assert.deepEqual([refused.ok, [...refused.missing]], [false, ["Full name"]]);
  p.close();
  const q = open(`<form>${EMAIL}<label for="n">Full name</label><input id="n">${BOX}${SEND}</form>`);
  const filled = await q.fill(data);
  assert.equal(filled.ok, true);
  assert.equal(q.doc.getElementById("n").value, "");
  q.close();
});

test("a prefilled email is kept and reported", async () => {
  const p = open(`<form><label for="e">Email</label><input id="e" type="email" value="account@example.net" data-k="email">${BOX}${SEND}</form>`);
  const result = await p.fill();
  assert.equal(result.ok, true);
  assert.equal(result.emailKept, "account@example.net");
  assert.equal(p.doc.getElementById("e").value, "account@example.net");
  p.close();
});

test("inputs rendered late are waited for", async () => {
  const p = open(`<div id="root"></div>`, { script: `setTimeout(() => { document.getElementById("root").innerHTML = ${JSON.stringify(`<form>${EMAIL}${BOX}${SEND}</form>`)}; }, 300);` });
  const result = await p.fill();
  assert.equal(result.ok, true, JSON.stringify(result));
  assert.equal(p.window.__state.email, "ada@example.org");
  p.close();
});

test("a re-render replacing the email input after input is caught before Send: re-found and re-filled", async () => {
  // 50 ms after the first input, the page remounts the email input, empty (its state lost).
  const script = `let done = false; document.addEventListener("input", () => { if (done) return; done = true; setTimeout(() => {
      const old = document.getElementById("e"); const fresh = old.cloneNode(); fresh.value = ""; old.replaceWith(fresh); window.__state.email = ""; }, 50); }, true);`;
  const p = open(`<form>${EMAIL}${BOX}${SEND}</form>`, { script });
  const first = p.doc.getElementById("e");
  const result = await p.fill();
  assert.equal(result.ok, true);
  const check = await p.verify(result.filled);
  assert.deepEqual([...check.problems], []);
  const now = p.doc.getElementById("e");
  assert.notEqual(now, first, "the page did replace the input");
  assert.equal(now.value, "ada@example.org");
  assert.equal(p.window.__state.email, "ada@example.org", "the page's state holds the address again");
  p.close();
});

test("verifyBeforeSend reports a field that cannot be filled any more", async () => {
  const p = open(`<form>${EMAIL}${BOX}${SEND}</form>`);
  const result = await p.fill();
  p.doc.getElementById("e").remove();
  const check = await p.verify(result.filled);
  assert.deepEqual([check.ok, [...check.problems]], [false, ["email"]]);
  p.close();
});

// Send: [what it proves, buttons inside the form, the one expected (its text)]
const SENDS = [
  ["a label that is a send cue", `<button type="button">Cancel</button><button type="button">Send</button>`, "Send"],
  ["a label that starts with a send cue", `<button type="button">Back</button><div role="button" tabindex="0">Submit request</div>`, "Submit request"],
  ["the only submit button of the form", `<button type="button">Back</button><button>Continue</button>`, "Continue"],
];
for (const [proves, buttons, expected] of SENDS) {
  test(`findSend: ${proves}`, () => {
    const p = open(`<button>Log in</button><form>${EMAIL}${BOX}${buttons}</form>`);
    const send = p.O.filler.findSend(p.doc.body, p.compiled, "en");
    assert.equal(send && send.textContent, expected);
    p.close();
  });
}

test("the pre-step's Yes is found by findFields and scanForm, also as 'Yes, it does'", () => {
  const p = open(`<p>Is your request about AI at Meta?</p><div role="button" tabindex="0">No</div><div role="button" tabindex="0">Yes, it does</div>`);
  assert.equal(p.O.domScan.findFields(p.doc.body, p.compiled, "en").yes.textContent, "Yes, it does");
  assert.equal(p.scan().yes.textContent, "Yes, it does");
  assert.equal(p.O.domScan.pageStep(p.doc.body, p.compiled, "en"), "prestep");
  p.close();
});

// Every fixture form (both rounds × 26 languages, Instagram, third-party) through the new API: the
// pre-step answered, fillForm, verifyBeforeSend, findSend, then outcome.judge on Meta's answer;
// the page posts the person's values.
import { openFixture, pagesWhere } from "./support/fixture-dom.mjs";
import { readScript } from "./support/classic.mjs";

for (const entry of pagesWhere((p) => p.kind === "form")) {
  test(`${entry.file}: fillForm → verifyBeforeSend → findSend → judge is confirmed, with the person's values posted`, async () => {
    const f = openFixture(entry, { outcomes: ["confirmation"] });
    f.window.eval(readScript("lib/outcome.js"));
    const O = f.window.Objector;
    const lang = entry.language;
    if (entry.variant.prestep) {
      const yes = await f.wait(() => O.filler.scanForm(f.document.body, f.compiled, lang).yes, 3000);
      O.filler.click(yes);
    }
    const filled = await O.filler.fillForm(f.document, f.compiled, { language: lang, data: { profile: { emails: ["ada@example.org"], country: "DE" }, justification: REASON }, wait: f.wait, timeoutMs: 3000 });
    assert.equal(filled.ok, true, JSON.stringify({ missing: filled.missing, mismatched: filled.mismatched }));
    const check = await O.filler.verifyBeforeSend(f.document, f.compiled, { language: lang, filled: filled.filled, wait: f.wait });
    assert.equal(check.ok, true, JSON.stringify(check.problems));
    const send = O.filler.findSend(f.document.body, f.compiled, lang);
    assert.ok(send, "Send found");
    const select = f.document.querySelector("select");
    const chosen = select && { value: select.value, text: select.options[select.selectedIndex].textContent };
    const base = O.outcome.baseline(f.document, f.compiled, lang);
    O.filler.click(send);
    const v = await f.wait(() => O.outcome.judge(f.document, base, f.compiled, lang), 3000);
    assert.equal(v && v.status, "confirmed");
    const fields = f.posts[0].fields;
    assert.equal(fields.email, entry.variant.prefilledEmail || "ada@example.org");
    assert.ok(Object.values(fields).includes(REASON), "the justification was posted");
    if (entry.variant.country) {
      // The page posts what it keeps: an ISO code, or the value of the option named Germany in its language.
      const posted = fields.Field1091243_iso2_country_code || fields.Field1091243;
      const names = O.filler.countryNames("DE", lang);
      assert.ok(posted === "DE" || (chosen && chosen.value === posted && names.has(O.normalize.normalizeText(chosen.text))), JSON.stringify({ fields, chosen }));
    }
    f.close();
  });
}
