"""The `briefbot` command."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from bot.cli_news import add_news_commands
from bot.errors import UserFacingError
from bot.ingest import DEFAULT_MAX_BYTES, read_article
from bot.models import Article, Briefing

if TYPE_CHECKING:
    from bot.llm import LlmEngine

log = logging.getLogger(__name__)


def _max_bytes() -> int:
    raw = os.environ.get("BRIEFBOT_MAX_ARTICLE_BYTES", "")
    return int(raw) if raw.isdigit() else DEFAULT_MAX_BYTES


def load_article(path: str, *, max_bytes: int) -> Article:
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        return read_article(data, source="-", max_bytes=max_bytes)
    file = Path(path)
    if not file.is_file():
        raise UserFacingError(f"No such file: {path}")
    with file.open("rb") as handle:
        data = handle.read(max_bytes + 1)
    return read_article(data, source=path, max_bytes=max_bytes)


def briefing_json(briefing: Briefing) -> dict[str, object]:
    return {
        "source": briefing.source,
        "language": briefing.language,
        "title": briefing.title,
        "date": briefing.date,
        "summary": [s.model_dump() for s in briefing.summary],
        "actors": [a.model_dump() for a in briefing.actors],
        "positions": [p.model_dump() for p in briefing.positions],
    }


ENGINES = ("offline", "llm")


def _engine_name(value: str) -> str:
    name = value.strip().lower() or "offline"
    if name not in ENGINES:
        raise argparse.ArgumentTypeError(f"unknown engine {value!r} (choose from {', '.join(ENGINES)})")
    return name


def _llm_engine() -> LlmEngine:
    """The LLM engine from the settings (TOML file and BRIEFBOT_LLM_* environment variables)."""
    from bot.llm import engine_from_settings
    from bot.settings import load_settings

    return engine_from_settings(load_settings())


def _analysed(
    paths: list[str], max_bytes: int, engine: str = "offline"
) -> Iterator[tuple[str, Briefing | UserFacingError]]:
    from bot.analysis.pipeline import analyse

    briefer = _llm_engine().analyse if engine == "llm" else analyse
    for path in paths:
        try:
            yield path, briefer(load_article(path, max_bytes=max_bytes))
        except UserFacingError as err:
            yield path, err


def cmd_analyse(args: argparse.Namespace) -> int:
    failed = 0
    for path, result in _analysed(args.paths, args.max_bytes, args.engine):
        if isinstance(result, UserFacingError):
            failed += 1
            print(f"briefbot: {path}: {result.reason}", file=sys.stderr)
            if args.json:
                print(json.dumps({"source": path, "error": result.reason}, ensure_ascii=False))
            continue
        if args.json:
            print(json.dumps(briefing_json(result), ensure_ascii=False))
        else:
            from bot.render import print_briefing

            print_briefing(result)
    if failed:
        return 2 if failed == len(args.paths) else 1
    return 0


def cmd_brief(args: argparse.Namespace) -> int:
    args.json = False
    return cmd_analyse(args)


def cmd_ask(args: argparse.Namespace) -> int:
    from bot.analysis.pipeline import analyse
    from bot.qa import answer_question

    article = load_article(args.path, max_bytes=args.max_bytes)
    briefing = analyse(article)
    answerer = _llm_engine().answer if args.engine == "llm" else answer_question
    conversation: list[str] = []
    for question in args.question:
        answer = answerer(briefing, article.text, question, history=conversation)
        conversation.append(question)
        if args.json:
            print(json.dumps(answer.model_dump(), ensure_ascii=False))
        else:
            print(f"Q: {question}\nA: {answer.answer}\n")
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    from adapters.runner import run
    from bot.config_check import check_database, check_settings, secrets_of
    from bot.logs import configure_logging
    from bot.settings import load_settings

    settings = load_settings(args.config)
    level = "DEBUG" if args.verbose else settings.log_level
    configure_logging(level=level, fmt=settings.log_format, secrets=secrets_of(settings))
    problems = check_settings(settings, slack_http=args.slack_http, chat_only=args.command == "chat")
    if settings.database_url and not problems:
        unreachable, _ = check_database(settings)
        problems += [unreachable] if unreachable is not None else []
    for problem in problems:
        if problem.level == "warning":
            log.warning("configuration: %s", problem)
    errors = [problem for problem in problems if problem.level == "error"]
    for problem in errors:
        print(f"briefbot: configuration problem: {problem}", file=sys.stderr)
    if errors:
        print("briefbot: not starting (`briefbot doctor` checks the configuration)", file=sys.stderr)
        return 2
    return run(settings, slack_http=args.slack_http, port=args.port, console=args.command == "chat")


def cmd_doctor(args: argparse.Namespace) -> int:
    from bot.doctor import report
    from bot.settings import load_settings

    settings = load_settings(args.config)
    return report(settings, config=args.config, slack_http=args.slack_http, out=sys.stdout)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefbot", description="Briefings of German and English news.")
    parser.add_argument("--max-bytes", type=int, default=_max_bytes(), help="article size limit in bytes")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    parser.add_argument(
        "--engine",
        type=_engine_name,
        default=os.environ.get("BRIEFBOT_ENGINE", "offline"),
        metavar="{offline,llm}",
        help="offline (default; $BRIEFBOT_ENGINE) or llm: summaries and answers from the configured "
        "OpenAI-compatible model, checked against the article, falling back to offline",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    brief = sub.add_parser("brief", help="print a readable briefing of an article")
    brief.add_argument("paths", nargs="+", metavar="PATH", help="article file(s); - reads stdin")
    brief.set_defaults(func=cmd_brief)

    analyse = sub.add_parser("analyse", aliases=["analyze"], help="analyse articles")
    analyse.add_argument("--json", action="store_true", help="one JSON object per line and file")
    analyse.add_argument("paths", nargs="+", metavar="PATH", help="article file(s); - reads stdin")
    analyse.set_defaults(func=cmd_analyse)

    ask = sub.add_parser("ask", help="answer questions about an article")
    ask.add_argument("--json", action="store_true", help="one JSON object per line and question")
    ask.add_argument("path", metavar="PATH", help="article file; - reads stdin")
    ask.add_argument("-q", "--question", action="append", required=True, help="a question (repeatable)")
    ask.set_defaults(func=cmd_ask)

    run = sub.add_parser(
        "run", help="run the chat bot: Slack and/or Discord by configuration, else the console"
    )
    run.add_argument("--slack-http", action="store_true", help="serve the Slack Events API at /slack/events")
    run.add_argument(
        "--port",
        type=int,
        default=None,
        help="port for --slack-http (default from settings: 3000); without it, the port of /healthz "
        "and /metrics",
    )
    chat = sub.add_parser("chat", help="talk to the bot in the terminal")
    for runner in (run, chat):
        runner.add_argument(
            "--config", default=None, help="TOML settings file (default: $BRIEFBOT_CONFIG, ./briefbot.toml)"
        )
        runner.set_defaults(func=cmd_run, slack_http=False, port=None)
    doctor = sub.add_parser("doctor", help="check the configuration, the database and the tokens")
    doctor.add_argument("--config", default=None, help="TOML settings file")
    doctor.add_argument("--slack-http", action="store_true", help="check for `run --slack-http`")
    doctor.set_defaults(func=cmd_doctor)
    add_news_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    try:
        return int(args.func(args))
    except UserFacingError as err:
        print(f"briefbot: {err.reason}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
