"""German speech frames: closing frames after clauses with inner commas, present-tense verbs the
tagger reads as participles, time phrases in the prefield, and holder-noun look-alikes."""

from __future__ import annotations

from german_positions import only, positions

from bot.analysis.positions_de_lexicon import is_holder_noun


def test_closing_frame_after_a_relative_clause_in_konjunktiv() -> None:
    text = "Der Vorstand, der seit Jahren streitet, habe keine Mehrheit mehr, sagte die Sprecherin am Montag."
    assert only(text) == (
        "indirect",
        "Der Vorstand, der seit Jahren streitet, habe keine Mehrheit mehr",
        "die Sprecherin",
    )


def test_closing_frame_after_a_relative_clause_in_the_indicative() -> None:
    text = "Die Fähre, die täglich nach Kiel fährt, fällt bis Freitag aus, meldet die Behörde."
    assert only(text) == (
        "indirect",
        "Die Fähre, die täglich nach Kiel fährt, fällt bis Freitag aus",
        "die Behörde",
    )


def test_subject_with_a_relative_clause_is_still_the_speaker() -> None:
    text = "Der Minister, der gestern in Berlin war, sagte, die Lage sei ernst."
    assert only(text) == ("indirect", "die Lage sei ernst", "Der Minister")


def test_present_tense_read_as_participle_before_dass() -> None:
    text = "Ruth Kramer vom Mieterbund kritisiert, dass die Stadt zu wenig Wohnungen baue."
    assert only(text) == ("indirect", "dass die Stadt zu wenig Wohnungen baue", "Ruth Kramer vom Mieterbund")


def test_present_tense_read_as_participle_before_konjunktiv() -> None:
    kind, content, speaker = only("Der Verband begründet, die Kosten seien stark gestiegen.")
    assert (kind, content, speaker) == ("indirect", "die Kosten seien stark gestiegen", "Der Verband")


def test_participle_with_an_auxiliary_stays_a_participle() -> None:
    kind, _, speaker = only("Die Bahn hat kritisiert, dass die Preise steigen.")
    assert speaker == "Die Bahn"
    assert kind == "indirect"


def test_time_phrase_in_the_prefield_is_not_the_speaker() -> None:
    text = "Wenige Stunden nach dem Anschlag erklärte der General, die Armee habe die Kontrolle."
    assert only(text) == ("indirect", "die Armee habe die Kontrolle", "der General")


def test_verlautbaren_is_a_speech_verb() -> None:
    text = "Die Stadtverwaltung verlautbarte, dass die Brücke gesperrt werde."
    assert only(text) == ("indirect", "dass die Brücke gesperrt werde", "Die Stadtverwaltung")


def test_vehicles_are_not_witnesses() -> None:
    assert is_holder_noun("Augenzeuge")
    assert is_holder_noun("Zeugen")
    assert not is_holder_noun("Fahrzeuge")
    assert not is_holder_noun("Flugzeugen")
    assert not is_holder_noun("Werkzeuge")


def test_object_in_the_prefield_is_not_the_speaker() -> None:
    _, _, speaker = only("Die Zahl der Opfer bezifferte die Agentur Xinhua mit dreizehn.")
    assert speaker == "die Agentur Xinhua"


def test_source_in_the_prefield_stays_the_speaker() -> None:
    _, _, speaker = only("Eine aktuelle Schätzung beziffert die Schulden des Landes auf 300 Milliarden.")
    assert speaker == "Eine aktuelle Schätzung"


def test_feminine_role_nouns_are_holders() -> None:
    assert is_holder_noun("Ministerin")
    assert is_holder_noun("Sprecherinnen")
    assert not is_holder_noun("Medizin")
    assert not is_holder_noun("Termin")


def test_a_narrated_choice_without_a_clause_is_no_position() -> None:
    assert positions("Der Pilot entschied sich wegen des Sturms für eine Landung in Köln.") == []


def test_a_decision_with_a_clause_stays() -> None:
    kind, content, speaker = only("Der Stadtrat beschloss am Montag, die Gebühren zu senken.")
    assert (kind, content, speaker) == ("decision", "die Gebühren zu senken", "Der Stadtrat")


def test_a_negated_attribute_in_a_coordinated_clause_does_not_negate_the_frame() -> None:
    text = "Sie fordern mehr Personal und beklagen nicht ausgezahlte Prämien."
    kind, content, speaker = only(text)
    assert (kind, speaker) == ("reported", "Sie")
    assert content.startswith("Sie fordern mehr Personal")


def test_a_negated_frame_is_not_reported() -> None:
    assert positions("Der Minister wollte nicht bestätigen, dass die Bahn streikt.") == []


def test_a_stance_ends_where_a_new_main_clause_is_coordinated() -> None:
    text = "Der Bauernverband warnte vor hohen Kosten und die Fraktion der Grünen forderte einen Anbaustopp."
    found = positions(text)
    assert found[0] == ("reported", "Der Bauernverband warnte vor hohen Kosten", "Der Bauernverband")
