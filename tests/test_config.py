import pytest

from factcheck.cli import main
from factcheck.config import Config, configure_rules, describe, find_config, load_config, override, path_selected
from factcheck.errors import ConfigError
from factcheck.models import Rule


def _rules():
    mk = lambda rid, kind, sev: Rule(id=rid, name=rid.lower(), kind=kind, severity=sev, message={}, doc="d")  # noqa: E731
    return [mk("FC101", "unit_slip", "error"), mk("FC105", "rounding", "info"), mk("FC201", "rounding", "warning")]


def test_config_defaults_without_file(tmp_path):
    cfg = load_config(start=tmp_path)
    assert cfg.path is None and cfg.fail_on == "warning" and cfg.source("fail_on") == "default"


def test_config_found_in_pyproject_walking_up(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nlang = "en"\nfail-on = "error"\n')
    (tmp_path / "a" / "b").mkdir(parents=True)
    cfg = load_config(start=tmp_path / "a" / "b")
    assert cfg.lang == "en" and cfg.fail_on == "error"
    assert cfg.source("fail_on") == str((tmp_path / "pyproject.toml").resolve())


def test_config_pyproject_without_table_is_skipped(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert find_config(tmp_path) is None


def test_config_dotfile_wins_over_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nlang = "en"\n')
    (tmp_path / ".factcheck.toml").write_text('lang = "fr"\n')
    assert find_config(tmp_path).name == ".factcheck.toml"


def test_config_rule_dirs_relative_to_file(tmp_path):
    (tmp_path / ".factcheck.toml").write_text('rule-dirs = ["house"]\n')
    assert load_config(tmp_path / ".factcheck.toml").rule_dirs == [str((tmp_path / "house").resolve())]


@pytest.mark.parametrize("body, needle", [
    ('colour = "red"\n', "unknown key 'colour'"),
    ('fail-on = "fatal"\n', "'fail-on' must be one of"),
    ('select = "FC 101"\n', "'select': 'FC 101' is not a rule id, prefix or name"),
    ('ignore = ["FC10!"]\n', "'ignore': 'FC10!' is not a rule id, prefix or name"),
    ('lang = "de"\n', "'lang' must be one of"),
    ('story = "magic"\n', "'story' must be one of folder, auto"),
    ('story = true\n', "'story' must be one of folder, auto"),
    ('[rules.FC105]\nseverity = "loud"\n', "'rules.FC105.severity'"),
    ('lang = \n', "invalid TOML"),
])
def test_config_invalid_names_file_and_key(tmp_path, body, needle):
    path = tmp_path / ".factcheck.toml"
    path.write_text(body)
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert str(path) in str(err.value) and needle in str(err.value)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("name", ["pyproject.toml", ".factcheck.toml"])
@pytest.mark.parametrize("body, line", [
    ("[tool.factcheck\nlang = 'fr'\n", 1),
    ("[tool.factcheck]\nlang = 'fr'\nfail-on = = 'error'\n", 3),
    ("[tool.factcheck]\nlang = 'fr\n", 2),
])
def test_config_broken_toml_found_upwards_is_an_error(tmp_path, monkeypatch, name, body, line):
    # a configuration that cannot be read is not skipped: the run would go on with other settings
    (tmp_path / name).write_text(body)
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    with pytest.raises(ConfigError) as err:
        load_config()
    msg = str(err.value)
    assert msg.startswith(f"{tmp_path / name}:{line}:") and "invalid TOML" in msg and "\n" not in msg


def test_config_not_utf8_names_the_line(tmp_path):
    path = tmp_path / ".factcheck.toml"
    path.write_bytes(b'lang = "fr"\nselect = ["FC1"] # caf\xe9\n')
    with pytest.raises(ConfigError, match=r"\.factcheck\.toml:2: not UTF-8"):
        load_config(path)


def test_config_pyproject_key_named_with_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nbogus = 1\n')
    with pytest.raises(ConfigError, match="'tool.factcheck.bogus'"):
        load_config(tmp_path / "pyproject.toml")


def test_config_flags_override_file(tmp_path):
    (tmp_path / ".factcheck.toml").write_text('fail-on = "error"\nignore = ["FC105"]\n')
    cfg = override(load_config(tmp_path / ".factcheck.toml"), fail_on="info", select=["FC1,FC2"], ignore=None)
    assert cfg.fail_on == "info" and cfg.source("fail_on") == "--fail-on"
    assert cfg.select == ["FC1", "FC2"] and cfg.ignore == ["FC105"]


def test_config_select_ignore_prefixes():
    cfg = Config(select=["FC1"], ignore=["FC105"])
    assert [r.id for r in configure_rules(_rules(), cfg)] == ["FC101"]


def test_config_per_rule_severity_and_params():
    cfg = Config(rules={"FC105": {"severity": "warning", "max_rel": 0.02}})
    fc105 = configure_rules(_rules(), cfg)[1]
    assert fc105.severity == "warning" and fc105.params["max_rel"] == 0.02


@pytest.mark.parametrize("settings, needle", [
    ({"FC999": {"severity": "error"}}, "no such rule"),
    ({"FC105": {"tolerance": 1}}, "unknown parameter"),
    ({"FC105": {"max_rel": "big"}}, "must be a float"),
    ({"FC105": {"max_rel": float("inf")}}, "must be a finite number"),
    ({"FC105": {"max_rel": float("nan")}}, "must be a finite number"),
])
def test_config_bad_rule_settings(settings, needle):
    with pytest.raises(ConfigError, match=needle):
        configure_rules(_rules(), Config(rules=settings, path="x.toml"))


def test_config_select_unknown_prefix():
    with pytest.raises(ConfigError, match="no rule matches 'FC9'"):
        configure_rules(_rules(), Config(select=["FC9"]))


def test_config_include_exclude(tmp_path):
    cfg = Config(include=["stories/*"], exclude=["*/drafts/*"], root=str(tmp_path))
    assert path_selected("stories/a.md", cfg)
    assert not path_selected("stories/drafts/a.md", cfg)
    assert not path_selected("other/a.md", cfg)


def test_config_command_shows_sources(tmp_path, monkeypatch, capsys):
    (tmp_path / ".factcheck.toml").write_text('fail-on = "error"\n')
    monkeypatch.chdir(tmp_path)
    assert main(["config", "--ignore", "FC105"]) == 0
    out = capsys.readouterr().out
    assert ".factcheck.toml" in out and "--ignore" in out and "default" in out
    assert "FC105" not in out.split("rules run")[1]


def test_config_invalid_exits_2(tmp_path, monkeypatch, capsys):
    (tmp_path / ".factcheck.toml").write_text('fail-on = 3\n')
    monkeypatch.chdir(tmp_path)
    assert main(["config"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and ".factcheck.toml" in err


# Every place that selects a rule takes its id or its name (any case); a typo is an error
# that names the place and suggests the nearest rule.

from factcheck.rules import load_rules as _load_builtin  # noqa: E402

BUILTIN = _load_builtin()


@pytest.mark.parametrize("rule", BUILTIN, ids=[r.id for r in BUILTIN])
def test_config_select_ignore_and_settings_take_ids_and_names(tmp_path, rule):
    for ref in (rule.id, rule.name, rule.name.upper(), rule.id.lower()):
        path = tmp_path / ".factcheck.toml"
        path.write_text(f'select = ["{ref}"]\n')
        assert [r.id for r in configure_rules(BUILTIN, load_config(path))] == [rule.id]
        path.write_text(f'ignore = ["{ref}"]\n')
        assert rule.id not in [r.id for r in configure_rules(BUILTIN, load_config(path))]
        cfg = override(Config(), select=[f"{ref},FC1"], ignore=[ref])
        assert rule.id not in [r.id for r in configure_rules(BUILTIN, cfg)]
    path.write_text(f'[rules.{rule.name}]\nseverity = "info"\n')
    [configured] = [r for r in configure_rules(BUILTIN, load_config(path)) if r.id == rule.id]
    assert configured.severity == "info"


@pytest.mark.parametrize("body, needle", [
    ('select = ["FC1O1"]\n', "'select': no rule named 'FC1O1'; did you mean FC101 (unit-slip)?"),
    ('ignore = ["unit-slp"]\n', "'ignore': no rule named 'unit-slp'; did you mean FC101 (unit-slip)?"),
    ('ignore = ["FC199"]\n', "'ignore': no rule matches 'FC199'"),
    ('[rules.FC1O1]\nseverity = "info"\n', "'rules.FC1O1': not a rule id or name"),
    ('[rules.rounded]\nseverity = "info"\n', "'rules.rounded': no such rule; did you mean FC105 (rounding)?"),
    ('[rules.FC105]\nseverity = "info"\n[rules.rounding]\nseverity = "error"\n', "configured twice"),
])
def test_config_misspelt_rule_is_an_error_naming_file_and_key(tmp_path, body, needle):
    path = tmp_path / ".factcheck.toml"
    path.write_text(body)
    with pytest.raises(ConfigError) as err:
        configure_rules(BUILTIN, load_config(path))
    assert str(path) in str(err.value) and needle in str(err.value) and "\n" not in str(err.value)


def test_config_story_key_default_file_and_flag(tmp_path):
    assert load_config(start=tmp_path).story is None  # each command's default: check folder, index auto
    (tmp_path / ".factcheck.toml").write_text('story = "auto"\n')
    cfg = load_config(tmp_path / ".factcheck.toml")
    assert cfg.story == "auto" and cfg.source("story") == str(tmp_path / ".factcheck.toml")
    assert ("story", "auto", str(tmp_path / ".factcheck.toml")) in describe(cfg)
    assert override(cfg, story="folder").story == "folder" and cfg.source("story") == "--story"
    with pytest.raises(ConfigError, match="--story must be one of folder, auto"):
        override(cfg, story="magic")
