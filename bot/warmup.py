"""Loading the engine before the first message, and keeping its models out of the garbage collector's way.

The engine loads its tagger models, lexicons and gazetteers lazily: a few hundred thousand objects
that live as long as the process. Every full collection of the cyclic garbage collector walks them
all (about 60 ms here), holding the GIL, so the event loop stalls for that long whenever one
happens during an analysis. `warm_up()` briefs two short articles of its own (German and English)
and asks a question about each, so everything is loaded, then `gc.freeze()`s what exists: frozen
objects are never walked again. Call it once at start-up, in a worker thread, before serving.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable

from bot.ingest import read_article
from bot.models import Answer, Article, Briefing

log = logging.getLogger(__name__)

Analyse = Callable[[Article], Briefing]
AnswerQuestion = Callable[..., Answer]

_ARTICLES = {
    "de": (
        "Probe: Streik im Hafen\n\n"
        "Die Gewerkschaftschefin Anna Berger sagte am Montag in Hamburg, der Streik werde fortgesetzt. "
        "„Wir geben nicht nach“, sagte sie. Der Senat will nach Angaben eines Sprechers am Freitag "
        "einen Vermittler ernennen. Frankreich und die Europäische Union forderten eine rasche Einigung.\n"
    ),
    "en": (
        "Probe: Strike at the port\n\n"
        "The union leader Tom Baker said on Monday in London that the strike would go on. "
        '"We will not give in," he said. The city council wants to appoint a mediator on Friday, '
        "a spokesperson said. Germany and the European Commission called for a quick agreement.\n"
    ),
}
_QUESTIONS = {"de": "Was sagte Anna Berger?", "en": "What did Tom Baker say?"}


def warm_up(
    analyse: Analyse | None = None, answer_question: AnswerQuestion | None = None, *, freeze: bool = True
) -> float:
    """Load the engine (and question answering) for both languages; returns the seconds it took."""
    started = time.perf_counter()
    from bot.analysis.pipeline import analyse as engine_analyse
    from bot.qa import answer_question as engine_answer

    brief = analyse or engine_analyse
    answer = answer_question or engine_answer
    for language, text in _ARTICLES.items():
        article = read_article(text.encode("utf-8"), source="warm-up")
        answer(brief(article), article.text, _QUESTIONS[language], history=[])
    if freeze:
        gc.collect()
        gc.freeze()
    seconds = time.perf_counter() - started
    log.info("engine loaded in %.2f s; %d objects frozen", seconds, gc.get_freeze_count())
    return seconds


def freeze_loaded_objects() -> int:
    """Collect, then gc.freeze() what is loaded now (modules, their tables); returns how many were frozen.

    For a process that serves chat while its engine runs elsewhere (bot.engine_process): its own
    start-up objects would otherwise be walked by every full collection, stalling the event loop.
    """
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
