"""README's Quick start: exactly two one-line commands, and CI runs the second one."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

README = Path("README.md").read_text(encoding="utf-8")
CI = Path(".ci/run")


def section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", README, flags=re.M | re.S)
    assert match, f"README.md has no '## {title}' section"
    return match.group(1)


def quick_start() -> list[str]:
    return re.findall(r"^```[^\n]*\n(.*?)^```", section("Quick start"), flags=re.M | re.S)


def test_quick_start_has_exactly_two_one_line_commands() -> None:
    blocks = quick_start()
    assert len(blocks) == 2
    assert all(len(b.strip().splitlines()) == 1 for b in blocks)
    play, test = (b.strip() for b in blocks)
    assert play.startswith("python -m pip install ") and play.endswith("python main.py")
    assert (
        test.startswith("python -m pip install ")
        and '".[test]"' in test
        and test.endswith("python -m pytest")
    )
    assert "/" not in play + test and "\\" not in play + test  # no paths that differ between systems


@pytest.mark.skipif(shutil.which("awk") is None, reason="needs awk, as .ci/run does")
def test_ci_runs_the_second_command() -> None:
    script = CI.read_text(encoding="utf-8")
    extract = re.search(r"command=\"\$\(awk '(.*?)' README\.md\)\"", script, flags=re.S)
    assert extract, ".ci/run no longer reads its command from README.md"
    found = subprocess.run(["awk", extract.group(1), "README.md"], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == quick_start()[1].strip()
    assert 'bash -c "$command"' in script
    assert "SDL_VIDEODRIVER=dummy" in script and "SDL_AUDIODRIVER=dummy" in script
    assert '"$status" -eq 5' in script
    assert os.name != "posix" or os.access(CI, os.X_OK)


def test_readme_links_the_docs() -> None:
    for doc in ("docs/RULES.md", "docs/MAPS.md", "docs/RECORD.md"):
        assert f"]({doc})" in README
    assert Path("docs/RECORD.md").is_file()
    assert (
        README.splitlines()[2].startswith("![") and "](docs/screenshots/game.png)" in README.splitlines()[2]
    )
    assert Path("docs/screenshots/game.png").is_file()
