"""The real-press index (eval/real/clusters.yaml) holds metadata and short quotes only."""

from pathlib import Path

import yaml

INDEX = Path(__file__).resolve().parent.parent / "eval" / "real" / "clusters.yaml"
SPLITS = {"tune", "validation", "holdout", "holdout2", "holdout3", "holdout4", "holdout4-dev-events", "holdout5", "holdout6", "holdout7", "holdout8", "holdout9", "holdout10", "holdout11", "holdout12"}
KINDS = {"count_conflict", "rounding", "unit_slip", "bound_conflict", "weekday_date", "period_conflict",
         "sum_mismatch", "digit_error", "other"}


def _clusters():
    return yaml.safe_load(INDEX.read_text(encoding="utf-8"))["clusters"]


def test_every_cluster_is_well_formed_and_in_a_known_split():
    clusters = _clusters()
    assert len({c["id"] for c in clusters}) == len(clusters)
    for c in clusters:
        assert c["split"] in SPLITS and c["lang"] in ("fr", "en") and c["annotator"]
        ids = [a["id"] for a in c["articles"]]
        assert len(set(ids)) == len(ids) >= 4
        for a in c["articles"]:
            assert a["url"].startswith("http") and a["query"] and a["outlet"]
        for k in c.get("conflicts") or []:
            assert k["kind"] in KINDS and k["severity"] in ("error", "warning") and k["scope"] in ("cross", "internal")
            assert {q["article"] for q in k["quotes"]} <= set(ids)


def test_quotes_are_short_and_no_text_is_kept():
    for c in _clusters():
        for section in ("agree", "conflicts"):
            for fact in c.get(section) or []:
                for q in fact["quotes"]:
                    assert 0 < len(q["quote"].split()) <= 12, (c["id"], q["quote"])
        assert not {"text", "body", "excerpt"} & set().union(*(a.keys() for a in c["articles"]))
