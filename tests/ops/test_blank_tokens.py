"""An empty or whitespace-only token (`DISCORD_TOKEN=` in a compose file) means no token at all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from bot_process import BOT_TOKEN

from bot.config_check import check_settings
from bot.settings import Settings, load_settings

TOKENS = ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "DISCORD_TOKEN")


@pytest.fixture(autouse=True)
def clean_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for key in list(os.environ):
        if key.startswith(("BRIEFBOT_", "SLACK_", "DISCORD_")):
            monkeypatch.delenv(key)
    (tmp_path / "empty.toml").write_text("", encoding="utf-8")
    monkeypatch.setenv("BRIEFBOT_CONFIG", str(tmp_path / "empty.toml"))
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize("blank", ["", " ", "\t\n"])
def test_a_blank_token_in_the_environment_counts_as_absent(
    blank: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in TOKENS:
        monkeypatch.setenv(name, blank)
    settings = load_settings()
    assert not settings.discord_enabled and not settings.slack_enabled
    assert settings.slack_app_token is None and settings.slack_signing_secret is None
    assert settings.slack_uses_http  # no app token: as if unset


def test_a_blank_api_key_is_absent_and_a_real_token_loses_its_whitespace() -> None:
    settings = Settings(llm_api_key="  ", discord_token=" abc.def.ghi\n")  # type: ignore[arg-type]
    assert settings.llm_api_key is None
    assert settings.discord_token is not None and settings.discord_token.get_secret_value() == "abc.def.ghi"


def test_the_doctor_warns_about_a_blank_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", " ")
    monkeypatch.setenv("SLACK_BOT_TOKEN", BOT_TOKEN)
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "0123456789abcdef0123456789abcdef")
    found = [f"{p.level} {p}" for p in check_settings(load_settings())]
    assert found == ["warning DISCORD_TOKEN: is set but empty: treated as not configured"]
