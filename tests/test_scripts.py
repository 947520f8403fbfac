"""Every script in pictures: glyphs for Cyrillic, Greek, CJK, Arabic and Hebrew in PNG,
text measured in the font it is drawn in, right-to-left lines in order, stand-ins
instead of empty boxes, and the same bytes on every run."""

from __future__ import annotations

import re
import warnings
import xml.etree.ElementTree as ET

import pytest

import argmap
from argmap.rendering import engine, fonts, raster
from argmap.rendering.wrap import RLM, columns

SVG = "{http://www.w3.org/2000/svg}"

TEXTS = {
    "ru": "Переговоры о мире между Россией и Украиной провалились из-за давления Запада.",
    "el": "Η ειρήνη είναι δυνατή μόνο με αμοιβαίες εγγυήσεις ασφαλείας.",
    "zh": "和平谈判失败是因为双方都不信任对方的承诺。",
    "ja": "和平交渉は双方の不信によって失敗した。ひらがなとカタカナ。",
    "ko": "평화 협상은 상호 불신 때문에 실패했다.",
    "ar": "فشلت مفاوضات السلام بسبب انعدام الثقة المتبادل.",
    "he": "שיחות השלום נכשלו בגלל חוסר אמון הדדי.",
}
EMOJI = "Peace 🕊️ talks failed 😞 because of mistrust 👍🏽."


def scripts_map(*, emoji: bool = False) -> argmap.ArgumentMap:
    """A map whose thesis is bold Cyrillic and whose claims are in every other script."""
    lines = [f'thesis ru "{TEXTS["ru"]}"']
    for ref, text in TEXTS.items():
        if ref != "ru":
            lines += [f'claim {ref} "{text}"', f"{ref} supports ru"]
    if emoji:
        lines += [f'claim emoji "{EMOJI}"', "emoji supports ru"]
    return argmap.loads("\n".join(lines))


#: The first bytes of each format drawn from the SVG.
MAGIC = {"png": b"\x89PNG", "pdf": b"%PDF"}


def drawn(m: argmap.ArgumentMap, fmt: str) -> tuple[bytes, list[str]]:
    """The PNG or PDF of a map and the messages of the stand-in warnings it gave."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        data = argmap.render(m, fmt)
    assert data.startswith(MAGIC[fmt])
    return data, [str(w.message) for w in caught if issubclass(w.category, raster.MissingGlyphs)]


def test_every_script_has_glyphs_in_the_fonts_png_is_drawn_with() -> None:
    assert fonts.has_cjk(), "the test extra installs argmap[cjk]"
    for ref, text in TEXTS.items():
        assert [c for c in text if not fonts.covered(c)] == [], ref
    _png, missing = drawn(scripts_map(), "png")
    assert missing == []


def test_glyphs_are_drawn_not_stand_ins() -> None:
    """The PNG differs from the one where every character beyond ASCII is the stand-in."""
    m = scripts_map()
    png, _ = drawn(m, "png")
    svg = argmap.render(m, "svg")
    boxes = re.sub(
        r"(?<=>)[^<]+(?=</text>)", lambda t: re.sub(r"[^\x00-\x7f]", fonts.STAND_IN, t.group()), svg.decode()
    )
    assert raster.png(boxes.encode()) != png


def test_without_the_cjk_fonts_cjk_is_a_stand_in_with_a_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    installed = fonts.faces()
    monkeypatch.setattr(fonts, "faces", lambda: tuple(f for f in installed if "CJK" not in f.family))
    fonts.advance.cache_clear()
    try:
        _, missing = drawn(scripts_map(), "png")
    finally:
        fonts.advance.cache_clear()
    assert len(missing) == 1
    assert "和" in missing[0] and fonts.CJK_HINT in missing[0]
    assert not any(c in missing[0] for c in TEXTS["ru"] + TEXTS["ar"] + TEXTS["he"] + TEXTS["el"] if c.isalpha())


def test_emoji_are_a_visible_stand_in_and_said_so() -> None:
    text, _missing = raster._stand_ins(EMOJI)
    assert text == f"Peace {fonts.STAND_IN} talks failed {fonts.STAND_IN} because of mistrust {fonts.STAND_IN}."
    assert fonts.covered(fonts.STAND_IN)
    _, messages = drawn(scripts_map(emoji=True), "png")
    assert len(messages) == 1
    assert "U+1F61E" in messages[0] and "drawn as �" in messages[0] and "argmap[cjk]" not in messages[0]


def text_extents(svg: bytes, node_id: str) -> tuple[float, float, float]:
    """The left and right edges of a statement's box and the right end of its widest text line,
    measured in the font the line is drawn in."""
    node = next(el for el in ET.fromstring(svg).iter() if el.get("id") == node_id)
    xs = [
        float(x)
        for shape in node.iter()
        if shape.tag in (f"{SVG}path", f"{SVG}polygon")
        for x in re.findall(r"(-?[\d.]+),-?[\d.]+", shape.get("d", "") + " " + shape.get("points", ""))
    ]
    ends = [
        float(t.get("x", 0))
        + fonts.text_width(t.text or "", float(t.get("font-size", 0)), t.get("font-weight") == "bold")
        for t in node.iter(f"{SVG}text")
    ]
    return min(xs), max(xs), max(ends)


def test_a_bold_cyrillic_thesis_fits_its_box() -> None:
    svg = argmap.render(scripts_map(), "svg")
    _left, right, text_end = text_extents(svg, "statement-ru")
    assert text_end <= right - 4, f"text ends at {text_end:.1f}, box at {right:.1f}"
    bold = [
        t
        for t in ET.fromstring(svg).iter(f"{SVG}text")
        if t.get("font-weight") == "bold" and "Россией" in (t.text or "")
    ]
    assert bold, "the thesis is drawn bold"


@pytest.mark.parametrize("ref", sorted(TEXTS))
def test_every_script_fits_its_box(ref: str) -> None:
    _left, right, text_end = text_extents(argmap.render(scripts_map(), "svg"), f"statement-{ref}")
    assert text_end <= right - 4


def test_cjk_wraps_by_width_not_by_characters() -> None:
    m = scripts_map()
    graph = argmap.rendering.build.build_graph(m)
    lines = {node.id: node.text for node in graph.nodes}
    width = argmap.rendering.options.DEFAULTS.width
    for ref in ("zh", "ja", "ko"):
        assert len(lines[ref]) > 1, ref
        assert all(columns(line) <= width for line in lines[ref]), lines[ref]
        assert not lines[ref][1].startswith(("。", "、")), lines[ref]
    left, right, _ = text_extents(argmap.render(m, "svg"), "statement-zh")
    el_left, el_right, _ = text_extents(argmap.render(m, "svg"), "statement-el")
    assert right - left <= 1.3 * (el_right - el_left), "a CJK box is about as wide as a Greek one of as many columns"


def test_right_to_left_lines_keep_their_order() -> None:
    svg = argmap.render(scripts_map(), "svg").decode()
    for ref in ("ar", "he"):
        node = next(el for el in ET.fromstring(svg).iter() if el.get("id") == f"statement-{ref}")
        lines = [t.text or "" for t in node.iter(f"{SVG}text") if re.search(r"[\u0590-\u06ff]", t.text or "")]
        assert len(lines) == 2, lines
        assert all(line.startswith(RLM) and line.endswith(RLM) for line in lines), lines
        assert "".join(lines).replace(RLM, " ").split() == TEXTS[ref].split()
    assert RLM not in svg.split("<text")[0] and RLM not in argmap.render(scripts_map(), "json").decode()


def test_pictures_of_every_script_are_deterministic() -> None:
    first, _ = drawn(scripts_map(emoji=True), "png")
    second, _ = drawn(scripts_map(emoji=True), "png")
    assert first == second
    assert argmap.render(scripts_map(), "svg") == argmap.render(scripts_map(), "svg")


def test_ascii_text_is_left_to_the_engine_metrics() -> None:
    """Helvetica's widths (the engine's) and Arimo's (the drawing font's) agree, so ASCII cells get no WIDTH."""
    helvetica = {"T": 611, "e": 556, "a": 556, " ": 278, "i": 222, "s": 500, "g": 556, "o": 556, "d": 556, ".": 278}
    assert fonts.text_width("Tea is good.", 11) == pytest.approx(
        sum(map(helvetica.get, "Tea is good.")) * 11 / 1000, abs=0.05
    )
    dot = argmap.to_dot(argmap.loads('thesis t "Tea is good."'), legend=False)  # the map's graph (the legend's
    # captions end in a cell of fixed WIDTH: the room before the next item)
    # (the status badge's cell has a fixed WIDTH in every statement, with statuses or not)
    assert "WIDTH=" not in re.sub(r'<TD ALIGN="RIGHT" WIDTH="\d+" HEIGHT="\d+" FIXEDSIZE="TRUE"', "", dot)


needs_svg2pdf = pytest.mark.skipif(not engine.can_draw_pdf(), reason="svg2pdf needs Python 3.11")


def test_every_run_of_text_in_a_pdf_names_a_font_that_has_it() -> None:
    """svg2pdf is told the font of each run, so no script falls back to empty boxes."""
    svg = argmap.render(scripts_map(emoji=True), "svg")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", raster.MissingGlyphs)
        source = raster.pdf_source(svg)
    by_family = {face.family: face for face in fonts.faces() if face.measure or "CJK" in face.family}
    checked = 0
    for text in ET.fromstring(source).iter(f"{SVG}text"):
        main = by_family[text.get("font-family", "")]
        for char in text.text or "":
            checked += char.isalpha()
            assert not char.isalpha() or fonts.has_char(main, char), (char, main.family)
        for span in text.iter(f"{SVG}tspan"):
            face = by_family[span.get("font-family", "")]
            assert all(fonts.has_char(face, c) for c in span.text or "" if c.isalpha()), span.text
            checked += len(span.text or "")
    assert checked > sum(len(t) for t in TEXTS.values()) // 2


@needs_svg2pdf
def test_pdf_draws_every_script_with_the_png_fonts_and_stand_ins_for_emoji() -> None:
    pdf, missing = drawn(scripts_map(emoji=True), "pdf")
    assert len(missing) == 1 and "😞" in missing[0]
    svg = argmap.render(scripts_map(emoji=True), "svg")
    boxes = re.sub(
        r"(?<=>)[^<]+(?=</text>)", lambda t: re.sub(r"[^\x00-\x7f]", fonts.STAND_IN, t.group()), svg.decode()
    )
    assert raster.pdf(boxes.encode()) != pdf


@needs_svg2pdf
def test_pdf_bytes_are_the_same_on_every_run() -> None:
    first, _ = drawn(scripts_map(emoji=True), "pdf")
    assert all(drawn(scripts_map(emoji=True), "pdf")[0] == first for _ in range(3))


def test_pdf_bold_is_drawn_in_the_bold_it_is_measured_in() -> None:
    """svg2pdf gets static bold fonts whose widths are the bold widths text is measured with."""
    import io

    from fontTools.ttLib import TTFont

    bold = TTFont(io.BytesIO(fonts.bold_instances()[0]))
    cmap, glyphs = bold.getBestCmap(), bold.getGlyphSet()
    units = bold["head"].unitsPerEm
    text = TEXTS["ru"]
    bold_width = sum(glyphs[cmap[ord(c)]].width for c in text) / units * 11
    assert bold_width == pytest.approx(fonts.text_width(text, 11, bold=True), rel=1e-6)
    assert bold_width > fonts.text_width(text, 11) * 1.02  # and bold is wider than regular
