// Justifications: per language, the person's own texts stored by the host (several per language,
// one default), starting from our built-in text (justifications/defaults.json).
import { el, clear, text, LANGUAGES } from "./page-kit.js";
import { fillSelect } from "./profile-view.js";

export function mountJustifications({ doc, bg, t, locale, defaults, status }) {
  const $ = (id) => doc.getElementById(id);
  const select = $("just-language");
  const list = $("just-list");
  let language = "en";

  function builtin(lang) {
    const entry = defaults && defaults.languages && defaults.languages[lang];
    return entry ? { title: entry.title, text: entry.text } : { title: "", text: "" };
  }

  function card(j, { isNew = false, readOnly = false } = {}) {
    const id = isNew ? "new" : readOnly ? "builtin" : String(j.id);
    const titleInput = el(doc, "input", { type: "text", id: `just-title-${id}`, maxlength: 200 });
    titleInput.value = j.title || "";
    const area = el(doc, "textarea", { id: `just-text-${id}`, maxlength: 5000, lang: language, required: true });
    area.value = j.text || "";
    const box = el(doc, "div", { class: "justification panel", dataset: { id } }, [
      el(doc, "label", { for: `just-title-${id}`, text: text(t, "justTitle", "Title") }),
      titleInput,
      el(doc, "label", { for: `just-text-${id}`, text: text(t, "justText", "Text sent to Meta") }),
      area,
    ]);
    const row = el(doc, "div", { class: "row" });
    if (readOnly) {
      titleInput.readOnly = true;
      area.readOnly = true;
      box.prepend(el(doc, "p", { class: "hint", text: text(t, "justBuiltin", "Objector's own text, used until you save yours.") }));
      const adopt = el(doc, "button", { type: "button", class: "primary", text: text(t, "justCustomize", "Use as my text and edit") });
      adopt.addEventListener("click", async () => {
        const saved = await save({ language, title: j.title, text: j.text }, true);
        if (saved) {
          const fresh = list.querySelector(`textarea[id="just-text-${saved.id}"]`);
          if (fresh) fresh.focus();
        }
      });
      row.append(adopt);
    } else {
      const saveButton = el(doc, "button", { type: "button", class: "primary", text: text(t, "save", "Save") });
      saveButton.addEventListener("click", () => {
        const body = { language, title: titleInput.value.trim(), text: area.value.trim() };
        if (!isNew) body.id = j.id;
        save(body, isNew && list.querySelectorAll('.justification:not([data-id="new"]):not([data-id="builtin"])').length === 0);
      });
      row.append(saveButton);
      if (!isNew) {
        const radio = el(doc, "input", { type: "radio", name: "just-default", id: `just-default-${id}`, checked: j.is_default });
        radio.addEventListener("change", () => setDefault(j.id));
        row.append(el(doc, "label", { class: "inline", for: `just-default-${id}` }, [radio, text(t, "justDefault", "Default for this language")]));
        const del = el(doc, "button", { type: "button", text: text(t, "delete", "Delete") });
        del.addEventListener("click", () => remove(j.id));
        row.append(del);
      }
    }
    box.append(row);
    return box;
  }

  async function refresh() {
    clear(list);
    try {
      const { justifications } = await bg.host("justification.list", { language });
      const mine = (justifications || []).filter((j) => j.language === language);
      if (mine.length === 0) list.append(card(builtin(language), { readOnly: true }));
      for (const j of mine) list.append(card(j));
      $("just-add").disabled = false;
      return mine;
    } catch (e) {
      list.append(card(builtin(language), { readOnly: true }));
      list.querySelector("button")?.setAttribute("disabled", "");
      $("just-add").disabled = true;
      status(text(t, "justNeedsHost", `Your own texts are kept by the history keeper, which is not available: ${e.message}`, [e.message]), "error");
      return null;
    }
  }

  async function save(body, makeDefault) {
    if (!body.text) {
      status(text(t, "errorEmptyText", "The text cannot be empty."), "error");
      return null;
    }
    try {
      let { justification } = await bg.host("justification.save", { justification: body });
      if (makeDefault) ({ justification } = await bg.host("justification.set_default", { justification_id: justification.id }));
      status(text(t, "saved", "Saved."), "ok");
      await refresh();
      return justification;
    } catch (e) {
      status(text(t, "saveFailed", `Not saved: ${e.message}`, [e.message]), "error");
      return null;
    }
  }

  async function setDefault(id) {
    try {
      await bg.host("justification.set_default", { justification_id: id });
      status(text(t, "justDefaultSet", "This text is now the default for its language."), "ok");
    } catch (e) {
      status(text(t, "saveFailed", `Not saved: ${e.message}`, [e.message]), "error");
    }
    await refresh();
  }

  async function remove(id) {
    try {
      await bg.host("justification.delete", { justification_id: id });
      status(text(t, "deleted", "Deleted."), "ok");
    } catch (e) {
      status(text(t, "saveFailed", `Not saved: ${e.message}`, [e.message]), "error");
    }
    await refresh();
  }

  $("just-add").addEventListener("click", () => {
    if (list.querySelector('[data-id="new"]')) return;
    const fresh = card({ title: "", text: builtin(language).text }, { isNew: true });
    list.append(fresh);
    fresh.querySelector("textarea").focus();
  });
  select.addEventListener("change", () => {
    language = select.value;
    refresh();
  });

  return {
    async show(lang) {
      language = LANGUAGES.includes(lang) ? lang : "en";
      fillSelect(select, LANGUAGES, "language", locale, language);
      return refresh();
    },
    refresh,
    save,
  };
}
