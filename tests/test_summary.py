"""The extractive summary: body sentences only, exact offsets, central ones first, no repeats."""

from __future__ import annotations

from bot.analysis.actors import find_actors
from bot.analysis.document import Document, build_document
from bot.analysis.pipeline import analyse
from bot.analysis.summary import summarise, summary_length
from bot.ingest import article_from_text
from bot.models import SummarySentence

ENGLISH = """Water utility fined over river pollution

The regulator fined the Northvale water utility 4 million pounds on Monday for polluting the river Esk.
The weather in the valley was mild for the time of year.
A local bakery celebrated its fiftieth anniversary with free bread for children.
Inspectors found that the utility had released untreated sewage into the river Esk on forty days last year.
The regulator said the pollution of the river had killed fish along twenty miles of the Esk.
Northvale admitted the sewage releases and promised to invest in new treatment works on the river.
Several anglers said the fish in the river Esk had still not recovered from the sewage.
The town council plans to repaint the old footbridge in the spring.
"""

GERMAN = """Stadtwerke müssen Strafe wegen Verschmutzung der Lauter zahlen

Die Umweltbehörde verurteilte die Stadtwerke Lautertal wegen Verschmutzung der Lauter zu einer Strafe.
Am Wochenende findet im Ortskern wieder der traditionelle Herbstmarkt statt.
Nach Angaben der Umweltbehörde leiteten die Stadtwerke an vierzig Tagen ungeklärtes Abwasser in die Lauter.
Das Abwasser der Stadtwerke tötete nach Angaben der Behörde auf zwanzig Kilometern die Fische in der Lauter.
Der Bürgermeister eröffnete am Montag eine neue Turnhalle für die Grundschule.
Die Stadtwerke räumten die Verschmutzung der Lauter ein und kündigten eine neue Kläranlage an.
"""


def _document(text: str) -> Document:
    return build_document(article_from_text(text))


def _summary(text: str) -> tuple[Document, list[SummarySentence]]:
    doc = _document(text)
    return doc, summarise(doc, actors=find_actors(doc), positions=[])


def test_summary_sentences_are_exact_body_spans_in_document_order() -> None:
    for text in (ENGLISH, GERMAN):
        doc, summary = _summary(text)
        assert 3 <= len(summary) <= 5
        starts = [s.start for s in summary]
        assert starts == sorted(starts)
        for sentence in summary:
            assert sentence.text == doc.text[sentence.start : sentence.end]
            assert sentence.start >= doc.article.body_start
            assert doc.article.title not in sentence.text


def test_central_sentences_beat_off_topic_ones() -> None:
    for text, off_topic in (
        (ENGLISH, ("weather", "bakery", "footbridge")),
        (GERMAN, ("Herbstmarkt", "Turnhalle")),
    ):
        _, summary = _summary(text)
        chosen = " ".join(s.text for s in summary)
        assert not any(word in chosen for word in off_topic), chosen


def test_the_lede_is_kept() -> None:
    _, summary = _summary(ENGLISH)
    assert summary[0].text.startswith("The regulator fined the Northvale water utility")


def test_repeated_sentence_is_left_out() -> None:
    lede = ENGLISH.splitlines()[2]
    text = ENGLISH.replace(
        "The town council plans",
        f"{lede.replace('The regulator', 'Again, the regulator')}\nThe town council plans",
    )
    _, summary = _summary(text)
    assert sum("fined the Northvale water utility" in s.text for s in summary) == 1


def test_short_article_gives_what_it_has() -> None:
    text = (
        "Port reopens\n\nThe port of Halden reopened on Friday after a three-day strike by the dockworkers.\n"
    )
    doc, summary = _summary(text)
    assert [s.text for s in summary] == [doc.text[doc.article.body_start :].strip()]


def test_headings_and_fragments_are_not_summary_sentences() -> None:
    text = ENGLISH.replace("The weather in the valley", "More on this story\nThe weather in the valley")
    _, summary = _summary(text)
    assert all(s.text != "More on this story" for s in summary)


def test_title_glued_to_the_first_sentence_is_cut_off() -> None:
    title = (
        "Regulator fines the Northvale water utility four million pounds over river pollution in the valley"
    )
    text = (
        f"{title}\nThe regulator fined the Northvale water utility on Monday for polluting the river Esk.\n"
    )
    text += "\n".join(ENGLISH.splitlines()[3:])
    doc, summary = _summary(text)
    assert doc.article.title == title
    assert all(s.start >= doc.article.body_start and title not in s.text for s in summary)


def test_summary_length_grows_with_the_article() -> None:
    assert summary_length(6) == 3
    assert summary_length(18) == 4
    assert summary_length(60) == 5


def test_pipeline_summary_respects_the_contract() -> None:
    briefing = analyse(article_from_text(GERMAN))
    assert 3 <= len(briefing.summary) <= 5
    assert all(GERMAN[s.start : s.end] == s.text for s in briefing.summary)


def test_text_of_fragments_still_gets_a_summary() -> None:
    text = "Results of the day\n\nA win for the team of Northvale\nThe game at Riverside was a draw\n"
    doc, summary = _summary(text)
    assert summary and all(s.text == doc.text[s.start : s.end] for s in summary)
    assert all(s.start >= doc.article.body_start for s in summary)
