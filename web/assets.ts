/**
 * The one stylesheet and the one script of the review pages, served from /assets/ (no build step, no CDN).
 * Kept out of the HTML so the Content-Security-Policy can forbid inline code entirely.
 */
export const APP_CSS = `
:root { --fg:#1b1f24; --muted:#57606a; --bg:#fff; --line:#d0d7de; --accent:#0a5bd3; --bad:#b42318; --ok:#1a7f37; }
* { box-sizing: border-box; }
body { margin:0; font:15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:var(--fg); background:var(--bg); }
a { color:var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible { outline:3px solid #f5a623; outline-offset:2px; }
.skip { position:absolute; left:-999px; } .skip:focus { left:8px; top:8px; background:#fff; padding:4px 8px; z-index:9; }
header.top { display:flex; gap:1.5rem; align-items:center; padding:.6rem 1.2rem; background:#10243e; color:#fff; }
header.top a { color:#fff; text-decoration:none; } header.top a[aria-current="page"] { text-decoration:underline; }
header.top .brand { font-weight:700; letter-spacing:.03em; }
main { padding:1rem 1.2rem 3rem; max-width:1200px; margin:0 auto; }
h1 { font-size:1.45rem; margin:.4rem 0 1rem; } h2 { font-size:1.1rem; margin:1.6rem 0 .5rem; border-bottom:1px solid var(--line); padding-bottom:.2rem; }
.muted { color:var(--muted); } .small { font-size:.85rem; }
form.filters { display:grid; grid-template-columns:repeat(auto-fill, minmax(170px, 1fr)); gap:.6rem 1rem; align-items:end; padding:.8rem; border:1px solid var(--line); border-radius:6px; background:#f6f8fa; }
form.filters label, form.review label { display:block; font-size:.85rem; color:var(--muted); }
input, select, textarea { font:inherit; padding:.3rem .4rem; border:1px solid #8c959f; border-radius:4px; width:100%; background:#fff; }
button { font:inherit; padding:.4rem .9rem; border-radius:4px; border:1px solid #8c959f; background:#fff; cursor:pointer; }
button.primary { background:var(--accent); color:#fff; border-color:var(--accent); }
button.s-dismissed { border-color:var(--bad); color:var(--bad); } button.s-confirmed { border-color:var(--ok); color:var(--ok); }
table { border-collapse:collapse; width:100%; margin:.6rem 0; } th, td { text-align:left; padding:.4rem .5rem; border-bottom:1px solid var(--line); vertical-align:top; }
th { font-size:.85rem; color:var(--muted); font-weight:600; }
.pill { display:inline-block; padding:0 .45rem; border-radius:9px; font-size:.8rem; background:#eaeef2; margin:0 .15rem .15rem 0; white-space:nowrap; }
.label-incident { background:#ffd8d3; } .label-awareness { background:#fff1c2; } .label-none { background:#eaeef2; }
.status-dismissed { background:#eaeef2; color:var(--muted); } .status-confirmed { background:#d1f4dc; } .status-needs_info { background:#fff1c2; }
.health-failing { color:var(--bad); font-weight:600; } .health-ok { color:var(--ok); }
.pager { display:flex; gap:1rem; align-items:center; margin:.8rem 0; }
.error { border:1px solid var(--bad); background:#fff0ee; color:var(--bad); padding:.5rem .8rem; border-radius:6px; }
.notice-ok { border:1px solid var(--ok); background:#effbf2; padding:.5rem .8rem; border-radius:6px; }
.lead-grid { display:grid; grid-template-columns:minmax(0, 2fr) minmax(260px, 1fr); gap:1.5rem; }
@media (max-width: 900px) { .lead-grid { grid-template-columns:1fr; } }
.evidence-text { white-space:pre-wrap; font-family:Georgia, "Times New Roman", serif; font-size:1.02rem; line-height:1.7; padding:1rem; border:1px solid var(--line); border-radius:6px; background:#fcfcfc; color:#424a53; }
.evidence-sentence { color:var(--fg); background:#f3f6fb; box-shadow:0 0 0 1px #dfe6f0; border-radius:2px; }
mark.ind { padding:0 .1em; border-radius:3px; color:var(--fg); border-bottom:2px solid; cursor:help; }
.g-offence { background:#ffd1cc; border-color:#d1242f; } .g-act { background:#d4e6ff; border-color:#0969da; }
.g-means { background:#ffe5b4; border-color:#bc4c00; } .g-purpose { background:#f4d4ff; border-color:#8250df; }
.g-ilo { background:#ffeaa0; border-color:#9a6700; } .g-victim { background:#c8f0d8; border-color:#1a7f37; }
.g-event { background:#d9f2f7; border-color:#1b7c83; } .g-context { background:#e6e6e6; border-color:#6e7781; }
.g-other { background:#eeeeee; border-color:#6e7781; }
mark.negated { text-decoration:line-through; opacity:.75; border-bottom-style:dashed; }
.legend { display:flex; flex-wrap:wrap; gap:.3rem; margin:.4rem 0; padding:0; list-style:none; }
.legend li { padding:0 .4rem; border-radius:3px; border-bottom:2px solid; font-size:.8rem; }
dl.facts { display:grid; grid-template-columns:max-content minmax(0, 1fr); gap:.2rem .8rem; margin:0; } dl.facts dt { color:var(--muted); }
dl.facts dd { margin:0; overflow-wrap:anywhere; } code { overflow-wrap:anywhere; }
.lead-grid > * { min-width:0; }
form.review { display:grid; gap:.5rem; padding:.8rem; border:1px solid var(--line); border-radius:6px; background:#f6f8fa; }
form.review .buttons { display:flex; flex-wrap:wrap; gap:.5rem; }
td.date { white-space:nowrap; }
ul.plain { margin:.2rem 0; padding-left:1.1rem; } .url { word-break:break-all; }
`;

/** Remembers the reviewer's name between pages (localStorage); everything else works without JavaScript. */
export const APP_JS = `
(function () {
  var KEY = 'rastro.reviewer';
  var input = document.querySelector('input[name="by"]');
  if (!input) return;
  try {
    if (!input.value) input.value = localStorage.getItem(KEY) || '';
    input.form.addEventListener('submit', function () { localStorage.setItem(KEY, input.value.trim()); });
  } catch (e) { /* storage disabled: the field still works */ }
})();
`;
