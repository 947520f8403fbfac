"""Configuration files: found like Ruff finds its own, options win over them, mistakes named by file, line and key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.cli import exit_codes

from .conftest import argmap_process

run = argmap_process

#: A map with one warning (W201 for `aside`) and nothing else.
MAP = 'thesis t "Tea is good."\nclaim c "Tea is tasty."\nc supports t\nclaim aside "Tea is old."\n'


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "maps" / "drafts").mkdir(parents=True)
    (tmp_path / "maps" / "tea.argmap").write_text(MAP, encoding="utf-8")
    (tmp_path / "maps" / "drafts" / "draft.argmap").write_text(MAP, encoding="utf-8")
    return tmp_path


def codes(out: str) -> list[str]:
    return [d["code"] for d in json.loads(out)]


def test_pyproject_is_found_by_walking_up_from_the_map(project: Path) -> None:
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.argmap]\nignore = ["W201"]\n')
    code, out, _ = run("check", "--strict", "drafts/draft.argmap", cwd=project / "maps")
    assert (code, out.strip()) == (exit_codes.OK, "All checks passed (1 file).")


def test_a_pyproject_without_an_argmap_table_is_passed_over(project: Path) -> None:
    (project / "argmap.toml").write_text('ignore = ["W201"]\n')
    (project / "maps" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert run("check", "--strict", "maps", cwd=project)[0] == exit_codes.OK


def test_the_nearest_file_wins_and_argmap_toml_before_pyproject(project: Path) -> None:
    (project / "argmap.toml").write_text('ignore = ["W201"]\n')
    (project / "maps" / "drafts" / "argmap.toml").write_text('select = ["E"]\n')
    (project / "maps" / "drafts" / "pyproject.toml").write_text('[tool.argmap]\nselect = ["W"]\n')
    _, out, _ = run("check", "--format", "json", "maps/drafts/draft.argmap", cwd=project)
    assert codes(out) == []  # drafts/argmap.toml: only errors
    (project / "maps" / "drafts" / "argmap.toml").unlink()
    _, out, _ = run("check", "--format", "json", "maps/drafts/draft.argmap", cwd=project)
    assert codes(out) == ["W201"]  # drafts/pyproject.toml: only warnings, the top file's ignore not merged


def test_isolated_reads_no_file_and_config_names_one(project: Path) -> None:
    (project / "argmap.toml").write_text('ignore = ["W201"]\n')
    (project / "other.toml").write_text('select = ["E"]\n')
    assert codes(run("check", "--format", "json", "--isolated", "maps/tea.argmap", cwd=project)[1]) == ["W201"]
    assert run("check", "--strict", "--config", "other.toml", "maps/tea.argmap", cwd=project)[0] == exit_codes.OK


def test_command_line_select_replaces_and_ignore_adds(project: Path) -> None:
    (project / "argmap.toml").write_text('select = ["E"]\n')
    assert codes(run("check", "--format", "json", "--select", "W", "maps/tea.argmap", cwd=project)[1]) == ["W201"]
    (project / "argmap.toml").write_text('ignore = ["W202"]\n')
    assert codes(run("check", "--format", "json", "--ignore", "W201", "maps/tea.argmap", cwd=project)[1]) == []


def test_per_file_ignores_match_paths_relative_to_the_file(project: Path) -> None:
    (project / "argmap.toml").write_text('[per-file-ignores]\n"maps/drafts/*.argmap" = ["unrelated-statement"]\n')
    _, out, _ = run("check", "--format", "json", "maps", cwd=project)
    assert [(Path(d["path"]).name, d["code"]) for d in json.loads(out)] == [("tea.argmap", "W201")]


def test_render_defaults_come_from_the_file(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.argmap.render]\ntheme = "dark"\ndirection = "right"\nout-dir = "site/maps"\nformats = ["dot", "json"]\n'
    )
    code, _, err = run("render", "tea.argmap", cwd=project / "maps")
    assert code == exit_codes.OK, err
    dot = (project / "site" / "maps" / "tea.dot").read_text(encoding="utf-8")
    assert "rankdir=LR" in dot and 'bgcolor="#0d1117"' in dot
    assert json.loads((project / "site" / "maps" / "tea.json").read_text(encoding="utf-8"))
    code, out, _ = run("render", "--direction", "down", "-f", "dot", "-o", "-", "maps/tea.argmap", cwd=project)
    assert code == exit_codes.OK
    assert "rankdir=TB" in out and 'bgcolor="#0d1117"' in out  # the option wins, the file fills the rest


def test_evaluate_semantics_come_from_the_file(project: Path) -> None:
    (project / "argmap.toml").write_text('[evaluate]\nsemantics = "preferred"\n')
    _, out, _ = run("evaluate", "--format", "json", "maps/tea.argmap", cwd=project)
    assert json.loads(out)["semantics"] == "preferred"
    _, out, _ = run("evaluate", "--format", "json", "--semantics", "stable", "maps/tea.argmap", cwd=project)
    assert json.loads(out)["semantics"] == "stable"
    dot = run("render", "-f", "dot", "-o", "-", "maps/tea.argmap", cwd=project)
    assert dot[0] == exit_codes.OK  # evaluate settings do not apply to a picture that is not evaluated


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[tool.argmap.render]\ntheme = "darkk"\n',
            "pyproject.toml:2: tool.argmap.render.theme: unknown theme `darkk`; choose one of default, print, dark",
        ),
        (
            '[tool.argmap]\nselect = ["E"]\nignor = ["W"]\n',
            "pyproject.toml:3: tool.argmap.ignor: unknown key; did you mean `ignore`?",
        ),
        (
            '[tool.argmap]\nignore = ["W999"]\n',
            "pyproject.toml:2: tool.argmap.ignore: no diagnostic code or name matches `W999`",
        ),
        (
            '[tool.argmap]\nrequire-questions = ["expert opinion"]\n',
            "pyproject.toml:2: tool.argmap.require-questions: `expert opinion` is not a scheme key",
        ),
        (
            '[tool.argmap]\nignore = "W2"\n',
            "pyproject.toml:2: tool.argmap.ignore: expected a list of strings, found 'W2'",
        ),
        (
            '[tool.argmap.evaluate]\nsemantics = "best"\n',
            "pyproject.toml:2: tool.argmap.evaluate.semantics: unknown semantics `best`",
        ),
        (
            '[tool.argmap.render]\nformats = ["gif"]\n',
            "pyproject.toml:2: tool.argmap.render.formats: unknown format `gif`",
        ),
        ("[tool.argmap]\nselect = [\n", "pyproject.toml: not valid TOML: "),
    ],
)
def test_mistakes_in_the_file_name_file_line_and_key(project: Path, text: str, message: str) -> None:
    (project / "pyproject.toml").write_text(text, encoding="utf-8")
    for command in (["check"], ["render", "-f", "dot", "-o", "-"], ["evaluate"]):
        code, _, err = run(*command, "maps/tea.argmap", cwd=project)
        assert code == exit_codes.USAGE
        assert f"argmap: error: {project / 'pyproject.toml'}"[: -len("pyproject.toml")] in err
        assert message in err
        assert "Traceback" not in err


def test_config_naming_a_pyproject_without_a_table_is_an_error(project: Path) -> None:
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n')
    code, _, err = run("check", "--config", "pyproject.toml", "maps", cwd=project)
    assert code == exit_codes.USAGE and "pyproject.toml: has no [tool.argmap] table" in err
    code, _, err = run("check", "--config", "missing.toml", "maps", cwd=project)
    assert code == exit_codes.USAGE and "cannot read configuration missing.toml" in err


#: A map whose expert-opinion argument has every question open but one.
REVIEWED = """\
thesis t "Tea is good for you."
claim c "A nutritionist says tea is good for you."
claim field "The nutritionist studies diet and health." { tags: [expertise] }
argument a: field + c => t { scheme: expert_opinion }
objection paid "The nutritionist is paid by a tea company."
undercut u: paid => a { raises: trustworthiness }
"""


def test_require_questions_in_the_file_makes_strict_check_demand_every_question(tmp_path: Path) -> None:
    (tmp_path / "tea.argmap").write_text(REVIEWED, encoding="utf-8")
    assert run("check", "--strict", "tea.argmap", cwd=tmp_path)[0] == exit_codes.OK
    (tmp_path / "argmap.toml").write_text('require-questions = ["expert_opinion"]\n')
    code, out, _ = run("check", "--strict", "--format", "json", "tea.argmap", cwd=tmp_path)
    assert code == exit_codes.FOUND and codes(out) == ["W215"] * 5  # six questions, one raised
    (tmp_path / "argmap.toml").write_text('require-questions = ["sign"]\n')  # a scheme the map does not use
    assert run("check", "--strict", "tea.argmap", cwd=tmp_path)[0] == exit_codes.OK
    (tmp_path / "argmap.toml").write_text('require-questions = ["all"]\nignore = ["W215"]\n')
    assert run("check", "--strict", "tea.argmap", cwd=tmp_path)[0] == exit_codes.OK


def test_require_questions_in_the_file_takes_a_scheme_the_map_defines_and_refuses_an_unknown_one(
    tmp_path: Path,
) -> None:
    own = 'scheme sunk_talks "Sunk talks" { question real premise "Was it real?" }\n'
    (tmp_path / "talks.argmap").write_text(
        own + 'thesis t "T"\nclaim c "C"\nargument a: c => t { scheme: sunk_talks }\n', encoding="utf-8"
    )
    (tmp_path / "argmap.toml").write_text('require-questions = ["sunk_talks"]\n')
    code, out, _ = run("check", "--format", "json", "talks.argmap", cwd=tmp_path)
    assert code == exit_codes.OK and codes(out) == ["W215"]
    (tmp_path / "argmap.toml").write_text('require-questions = ["sunk_talk"]\n')
    code, _, err = run("check", "talks.argmap", cwd=tmp_path)
    assert code == exit_codes.USAGE
    why = "no scheme `sunk_talk` in the catalogue or the maps; did you mean `sunk_talks`?"
    assert err == f"argmap: error: {tmp_path / 'argmap.toml'}: require-questions: {why}\n"
