"""Noun phrases and adverbials around English attribution cues, on HanTa's CLAWS-like tags.

Everything works on the document's token list with sentence bounds `lo`/`hi` (inclusive token
indices), walking a few tokens left or right: no parse tree, no quadratic loops.
"""

from __future__ import annotations

from bot.language.lexicons import abbreviations
from bot.language.tokens import Token

NOUN_TAGS = frozenset({"NP0", "NN1", "NN2", "NN0", "NN"})
MODIFIER_TAGS = frozenset({"AJ0", "AJC", "AJS", "CRD", "ORD", "POS", "DPS", "AT0", "DT0"})
FINITE_TAGS = frozenset(
    {"VVD", "VVZ", "VVB", "VBD", "VBZ", "VBB", "VHD", "VHZ", "VHB", "VDD", "VDZ", "VDB", "VM0"}
)
AUX_TAGS = frozenset({"VM0", "XX0", "AV0", "AVP"}) | {f"V{a}{b}" for a in "BHD" for b in "BDZGINP0"}
PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it", "you", "one"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
QUOTE_CHARS = frozenset("\"“”„«»'`")
NP_LINKS = frozenset({"of", "for", "at", "from", "in", "on", "with", "to", "by"})
# words that open a noun phrase whatever tag they got after a quotation: "his colleague", "former Gov."
_NP_OPENERS = frozenset(
    {
        "a",
        "an",
        "the",
        "his",
        "her",
        "their",
        "its",
        "my",
        "our",
        "your",
        "former",
        "then",
        "longtime",
        "fellow",
    }
)
_ADJECTIVE_TAGS = frozenset({"AJ0", "AJC", "AJS"})
NP_LINKS_LEFT = frozenset({"of", "for", "at", "in", "from", "on"})
TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight week weekend "
    "month year day night morning afternoon evening january february march april may june july "
    "august september october november december jan feb mar apr jun jul aug sep sept oct nov dec "
    "earlier later recently previously".split()
)
_DAY_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight".split()
)
TIME_LINKS = frozenset("on last this earlier early late next the in at that each every a an".split())
_FUNCTION_TAGS = frozenset(
    {
        "PNP",
        "PNQ",
        "PNI",
        "AT0",
        "DT0",
        "DTQ",
        "CJC",
        "CJS",
        "CJT",
        "PRP",
        "PRF",
        "AVQ",
        "EX0",
        "TO0",
        "XX0",
        "ITJ",
    }
)
_QUANTIFIERS = frozenset(
    {"one", "some", "many", "most", "several", "few", "others", "another", "both", "all", "each"}
)
_CLITIC_AUXILIARIES = frozenset({"'s", "'re", "'ve", "'d", "'ll", "'m"})
NOT_NAMES = frozenset({"i", "a", "the", "this", "that", "but", "and", "in", "on", "as", "if", "so"})


def is_nominal(tok: Token, sentence_first: int) -> bool:
    """A noun, or a capitalised word inside the sentence that the tagger did not see as a name."""
    if tok.tag in NOUN_TAGS:
        return tok.text[:1].isalnum()
    text = tok.text
    return (
        tok.index != sentence_first
        and text[:1].isupper()
        and text.replace("-", "").isalpha()
        and (tok.tag not in FINITE_TAGS or tok.tag == "VVB")  # "a Twitter spokesman": no imperative inside
        and text.lower() not in NOT_NAMES
    )


def _sentence_initial_name(tok: Token) -> bool:
    """A capitalised word opening the sentence right before a verb: "Lynch announced ..."."""
    return tok.text[:1].isupper() and tok.text.isalpha() and tok.tag not in _FUNCTION_TAGS


def is_quote_mark(tok: Token) -> bool:
    return tok.text in QUOTE_CHARS or tok.text in {"’", "‘"}


def _abbreviation_dot(tokens: list[Token], k: int) -> bool:
    """tokens[k] is "." right after an abbreviation or an initial ("Mr.", "Sen.", "George W.")."""
    if k < 1 or tokens[k].text != ".":
        return False
    prev = tokens[k - 1]
    if prev.end != tokens[k].start:
        return False
    return prev.text in abbreviations("en") or (len(prev.text) == 1 and prev.text.isupper())


def left_np(tokens: list[Token], j: int, lo: int) -> tuple[int, int] | None:
    """The noun phrase (or pronoun) ending at token j, as (first, last) token indices."""
    if j < lo:
        return None
    tok = tokens[j]
    low = tok.text.lower()
    if tok.tag == "PNP" or low in PRONOUNS:
        return (j, j) if low in PRONOUNS else None
    if low in RELATIVE_PRONOUNS and tok.tag in {"PNQ", "CJT", "DT0", "DTQ"}:
        return (j, j)
    if tok.tag == "PNI" and low not in {"none", "nothing"}:
        return (j, j)
    if tok.text == ")":
        opened = _matching_open(tokens, j, lo)
        if opened is None or opened <= lo:
            return None
        found = left_np(tokens, opened - 1, lo)
        return (found[0], j) if found else None
    if low in _QUANTIFIERS and tok.tag in {"DT0", "PNI", "CRD", "NN2"}:
        return (j, j)  # "some say", "many believe", "others argue"
    if tok.text == "%" and j > lo and tokens[j - 1].tag == "CRD":
        return (j - 1, j)  # "42% say"
    if (
        tok.tag in {"VVN", "VVD"}
        and j > lo
        and tokens[j - 1].text.lower() in {"those", "people", "voters", "adults"}
    ):
        return (j - 1, j)  # "those surveyed said"
    if (
        not is_nominal(tok, lo)
        and tok.tag != "CRD"
        and (j != lo or not _sentence_initial_name(tok))
        and not (j > lo and is_quote_mark(tokens[j - 1]) and _sentence_initial_name(tok))
    ):
        return None  # but '“...,” Shook said': a name after a quotation, whatever its tag
    k = j
    while k > lo:
        prev = tokens[k - 1]
        low = prev.text.lower()
        if (
            prev.tag in MODIFIER_TAGS
            or low in _NP_OPENERS
            or is_nominal(prev, lo)
            or prev.text in {"-", "&", "‐"}
            or (prev.text == "." and _abbreviation_dot(tokens, k - 1))
            or (low in NP_LINKS_LEFT and k - 2 >= lo and is_nominal(tokens[k - 2], lo))
        ):
            k -= 1
        elif prev.text == ")" and (opened := _matching_open(tokens, k - 1, lo)) is not None and opened > lo:
            k = opened
        elif low in {"'s", "’s"} and k - 2 >= lo and tokens[k - 2].text[:1].isupper():
            k -= 2  # "Twitter's Adam Sharp", whatever tags the possessive got
        else:
            break
    # a determiner or possessive may not end a phrase it starts
    return (k, j)


def right_np(tokens: list[Token], i: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase (or pronoun) starting at token i."""
    if i > hi:
        return None
    tok = tokens[i]
    low = tok.text.lower()
    if (tok.tag == "PNP" or low in PRONOUNS) and not (low == "one" and i < hi and tokens[i + 1].tag != "PUN"):
        return (i, i) if low in PRONOUNS else None
    if not (tok.tag in MODIFIER_TAGS or is_nominal(tok, -1) or low in _QUANTIFIERS):
        return None
    k = i
    last_nominal = i if is_nominal(tok, -1) or low in _QUANTIFIERS else -1
    while k < hi:
        nxt = tokens[k + 1]
        low = nxt.text.lower()
        if nxt.tag in MODIFIER_TAGS or is_nominal(nxt, -1) or nxt.text in {"-", "&", "‐"}:
            k += 1
        elif nxt.text == "(" and (closing := _matching_close(tokens, k + 1, hi)) is not None:
            k = closing  # "Dick Durbin (D-Ill.)"
            continue
        elif (
            (nxt.tag == "AV0" or (low in {"and", "but", "or"} and tokens[k].tag in _ADJECTIVE_TAGS))
            and k + 2 <= hi
            and tokens[k + 2].tag in _ADJECTIVE_TAGS
        ):
            k += 1  # "the most recent data", "complete but unofficial returns"
        elif nxt.text == "." and _abbreviation_dot(tokens, k + 1) and k + 1 < hi:
            k += 1
        elif (
            low in NP_LINKS
            and k + 2 <= hi
            and (tokens[k + 2].tag in MODIFIER_TAGS or is_nominal(tokens[k + 2], -1))
        ):
            if low in {"on", "in", "at"} and tokens[k + 2].text.lower() in TIME_WORDS:
                break
            k += 1
        else:
            break
        if is_nominal(tokens[k], -1):
            last_nominal = k
    if last_nominal < 0:
        return None
    return (i, last_nominal)


def _matching_close(tokens: list[Token], j: int, hi: int) -> int | None:
    for k in range(j + 1, min(hi, j + 12) + 1):
        if tokens[k].text == ")":
            return k
    return None


def _matching_open(tokens: list[Token], j: int, lo: int) -> int | None:
    for k in range(j - 1, max(lo, j - 12) - 1, -1):
        if tokens[k].text == "(":
            return k
    return None


def skip_left_adverbials(tokens: list[Token], j: int, lo: int) -> int:
    """Step left over auxiliaries, adverbs and time phrases between a subject and its verb."""
    while j >= lo:
        tok = tokens[j]
        low = tok.text.lower()
        clitic = low.replace("’", "'") in _CLITIC_AUXILIARIES
        if (
            (
                tok.tag in AUX_TAGS
                and low not in RELATIVE_PRONOUNS
                and (tok.text[:1].isalpha() or clitic)
                and not (tok.tag == "AV0" and tok.text[:1].isupper() and j > lo)  # '“...,” Comey said'
            )
            or low.endswith(("n't", "n’t"))  # "n’t", or "didn’t" as one token
            or (clitic and j - 1 >= lo and tokens[j - 1].tag in {"PNP", "PNQ"})  # "He’s", whatever its tag
            or (
                low in {"first", "last"} and j - 1 >= lo and tokens[j - 1].tag[:2] in {"VB", "VH"}
            )  # "was first"
        ):
            j -= 1
        elif (
            low in TIME_WORDS
            and j - 1 >= lo
            and (tokens[j - 1].text.lower() in TIME_LINKS or tokens[j - 1].tag == "CRD" or low in _DAY_NAMES)
        ):
            j -= 1
            while j >= lo and (tokens[j].text.lower() in TIME_LINKS or tokens[j].tag == "CRD"):
                j -= 1
        else:
            break
    return j
