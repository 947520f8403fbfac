"""The interactive page in the system's Firefox (``firefox-esr``), driven over WebDriver BiDi (see tests/firefox.py).

The same checks as in Chromium, for what differs between browsers: opening from
disk with no request, real typing, clicks and keys, the panel, folding, the
low-detail picture of a big map, a hostile map running nothing, and the live
preview of ``argmap serve`` following an edit.
"""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import argmap
from argmap.rendering.options import RenderOptions
from tests.firefox import ENTER, Firefox, firefox

MAPS = Path(__file__).parent.parent / "maps"
HOSTILE = Path(__file__).parent / "html" / "hostile.argmap"


@pytest.fixture(scope="module")
def browser() -> Iterator[Firefox]:
    """A headless Firefox, or a skip that says what is missing."""
    binary = firefox()
    if binary is None:
        pytest.skip("no Firefox found (apt-get install firefox-esr, or set ARGMAP_FIREFOX)")
    pytest.importorskip("websockets", reason="websockets is not installed (pip install -e '.[test]')")
    launched = Firefox(binary)
    yield launched
    launched.close()


def show(browser: Firefox, page: Path, budget: int | None = None) -> Firefox:
    """Open ``page`` afresh, with nothing recorded yet; ``budget`` caps the parts built for one view."""
    preload = None
    if budget is not None:
        declaration = f"() => {{ window.argmapBudget = {budget}; }}"
        preload = browser.command("script.addPreloadScript", {"functionDeclaration": declaration})["script"]
    browser.requests.clear()
    browser.errors.clear()
    browser.dialogs.clear()
    browser.open(page.as_uri())
    browser.wait_for("document.body.dataset.ready === 'true'")
    if preload is not None:
        browser.command("script.removePreloadScript", {"script": preload})
    return browser


def write_page(tmp_path: Path, source: Path, options: RenderOptions | None = None) -> Path:
    out = tmp_path / (source.stem + ".html")
    out.write_bytes(argmap.render(argmap.load(source), options=options or RenderOptions(format="html")))
    return out


@pytest.fixture
def drug_trial(browser: Firefox, tmp_path: Path) -> Firefox:
    return show(browser, write_page(tmp_path, MAPS / "drug-trial.argmap"))


def visible(browser: Firefox, selector: str) -> int:
    shown = "e => e.getBoundingClientRect().width > 0"
    count = f"[...document.querySelectorAll({json.dumps(selector)})].filter({shown}).length"
    return int(browser.evaluate(count))


def test_the_recorder_sees_requests_errors_and_dialogs(browser: Firefox) -> None:
    """What the other tests find empty would not be: a request, an error and a dialog are all seen."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        browser.open("about:blank")
        browser.requests.clear()
        browser.errors.clear()
        url = f"http://127.0.0.1:{server.server_address[1]}/seen"
        browser.evaluate(f"fetch({json.dumps(url)}).catch(() => 0)")
        browser.evaluate("(setTimeout(() => { throw new Error('thrown'); }), setTimeout(() => alert('hello')), 1)")
        browser.wait_for("true")
        browser.evaluate("new Promise(done => setTimeout(done, 300))")
    finally:
        server.shutdown()
    assert url in browser.requests
    assert any("thrown" in error for error in browser.errors)
    assert browser.dialogs == ["hello"]


def test_the_page_opens_from_disk_without_a_request_and_every_element_is_focusable(drug_trial: Firefox) -> None:
    assert "Firefox/" in drug_trial.evaluate("navigator.userAgent")
    assert [url for url in drug_trial.requests if not url.startswith("file:")] == []
    assert drug_trial.errors == []
    m = argmap.load(MAPS / "drug-trial.argmap")
    expected = sum(1 for _ in m.statements()) + sum(1 for _ in m.inferences())
    assert drug_trial.evaluate("document.querySelectorAll(\"svg [data-ref][tabindex='0']\").length") == expected


def test_typing_a_search_and_enter_centres_the_match(drug_trial: Firefox) -> None:
    drug_trial.click_on("#search")
    drug_trial.type("unblinding" + ENTER + ENTER)
    found = drug_trial.evaluate("document.querySelectorAll('.match').length")
    assert (
        found >= 1
        and drug_trial.evaluate("document.getElementById('found').textContent") == f"{min(2, found)} of {found}"
    )
    off = drug_trial.evaluate(
        "(() => { const b = document.querySelector('.current').getBoundingClientRect(),"
        " v = document.getElementById('view').getBoundingClientRect();"
        " return [b.left + b.width / 2 - (v.left + v.width / 2), b.top + b.height / 2 - (v.top + v.height / 2)]; })()"
    )
    assert abs(off[0]) < 2 and abs(off[1]) < 2
    assert drug_trial.errors == []


def test_a_click_opens_the_panel_and_its_links_move_along(drug_trial: Firefox) -> None:
    drug_trial.click_on("#statement-a_result")
    assert drug_trial.evaluate("document.getElementById('panel').hidden") is False
    assert "Trial A (2019)" in drug_trial.evaluate("document.getElementById('panel').innerText")
    drug_trial.evaluate(
        "(() => { const b = [...document.querySelectorAll('#panel button.link')]"
        ".find(b => b.textContent.startsWith('a_shows:')); b.id = 'next-one'; return 1; })()"
    )
    drug_trial.click_on("#next-one")
    assert drug_trial.evaluate("document.querySelector('#panel h2').textContent").startswith("At 50 mg, Compound Z")
    assert drug_trial.errors == []


def test_folding_a_section_and_unfolding_it_with_a_click(drug_trial: Firefox) -> None:
    before = visible(drug_trial, ".node.statement")
    drug_trial.evaluate(
        "(() => { const s = document.getElementById('sections'); s.value = 'trial_a';"
        " s.dispatchEvent(new Event('change')); return 1; })()"
    )
    assert visible(drug_trial, ".node.statement") == before - 4
    assert "4 statements" in drug_trial.evaluate("document.querySelector('.fold-box').getAttribute('aria-label')")
    drug_trial.click_on(".fold-box rect")
    assert visible(drug_trial, ".node.statement") == before
    assert drug_trial.errors == []


def test_a_big_map_at_low_detail_answers_a_click(browser: Firefox, tmp_path: Path) -> None:
    opened = show(browser, write_page(tmp_path, MAPS / "drug-trial.argmap"), budget=20)
    assert opened.evaluate("argmapPage.detail()") is False
    assert opened.evaluate("document.querySelectorAll('#view g.graph .node').length") == 0  # the legend is markup
    point = opened.evaluate("argmapPage.where('z_effective')")
    opened.click(point["x"], point["y"])
    assert opened.evaluate("document.querySelector('#panel h2').textContent").startswith("Compound Z is an effective")
    assert opened.errors == []


def test_a_hostile_map_executes_nothing(browser: Firefox, tmp_path: Path) -> None:
    opened = show(browser, write_page(tmp_path, HOSTILE, RenderOptions(format="html", evaluate=True)))
    for ref in ("t", "c", "d", "a", "u", "o"):
        opened.evaluate(f"(argmapPage.open({ref!r}), 1)")
    opened.click_on("#search")
    opened.type("script" + ENTER)
    opened.click_on("#statement-t")
    assert "<script>" in opened.evaluate("document.getElementById('panel').innerText")  # shown as text
    assert opened.evaluate("document.scripts.length") == 3
    assert (
        opened.evaluate(
            "document.querySelectorAll(\"a[href^='javascript'], [onerror], [onload], [onmouseover]\").length"
        )
        == 0
    )
    assert opened.dialogs == [] and opened.errors == []
    assert [url for url in opened.requests if not url.startswith("file:")] == []
    assert opened.evaluate("document.title").startswith("</title><script>")


def test_the_live_preview_follows_an_edit_and_keeps_the_view(browser: Firefox, tmp_path: Path) -> None:
    from argmap.cli.serve import Preview, start, stop
    from tests.test_serve import TEA, edit

    path = tmp_path / "tea.argmap"
    path.write_text(TEA)
    preview = Preview(str(path), RenderOptions(format="html", legend=False))  # as in test_serve
    server, threads = start(preview, "127.0.0.1", 0)
    try:
        browser.open(f"http://127.0.0.1:{server.server_address[1]}/")
        browser.wait_for("document.body.dataset.ready === 'true'")
        browser.click_on("#statement-c")
        browser.evaluate("(argmapPage.zoom(1.5), document.getElementById('statement-t').seenBefore = true)")
        view = browser.evaluate("argmapPage.state()")
        edit(path, TEA + 'claim milk "Milk is good too."\n')
        browser.wait_for("document.getElementById('statement-milk')")
        assert browser.evaluate("document.getElementById('statement-t').seenBefore") is True
        assert browser.evaluate("argmapPage.state()") == view
        assert browser.evaluate("document.querySelector('#panel h2').textContent") == "Tea is tasty."
    finally:
        browser.open("about:blank")  # the page's event stream closes before the server stops
        stop(preview, server, threads)
