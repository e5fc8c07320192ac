"""Odd and hostile input at the command line: a run ends with findings (0/1) or with one
clear line on stderr and exit code 2, never with a traceback, whatever the files hold."""

from __future__ import annotations

import json

import pytest

from factcheck.cli import main

FRONT = "---\ntitle: t\ndate: {date}\nlang: fr\n---\n\n"
TEXT = "Les policiers ont saisi 720 kg de cocaïne mercredi 13 décembre. Il y a deux ans, ils étaient 300.\n"

# name -> (files, extra arguments, allowed exit codes)
CASES: dict[str, tuple[dict[str, str | bytes], list[str], set[int]]] = {
    # overflow and extremes
    "hundreds of digits": ({"a.txt": "Le budget est de " + "9" * 400 + " euros. " + TEXT}, ["--lang", "fr"], {0, 1}),
    "1e309": ({"a.txt": "Une valeur de 1e309 kg et 1,5e400 euros. " + TEXT}, ["--lang", "fr"], {0, 1}),
    "1e309 in English": ({"a.txt": "A value of 1e309 kg and 2e-400 tonnes was seized."}, ["--lang", "en"], {0, 1}),
    "power overflow": ({"a.txt": "La valeur est 10^999 kg ou 1,1^9999 tonnes. " + TEXT}, ["--lang", "fr"], {0, 1}),
    "grouped digits without end": ({"a.txt": " ".join(["123"] * 2000) + " €. " + TEXT}, ["--lang", "fr"], {0, 1}),
    "year 1 in front matter": ({"a.md": FRONT.format(date="0001-01-01") + TEXT}, [], {0, 1}),
    "year 9999 in front matter": ({"a.md": FRONT.format(date="9999-12-31") + "Demain, l'an prochain, "
                                   "lundi prochain et dans deux ans : " + TEXT}, [], {0, 1}),
    "year 9999 month only": ({"a.md": FRONT.format(date="9999-12") + "Le mois prochain. " + TEXT}, [], {0, 1}),
    "dates at the ends in text": ({"a.txt": "Le 31 décembre 9999, le 1/1/0001 et le 31/12/9999. " + TEXT},
                                  ["--lang", "fr"], {0, 1}),
    "year 1 in a feed": ({"a.jsonl": json.dumps({"text": TEXT, "lang": "fr", "date": "0001-01-01"}) + "\n"
                          + json.dumps({"text": TEXT, "lang": "fr", "date": "9999-12-31"}) + "\n"}, [], {0, 1}),
    "huge numbers in a feed": ({"a.jsonl": json.dumps({"text": "1e309 kg et " + "9" * 500 + " euros. " + TEXT,
                                                       "lang": "fr", "score": 1e308 * 10}) + "\n"}, [], {0, 1}),
    "durations beyond the calendar": ({"a.md": FRONT.format(date="2023-12-13") + "Depuis " + "9" * 60
                                       + " ans et il y a 1e300 ans. " + TEXT}, [], {0, 1}),
    # line endings and encodings
    "lone CR line endings": ({"a.md": (FRONT.format(date="2023-12-13") + TEXT).replace("\n", "\r")}, [], {0, 1}),
    "CRLF line endings": ({"a.md": (FRONT.format(date="2023-12-13") + TEXT).replace("\n", "\r\n")}, [], {0, 1}),
    "mixed line endings": ({"a.md": "---\r\ntitle: t\rlang: fr\n---\r" + TEXT}, [], {0, 1}),
    "CR feed": ({"a.jsonl": "\r".join(json.dumps({"text": TEXT, "lang": "fr"}) for _ in range(3)) + "\r"}, [], {0, 1}),
    "UTF-8 BOM": ({"a.md": "\ufeff" + FRONT.format(date="2023-12-13") + TEXT}, [], {0, 1}),
    "UTF-16 BOM": ({"a.md": ("\ufeff" + FRONT.format(date="2023-12-13") + TEXT).encode("utf-16-le")}, [], {0, 1}),
    "UTF-16 without BOM": ({"a.md": (FRONT.format(date="2023-12-13") + TEXT).encode("utf-16-le")}, [], {2}),
    "NUL byte": ({"a.txt": TEXT.encode() + b"\x00"}, ["--lang", "fr"], {2}),
    "NUL escape in a feed": ({"a.jsonl": json.dumps({"text": "720 kg\u0000 saisis.", "lang": "fr"}) + "\n"}, [],
                             {0, 1, 2}),
    "lone surrogate escape in a feed": ({"a.jsonl": '{"text": "720 kg \\udca0 saisis.", "lang": "fr"}\n'}, [], {0, 1}),
    "front matter never closed": ({"a.md": "---\rtitle: t\r\rTexte.\r"}, [], {2}),
    # long and pathological text (sizes kept small here: bench/ and make fuzz time the large ones)
    "a line of digits": ({"a.txt": "1" * 200_000 + "\n" + TEXT}, ["--lang", "fr"], {0, 1}),
    "spaced digits": ({"a.txt": " ".join(str(i % 10) for i in range(50_000)) + " kg. " + TEXT}, ["--lang", "fr"],
                      {0, 1}),
    "zero-width spaces between digits": ({"a.txt": "Le total est de 1" + "\u200b" * 50_000 + "2 euros. " + TEXT},
                                         ["--lang", "fr"], {0, 1}),
    "a line past spaCy's max length": ({"a.txt": "Il y a 5 kg " + "x" * 1_000_100 + " et 7 kg.\n"}, ["--lang", "fr"],
                                       {0, 1}),
    "a huge title": ({"a.md": "---\ntitle: " + "Saisie à Caen " * 80_000 + "\nlang: fr\n---\n\n" + TEXT}, [], {0, 1}),
    "markup runs": ({"a.md": "# 5 kg" + " " * 50_000 + "x\n\n|-" + " " * 50_000 + "x\n\n" + "<" * 50_000 + TEXT},
                    ["--lang", "fr"], {0, 1}),
}


def _run(tmp_path, capsys, files, extra, command):
    for name, data in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8", newline="")
    paths = [str(tmp_path / n) for n in files if not n.endswith((".toml", ".yaml"))]
    code = main([command, *paths, "--format", "json", *extra])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("command", ["extract", "check"])
@pytest.mark.parametrize("name", list(CASES))
def test_hostile_input_ends_cleanly(tmp_path, capsys, name, command):
    files, extra, codes = CASES[name]
    code, out, err = _run(tmp_path, capsys, files, extra, command)
    assert code in codes, (code, err)
    if code == 2:
        assert err.startswith("factcheck: error: ") and err.count("\n") == 1, err
    else:
        data = json.loads(out)  # valid JSON: no Infinity, no NaN
        for claim in data.get("claims", []) + [c for f in data.get("findings", []) for c in f["claims"]]:
            assert isinstance(claim["value"], (int, float)) and abs(claim["value"]) <= 1e100


@pytest.mark.parametrize("argv, needle", [
    (["check", "{a}", "--jobs", "100000"], "--jobs"),
    (["check", "{a}", "--min-confidence", "nan"], "--min-confidence"),
    (["check", "{a}", "--config", "{dir}"], "no such configuration file"),
    (["check", "{a}", "--rule-dir", "{dir}/nowhere"], "no such rule directory"),
    (["extract", "{dir}/nowhere.md"], "no such file or folder"),
])
def test_hostile_command_line_use(tmp_path, capsys, argv, needle):
    (tmp_path / "a.md").write_text("---\nlang: fr\n---\n\n" + TEXT, encoding="utf-8")
    code = main([a.format(a=tmp_path / "a.md", dir=tmp_path) for a in argv])
    err = capsys.readouterr().err
    assert code == 2 and needle in err.splitlines()[-1], err


@pytest.mark.parametrize("name, body, extra, needle", [
    ("pyproject.toml", "[tool.factcheck\nlang = 'fr'\n", [], "pyproject.toml:1:16: invalid TOML"),
    ("pyproject.toml", "[project]\nname = 'x'\n[tool.factcheck]\nlang = = 'fr'\n", [], "pyproject.toml:4:8: invalid TOML"),
    (".factcheck.toml", "[rules.FC105]\nmax_rel = nan\n", [], "must be a finite number"),
    ("house/FC901-x.yaml", "id: FC901\n  name: [unclosed\n", ["--rule-dir", "house"], "FC901-x.yaml:2: invalid YAML"),
])
def test_hostile_configuration_that_cannot_be_read(tmp_path, monkeypatch, capsys, name, body, extra, needle):
    # a broken configuration stops the run (exit 2, file and line), it is never skipped
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_text(body, encoding="utf-8")
    (tmp_path / "a.md").write_text("---\nlang: fr\n---\n\n" + TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = main(["check", "a.md", *extra])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and needle in err, err
