"""The superfences fence and the MkDocs plugin, tested with `mkdocs build` on a small site."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import markdown

from argmap.integrations.markdown import fence, validate

from .conftest import MAPS, ROOT

FENCES = {"custom_fences": [{"name": "argmap", "class": "argmap", "format": fence, "validator": validate}]}

PAGE = """\
# Maps

A map written in the page:

```argmap theme="dark" alt="Tea"
thesis tea "Tea is good."
claim tasty "Tea is tasty."
tasty supports tea
```

A map from a file, evaluated:

```argmap file="../maps/drug-trial.argmap" evaluate
```
"""


def convert(text: str) -> str:
    md = markdown.Markdown(extensions=["pymdownx.superfences"], extension_configs={"pymdownx.superfences": FENCES})
    return md.convert(text)


def test_the_fence_draws_inline_svg_with_its_settings() -> None:
    page = convert('```argmap theme="dark" alt="Tea"\nthesis tea "Tea is good."\n```\n')
    assert page.startswith('<div class="argmap"><svg role="img" aria-label="Tea"')
    assert "Tea is good." in page and "#0d1117" in page


def test_a_map_that_cannot_be_drawn_shows_its_problems() -> None:
    page = convert('```argmap\nclaim c "C"\nc supports nowhere\n```\n')
    assert page.startswith('<pre class="argmap-error">')
    assert "2:12: E101 unknown statement `nowhere`" in page
    assert "unknown setting `colour`" in convert('```argmap colour="red"\nthesis t "T"\n```\n')
    assert "use the MkDocs plugin" in convert('```argmap file="tea.argmap"\n```\n')


def test_two_maps_on_one_page_share_no_element_id() -> None:
    tea = 'thesis tea "Tea is good."\nsection why "Why" {\n  claim tasty "Tasty."\n}\ntasty supports tea\n'
    coffee = tea.replace("tea", "coffee").replace("Tea", "Coffee")
    page = convert(f"```argmap\n{tea}```\n\n```argmap\n{coffee}```\n")
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) > 4 and len(ids) == len(set(ids))
    assert {link for link in re.findall(r'href="#([^"]+)"', page)} <= set(ids)


def site(tmp_path: Path, page: str) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "maps").mkdir()
    shutil.copy(MAPS / "drug-trial.argmap", tmp_path / "maps")
    (tmp_path / "docs" / "index.md").write_text(page, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Maps\nplugins:\n  - argmap\n", encoding="utf-8")
    return tmp_path


def mkdocs_build(root: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *options], cwd=root, capture_output=True, text=True)


def test_mkdocs_build_draws_maps_in_pages_and_from_files(tmp_path: Path) -> None:
    root = site(tmp_path, PAGE)
    run = mkdocs_build(root, "--strict")
    assert run.returncode == 0, run.stderr
    html = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert html.count('<div class="argmap"><svg role="img"') == 2
    assert 'aria-label="Tea"' in html and "Tea is tasty." in html
    assert "Is Compound Z an effective preventive treatment for migraine?" in html
    assert "argmap-picture-" not in html  # every marker was replaced
    assert "```argmap" not in html and 'file="' not in html


def test_mkdocs_reports_map_problems_with_file_and_line(tmp_path: Path) -> None:
    page = '# Broken\n\n```argmap\nclaim c "C"\nc supports nowhere\n```\n\n```argmap file="missing.argmap"\n```\n'
    root = site(tmp_path, page)
    run = mkdocs_build(root)
    assert run.returncode == 0, run.stderr
    index = root / "docs" / "index.md"
    assert f"argmap: {index}:5:12: E101 unknown statement `nowhere`" in run.stderr
    assert f"argmap: {index}:8: cannot read" in run.stderr
    assert mkdocs_build(root, "--strict").returncode != 0
    html = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert '<pre class="argmap-error">' in html


def test_every_setting_is_documented() -> None:
    from argmap.integrations.pictures import SETTINGS

    page = (ROOT / "docs" / "integrations.md").read_text(encoding="utf-8")
    table = page.split("## Settings", 1)[1].split("\n## ", 1)[0]
    undocumented = [name for name in SETTINGS if name not in ("file", "caption", "align") and f"`{name}`" not in table]
    assert undocumented == []
    assert "(docs/integrations.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
