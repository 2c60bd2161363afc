"""Noun phrases of a question: who it names ('der britische Verteidigungsminister', 'X und Y')."""

from __future__ import annotations

from dataclasses import dataclass

from bot.qa_lexicon import INTENT_VERBS, Lexicon
from bot.qa_text import Word, fold

_GERMAN_ADJ_ENDINGS = ("e", "en", "er", "es", "em")
PREPOSITIONS = frozenset(  # folded, as Word.folded: 'über' -> 'uber'
    fold(w)
    for w in (
        "about on of with for against to from in at by after before during over under between among "
        "regarding concerning towards toward into than "
        "über zu zum zur von vom mit für gegen bei beim nach vor in im an am auf aus um zwischen "
        "hinsichtlich bezüglich gegenüber seit während wegen bis until till since"
    ).split()
)
_SEPARATORS = frozenset({"und", "and", "sowie", "versus", "vs", "with", "mit", ","})


@dataclass
class Phrase:
    """A noun phrase of the question: word positions [start, end) in ParsedQuestion.words."""

    start: int
    end: int
    text: str
    role: str  # holder | other
    full: str = ""  # with its article: 'the Russian government'


def _is_verb_like(ws: list[Word], i: int, lex: Lexicon, seen_name: bool) -> bool:
    """English: does word i end a subject noun phrase (the main verb of 'what does X <verb> ...')?"""
    w = ws[i]
    if w.capitalised:
        return False
    if i == len(ws) - 1:
        return True
    nxt = ws[i + 1]
    if nxt.folded in lex.determiners or nxt.folded in PREPOSITIONS or nxt.folded in {"to", "that", "if"}:
        return True
    if nxt.capitalised and seen_name:
        return True
    return any(c.label in INTENT_VERBS for c in lex.concepts_of(w.key)) and seen_name


def _noun_phrase(ws: list[Word], i: int, language: str, lex: Lexicon) -> int:
    """End (exclusive) of the noun phrase starting at word i."""
    j = i
    while j < len(ws) and ws[j].folded in lex.determiners:
        j += 1
    seen_name = False
    start = j
    while j < len(ws):
        w = ws[j]
        if w.folded in PREPOSITIONS or w.folded in _SEPARATORS or w.folded in lex.question_words[language]:
            break
        if language == "de":
            if w.capitalised or (w.folded.isupper()):
                seen_name = True
            elif w.folded.endswith(_GERMAN_ADJ_ENDINGS) and j + 1 < len(ws) and not seen_name:
                pass  # an adjective before the noun: 'das irakische Parlament'
            elif w.text.startswith("pro-") or "-" in w.text:
                pass
            else:
                break
        else:
            if j > start and _is_verb_like(ws, j, lex, seen_name):
                break
            if w.capitalised:
                seen_name = True
            elif w.folded in lex.auxiliaries["en"] or (w.folded in lex.stopwords["en"] and j > start):
                break
        j += 1
    return j


def after_verb(ws: list[Word], language: str, lex: Lexicon) -> int:
    """Index of the first word after the question word (phrase) and the finite verb."""
    i = 0
    qwords = lex.question_words[language]
    while i < len(ws) and (ws[i].folded in qwords or ws[i].folded in {"und", "and", "so", "also"}):
        i += 1
    if language == "de":
        if i > 0 and (
            ws[i - 1].folded.startswith(("welch", "wessen", "wieviel")) or ws[i - 1].folded == "viele"
        ):
            # 'Welche Bedingungen nennt ...': skip the question word's noun
            while i < len(ws) and (ws[i].capitalised or ws[i].folded.endswith(_GERMAN_ADJ_ENDINGS)):
                if not ws[i].capitalised and i + 1 < len(ws) and not ws[i + 1].capitalised:
                    break
                i += 1
        return min(i + 1, len(ws))
    if i < len(ws) and ws[i].folded in lex.auxiliaries["en"]:
        return i + 1
    return i


def noun_phrases(ws: list[Word], start: int, language: str, lex: Lexicon) -> list[Phrase]:
    out: list[Phrase] = []
    i = start
    while i < len(ws):
        if ws[i].folded in PREPOSITIONS or ws[i].folded in _SEPARATORS:
            i += 1
            continue
        end = _noun_phrase(ws, i, language, lex)
        if language == "de":
            end = _split_object(ws, i, end, lex)
        if end > i and any(w.folded not in lex.determiners for w in ws[i:end]):
            text = " ".join(w.text for w in ws[i:end] if w.folded not in lex.determiners)
            full = " ".join(w.text for w in ws[i:end])
            out.append(Phrase(i, end, text, "holder" if not out else "other", full))
            i = end
        else:
            i += 1
    return out


def _split_object(ws: list[Word], start: int, end: int, lex: Lexicon) -> int:
    """'die Regierung Bidsina Iwanischwili': a common noun then a name are two phrases, not one.

    A title before a name stays with it ('Präsident Micheil Saakaschwili').
    """
    for i in range(start, end - 1):
        noun, nxt = ws[i], ws[i + 1]
        if not (noun.capitalised and nxt.capitalised) or not lex.concepts_of(noun.key):
            continue
        if any(noun.key.endswith(title) for title in lex.title_keys if len(title) >= 4):
            continue
        if not lex.concepts_of(nxt.key) and not lex.places_of(nxt.key) and nxt.key not in lex.title_keys:
            return i + 1
    return end


_COMPARE_LEAD = frozenset(
    {"of", "von", "between", "zwischen", "how", "wie", "what", "was", "compare", "vergleiche"}
)
_TOPIC_MARKERS = frozenset(
    fold(w)
    for w in "on about regarding concerning over in zu zum zur über bei hinsichtlich bezüglich beim".split()
)


def compare_phrases(ws: list[Word], language: str, lex: Lexicon) -> list[Phrase]:
    """'Vergleiche die Positionen von X und Y zur Z': the compared phrases X and Y."""
    start = 1
    for i, w in enumerate(ws[:8]):
        if w.folded in _COMPARE_LEAD:
            start = i + 1
    chunks: list[list[int]] = [[]]
    for i in range(start, len(ws)):
        w = ws[i]
        if w.folded in _TOPIC_MARKERS and len(chunks) > 1 and chunks[-1]:
            break
        if w.folded in _SEPARATORS:
            chunks.append([])
            continue
        chunks[-1].append(i)
    out: list[Phrase] = []
    for chunk in chunks:
        idx = [i for i in chunk if ws[i].folded not in lex.determiners]
        if not idx:
            continue
        if language == "en" and any(ws[i].capitalised for i in idx):
            # 'Pope Francis each characterize ...': the capitalised run and its head noun
            end = idx[0]
            while end < len(ws) and end <= idx[-1] and (ws[end].capitalised or end == idx[0]):
                end += 1
            if end <= idx[-1] and ws[end - 1].text.endswith(("'s", "’s")) and not ws[end].capitalised:
                end += 1
            idx = [i for i in idx if i < end]
        text = " ".join(ws[i].text for i in idx)
        out.append(Phrase(idx[0], idx[-1] + 1, text, "holder" if not out else "other", text))
    return out
