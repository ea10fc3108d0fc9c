"""Click's own words (usage errors, "Error:", "Usage:") follow --lang."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from cli import main
from orgplan.commands.localised import asked_lang
from orgplan.i18n import has, t
from orgplan.i18n.click_vi import CLICK_VI


def _run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    runner = CliRunner(
        env={"COLUMNS": "200", "ORGPLAN_LANG": "", **(env or {})}
    )
    result = runner.invoke(main, list(args), prog_name="orgplan")
    return result.exit_code, result.output


def test_every_word_translated_is_one_click_says() -> None:
    # A key click no longer has would never be looked up.
    source = "\n".join(
        p.read_text(encoding="utf-8")
        for p in Path(click.__file__).parent.glob("*.py")
    )
    missing = [k for k in CLICK_VI if f'"{k}"' not in source]
    assert missing == []


@pytest.mark.parametrize(
    ("args", "env", "words"),
    [
        (("plan", "--lang", "vi"), {}, "Lỗi: Thiếu đối số 'KỊCH_BẢN'."),
        (("plan", "--lang=vi", "--workers", "x"), {}, "Giá trị không hợp lệ"),
        (("frobnicate",), {"ORGPLAN_LANG": "vi"}, "Lỗi: Không có lệnh"),
    ],
)
def test_usage_errors_in_vietnamese(
    args: tuple[str, ...], env: dict[str, str], words: str
) -> None:
    code, out = _run(*args, env=env)
    assert code == 2
    assert words in out
    assert "Cách dùng: orgplan" in out and "[TÙY CHỌN]" in out
    assert "Usage:" not in out and "Error:" not in out and "Try " not in out


def test_a_user_error_in_vietnamese(tmp_path: Path) -> None:
    code, out = _run("check", str(tmp_path / "none.json"), "--lang", "vi")
    assert code == 1
    assert out.startswith("Lỗi: ")
    assert "không có tệp phương án này" in out


def test_english_is_click_own_and_comes_back_after_vietnamese() -> None:
    _run("plan", "--lang", "vi")
    code, out = _run("plan")
    assert code == 2
    assert "Usage: orgplan plan [OPTIONS] SCENARIO" in out
    assert "Error: Missing argument 'SCENARIO'." in out


@pytest.mark.parametrize(
    ("args", "env", "lang"),
    [
        (["plan", "--lang", "vi"], "", "vi"),
        (["plan", "--lang=en"], "vi", "en"),
        (["plan", "x"], "vi", "vi"),
        (["plan", "--", "--lang", "vi"], "", "en"),
    ],
)
def test_the_language_is_read_before_parsing(
    args: list[str], env: str, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ORGPLAN_LANG", env)
    assert asked_lang(args) == lang


def _commands() -> dict[str, click.Command]:
    return {"orgplan": main, **main.commands}


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_help_text_has_its_vietnamese(name: str) -> None:
    # A command or option whose help is English only would show English
    # under --lang vi.
    command = _commands()[name]
    assert has(f"help.{name}", "vi")
    for param in command.params:
        if isinstance(param, click.Argument):
            assert has(f"metavar.{param.name}", "vi"), param.name
        elif getattr(param, "help", None) not in CLICK_VI:
            keys = (f"help.{name}.{param.name}", f"help.{param.name}")
            assert any(has(k, "vi") for k in keys), (name, param.name)


@pytest.mark.parametrize("name", sorted(main.commands))
def test_help_in_vietnamese_and_back(name: str) -> None:
    code, out = _run(name, "--help", "--lang", "vi")
    assert code == 0
    assert "Tùy chọn:" in out and "Ví dụ:" in out
    assert t(f"help.{name}", "vi")[:40] in out
    flat = " ".join(out.split())
    english = [
        p.help
        for p in main.commands[name].params
        if isinstance(p, click.Option)
        and p.help
        and " ".join(p.help.split()) in flat
    ]
    assert english == []
    for words in ("Options:", "Show this message", "Example:"):
        assert words not in out
    code, out = _run(name, "--help")
    assert "Options:" in out and "Example:" in out
    assert "Tùy chọn:" not in out


def test_the_group_help_follows_the_environment() -> None:
    code, out = _run("--help", env={"ORGPLAN_LANG": "vi"})
    assert code == 0
    assert t("help.orgplan", "vi")[:40] in out
    assert "Lệnh:" in out and "Commands:" not in out
    assert "Show the version" not in out
