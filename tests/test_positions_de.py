"""The German position extractor on sentences written for these tests, one construction each."""

from __future__ import annotations

import pytest
from german_positions import only, positions

from bot.analysis.positions_de_lexicon import is_konjunktiv1
from bot.language.tokens import Token


def test_direct_quote_after_a_colon() -> None:
    kind, content, speaker = only("Die Bürgermeisterin Anna Berger sagte: „Wir bauen die Brücke neu.“")
    assert (kind, content, speaker) == (
        "direct",
        "„Wir bauen die Brücke neu.“",
        "Die Bürgermeisterin Anna Berger",
    )


def test_direct_quote_with_the_speaker_after_it() -> None:
    kind, content, speaker = only("„Die Lage ist ernst“, sagte der Sprecher der Feuerwehr.")
    assert kind == "direct"
    assert content == "„Die Lage ist ernst“"
    assert speaker == "der Sprecher der Feuerwehr"


def test_quote_over_several_sentences_is_one_position() -> None:
    text = "Der Trainer erklärte: „Wir haben gut gespielt. Das Tor kam zu spät. Nächste Woche gewinnen wir.“"
    kind, content, speaker = only(text)
    assert kind == "direct"
    assert content.startswith("„Wir haben") and content.endswith("wir.“")
    assert speaker == "Der Trainer"


def test_quote_in_two_pieces_keeps_the_speaker() -> None:
    text = "„Wir sind bereit“, sagte Ministerin Klara Voss. „Die Verhandlungen beginnen morgen.“"
    found = positions(text)
    assert [speaker for _, _, speaker in found] == ["Ministerin Klara Voss", "Ministerin Klara Voss"]


def test_indirect_speech_with_dass() -> None:
    kind, content, speaker = only("Der Minister sagte am Montag, dass die Steuern nicht steigen würden.")
    assert kind == "indirect"
    assert content == "dass die Steuern nicht steigen würden"
    assert speaker == "Der Minister"


def test_indirect_speech_in_konjunktiv_without_dass() -> None:
    kind, content, speaker = only("Die Polizei erklärte, der Fahrer sei zu schnell gewesen.")
    assert (kind, content, speaker) == ("indirect", "der Fahrer sei zu schnell gewesen", "Die Polizei")


def test_speaker_after_the_verb() -> None:
    _, content, speaker = only("Am Dienstag teilte das Unternehmen mit, es habe 200 Stellen abgebaut.")
    assert content == "es habe 200 Stellen abgebaut"
    assert speaker == "das Unternehmen"


def test_perfect_tense_cue() -> None:
    _, content, speaker = only("Der Präsident hatte betont, dass er nicht zurücktreten werde.")
    assert content == "dass er nicht zurücktreten werde"
    assert speaker == "Der Präsident"


def test_pronoun_speaker_is_the_pronoun() -> None:
    found = positions("Die Ärztin kam um neun Uhr. Sie sagte, der Patient habe Glück gehabt.")
    assert found == [("indirect", "der Patient habe Glück gehabt", "Sie")]


def test_apposition_belongs_to_the_speaker() -> None:
    _, _, speaker = only("Ein Sprecher der Stadt, Paul Krämer, sagte, die Straße bleibe gesperrt.")
    assert speaker == "Ein Sprecher der Stadt, Paul Krämer"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Laut der Feuerwehr brannte das Lager vollständig aus.", "der Feuerwehr"),
        ("Dem Wetterdienst zufolge wird es am Wochenende kälter.", "Dem Wetterdienst"),
        ("Nach Angaben der Polizei wurden drei Menschen verletzt.", "der Polizei"),
        ("Nach Polizeiangaben wurden drei Menschen verletzt.", "Polizeiangaben"),
        ("Seiner Meinung nach ist der Plan zu teuer.", "Seiner Meinung"),
    ],
)
def test_source_markers(text: str, speaker: str) -> None:
    kind, content, found_speaker = only(text)
    assert kind == "indirect"
    assert content == text.rstrip(".")
    assert found_speaker == speaker


def test_so_after_the_content() -> None:
    _, content, speaker = only("Die Preise würden im Herbst sinken, so der Verband der Händler.")
    assert content.startswith("Die Preise würden im Herbst sinken")
    assert speaker == "der Verband der Händler"


def test_wie_clause() -> None:
    _, content, speaker = only("Wie die Bahn mitteilte, fallen am Freitag alle Züge aus.")
    assert content == "fallen am Freitag alle Züge aus"
    assert speaker == "die Bahn"


def test_heisst_es() -> None:
    _, content, speaker = only("In der Mitteilung der Stadt heißt es, die Schule werde im Mai eröffnet.")
    assert content == "die Schule werde im Mai eröffnet"
    assert speaker == "der Mitteilung der Stadt"


def test_dies_refers_to_the_sentence_before() -> None:
    text = "Das Werk in Bochum wird geschlossen. Dies bestätigte ein Sprecher des Konzerns."
    _, content, speaker = only(text)
    assert content.startswith("Das Werk in Bochum wird geschlossen")
    assert speaker == "ein Sprecher des Konzerns"


def test_konjunktiv_continuation_goes_to_the_last_speaker() -> None:
    text = (
        "Die Gewerkschaft kündigte an, sie werde am Montag streiken. "
        "Die Arbeitgeber hätten kein Angebot vorgelegt. "
        "Die Forderungen seien angemessen."
    )
    found = positions(text)
    assert [speaker for _, _, speaker in found] == ["Die Gewerkschaft", "Die Gewerkschaft"]
    assert found[1][1] == "Die Arbeitgeber hätten kein Angebot vorgelegt. Die Forderungen seien angemessen"


def test_indicative_narrative_is_no_continuation() -> None:
    text = "Der Bürgermeister sagte, die Brücke sei sicher. Am Abend regnete es stark."
    assert [content for _, content, _ in positions(text)] == ["die Brücke sei sicher"]


def test_intention() -> None:
    kind, content, speaker = only("Frankreich hat nicht vor, seine Soldaten aus dem Land abzuziehen.")
    assert kind == "intention"
    assert speaker == "Frankreich"
    assert "abzuziehen" in content


def test_modal_intention() -> None:
    kind, _, speaker = only("Die Regierung will die Renten im nächsten Jahr erhöhen.")
    assert (kind, speaker) == ("intention", "Die Regierung")


def test_decision_with_a_complement() -> None:
    kind, content, speaker = only("Das Parlament hat entschieden, die Truppen sollen das Land verlassen.")
    assert (kind, speaker) == ("decision", "Das Parlament")
    assert content == "die Truppen sollen das Land verlassen"


def test_reported_stance_without_complement() -> None:
    kind, content, speaker = only("Die Polizei sprach von einem tragischen Unfall.")
    assert (kind, speaker) == ("reported", "Die Polizei")
    assert content == "Die Polizei sprach von einem tragischen Unfall"


def test_quoted_judgement_is_one_position_with_its_clause() -> None:
    kind, content, speaker = only("Der Senator nannte den Bericht eine „Zeitungsente“.")
    assert (kind, content, speaker) == (
        "reported",
        "Der Senator nannte den Bericht eine „Zeitungsente“",
        "Der Senator",
    )


def test_quoted_judgement_ends_before_a_coordinated_frame() -> None:
    found = positions(
        "Die Ministerin nannte den Plan „unausgegoren“ und erklärte, sie werde dagegen stimmen."
    )
    assert found == [
        ("reported", "Die Ministerin nannte den Plan „unausgegoren“", "Die Ministerin"),
        ("indirect", "sie werde dagegen stimmen", "Die Ministerin"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Hunderte demonstrierten am Samstag unter dem Motto „Die Stadt gehört uns allen!“",
        "Der Autor hat ein Buch mit dem Titel „Die Revolution frisst ihre Kinder“ geschrieben.",
        "Zum Abschied wurde er mit dem Lied „Für dich soll es rote Rosen regnen“ geehrt.",
    ],
)
def test_quoted_motto_title_or_song_is_no_quotation(text: str) -> None:
    assert positions(text) == []


def test_a_past_plan_is_no_intention() -> None:
    assert positions("Der Konzern plante eine neue Fabrik in Sachsen.") == []
    assert positions("Der Konzern hatte eine neue Fabrik angestrebt.") == []
    kind, _, speaker = only("Der Konzern plant eine neue Fabrik in Sachsen.")
    assert (kind, speaker) == ("intention", "Der Konzern")


def test_ausgehen_reports_a_stance_only_with_von() -> None:
    assert positions("Die Lichter gingen in der ganzen Stadt aus.") == []
    assert only("Die Polizei geht von einem Unfall aus.")[0] == "reported"


@pytest.mark.parametrize(
    "text",
    [
        "Weitere Proteste sind für Montag angekündigt.",
        "Weitere Proteste sind für Montag angekündigt worden.",
        "Bis zum Abend wurden keine Schäden durch den Sturm berichtet.",
    ],
)
def test_passive_report_without_a_holder_is_narration(text: str) -> None:
    assert positions(text) == []


def test_reported_passage_continues_over_a_paragraph_break() -> None:
    text = "Der Sprecher sagte, die Lage sei ruhig. Die Feuerwehr sei im Einsatz.\n\nDie Straßen seien frei."
    found = positions(text)
    assert found[1] == ("indirect", "Die Feuerwehr sei im Einsatz.\n\nDie Straßen seien frei", "Der Sprecher")
    assert len(found) == 2


def test_reported_passage_without_a_named_holder_is_one_position() -> None:
    text = "Mehrere Häuser seien zerstört worden. Man gehe davon aus, dass niemand verletzt wurde."
    assert positions(text) == [("indirect", text[:-1], None)]


def test_reported_passage_after_a_colon_frame_is_one_position() -> None:
    text = "Der Verband kritisierte: Die Preise seien zu hoch. Viele Familien könnten sich das nicht leisten."
    assert positions(text) == [("indirect", text[len("Der Verband kritisierte: ") : -1], "Der Verband")]


def test_taking_sides_is_no_position_but_names_the_holder_of_what_follows() -> None:
    assert positions("Der Minister sprach sich für eine Reform aus.") == []
    found = positions("Der Minister sprach sich für eine Reform aus. Sie sei längst überfällig.")
    assert found == [("indirect", "Sie sei längst überfällig", "Der Minister")]


def test_nested_quote_inside_reported_speech_is_not_separate() -> None:
    found = positions("Der Kanzler sagte, das Gesetz sei „ein großer Erfolg“ für alle.")
    assert len(found) == 1
    assert found[0][1] == "das Gesetz sei „ein großer Erfolg“ für alle"


def test_speech_quoted_inside_a_quotation_goes_to_the_inner_speaker() -> None:
    text = "Die Forscherin erklärte: „Wenn Minister Lukas Brandt sagt, alles sei sicher, dann irrt er sich.“"
    found = positions(text)
    assert ("indirect", "alles sei sicher", "Minister Lukas Brandt") in found
    assert found[0][2] == "Die Forscherin"


def test_titles_in_quotes_are_no_quotations() -> None:
    assert positions("Die „Süddeutsche Zeitung“ erscheint seit 1945 in München.") == []
    assert positions("Der Film „Die Reise nach Rom“ lief im Kino.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Der Zug kommt um acht Uhr an.",
        "Es gibt keine neuen Informationen.",
        "Die Konferenz findet im Mai statt.",
        "Das Museum befindet sich in der Altstadt.",
    ],
)
def test_light_verbs_are_no_cues(text: str) -> None:
    assert positions(text) == []


def test_passive_decision_has_no_holder_and_is_skipped() -> None:
    assert positions("Der Bau einer neuen Halle ist geplant.") == []


@pytest.mark.parametrize(
    ("form", "lemma", "tag", "expected"),
    [
        ("sei", "sein", "VA(FIN)", True),
        ("seien", "sein", "VA(FIN)", True),
        ("habe", "haben", "VA(FIN)", True),
        ("könne", "können", "VM(FIN)", True),
        ("werde", "werden", "VA(FIN)", True),
        ("handele", "handeln", "VV(FIN)", True),
        ("gebe", "angeben", "VV(FIN)", True),
        ("hat", "haben", "VA(FIN)", False),
        ("haben", "haben", "VA(FIN)", False),
        ("sagte", "sagen", "VV(FIN)", False),
        ("wurde", "werden", "VA(FIN)", False),
        ("Rede", "Rede", "NN", False),
    ],
)
def test_konjunktiv1_rule(form: str, lemma: str, tag: str, expected: bool) -> None:
    assert is_konjunktiv1(Token(form, 0, len(form), tag=tag, lemma=lemma)) is expected


def test_empty_and_odd_documents_do_not_crash() -> None:
    for text in ["„", "“ sagte er: ", "Laut", "nach", ": „ “ „", "Er sagte,", "so", "\n\n„Hallo“\n\n"]:
        positions(text)


# --- continuations without an earlier speaker, holders from the context ---------------------------


def test_konjunktiv_in_a_subordinate_clause_goes_to_the_narrated_subject() -> None:
    kind, content, speaker = only("Die Alliierten erhoben Einspruch, weil Berlin einen Sonderstatus habe.")
    assert kind == "indirect"
    assert content.endswith("weil Berlin einen Sonderstatus habe")
    assert speaker == "Die Alliierten"


def test_konjunktiv_after_a_stance_goes_to_its_holder() -> None:
    found = positions("Der Verband warnte vor Überschwemmungen. Die Dämme seien überlastet.")
    assert found[-1] == ("indirect", "Die Dämme seien überlastet", "Der Verband")


def test_first_person_present_is_no_konjunktiv() -> None:
    assert positions("Ich habe das Buch gelesen. Wir haben viel gelernt.") == []


def test_interview_answers_are_no_continuations() -> None:
    text = "Der Minister sagte, die Lage sei ernst. Ich glaube, wir hätten früher handeln müssen."
    assert [content for _, content, _ in positions(text)] == ["die Lage sei ernst"]


def test_existential_statement_is_the_writers_own() -> None:
    assert positions("Es besteht wenig Zweifel, dass der Plan scheitert.") == []
    assert positions("Einigkeit besteht darüber, dass das Duell wichtig gewesen sei.") == []


def test_frame_without_holder_takes_the_holder_of_the_sentence_before() -> None:
    found = positions("Die Union lehnt das Gesetz ab. Als Begründung heißt es, die Kosten seien zu hoch.")
    assert found == [("indirect", "die Kosten seien zu hoch", "Die Union")]


def test_quoted_fragment_in_reported_speech_keeps_the_sentence() -> None:
    found = positions("Der Minister sagte, die Lage sei ernst. Damit seien „alle Reserven aufgebraucht“.")
    assert found[1] == ("indirect", "Damit seien „alle Reserven aufgebraucht“", "Der Minister")


# --- frames the first version missed ---------------------------------------------------------------


def test_noun_of_speech_with_its_holder() -> None:
    found = positions("Die Opposition kritisierte die Forderung des Ministers, die Steuern zu erhöhen.")
    assert found == [("indirect", "die Steuern zu erhöhen", "des Ministers")]


def test_noun_of_speech_with_a_konjunktiv_clause() -> None:
    found = positions("Der Richter wies den Vorwurf der Anwälte, das Gericht sei befangen, zurück.")
    assert ("indirect", "das Gericht sei befangen", "der Anwälte") in found


def test_wie_clause_with_an_apposition() -> None:
    found = positions("Die Brücke bleibt gesperrt, wie Anna Berg, Sprecherin der Stadt, mitteilte.")
    assert found == [("indirect", "Die Brücke bleibt gesperrt", "Anna Berg, Sprecherin der Stadt")]


def test_wie_clause_naming_a_document() -> None:
    found = positions("Wie aus einer Mitteilung der Polizei hervorgeht, wurden zwei Männer festgenommen.")
    assert found == [("indirect", "wurden zwei Männer festgenommen", "einer Mitteilung der Polizei")]


def test_separated_particle_after_an_apposition() -> None:
    found = positions("Am Montag gab der Leiter der Behörde, Jan Wolf, bekannt, dass das Amt schließt.")
    assert found == [("indirect", "dass das Amt schließt", "der Leiter der Behörde, Jan Wolf")]


def test_weiter_is_no_verb_particle() -> None:
    _, content, speaker = only("Der Trainer sagte weiter, die Mannschaft sei gut vorbereitet.")
    assert (content, speaker) == ("die Mannschaft sei gut vorbereitet", "Der Trainer")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Der Präsident erklärte, die neue Verfassung werde die Rolle des Militärs festlegen.", "die neue"),
        ("Der General erklärte hingegen, damit solle ein Machtvakuum vermieden werden.", "damit solle"),
    ],
)
def test_verb_second_complements_the_tagger_misreads(text: str, content: str) -> None:
    kind, found, _ = only(text)
    assert kind == "indirect"
    assert found.startswith(content)


def test_quoted_name_inside_the_speaker() -> None:
    _, _, speaker = only("Moritz Weber von der „Aktion Kinder helfen“ sagte, die Spenden seien angekommen.")
    assert speaker == "Moritz Weber von der „Aktion Kinder helfen“"


def test_source_marker_names_a_mistagged_name() -> None:
    _, _, speaker = only("Die Anlage sei laut el-Baradei stillgelegt worden.")
    assert speaker == "el-Baradei"


def test_so_between_dashes() -> None:
    _, _, speaker = only("Das sei ein wichtiger Schritt – so Müller –, trotzdem fehle noch Geld.")
    assert speaker == "Müller"


def test_source_marker_takes_over_a_reported_stance() -> None:
    found = positions("Der Minister bestritt nach Angaben der Zeitung die Vorwürfe.")
    assert found == [
        ("indirect", "Der Minister bestritt nach Angaben der Zeitung die Vorwürfe", "der Zeitung")
    ]


def test_passive_frame_names_its_document() -> None:
    found = positions("In einem Bericht der Zeitung wurde vermutet, dass niemand überlebt hat.")
    assert found == [("indirect", "dass niemand überlebt hat", "einem Bericht der Zeitung")]


def test_complement_ends_where_the_narration_goes_on() -> None:
    found = positions("Sie räumte ein, es könnten Stellen wegfallen, sprach aber von einem offenen Prozess.")
    assert found == [
        ("indirect", "es könnten Stellen wegfallen", "Sie"),
        ("reported", "sprach aber von einem offenen Prozess", "Sie"),
    ]


def test_complement_ends_before_a_quotation_after_a_colon() -> None:
    found = positions("Er glaubt, dass das Team stärker sei: „Wir haben viel gelernt.“")
    assert found == [
        ("indirect", "dass das Team stärker sei", "Er"),
        ("direct", "„Wir haben viel gelernt.“", "Er"),
    ]


def test_decision_in_the_passive_keeps_its_content() -> None:
    found = positions("Es wurde beschlossen, eine Delegation nach Polen zu entsenden.")
    assert found == [("decision", "eine Delegation nach Polen zu entsenden", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Die Partei hatte ihren Protest angekündigt.",  # backstory in the pluperfect
        "Der Schaden wird auf eine Million Euro geschätzt.",  # a passive without a holder
        "In Niedersachsen ist es verboten, im Wald zu rauchen.",  # a rule, not a decision
        "Ein Bescheid, der den Jägern Rechte einräumt, soll Unfälle verhindern.",  # a relative clause
    ],
)
def test_narration_is_no_position(text: str) -> None:
    assert positions(text) == []
