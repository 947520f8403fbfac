"""The interactive page without a browser: one self-contained file, the same bytes, text kept as text."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import argmap
from argmap.cli import main
from argmap.rendering.html import script_json
from argmap.rendering.options import RenderOptions

MAPS = Path(__file__).parent.parent / "maps"
HOSTILE = Path(__file__).parent / "html" / "hostile.argmap"


def data_of(page: str) -> dict[str, object]:
    found = re.search(r'<script type="application/json" id="argmap-data">(.*?)</script>', page, re.DOTALL)
    assert found is not None
    loaded: dict[str, object] = json.loads(found.group(1))
    return loaded


def parts_of(page: str) -> list[list[Any]]:
    found = re.search(r'<script type="application/json" id="argmap-parts">(.*?)</script>', page, re.DOTALL)
    assert found is not None
    loaded: list[list[Any]] = json.loads(found.group(1))
    return loaded


def markup_of(page: str) -> str:
    """The page without the contents of its scripts."""
    return re.sub(r"(<script\b[^>]*>).*?</script>", r"\1</script>", page, flags=re.DOTALL)


def test_the_page_is_one_file_without_anything_to_fetch() -> None:
    page = argmap.render(argmap.load(MAPS / "drug-trial.argmap"), "html").decode("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert markup_of(page).count("<svg") == 1
    assert not re.search(r"""<(?:script|link|img|iframe)[^>]*\s(?:src|href)=""", page)
    assert "@import" not in page and "url(" not in page
    assert "<?xml" not in page and "<!DOCTYPE svg" not in page


def test_the_page_is_the_same_bytes_every_time() -> None:
    m = argmap.load(MAPS / "peace-talks.argmap")
    assert argmap.render(m, "html") == argmap.render(m, "html")


def test_the_data_names_every_statement_and_inference_of_the_map() -> None:
    m = argmap.load(MAPS / "drug-trial.argmap")
    data = data_of(argmap.render(m, "html").decode("utf-8"))
    assert set(data["statements"]) == {s.id for s in m.statements()}  # type: ignore[call-overload]
    assert len(data["inferences"]) == sum(1 for _ in m.inferences())  # type: ignore[arg-type]
    assert data["evaluation"] is None


def test_script_json_cannot_close_the_script_or_start_markup() -> None:
    text = script_json({"a": "</script><!-- & \u2028\u2029 -->"})
    assert not re.search("[<>&\u2028\u2029]", text)
    assert json.loads(text) == {"a": "</script><!-- & \u2028\u2029 -->"}


def test_a_hostile_map_stays_text() -> None:
    page = argmap.render(argmap.load(HOSTILE), "html").decode("utf-8")
    scripts = re.findall(r"<script\b", page)
    assert len(scripts) == 3  # the data, the picture's parts and the page's own script; nothing from the map
    assert not any("<script" in row[-1] for row in parts_of(page))
    assert not re.search(r"""href=["']?\s*javascript""", page, re.IGNORECASE)
    assert "<img" not in page and "<iframe" not in page and "<b>" not in page
    data = data_of(page)
    statements = data["statements"]
    assert isinstance(statements, dict)
    assert statements["t"]["url"] is None and statements["t"]["source"]["url"] is None
    assert statements["t"]["text"].startswith("<script>")  # kept, as text


def test_evaluate_puts_statuses_caption_and_critical_points_in_the_page() -> None:
    m = argmap.load(MAPS / "drug-trial.argmap")
    options = RenderOptions(format="html", evaluate=True, reject=("a_result",))
    data = data_of(argmap.render(m, options=options).decode("utf-8"))
    evaluation = data["evaluation"]
    assert isinstance(evaluation, dict)
    assert evaluation["reject"] == ["a_result"] and evaluation["semantics"] == "grounded"
    assert evaluation["statuses"]["a_result"] == "out"
    assert set(evaluation["critical"]) == {"z_effective"}


def test_the_command_line_writes_a_page_named_html(tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    assert main(["render", str(MAPS / "four-day-week.argmap"), "-o", str(out), "-q"]) == 0
    assert out.read_bytes().startswith(b"<!DOCTYPE html>")


def test_the_command_line_page_with_evaluate(tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    assert main(["render", str(MAPS / "drug-trial.argmap"), "-f", "html", "-o", str(out), "-q", "--evaluate"]) == 0
    assert data_of(out.read_text("utf-8"))["evaluation"] is not None


def test_the_page_holds_every_node_and_edge_of_the_picture_once_with_its_box() -> None:
    m = argmap.load(MAPS / "drug-trial.argmap")
    svg = argmap.render(m, "svg").decode("utf-8")
    map_svg, key = svg.split('<g id="argmap-legend" class="legend"', 1)
    drawn = re.findall(r'<g id="([^"]*)" class="(?:node|edge)\b', map_svg)
    page = argmap.render(m, "html").decode("utf-8")
    rows = parts_of(page)
    assert [row[0] for row in rows] == [name.replace("&#45;", "-") for name in drawn]
    # the map's nodes and edges only as parts; the few of the legend and references under it stay markup
    in_markup = re.findall(r'<g id="([^"]*)" class="(?:node|edge)\b', markup_of(page))
    assert in_markup == re.findall(r'<g id="([^"]*)" class="(?:node|edge)\b', key)
    assert in_markup and all(name.startswith(("argmap&#45;legend&#45;", "argmap&#45;references")) for name in in_markup)
    assert markup_of(page).count('class="cluster section"') == 4  # the sections' boxes stay markup
    thesis = next(row for row in rows if row[0] == "statement-z_effective")
    x, y, width, height = thesis[2:6]
    shape = re.search(r'd="M([-\d.]+),([-\d.]+)', thesis[-1])
    assert shape is not None and width > 50 and height > 20
    assert x <= float(shape.group(1)) <= x + width and y <= float(shape.group(2)) <= y + height


def test_the_data_holds_each_inferences_critical_questions_and_what_it_raises() -> None:
    m = argmap.load(MAPS / "drug-trial.argmap")
    inferences = data_of(argmap.render(m, "html").decode("utf-8"))["inferences"]
    assert isinstance(inferences, dict)
    questions = {q["key"]: q for q in inferences["a_inf"]["questions"]}
    assert questions["third_factor"]["state"] == "answered"
    assert questions["direction"] == {
        "key": "direction",
        "type": "assumption",
        "text": "Is there good evidence that the causal relationship goes from A to B, and not just from B to A?",
        "state": "open",
    }
    assert inferences["unblind_u"]["raises"] == "third_factor" and inferences["unblind_u"]["questions"] == []
