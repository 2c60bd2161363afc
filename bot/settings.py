"""Settings: a TOML file, overridden by BRIEFBOT_-prefixed environment variables; tokens from the environment.

Every key is documented in config/briefbot.example.toml. Secrets are SecretStr: they print as '**********'.
"""

from __future__ import annotations

import os
import tomllib
from contextvars import ContextVar
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from bot.ingest import DEFAULT_MAX_BYTES

DEFAULT_CONFIG_FILE = Path("briefbot.toml")
SLACK_API_URL = "https://slack.com/api/"
DISCORD_API_URL = "https://discord.com/api/v10"
DISCORD_GATEWAY_URL = "wss://gateway.discord.gg/"

_config_file: ContextVar[Path | None] = ContextVar("briefbot_config_file", default=None)


SECRET_FIELDS = ("slack_bot_token", "slack_app_token", "slack_signing_secret", "discord_token", "llm_api_key")


def _token(name: str) -> SecretStr | None:
    return Field(default=None, validation_alias=AliasChoices(name))  # type: ignore[no-any-return]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="BRIEFBOT_", extra="ignore", frozen=True)

    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_format: Literal["text", "json"] = "text"
    max_article_bytes: int = Field(default=DEFAULT_MAX_BYTES, gt=0)
    max_conversations: int = Field(default=500, gt=0)
    workers: int = Field(default=1, ge=1, le=16)
    engine_processes: int = Field(default=1, ge=0, le=16)  # `briefbot run`: 0 = analyse in worker threads
    engine_nice: int = Field(default=10, ge=0, le=19)  # the engine processes yield the CPU to acks

    slack_bot_token: SecretStr | None = _token("SLACK_BOT_TOKEN")
    slack_app_token: SecretStr | None = _token("SLACK_APP_TOKEN")
    slack_signing_secret: SecretStr | None = _token("SLACK_SIGNING_SECRET")
    slack_api_url: str = SLACK_API_URL
    slack_mode: Literal["auto", "socket", "http"] = "auto"
    slack_http_host: str = "0.0.0.0"
    slack_http_port: int = Field(default=3000, ge=0, le=65535)
    slack_ping_interval: float = Field(default=10.0, gt=0)

    discord_token: SecretStr | None = _token("DISCORD_TOKEN")
    discord_api_url: str = DISCORD_API_URL
    discord_gateway_url: str = DISCORD_GATEWAY_URL
    discord_guild_ids: list[int] = Field(default_factory=list)
    discord_sync_commands: bool = True
    discord_auto_shard: bool = False  # discord.AutoShardedClient: Discord picks the shard count

    engine: Literal["offline", "llm"] = "offline"  # BRIEFBOT_ENGINE; "llm": summaries/answers from the model
    channel_languages: dict[str, Literal["de", "en"]] = Field(default_factory=dict)  # "slack:C1" = "en"
    llm_base_url: str = ""
    llm_model: str = ""
    llm_api_key: SecretStr | None = None
    llm_timeout: float = Field(default=30.0, gt=0)
    llm_max_tokens: int = Field(default=700, ge=64)
    llm_daily_budget: int = Field(default=200, ge=0)

    database_url: str = ""  # BRIEFBOT_DATABASE_URL; empty: a SQLite file in data_dir
    data_dir: str = ""  # where briefbot.db goes; empty: the working directory
    allow_private_urls: bool = False
    fetch_max_bytes: int = Field(default=5_000_000, gt=0)
    fetch_timeout: float = Field(default=15.0, gt=0)
    feed_poll_minutes: float = Field(default=15.0, gt=0)
    feed_pause_hours: float = Field(default=24.0, gt=0)
    timezone: str = "Europe/Berlin"
    admin_users: list[str] = Field(default_factory=list)
    scheduler: bool = True
    scheduler_lease_retry_seconds: float = Field(default=15.0, gt=0, le=60)  # followers retry the lease
    shutdown_grace_seconds: float = Field(default=8.0, ge=0)  # SIGTERM: time for in-flight work
    ops_host: str = "0.0.0.0"
    ops_port: int = Field(default=0, ge=0, le=65535)  # /healthz and /metrics without Slack HTTP; 0: none

    @field_validator(*SECRET_FIELDS, mode="before")
    @classmethod
    def _blank_secret_is_absent(cls, value: object) -> object:
        """`DISCORD_TOKEN=` (empty or only whitespace) means no token; surrounding whitespace is dropped."""
        text = value.get_secret_value() if isinstance(value, SecretStr) else value
        if isinstance(text, str):
            return text.strip() or None
        return value

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml = TomlConfigSettingsSource(settings_cls, toml_file=_config_file.get())
        return init_settings, env_settings, toml

    @property
    def slack_enabled(self) -> bool:
        return self.slack_bot_token is not None

    @property
    def slack_uses_http(self) -> bool:
        if self.slack_mode == "auto":
            return self.slack_app_token is None
        return self.slack_mode == "http"

    @property
    def discord_enabled(self) -> bool:
        return self.discord_token is not None


def load_settings(config_file: str | Path | None = None, **overrides: object) -> Settings:
    """Settings from `config_file` (else $BRIEFBOT_CONFIG, else ./briefbot.toml) and the environment."""
    path = Path(config_file) if config_file else None
    if path is None and os.environ.get("BRIEFBOT_CONFIG"):
        path = Path(os.environ["BRIEFBOT_CONFIG"])
    if path is None and DEFAULT_CONFIG_FILE.is_file():
        path = DEFAULT_CONFIG_FILE
    if path is not None and not path.is_file():
        from bot.errors import UserFacingError

        raise UserFacingError(f"No such configuration file: {path}")
    token = _config_file.set(path)
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as err:
        from bot.errors import UserFacingError

        raise UserFacingError(_invalid_settings(err, path)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        from bot.errors import UserFacingError

        raise UserFacingError(f"The configuration file {path} is not valid TOML: {err}") from None
    finally:
        _config_file.reset(token)


def _invalid_settings(err: ValidationError, path: Path | None) -> str:
    """One line per invalid setting, naming its environment variable; never the value (it may be a secret)."""
    where = f"{path} or the environment" if path is not None else "the environment"
    lines = [f"invalid configuration (from {where}):"]
    for problem in err.errors():
        key = ".".join(str(part) for part in problem["loc"]) or "settings"
        field = Settings.model_fields.get(str(problem["loc"][0])) if problem["loc"] else None
        alias = field.validation_alias if field is not None else None
        variable = alias.choices[0] if isinstance(alias, AliasChoices) else f"BRIEFBOT_{key.upper()}"
        lines.append(f"  {key} ({variable}): {problem['msg']}")
    return "\n".join(lines)
