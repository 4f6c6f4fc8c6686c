// A Facebook-scale feed that never goes quiet, as one self-contained HTML page (inline script and
// style, images as data: URLs, nothing from any other host): the page issue 9 measured Objector
// failing on. At start its script renders ~`nodes` elements (posts of nested divs, spans, links and
// images under generated class names, no ids a test could hook onto); then a clock changes its
// text every `tickMs`, a post is appended every `postMs`, for the page's whole life. With
// `noticeAfterMs` set, Meta's AI-training notice appears after that delay as an in-app dialog
// (role=dialog, aria-modal, a heading, two paragraphs, the "right to object" link near the end of
// the second, a Close button), rendered the way React renders a portal: the whole subtree built
// off the document, then one container div appended to <body>.
//
// The page keeps a record a test or benchmark can read from the page's own world:
//   window.__feed = {startedAt, elementsAtStart, ticks, posts, noticeShownAt}
// where noticeShownAt is performance.now() right after the portal was appended (null before), and
// performance.mark("feed:notice") is set at the same instant.
//
//   feedPage({nodes, tickMs, postMs, noticeAfterMs, language, platform, noticeText}) → HTML string
// `noticeText` ({heading, paragraphs: [p1, p2], link, close}; p2 holds the link as "{…}") replaces
// NOTICE_TEXTS[language]. Throws on an unknown language or platform, or a bad number.

// Our own wording of the notice, written the way Meta's 2024/2025 in-app notices read
// (shared/meta-process.md): an announcement about AI at Meta, the legal basis, and the right to
// object near the end of the second paragraph. `{…}` marks the link text.
export const NOTICE_TEXTS = {
  en: {
    heading: "Learn how we'll use your information to improve AI at Meta",
    paragraphs: [
      "We're bringing new AI features to your region, and AI at Meta will be developed further with information people share, such as public posts and comments. To do this we rely on the legal basis called legitimate interests.",
      "You can choose whether your information is used for this. If you object, your choice will be respected from that point on, and you can exercise your {right to object} at any time.",
    ],
    close: "Close",
  },
  de: {
    heading: "So verwenden wir deine Informationen zur Verbesserung von KI bei Meta",
    paragraphs: [
      "Wir bringen neue KI-Funktionen in deine Region und entwickeln KI bei Meta mit Informationen weiter, die Menschen teilen, etwa öffentlichen Beiträgen und Kommentaren. Dafür stützen wir uns auf die Rechtsgrundlage der berechtigten Interessen.",
      "Du entscheidest, ob deine Informationen dafür verwendet werden. Du kannst dieser Verwendung jederzeit {widersprechen}; ein Widerspruch gilt ab diesem Zeitpunkt.",
    ],
    close: "Schließen",
  },
  fr: {
    heading: "Découvrez comment nous utiliserons vos informations pour améliorer l'IA chez Meta",
    paragraphs: [
      "Nous proposons de nouvelles fonctionnalités d'IA dans votre région, et l'IA chez Meta sera développée à partir d'informations que les gens partagent, comme les publications et commentaires publics. Nous nous fondons pour cela sur nos intérêts légitimes.",
      "Vous choisissez si vos informations sont utilisées à cette fin. Vous pouvez à tout moment vous {opposer} à cette utilisation ; votre choix sera appliqué à partir de ce moment.",
    ],
    close: "Fermer",
  },
  it: {
    heading: "Scopri come useremo le tue informazioni per migliorare l'IA di Meta",
    paragraphs: [
      "Stiamo portando nuove funzioni di IA nel tuo Paese e l'IA di Meta verrà sviluppata con le informazioni che le persone condividono, come post e commenti pubblici. Per farlo ci basiamo sul legittimo interesse.",
      "Puoi scegliere se le tue informazioni vengono usate a questo scopo. Hai il diritto di {opporti} in qualsiasi momento; la tua scelta sarà applicata da quel momento in poi.",
    ],
    close: "Chiudi",
  },
  nl: {
    heading: "Lees hoe we je gegevens gebruiken om AI bij Meta te verbeteren",
    paragraphs: [
      "We brengen nieuwe AI-functies naar jouw regio en AI bij Meta wordt verder ontwikkeld met informatie die mensen delen, zoals openbare berichten en reacties. Daarvoor baseren we ons op gerechtvaardigde belangen.",
      "Je bepaalt zelf of je gegevens hiervoor worden gebruikt. Je kunt op elk moment {bezwaar maken}; je keuze geldt vanaf dat moment.",
    ],
    close: "Sluiten",
  },
  es: {
    heading: "Descubre cómo usaremos tu información para mejorar la IA de Meta",
    paragraphs: [
      "Estamos llevando nuevas funciones de IA a tu región y la IA de Meta se seguirá desarrollando con información que comparten las personas, como publicaciones y comentarios públicos. Para ello nos basamos en el interés legítimo.",
      "Tú decides si tu información se usa para esto. Puedes ejercer tu {derecho a oponerte} en cualquier momento; tu decisión se aplicará desde entonces.",
    ],
    close: "Cerrar",
  },
  pl: {
    heading: "Dowiedz się, jak wykorzystamy Twoje informacje, aby ulepszać SI w Meta",
    paragraphs: [
      "Wprowadzamy w Twoim regionie nowe funkcje SI, a SI w Meta będzie rozwijana z użyciem informacji udostępnianych przez ludzi, takich jak publiczne posty i komentarze. Opieramy się przy tym na prawnie uzasadnionych interesach.",
      "Ty decydujesz, czy Twoje informacje będą do tego używane. W każdej chwili możesz skorzystać z {prawa do sprzeciwu}; Twój wybór będzie obowiązywał od tego momentu.",
    ],
    close: "Zamknij",
  },
  sv: {
    heading: "Läs hur vi använder din information för att förbättra AI hos Meta",
    paragraphs: [
      "Vi lanserar nya AI-funktioner i din region och AI hos Meta utvecklas vidare med information som människor delar, till exempel offentliga inlägg och kommentarer. Vi stöder oss då på berättigat intresse.",
      "Du väljer själv om din information används till detta. Du kan när som helst {invända}; ditt val gäller från och med då.",
    ],
    close: "Stäng",
  },
};

const PLATFORMS = {
  facebook: { title: "Facebook", form: "https://www.facebook.com/help/contact/712876720715583", accent: "#1877f2" },
  instagram: { title: "Instagram", form: "https://help.instagram.com/contact/233964459562201", accent: "#d62976" },
};

function positiveInt(name, value, min) {
  if (!Number.isInteger(value) || value < min) throw new Error(`feedPage: ${name} must be an integer ≥ ${min}, got ${value}`);
  return value;
}

function checkNoticeText(text, language) {
  const ok = text && typeof text.heading === "string" && Array.isArray(text.paragraphs) &&
    text.paragraphs.length === 2 && typeof text.close === "string" && /\{[^}]+\}/.test(text.paragraphs[1]);
  if (!ok) throw new Error(`feedPage: the notice text for "${language}" needs {heading, paragraphs: [p1, p2 with "{link}"], close}`);
  return text;
}

export function feedPage({ nodes = 50000, tickMs = 50, postMs = 400, noticeAfterMs = null, language = "en",
  platform = "facebook", noticeText } = {}) {
  positiveInt("nodes", nodes, 1);
  positiveInt("tickMs", tickMs, 1);
  positiveInt("postMs", postMs, 1);
  if (noticeAfterMs !== null) positiveInt("noticeAfterMs", noticeAfterMs, 0);
  const site = PLATFORMS[platform];
  if (!site) throw new Error(`feedPage: unknown platform "${platform}"; use ${Object.keys(PLATFORMS).join("|")}`);
  if (!noticeText && !NOTICE_TEXTS[language]) {
    throw new Error(`feedPage: no notice text for language "${language}"; pass noticeText or use ${Object.keys(NOTICE_TEXTS).join("|")}`);
  }
  const notice = checkNoticeText(noticeText || NOTICE_TEXTS[language], language);
  const config = { nodes, tickMs, postMs, noticeAfterMs, form: site.form, notice };
  // JSON inside <script>: "</" must not end the script element.
  const json = JSON.stringify(config).replace(/</g, "\\u003c");
  return `<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${site.title}</title>
<style>
body{margin:0;font-family:system-ui,sans-serif;background:#f0f2f5;color:#1c1e21}
[role=banner]{position:sticky;top:0;display:flex;gap:16px;align-items:center;padding:8px 16px;background:#fff;box-shadow:0 1px 2px rgba(0,0,0,.2);z-index:1}
[role=banner] b{color:${site.accent};font-size:22px}
[role=feed]{max-width:600px;margin:16px auto}
article{background:#fff;border-radius:8px;margin:0 0 16px;padding:12px 16px;box-shadow:0 1px 2px rgba(0,0,0,.2)}
article img{border-radius:50%;vertical-align:middle}
article a{color:inherit;text-decoration:none;font-weight:600}
[role=button]{display:inline-block;padding:6px 12px;cursor:pointer;color:#65676b}
.fx-layer{position:fixed;inset:0;background:rgba(244,244,244,.8);display:flex;align-items:center;justify-content:center;z-index:10}
[role=dialog]{background:#fff;max-width:520px;padding:24px;border-radius:8px;box-shadow:0 8px 24px rgba(0,0,0,.3)}
[role=dialog] [role=button]{display:block;margin-top:16px;text-align:center;background:${site.accent};color:#fff;border-radius:6px;font-weight:600}
</style>
</head>
<body>
<div class="fx-root"></div>
<script>
"use strict";
(function () {
  var C = ${json};
  var startedAt = performance.now();
  var state = window.__feed = { startedAt: startedAt, elementsAtStart: 0, ticks: 0, posts: 0, noticeShownAt: null };
  // A fixed-seed generator: the same page every time.
  var seed = 0x9e3779b9;
  function rnd() { seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5; return (seed >>> 0) / 4294967296; }
  function pick(list) { return list[Math.floor(rnd() * list.length)]; }
  // Class names as a CSS-in-JS build emits them: short, generated, meaningless.
  function cls(n) {
    var out = [];
    for (var i = 0; i < n; i++) out.push("x" + Math.floor(rnd() * 2176782336).toString(36));
    return out.join(" ");
  }
  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text) e.textContent = text;
    return e;
  }
  var AVATAR = "data:image/svg+xml," + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><circle cx="20" cy="20" r="20" fill="#8ab4f8"/></svg>');
  var NAMES = ["Ada Park", "Bo Lind", "Chen Wei", "Dara Quinn", "Eli Moreau", "Fatima Noor", "Gus Berg", "Hana Ito"];
  var WORDS = ["lake", "dinner", "concert", "garden", "trip", "match", "birthday", "market", "sunset", "hike", "recipe", "puppy"];
  // One post: ~32 elements (header with avatar, name and time links; text; a photo or not;
  // reaction counts; three action buttons; two comments).
  var postNo = 0;
  function post() {
    var n = postNo++;
    var a = el("article", cls(2));
    a.setAttribute("aria-posinset", String(n + 1));
    var head = a.appendChild(el("div", cls(3)));
    var avatarLink = head.appendChild(el("a", cls(1)));
    avatarLink.href = "https://www.facebook.com/profile.php?u=" + (1000 + n);
    if (n % 3 !== 2) {
      var img = avatarLink.appendChild(el("img", cls(1)));
      img.src = AVATAR; img.width = 40; img.height = 40; img.alt = "";
    }
    var who = head.appendChild(el("div", cls(2)));
    var nameWrap = who.appendChild(el("span", cls(1)));
    var name = nameWrap.appendChild(el("a", cls(2), pick(NAMES)));
    name.href = avatarLink.href;
    var when = who.appendChild(el("span", cls(1)));
    var time = when.appendChild(el("a", cls(1), (1 + n % 23) + " h"));
    time.href = "https://www.facebook.com/p/" + (5000 + n);
    var body = a.appendChild(el("div", cls(3)));
    var textDiv = body.appendChild(el("div", cls(1)));
    textDiv.appendChild(el("span", cls(2), "Post " + n + ": a " + pick(WORDS) + " with friends, "))
      .appendChild(el("span", cls(1), "and a " + pick(WORDS) + " after."));
    if (n % 4 === 0) {
      var media = body.appendChild(el("div", cls(2)));
      var photo = media.appendChild(el("a", cls(1))).appendChild(el("img", cls(1)));
      photo.src = AVATAR; photo.width = 40; photo.height = 40; photo.alt = "Photo";
    }
    var counts = a.appendChild(el("div", cls(2)));
    counts.appendChild(el("span", cls(1))).appendChild(el("span", cls(1), String(3 + n % 97)));
    counts.appendChild(el("span", cls(1), (n % 13) + " comments"));
    var actions = a.appendChild(el("div", cls(2)));
    ["Like", "Comment", "Share"].forEach(function (label) {
      var b = actions.appendChild(el("div", cls(2)));
      b.setAttribute("role", "button"); b.tabIndex = 0;
      b.appendChild(el("span", cls(1))).appendChild(el("span", cls(1), label));
    });
    var comments = a.appendChild(el("ul", cls(1)));
    for (var k = 0; k < 2; k++) {
      var li = comments.appendChild(el("li", cls(2)));
      var bubble = li.appendChild(el("div", cls(2)));
      bubble.appendChild(el("a", cls(1), pick(NAMES))).href = "https://www.facebook.com/profile.php?u=" + (2000 + k);
      bubble.appendChild(el("div", cls(1))).appendChild(el("span", cls(1), "So " + pick(WORDS) + "!"));
    }
    return a;
  }

  // The first render happens off the document and is mounted in one step, as React's does.
  var mount = document.querySelector(".fx-root");
  var root = el("div", cls(2));
  var banner = root.appendChild(el("div", cls(2)));
  banner.setAttribute("role", "banner");
  banner.appendChild(el("b", cls(1), document.title.toLowerCase()));
  var nav = banner.appendChild(el("nav", cls(1)));
  ["Home", "Video", "Marketplace", "Groups"].forEach(function (t) {
    var link = nav.appendChild(el("a", cls(1), t)); link.href = "https://www.facebook.com/";
  });
  var clock = banner.appendChild(el("span", cls(2)));
  clock.setAttribute("aria-live", "off");
  var feed = root.appendChild(el("div", cls(3)));
  feed.setAttribute("role", "feed");
  // Counting per post: a live whole-document count per loop would be quadratic.
  for (var count = document.getElementsByTagName("*").length + 1 + root.getElementsByTagName("*").length; count < C.nodes;) {
    var p = feed.appendChild(post());
    count += 1 + p.getElementsByTagName("*").length;
  }
  mount.appendChild(root);
  state.elementsAtStart = document.getElementsByTagName("*").length;

  function pad(v) { return (v < 10 ? "0" : "") + v; }
  function tick() {
    state.ticks++;
    var s = Math.floor((performance.now() - startedAt) / 1000);
    clock.textContent = pad(Math.floor(s / 60)) + ":" + pad(s % 60) + "." + (state.ticks % 100);
  }
  tick();
  setInterval(tick, C.tickMs);
  setInterval(function () { feed.appendChild(post()); state.posts++; }, C.postMs);

  // Meta's notice as React mounts a modal: the subtree is built detached, then its portal
  // container is appended to <body> in one step.
  function showNotice() {
    var t = C.notice;
    var portal = el("div", cls(1));
    var layer = portal.appendChild(el("div", "fx-layer " + cls(2)));
    var dialog = layer.appendChild(el("div", cls(3)));
    var headingId = ":r" + Math.floor(rnd() * 1296).toString(36) + ":";
    dialog.setAttribute("role", "dialog");
    dialog.setAttribute("aria-modal", "true");
    dialog.setAttribute("aria-labelledby", headingId);
    var h = dialog.appendChild(el("h2", cls(2), t.heading));
    h.id = headingId;
    dialog.appendChild(el("p", cls(2), t.paragraphs[0]));
    var p2 = dialog.appendChild(el("p", cls(2)));
    var m = /^([^{]*)\\{([^}]*)\\}(.*)$/.exec(t.paragraphs[1]);
    p2.appendChild(document.createTextNode(m[1]));
    var link = p2.appendChild(el("a", cls(1), m[2]));
    link.href = C.form;
    link.target = "_blank";
    p2.appendChild(document.createTextNode(m[3]));
    var close = dialog.appendChild(el("div", cls(2)));
    close.setAttribute("role", "button");
    close.setAttribute("aria-label", t.close);
    close.tabIndex = 0;
    close.appendChild(el("span", cls(1), t.close));
    close.addEventListener("click", function () { portal.remove(); });
    document.body.appendChild(portal);
    state.noticeShownAt = performance.now();
    if (performance.mark) performance.mark("feed:notice");
  }
  if (C.noticeAfterMs !== null) setTimeout(showNotice, C.noticeAfterMs);
})();
</script>
</body>
</html>
`;
}
