"""Fit the same-fact confidence model on annotated real press clusters.

    python scripts/fit_confidence.py --cluster-index INDEX.yaml --texts DIR [--cluster-index … --texts …]
        [--split tune] [--write factcheck/data/confidence.json]

Each index is in the annotation format of ``eval/real/README.md`` (clusters of articles,
``agree`` and ``conflicts`` facts located by short quotes); the texts are fetched again
and kept outside the repository (DIR/<cluster-id>/<article-id>.md). Every candidate pair
the aligner proposes and would compare is labelled: 1 when both claims sit on quotes of one annotated fact,
else 0. A logistic regression (scikit-learn) is cross-validated with the clusters as
groups, so no cluster is both fitted and scored, then fitted on all of them; its weights
are written as data for ``factcheck.align.confidence``. Only clusters of the given split
are used (clusters without a split are development clusters and are used).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys

import yaml

_SPACE = re.compile(r"[\s\u00a0\u202f\u2007\u2009\u200a\u200b\ufeff]+")
_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def normalise(text: str) -> tuple[str, list[int]]:
    out, pos, i = [], [], 0
    while i < len(text):
        m = _SPACE.match(text, i)
        if m:
            out.append(" ")
            pos.append(i)
            i = m.end()
            continue
        out.append(text[i].translate(_APOS))
        pos.append(i)
        i += 1
    return "".join(out), pos


def spans(quote: str, text: str) -> list[tuple[int, int]]:
    norm, pos = normalise(text)
    q = _SPACE.sub(" ", quote.translate(_APOS)).strip()
    found, k = [], norm.find(q)
    while q and k >= 0:
        end = pos[k + len(q) - 1] + 1
        found.append((pos[k], end))
        k = norm.find(q, k + 1)
    return found


def labelled_pairs(index: str, texts: str, split: str):
    from factcheck.align import align
    from factcheck.align.confidence import evidence
    from factcheck.extract.pipeline import extract_articles
    from factcheck.load import load_paths

    data = yaml.safe_load(open(index, encoding="utf-8"))
    for cl in data["clusters"]:
        if cl.get("split", split) != split:
            continue
        folder = os.path.join(texts, cl["id"])
        if not os.path.isdir(folder):
            continue
        articles = load_paths([folder])
        claims = extract_articles(articles)
        by_name = {os.path.splitext(os.path.basename(a.path))[0]: a for a in articles}
        facts: dict[tuple[str, int, int], set[int]] = {}
        where: list[tuple[str, int, int, int]] = []
        for n, fact in enumerate((cl.get("agree") or []) + (cl.get("conflicts") or [])):
            for q in fact["quotes"]:
                art = by_name.get(str(q["article"]))
                if art is not None:
                    for s, e in spans(q["quote"], art.file_text):
                        where.append((art.path, s, e, n))

        def fact_ids(c) -> set[int]:
            return {n for p, s, e, n in where if p == c.path and c.start < e and s < c.end}

        for cand in align(claims):
            if cand.different or cand.update:
                continue  # never compared: their confidence decides nothing
            fa, fb = fact_ids(cand.a), fact_ids(cand.b)
            yield cl["id"], evidence(cand), int(bool(fa & fb))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cluster-index", action="append", required=True, dest="indexes")
    ap.add_argument("--texts", action="append", required=True)
    ap.add_argument("--split", default="tune")
    ap.add_argument("--write", default="")
    args = ap.parse_args()
    if len(args.indexes) != len(args.texts):
        ap.error("give one --texts per --cluster-index")
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import brier_score_loss, roc_auc_score
    from sklearn.model_selection import GroupKFold

    from factcheck.align.confidence import EVIDENCE

    rows = [r for idx, tx in zip(args.indexes, args.texts) for r in labelled_pairs(idx, tx, args.split)]
    if not rows:
        print("fit_confidence: no labelled pairs (are the texts fetched?)", file=sys.stderr)
        return 2
    groups = np.array([r[0] for r in rows])
    X = np.array([[r[1][k] for k in EVIDENCE] for r in rows])
    y = np.array([r[2] for r in rows])
    clusters = sorted(set(groups))
    pred = np.zeros(len(y))
    folds = GroupKFold(n_splits=min(5, len(clusters)))
    for train, test in folds.split(X, y, groups):
        m = LogisticRegression(C=1.0, max_iter=2000).fit(X[train], y[train])
        pred[test] = m.predict_proba(X[test])[:, 1]
    auc = roc_auc_score(y, pred) if 0 < y.sum() < len(y) else float("nan")
    brier = brier_score_loss(y, pred)
    model = LogisticRegression(C=1.0, max_iter=2000).fit(X, y)
    print(f"pairs {len(y)} same-fact {int(y.sum())} clusters {len(clusters)} "
          f"cross-validated by cluster: AUC {auc:.3f} Brier {brier:.3f}")
    out = {
        "intercept": round(float(model.intercept_[0]), 4),
        "weights": {k: round(float(w), 4) for k, w in zip(EVIDENCE, model.coef_[0])},
        "fitted_on": {"pairs": len(y), "same_fact": int(y.sum()), "clusters": len(clusters),
                      "split": args.split, "cv_auc": round(auc, 3), "cv_brier": round(brier, 3),
                      "date": dt.date.today().isoformat()},
    }
    if args.write:
        with open(args.write, "w", encoding="utf-8") as fh:
            json.dump(out, fh, indent=2)
            fh.write("\n")
    else:
        print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
