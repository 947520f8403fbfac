"""Write the Argdown conformance goldens: tests/cases/argdown/*.golden.json.

Developer-run, once per Argdown version: needs the Argdown command-line tool
(``npm install @argdown/cli@1.7.5``; give its path with ``--argdown`` or have
``argdown`` on the PATH). For each ``*.argdown`` file the tool's JSON export is
normalised (tests/argdown_golden.py) and written next to it; a file the tool
refuses gets no golden.

    python benchmarks/argdown_goldens.py [--argdown PATH]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.argdown_golden import from_argdown_json  # noqa: E402

CASES = ROOT / "tests" / "cases" / "argdown"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--argdown", default=shutil.which("argdown"), help="the argdown executable")
    args = parser.parse_args()
    if not args.argdown:
        print("argdown not found: give --argdown PATH", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as out:
        for source in sorted(CASES.glob("*.argdown")):
            golden = source.with_suffix(".golden.json")
            done = subprocess.run([args.argdown, "json", str(source), out], capture_output=True, text=True)
            exported = Path(out) / f"{source.stem}.json"
            if done.returncode != 0 or not exported.exists():
                golden.unlink(missing_ok=True)
                print(f"{source.name}: refused by argdown")
                continue
            form = from_argdown_json(json.loads(exported.read_text(encoding="utf-8")))
            golden.write_text(json.dumps(form, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
            print(f"{source.name}: {golden.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
