from __future__ import annotations

import pytest

from bot.errors import UserFacingError
from bot.ingest import read_article


def test_utf8_article_with_date_marker_and_title() -> None:
    text = "date 2020-01\nStreit im Parlament\n\nDer Minister sagte, er werde nicht zurücktreten."
    article = read_article(text.encode("utf-8"))
    assert article.date == "2020-01"
    assert article.title == "Streit im Parlament"
    assert article.language == "de"
    assert article.text == text
    assert text[article.body_start :].strip().startswith("Der Minister")


def test_marker_on_the_same_line_as_the_text() -> None:
    article = read_article(b" date 2020-01 Die Regierung hat entschieden, die Steuern zu senken.")
    assert article.date == "2020-01"
    assert article.text[article.text_start :].startswith("Die Regierung")


def test_cp1252_is_decoded() -> None:
    text = "Der Außenminister sagte, die Lage sei „ernst“ und man müsse handeln."
    article = read_article(text.encode("cp1252"))
    assert article.text == text


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"", "empty"),
        (b"   \n\t  ", "empty"),
        (b"%PDF-1.7 binary", "PDF"),
        (b"PK\x03\x04rest", "ZIP"),
        (b"Der Text\x00mit NUL", "binary"),
        (
            "Le gouvernement a décidé de ne pas retirer ses soldats de la région.".encode(),
            "German or English",
        ),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(data: bytes, fragment: str) -> None:
    with pytest.raises(UserFacingError) as err:
        read_article(data)
    assert fragment in err.value.reason


def test_size_limit() -> None:
    with pytest.raises(UserFacingError, match="too large"):
        read_article(b"The minister said so. " * 100, max_bytes=1000)
