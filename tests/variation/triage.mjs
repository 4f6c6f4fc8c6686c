// The likely cause of a failed variant, read from the stage that failed, its message and the
// variant's traits: a first guess for the person reading the report, never used to pass a test.
export function likelyCause(result, variant) {
  const t = variant.traits;
  const d = result.detail || "";
  switch (result.stage) {
    case "detect":
      if (variant.expect.kind === "notice") return `notice not recognised (${t.wording} wording, link ${t.link}${t.container ? `, ${t.container}` : ""})`;
      if (/"step":"loading"/.test(d) && t.prestep) return `pre-step not recognised (${t.prestep})`;
      if (/"step":"loading"/.test(d)) return "form not recognised as a form step (fields not found)";
      return "wrong classification";
    case "prestep":
      return "pre-step: yes not found or form did not follow";
    case "fill": {
      const json = d.match(/\{.*\}/);
      const { missing = [], mismatched = [], problems = [] } = json ? JSON.parse(json[0]) : {};
      const has = (list, key) => list.includes(key);
      if (has(missing, "country") && t.country === "absent") return "form without a country field refused (country demanded per round)";
      if (has(missing, "country")) return `country control not found (${t.country}, labels ${t.labels})`;
      if ((has(mismatched, "country") || has(problems, "country")) && t.rerender) return `country not set: control replaced by a re-render (${t.country})`;
      if (has(mismatched, "country") || has(problems, "country")) return `country not set (${t.country})`;
      if (has(missing, "email")) return `email field not found (${t.email}, labels ${t.labels})`;
      if (has(missing, "justification")) return `reason box not found (${t.box}, labels ${t.labels})`;
      if (t.rerender) return `fill not verified after a re-render (${d.slice(0, 80)})`;
      return `fill refused (${d.slice(0, 80)})`;
    }
    case "send":
      if (/no Send/.test(d)) return `Send not found (${t.send}, ${t.sendLabel} label)`;
      if (t.rerender && /refused|submitted/.test(d)) return "values lost: the form re-rendered after the first input and the filler wrote into detached nodes";
      if (t.name && /refused/.test(d)) return "required name field not filled";
      if (/refused/.test(d)) return "the page refused Send (a required field left empty)";
      return "submitted values differ from the person's data";
    case "outcome":
      if (/got null/.test(d) && t.where !== undefined) return `answer not recognised (${t.answer}, ${t.wording} wording, in ${t.where}, form ${variant.expect.status === "failed" ? "kept" : "replaced or disabled"})`;
      return `wrong status (${t.answer}, ${t.wording} wording, in ${t.where})`;
    default:
      return "crash";
  }
}
