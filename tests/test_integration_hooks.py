"""The pre-commit hooks and the GitHub Action at the top of the repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    """A command installed with the test extra, next to this Python."""
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    assert found, f"{name} is not installed (pip install -e '.[test]')"
    return found


def offline() -> dict[str, str]:
    """An environment in which any attempt to reach the network fails at once."""
    proxy = "http://127.0.0.1:9"
    return {**os.environ, "HTTP_PROXY": proxy, "HTTPS_PROXY": proxy, "http_proxy": proxy, "https_proxy": proxy}


def test_the_action_follows_the_github_actions_schema() -> None:
    # The schema is bundled with check-jsonschema: the check needs no network.
    run = subprocess.run(
        [tool("check-jsonschema"), "--builtin-schema", "vendor.github-actions", str(ROOT / "action.yml")],
        capture_output=True, text=True, env=offline(),
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_schema_check_fails_on_a_broken_action(tmp_path: Path) -> None:
    broken = (ROOT / "action.yml").read_text(encoding="utf-8").replace("using: composite", "using: compost")
    (tmp_path / "action.yml").write_text(broken, encoding="utf-8")
    run = subprocess.run(
        [tool("check-jsonschema"), "--builtin-schema", "vendor.github-actions", str(tmp_path / "action.yml")],
        capture_output=True, text=True, env=offline(),
    )  # fmt: skip
    assert run.returncode == 1


def test_the_action_runs_check_with_github_annotations_and_optionally_render_check() -> None:
    action = (ROOT / "action.yml").read_text(encoding="utf-8")
    assert "argmap check --format github $ARGS $PATHS" in action
    assert 'argmap render --check --out-dir "$OUT_DIR" $PATHS' in action
    assert "if: inputs.render-check != ''" in action


def test_the_hooks_manifest_is_valid() -> None:
    run = subprocess.run(
        [tool("pre-commit"), "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout + run.stderr


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.slow
@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="try-repo needs the repository as a git checkout")
@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_hooks_check_and_format_maps_in_another_repository(tmp_path: Path) -> None:
    # pre-commit builds argmap from this checkout into a fresh environment (with pip): slow, but real.
    repo = tmp_path / "repo"
    repo.mkdir()
    git("init", "-q", cwd=repo)
    (repo / "good.argmap").write_text('thesis t   "Tea."\n', encoding="utf-8")
    (repo / "bad.argmap").write_text('claim c "C"\nc supports nowhere\n', encoding="utf-8")
    (repo / "notes.txt").write_text("c supports nowhere\n", encoding="utf-8")
    git("add", ".", cwd=repo)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}

    def try_hook(hook: str) -> subprocess.CompletedProcess[str]:
        command = [tool("pre-commit"), "try-repo", str(ROOT), hook, "--all-files"]
        return subprocess.run(command, cwd=repo, capture_output=True, text=True, env=env)

    check = try_hook("argmap-check")
    assert check.returncode == 1, check.stdout + check.stderr
    assert "bad.argmap:2:12: E101" in check.stdout
    assert "notes.txt" not in check.stdout
    fmt = try_hook("argmap-fmt")
    assert fmt.returncode == 1, fmt.stdout + fmt.stderr  # it changed a file
    assert (repo / "good.argmap").read_text(encoding="utf-8") == 'thesis t "Tea."\n'
