"""German positions: Konjunktiv forms, speech nouns, mis-tagged plural verbs, relative speakers and
"nach" phrases that name a time rather than a source (sentences written for these tests)."""

from __future__ import annotations

from german_positions import positions

from bot.analysis.positions_de_lexicon import is_konjunktiv1, is_konjunktiv2
from bot.language.tokens import Token


def verb(form: str, lemma: str) -> Token:
    return Token(text=form, start=0, end=len(form), index=0, sentence=0, tag="VV(FIN)", lemma=lemma)


def test_konjunktiv_forms_of_el_verbs_and_strong_verbs() -> None:
    assert is_konjunktiv1(verb("handle", "handeln"))
    assert is_konjunktiv2(verb("befände", "befinden"))
    assert is_konjunktiv2(verb("stünden", "stehen"))
    assert not is_konjunktiv2(verb("fährt", "fahren"))
    assert not is_konjunktiv2(verb("übernahmen", "übernehmen"))


def test_complement_in_konjunktiv_of_el_verb() -> None:
    found = positions("Der Bürgermeister meinte, es handle sich um einen Irrtum.")
    assert found == [("indirect", "es handle sich um einen Irrtum", "Der Bürgermeister")]


def test_speech_noun_with_a_longer_subject_in_its_complement() -> None:
    text = "Die Ärztin Lena Hartmann wandte sich gegen die Behauptung, die neue Sorte werde nicht schaden."
    assert positions(text) == [("indirect", "die neue Sorte werde nicht schaden", "Die Ärztin Lena Hartmann")]


def test_opinion_noun_with_strong_konjunktiv2() -> None:
    found = positions("Viele Kritiker vertreten die Auffassung, die Stadt befände sich in einer Krise.")
    assert found == [("indirect", "die Stadt befände sich in einer Krise", "Viele Kritiker")]


def test_plural_speech_verb_in_a_coordinated_clause_has_its_own_subject() -> None:
    found = positions("Der Streik dauerte drei Tage und die Pendler befürchten, dass er bald wieder beginnt.")
    assert found == [("indirect", "dass er bald wieder beginnt", "die Pendler")]


def test_relative_pronoun_speaker_keeps_its_antecedent() -> None:
    found = positions(
        "Es gibt auch Stimmen, die dem Bürgermeister vorwerfen, die Warnungen ignoriert zu haben."
    )
    assert found == [("indirect", "die Warnungen ignoriert zu haben", "Stimmen, die")]


def test_nach_with_an_event_noun_is_a_time() -> None:
    assert positions("Nach der Veröffentlichung kam es zu Protesten in der Hauptstadt.") == []
    assert positions("Das Spiel ging in die Pause, nach der die Gäste stärker wurden.") == []


def test_nach_with_a_study_is_a_source() -> None:
    found = positions("Nach einer Studie der Universität sei die Zahl der Unfälle gestiegen.")
    assert found == [
        (
            "indirect",
            "Nach einer Studie der Universität sei die Zahl der Unfälle gestiegen",
            "der Universität",
        )
    ]


def test_announcing_without_content_is_narration() -> None:
    assert positions("Der Vorstand hat am Montag seine Entscheidung bekannt gegeben.") == []
