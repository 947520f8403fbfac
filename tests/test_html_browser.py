"""The interactive page in a real browser: headless Chromium from the system, driven by Playwright."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap.rendering.options import RenderOptions
from tests.browser import ARGS, chromium

MAPS = Path(__file__).parent.parent / "maps"
HOSTILE = Path(__file__).parent / "html" / "hostile.argmap"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless Chromium, or a skip that says what is missing."""
    with launched_browser() as launched:
        yield launched


@contextlib.contextmanager
def launched_browser() -> Iterator[Any]:
    """A headless Chromium, or a skip that says what is missing."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright is not installed (pip install -e '.[test]')")
    binary = chromium()
    if binary is None:
        pytest.skip("no Chromium found (apt-get install chromium, or set ARGMAP_CHROMIUM)")
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=binary, args=ARGS, headless=True)
        yield launched
        launched.close()


class Opened:
    """A page opened from a file (or an address), with every request, dialog and console error it caused."""

    def __init__(self, browser: Any, path: Path | str, budget: int | None = None) -> None:
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": 1200, "height": 800})
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        if budget is not None:  # the most nodes and edges the page builds for one view
            self.page.add_init_script(f"window.argmapBudget = {budget}")
        self.page.goto(path.as_uri() if isinstance(path, Path) else path)
        self.page.wait_for_selector("body[data-ready=true]")

    def visible(self, selector: str) -> int:
        return int(
            self.page.locator(selector).evaluate_all(
                "els => els.filter(e => e.getBoundingClientRect().width > 0).length"
            )
        )


def write_page(tmp_path: Path, source: Path, options: RenderOptions | None = None) -> Path:
    out = tmp_path / (source.stem + ".html")
    out.write_bytes(argmap.render(argmap.load(source), options=options or RenderOptions(format="html")))
    return out


@pytest.fixture
def drug_trial(browser: Any, tmp_path: Path) -> Iterator[Opened]:
    opened = Opened(browser, write_page(tmp_path, MAPS / "drug-trial.argmap"))
    yield opened
    opened.page.close()


def test_the_page_opens_from_disk_without_a_network_request(drug_trial: Opened) -> None:
    assert [url for url in drug_trial.requests if not url.startswith("file://")] == []
    assert len(drug_trial.requests) == 1  # the file itself
    assert drug_trial.errors == []


def test_every_statement_and_inference_is_one_focusable_element(drug_trial: Opened) -> None:
    m = argmap.load(MAPS / "drug-trial.argmap")
    expected = sum(1 for _ in m.statements()) + sum(1 for _ in m.inferences())
    assert drug_trial.page.locator("svg [data-ref][tabindex='0']").count() == expected
    label = drug_trial.page.locator("#statement-z_effective").get_attribute("aria-label")
    assert label == "thesis: Compound Z is an effective preventive treatment for episodic migraine in adults."


def test_search_finds_and_enter_centres_the_match(drug_trial: Opened) -> None:
    page = drug_trial.page
    page.fill("#search", "placebo")
    assert page.locator(".node.match").count() >= 2
    page.fill("#search", "unblinding")
    found = page.locator(".match").count()
    page.press("#search", "Enter")
    page.press("#search", "Enter")
    assert found >= 1 and page.text_content("#found") == f"{min(2, found)} of {found}"
    assert page.locator(".current").count() == 1
    assert "unblinding" in (page.locator(".current").get_attribute("aria-label") or "").lower() + (
        page.locator(".current").get_attribute("data-ref") or ""
    )
    box = page.locator(".current").bounding_box()
    view = page.locator("#view").bounding_box()
    assert box is not None and view is not None
    centre = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    middle = (view["x"] + view["width"] / 2, view["y"] + view["height"] / 2)
    assert abs(centre[0] - middle[0]) < 2 and abs(centre[1] - middle[1]) < 2


def test_search_by_actor_and_source(drug_trial: Opened) -> None:
    page = drug_trial.page
    page.fill("#search", "independent statistician")
    by_actor = page.locator(".node.match").count()
    page.fill("#search", "Review C")
    assert by_actor >= 1 and page.locator(".node.match").count() >= 1


def test_the_panel_shows_source_quote_and_relations_and_moves_along_them(drug_trial: Opened) -> None:
    page = drug_trial.page
    page.focus("#statement-a_result")
    page.keyboard.press("Enter")
    panel = page.locator("#panel")
    assert panel.is_visible()
    assert "Trial A (2019)" in panel.inner_text()
    page.locator("#panel button.link", has_text="a_shows:").first.click()
    assert page.locator("#panel h2").inner_text().startswith("At 50 mg, Compound Z")


def test_the_panel_shows_the_source_link(browser: Any, tmp_path: Path) -> None:
    source = tmp_path / "linked.argmap"
    source.write_text(
        'source s "A report" { url: "https://example.org/report", author: "R. Author", date: 2024 }\n'
        'thesis t "Tea is good." { source: s, quote: "tea is good" }\n'
    )
    opened = Opened(browser, write_page(tmp_path, source))
    opened.page.click("#statement-t")
    link = opened.page.locator("#panel a")
    assert link.get_attribute("href") == "https://example.org/report"
    assert link.inner_text() == "A report"
    assert "R. Author, 2024" in opened.page.locator("#panel").inner_text()
    assert "tea is good" in opened.page.locator("#panel blockquote").inner_text()


def test_an_inference_panel_names_premises_conclusion_scheme_and_undercut(drug_trial: Opened) -> None:
    page = drug_trial.page
    page.evaluate("argmapPage.open('a_inf')")
    text = page.locator("#panel").inner_text()
    assert "a_design" in text and "a_shows" in text and "correlation_to_cause" in text
    assert "Expectation, not the drug?" in text  # the undercut


def test_folding_a_section_hides_its_statements_and_keeps_lines_into_it(drug_trial: Opened) -> None:
    page = drug_trial.page
    before = drug_trial.visible(".node.statement")
    page.select_option("#sections", "trial_a")
    assert drug_trial.visible(".node.statement") == before - 4
    assert not page.locator("#statement-a_design").is_visible()
    box = page.locator(".fold-box")
    assert "4 statements" in (box.get_attribute("aria-label") or "")
    assert page.locator("#edge-support\\.a_shows\\.z_effective, [id^='edge-'][id*='a_shows']").first.is_visible()
    box.click()
    assert drug_trial.visible(".node.statement") == before


def test_zoom_keys_change_the_view_and_0_fits(drug_trial: Opened) -> None:
    page = drug_trial.page
    fitted = page.evaluate("argmapPage.state().k")
    page.focus("#view")
    page.keyboard.press("+")
    assert page.evaluate("argmapPage.state().k") > fitted
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("0")
    assert page.evaluate("argmapPage.state().k") == pytest.approx(fitted)


def test_the_view_keeps_its_centre_and_zoom_on_resize(drug_trial: Opened) -> None:
    page = drug_trial.page
    page.evaluate("argmapPage.zoom(2)")
    before = page.evaluate("argmapPage.state()")
    page.set_viewport_size({"width": 900, "height": 700})
    assert page.evaluate("argmapPage.state()") == before


def test_the_status_overlay_toggles_and_a_thesis_shows_its_critical_points(browser: Any, tmp_path: Path) -> None:
    options = RenderOptions(format="html", evaluate=True)
    opened = Opened(browser, write_page(tmp_path, MAPS / "drug-trial.argmap", options))
    page = opened.page
    assert "grounded" in page.locator("#caption").inner_text()
    fill = "getComputedStyle(document.querySelector('#statement-a_result a > :first-child')).fill"
    with_overlay = page.evaluate(fill)
    page.uncheck("#overlay")
    without = page.evaluate(fill)
    assert with_overlay != without
    assert page.evaluate("document.body.classList.contains('overlay')") is False
    page.check("#overlay")
    page.click("#statement-z_effective")
    assert "Critical points" in page.locator("#panel").inner_text()
    assert page.locator(".node.critical").count() >= 1
    assert opened.errors == []


def test_a_hostile_map_executes_nothing(browser: Any, tmp_path: Path) -> None:
    opened = Opened(browser, write_page(tmp_path, HOSTILE, RenderOptions(format="html", evaluate=True)))
    page = opened.page
    for ref in ("t", "c", "d", "a", "u", "o"):
        page.evaluate(f"argmapPage.open({ref!r})")
    page.fill("#search", "script")
    page.press("#search", "Enter")
    page.select_option("#sections", "s")
    assert page.locator("#panel").inner_text().count("<script>") >= 1  # shown as text
    assert opened.dialogs == [] and opened.errors == []
    assert page.locator("script").count() == 3  # the data, the picture's parts, the page's script
    assert page.locator("a[href^='javascript'], [onerror], [onload], [onmouseover]").count() == 0
    assert [url for url in opened.requests if not url.startswith("file://")] == []
    assert page.title().startswith("</title><script>")


@pytest.fixture
def as_big_map(browser: Any, tmp_path: Path) -> Iterator[Opened]:
    """The drug trial's page drawn as a big map is: at most 20 nodes and edges (of 66) built for one view."""
    opened = Opened(browser, write_page(tmp_path, MAPS / "drug-trial.argmap"), budget=20)
    yield opened
    opened.page.close()


def test_a_big_map_opens_at_low_detail_and_a_click_there_opens_the_statement(as_big_map: Opened) -> None:
    page = as_big_map.page
    assert page.evaluate("argmapPage.detail()") is False
    assert page.locator("#view g.graph .node").count() == 0  # nothing of the map built yet (the legend is markup)
    assert page.locator("#view .overview path").count() >= 2
    point = page.evaluate("argmapPage.where('z_effective')")
    page.mouse.click(point["x"], point["y"])
    assert page.inner_text("#panel h2").startswith("Compound Z is an effective preventive treatment")
    assert as_big_map.errors == []


def test_a_big_map_builds_what_comes_into_view(as_big_map: Opened) -> None:
    page = as_big_map.page
    page.fill("#search", "unblinding")
    page.press("#search", "Enter")
    page.focus("#view")
    for _ in range(8):  # zoom in until few enough parts are in view to build them
        page.keyboard.press("+")
        if page.evaluate("argmapPage.detail()"):
            break
    assert page.evaluate("argmapPage.detail()") is True
    current = page.locator(".current")
    found = (current.get_attribute("aria-label") or "") + (current.get_attribute("data-ref") or "")
    assert current.count() == 1 and "unblinding" in found.lower()
    every = "JSON.parse(document.getElementById('argmap-parts').textContent).filter(r => r[1] === 'node').length"
    assert 0 < page.locator("#view g.graph .node").count() < page.evaluate(every)  # only those in view
    box, view = current.bounding_box(), page.locator("#view").bounding_box()
    assert box is not None and view is not None
    assert abs(box["x"] + box["width"] / 2 - (view["x"] + view["width"] / 2)) < 2
    page.click("#fit")
    assert page.evaluate("argmapPage.detail()") is False
    page.select_option("#sections", "trial_a")
    assert "4 statements" in (page.locator(".fold-box").get_attribute("aria-label") or "")
    assert as_big_map.errors == []


@pytest.mark.parametrize("name", sorted(path.name for path in MAPS.glob("*.argmap")))
def test_every_example_map_opens_whole_and_its_sections_fold(browser: Any, tmp_path: Path, name: str) -> None:
    m = argmap.load(MAPS / name)
    opened = Opened(browser, write_page(tmp_path, MAPS / name, RenderOptions(format="html", evaluate=True)))
    page = opened.page
    expected = sum(1 for _ in m.statements()) + sum(1 for _ in m.inferences())
    assert page.locator("svg [data-ref][tabindex='0']").count() == expected
    every = "JSON.parse(document.getElementById('argmap-parts').textContent).length"
    assert page.locator("#view [data-layer] > g").count() == page.evaluate(every)  # every node and line built
    sections = page.locator("#sections option[value]:not([value=''])").evaluate_all("os => os.map(o => o.value)")
    for section in sections:
        page.select_option("#sections", section)
    assert page.locator(".fold-box").count() == len(sections)
    assert opened.errors == []
    page.close()


def test_an_inference_panel_lists_its_open_questions_and_an_objection_what_it_raises(drug_trial: Opened) -> None:
    page = drug_trial.page
    page.evaluate("argmapPage.open('a_inf')")
    text = page.locator("#panel").inner_text()
    assert "Open questions" in text
    assert "direction (assumption): Is there good evidence that the causal relationship goes from A to B" in text
    assert "third_factor (answered)" in text
    page.evaluate("argmapPage.open('unblind_u')")
    assert "Raises\nthird_factor" in page.locator("#panel").inner_text()
