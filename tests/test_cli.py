from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, timeout=120)


def test_analyse_json_contract(example_de: Path, example_en: Path) -> None:
    proc = run("analyse", "--json", str(example_de), str(example_en))
    assert proc.returncode == 0, proc.stderr.decode()
    lines = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [r["source"] for r in lines] == [str(example_de), str(example_en)]
    assert [r["language"] for r in lines] == ["de", "en"]
    for result, path in zip(lines, (example_de, example_en), strict=True):
        text = path.read_text(encoding="utf-8")
        assert result["date"] and result["title"]
        assert 1 <= len(result["summary"]) <= 5
        for item in result["summary"]:
            assert text[item["start"] : item["end"]] == item["text"]
        ids = {a["id"] for a in result["actors"]}
        for actor in result["actors"]:
            assert actor["kind"] in {"person", "organisation", "state", "group"}
            for m in actor["mentions"]:
                assert 0 <= m["start"] < m["end"] <= len(text)
        for pos in result["positions"]:
            assert pos["actor"] is None or pos["actor"] in ids
            assert text[pos["content"]["start"] : pos["content"]["end"]] == pos["text"]


def test_stdin_is_read() -> None:
    proc = run("analyse", "--json", "-", stdin=b"The minister said the talks would go on.")
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout)["language"] == "en"


def test_bad_input_gives_one_line_and_exit_code(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    proc = run("analyse", "--json", str(empty))
    assert proc.returncode != 0
    err = proc.stderr.decode().strip()
    assert "empty" in err and "Traceback" not in err and len(err.splitlines()) == 1


def test_missing_file() -> None:
    proc = run("brief", "/nonexistent/article.txt")
    assert proc.returncode == 2
    assert "No such file" in proc.stderr.decode()


def test_brief_prints_a_readable_briefing(example_en: Path) -> None:
    proc = run("brief", str(example_en))
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode()
    assert "Summary" in out and "Actors" in out and "Positions" in out
