import re
from html.parser import HTMLParser

from factcheck.report import html
from factcheck_sample import edit_claims


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.scripts, self.attrs = [], 0, []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [k for k, _ in attrs]
        if tag == "script":
            self.scripts += 1


def test_html_self_contained(report, rules):
    page = html.render(report, rules)
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "<style>" in page and "<svg" in page


def test_html_article_markup_is_escaped(report, rules):
    page = html.render(report, rules)
    parser = _Collect()
    parser.feed(page)
    assert parser.scripts == 1  # only the page's own filter script
    assert "img" not in parser.tags and "onerror" not in parser.attrs
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "L&#x27;Écho &lt;b&gt;" in page


def test_html_finding_shows_both_passages(report, rules):
    page = html.render(report, rules)
    finding = page[page.index('id="finding-0"'):page.index('id="finding-1"')]
    assert finding.count('class="passage"') == 2
    assert '>340 g</mark>' in finding and '>340 kg</mark>' in finding
    assert "Le Matin" in finding and "2024-03-01" in finding and "2024-03-02" in finding


def test_html_summary_counts(report, rules):
    page = html.render(report, rules)
    assert '<th>articles</th><td>2</td>' in page and '<th>stories</th><td>1</td>' in page
    assert '<option value="FC101">' in page and 'value="info" checked' in page


def test_html_claims_have_hover_titles(report, rules):
    page = html.render(report, rules)
    assert 'title="value: 340; unit: kilogram; subject: cocaïne; qualifier: exact"' in page


def test_html_finding_explains_the_rule(report, rules):
    page = html.render(report, rules)
    assert '<p class="doc"><b>FC101</b>: The same figure with two units.</p>' in page


def test_html_csp_allows_only_its_own_script(report, rules):
    page = html.render(report, rules)
    assert f"script-src 'sha256-{html._JS_HASH}'" in page and "unsafe-inline'; img" not in page
    assert "default-src 'none'" in page


def test_html_article_shows_only_its_part_of_the_file(report, rules):
    art = report.articles[1]
    key = art.key
    art.offset = 10
    art.text = art.file_text[10:40]
    edit_claims(report, lambda c: {"article": art.info()}, lambda c: c.article_key == key)
    page = html.render(report, rules)
    body = page[page.index('id="article-1"'):]
    assert "Au total" not in body and ">340 kg</mark>" in body
