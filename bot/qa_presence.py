"""Whether the article mentions what a question names ('Angela Merkel', 'the Russian government')."""

from __future__ import annotations

from bot.qa_chunks import Phrase
from bot.qa_index import ArticleIndex, near_each_other
from bot.qa_lexicon import Concept, Lexicon, Place
from bot.qa_parse import ParsedQuestion
from bot.qa_text import Word, words


def absent_name(index: ArticleIndex, parsed: ParsedQuestion, phrase: Phrase) -> str | None:
    """The phrase names someone the article does not mention ('Angela Merkel', 'the Russian government')."""
    lex = index.lex
    cross = parsed.language != index.language
    heads: list[Word] = []
    for w in parsed.words[phrase.start : phrase.end]:
        if (
            (w.capitalised or w.key.isupper())
            and w.key not in lex.title_keys
            and not lex.is_stopword(w.folded)
        ):
            heads.append(w)
        elif lex.places_of(w.key):
            heads.append(w)  # a lower-case demonym: 'der britische Verteidigungsminister'
    if not heads:
        return None
    known = _known_phrases(index, parsed.words[phrase.start : phrase.end])
    present = [id(w) in known or _present(index, w, cross) for w in heads]
    if all(present):
        qualifiers = [w for w in heads if lex.places_of(w.key)]
        content = [w for w in parsed.words[phrase.start : phrase.end] if not lex.is_stopword(w.folded)]
        if qualifiers and content and not lex.places_of(content[-1].key) and id(content[-1]) not in known:
            return _qualifier_missing(index, qualifiers, content, phrase, cross)
        return None
    last_name = next((w for w in reversed(heads) if not lex.places_of(w.key)), None)
    if last_name is not None and not present[heads.index(last_name)]:
        return phrase.text
    if any(lex.places_of(w.key) for w, ok in zip(heads, present, strict=True) if not ok):
        return phrase.text
    return None


def _known_phrases(index: ArticleIndex, ws: list[Word]) -> set[int]:
    """Words of multi-word names the article has in some form ('United Nations' ~ 'Vereinten Nationen')."""
    lex = index.lex
    out: set[int] = set()
    for n in (3, 2):
        for i in range(len(ws) - n + 1):
            joined = " ".join(w.key for w in ws[i : i + n])
            groups: list[Concept | Place] = [*lex.concepts_of(joined), *lex.places_of(joined)]
            for group in groups:
                if any(k in index.postings for k in group.keys) or any(
                    _phrase_in_text(index, phrase) for phrase in group.phrases
                ):
                    out.update(id(w) for w in ws[i : i + n])
    return out


def _phrase_in_text(index: ArticleIndex, phrase: tuple[str, ...]) -> bool:
    ids: set[int] | None = None
    for key in phrase:
        found = set(index.postings.get(key, ()))
        ids = found if ids is None else ids & found
        if not ids:
            return False
    return bool(ids)


def _present(index: ArticleIndex, w: Word, cross: bool) -> bool:
    keys = [w.key, *(x.key for x in words(w.text)[1:])] if "-" in w.text else [w.key]
    return any(any(s >= 0.5 for _, s in index.expand(k, cross)) for k in keys)


def _qualifier_missing(
    index: ArticleIndex, qualifiers: list[Word], content: list[Word], phrase: Phrase, cross: bool
) -> str | None:
    """A demonym and its noun must stand together: 'britische' right by 'Verteidigungsminister'."""
    alternatives = [{k for k, s in index.expand(w.key, cross) if s >= 0.7} for w in qualifiers]
    head_keys = {k for k, s in index.expand(content[-1].key, cross) if s >= 0.6}
    if len(content) >= 2:  # 'foreign minister' ~ 'Außenminister'
        for concept in index.lex.concepts_of(f"{content[-2].key} {content[-1].key}"):
            for key in concept.keys:
                head_keys.update(k for k, s in index.expand(key, False) if s >= 0.8)
    alternatives.append(head_keys)
    return None if near_each_other(index, alternatives) else phrase.text


def looks_like_name(ws: list[Word], lex: Lexicon) -> bool:
    """'Hans Berg', not 'die Regierung': capitalised words that are no common nouns or titles."""
    content = [w for w in ws if w.folded not in lex.determiners]
    return bool(content) and all(
        w.capitalised and not lex.concepts_of(w.key) and w.key not in lex.title_keys for w in content
    )
