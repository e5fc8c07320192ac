"""``--format html``: one self-contained page to read a run's findings in a browser.

No network: CSS, JS and the SVG chart are inline. At the top, a summary (stories,
articles, claims, findings by severity and by rule, a bar chart); then the findings, each
a ``<details>`` showing the conflicting passages side by side with source, date, the
number highlighted and the explanation; then every article, openable, with all its claims
highlighted (hover: value, unit, subject, qualifier). Checkboxes and a select filter the
findings by severity and rule.

Every piece of article text, path, source and message goes through ``html.escape``, so an
article containing ``<script>`` or ``onerror=`` is shown, never run.
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections import Counter
from typing import Mapping, Sequence

from factcheck.models import SEVERITIES, Article, Claim, Finding, Report, Rule
from factcheck.report.locations import articles_by_key, passage, value_label

_CONTEXT = 160  # characters of prose each side of a cited number

_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem 1.5rem;color:#222}
h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
.summary{display:flex;gap:2rem;flex-wrap:wrap;align-items:flex-start}
table{border-collapse:collapse}td,th{padding:.15rem .6rem;text-align:left;border-bottom:1px solid #eee}
.sev{font-weight:bold;text-transform:uppercase;font-size:.75rem;padding:.05rem .35rem;border-radius:3px;color:#fff}
.sev-error{background:#c62828}.sev-warning{background:#e69500}.sev-info{background:#1e6fd9}
.filters{background:#f6f6f6;padding:.5rem .8rem;border-radius:4px;margin:1rem 0}
.finding{border:1px solid #ddd;border-radius:4px;margin:.6rem 0;padding:.2rem .8rem}
.finding>summary{cursor:pointer;padding:.3rem 0}
.passages{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:1rem;margin:.5rem 0}
.passage{background:#fafafa;border-left:3px solid #999;padding:.4rem .7rem}
.where{color:#666;font-size:.85rem}
mark{background:#ffe066;padding:0 .1rem;border-radius:2px}
mark.cited{background:#ff8a80;font-weight:bold}
.article pre{white-space:pre-wrap;font:14px/1.5 ui-monospace,monospace;background:#fafafa;padding:.7rem}
.doc{color:#444;font-size:.9rem}.hidden{display:none}
"""

_JS = """
(function(){
  function apply(){
    var sev={};document.querySelectorAll('input.f-sev').forEach(function(b){sev[b.value]=b.checked;});
    var rule=document.getElementById('f-rule').value;var shown=0;
    document.querySelectorAll('.finding').forEach(function(f){
      var ok=sev[f.dataset.severity]&&(rule===''||f.dataset.rule===rule);
      f.classList.toggle('hidden',!ok);if(ok){shown++;}
    });
    document.getElementById('f-count').textContent=shown;
  }
  document.querySelectorAll('input.f-sev').forEach(function(b){b.addEventListener('change',apply);});
  document.getElementById('f-rule').addEventListener('change',apply);
  apply();
})();
"""


# Defence in depth behind html.escape: the CSP lets only the page's own script run (by hash),
# so even markup that slipped through could not run an inline <script> or an on…= handler.
_JS_HASH = base64.b64encode(hashlib.sha256(_JS.encode("utf-8")).digest()).decode("ascii")


def _e(s: object) -> str:
    return html.escape(str(s), quote=True)


def _hover(c: Claim) -> str:
    parts = [f"value: {value_label(c)}", f"unit: {c.unit or '—'}", f"subject: {c.subject_full or c.subject or '—'}",
             f"qualifier: {c.qualifier}"]
    return "; ".join(parts)


def _passage(c: Claim, article: Article | None) -> str:
    p = passage(c, article, _CONTEXT)
    return f'{_e(p.before)} <mark class="cited" title="{_e(_hover(c))}">{_e(p.cited)}</mark> {_e(p.after)}'


def _where(c: Claim) -> str:
    art = c.article
    bits = [f"<code>{_e(c.path)}:{c.line}:{c.column}</code>"]
    if art is not None:
        if art.source:
            bits.append(f"<b>{_e(art.source)}</b>")
        if art.date:
            bits.append(_e(art.date.isoformat()))
    return " · ".join(bits)


def _finding(i: int, f: Finding, articles: Mapping[str, Article], doc: str = "") -> str:
    passages = "".join(f'<div class="passage"><div class="where">{_where(c)}</div>'
                       f'<p>{_passage(c, articles.get(c.article_key))}</p></div>' for c in f.claims)
    return (f'<details class="finding" id="finding-{i}" data-severity="{_e(f.severity)}" data-rule="{_e(f.rule_id)}">'
            f'<summary><span class="sev sev-{_e(f.severity)}">{_e(f.severity)}</span> '
            f'<b>{_e(f.rule_id)}</b> {_e(f.rule_name)} — {_e(f.message)} <small>({_e(f.confidence_label)})</small></summary>'
            f'<div class="passages">{passages}</div>'
            + (f'<p class="doc"><b>{_e(f.rule_id)}</b>: {_e(doc)}</p>' if doc else "") + '</details>\n')


def _article(i: int, art: Article, claims: list[Claim], cited: set[str]) -> str:
    # the article's own part of the file (a JSONL record, not the whole file)
    base = art.offset
    text = art.file_text[base:base + len(art.text)] if art.text else art.file_text
    out, pos = [], 0
    for c in sorted(claims, key=lambda c: (c.start, -c.end)):
        start, end = c.start - base, c.end - base
        if start < pos or end > len(text):
            continue
        cls = ' class="cited"' if c.id in cited else ""
        out.append(_e(text[pos:start]))
        out.append(f'<mark{cls} title="{_e(_hover(c))}">{_e(text[start:end])}</mark>')
        pos = end
    out.append(_e(text[pos:]))
    meta = " · ".join(_e(x) for x in (art.source, art.date.isoformat() if art.date else "", art.story) if x)
    name = art.path + (f"#{art.id}" if art.offset else "")
    return (f'<details class="article" id="article-{i}"><summary><code>{_e(name)}</code> {meta} '
            f'({len(claims)} claims)</summary><pre>{"".join(out)}</pre></details>\n')


def _chart(by_rule: Counter) -> str:
    if not by_rule:
        return ""
    width, bar, gap, label = 360, 18, 6, 60
    top = max(by_rule.values())
    rows = []
    for n, (rule, count) in enumerate(sorted(by_rule.items())):
        y = n * (bar + gap)
        w = max(2, round((width - label - 40) * count / top))
        rows.append(f'<text x="0" y="{y + 13}" font-size="12">{_e(rule)}</text>'
                    f'<rect x="{label}" y="{y}" width="{w}" height="{bar}" fill="#1e6fd9"/>'
                    f'<text x="{label + w + 4}" y="{y + 13}" font-size="12">{count}</text>')
    height = len(by_rule) * (bar + gap)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="findings by rule" '
            f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">{"".join(rows)}</svg>')


def render(report: Report, rules: Sequence[Rule] = (), title: str = "factcheck report") -> str:
    names = {r.id: r.name for r in rules}
    for f in report.findings:
        names.setdefault(f.rule_id, f.rule_name)
    counts = report.counts()
    by_rule = Counter(f.rule_id for f in report.findings)
    stories = sorted({a.story for a in report.articles if a.story})
    sev_rows = "".join(f'<tr><td><span class="sev sev-{s}">{s}</span></td><td>{counts.get(s, 0)}</td></tr>'
                       for s in reversed(SEVERITIES))
    rule_rows = "".join(f"<tr><td>{_e(r)}</td><td>{_e(names.get(r, ''))}</td><td>{n}</td></tr>"
                        for r, n in sorted(by_rule.items()))
    sev_boxes = " ".join(f'<label><input type="checkbox" class="f-sev" value="{s}" checked> {s}</label>'
                         for s in reversed(SEVERITIES))
    rule_opts = "".join(f'<option value="{_e(r)}">{_e(r)} {_e(names.get(r, ""))}</option>' for r in sorted(by_rule))
    cited = {c.id for f in report.findings for c in f.claims}
    by_article: dict[str, list[Claim]] = {}
    for c in report.claims:
        if c.article is not None:
            by_article.setdefault(c.article.key, []).append(c)
    by_key = articles_by_key(report.articles)
    docs = {r.id: r.doc for r in rules}
    findings = "".join(_finding(i, f, by_key, docs.get(f.rule_id, ""))
                       for i, f in enumerate(report.findings)) or "<p>No findings.</p>"
    articles = "".join(_article(i, a, by_article.get(a.key, []), cited) for i, a in enumerate(report.articles))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{_JS_HASH}'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)}</title><style>{_CSS}</style></head><body>
<h1>{_e(title)}</h1>
<section class="summary" id="summary">
<table><tr><th>stories</th><td>{len(stories)}</td></tr><tr><th>articles</th><td>{len(report.articles)}</td></tr>
<tr><th>claims</th><td>{len(report.claims)}</td></tr><tr><th>findings</th><td>{len(report.findings)}</td></tr></table>
<table><tr><th>severity</th><th>findings</th></tr>{sev_rows}</table>
<table><tr><th>rule</th><th>name</th><th>findings</th></tr>{rule_rows}</table>
{_chart(by_rule)}
</section>
<h2>Findings</h2>
<div class="filters">Show: {sev_boxes} <label>rule <select id="f-rule"><option value="">all rules</option>{rule_opts}</select></label>
— <span id="f-count">{len(report.findings)}</span> shown</div>
<div id="findings">
{findings}</div>
<h2>Articles</h2>
<div id="articles">
{articles}</div>
<script>{_JS}</script>
</body></html>
"""
