"""The store's schema and migrations, the briefing cache, digests claiming items once, rendering."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from articles import BY_SLUG, STORIES
from news_site import article_html
from newsroom import fake_analyse

from adapters.sinks import SlackSink, _discord_markup
from bot.digest import DigestEntry, compose, group_stories
from bot.digest_render import PLAIN, render_digest
from bot.models import Article
from bot.sources.extract import article_from_page, extract
from bot.store import Store
from bot.store_briefs import BriefingCache
from bot.store_schema import Base


def article(slug: str, *, url: str | None = None) -> Article:
    story = BY_SLUG[slug]
    page = url or f"https://news.example/{slug}"
    return article_from_page(extract(article_html(story).encode(), url=page))


def test_migrations_create_exactly_the_schema_of_the_models(store: Store) -> None:
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    store.migrate()  # running them again changes nothing


def test_a_briefing_is_analysed_once_per_engine_version(store: Store) -> None:
    calls: list[str] = []

    def counting(a: Article):  # type: ignore[no-untyped-def]
        calls.append(a.title)
        return fake_analyse(a)

    cache = BriefingCache(store, counting, engine_version="offline-1")
    article_id, _, first = cache.store_and_brief(article("rente-reform"))
    again_id, _, again = cache.store_and_brief(article("rente-reform"))
    assert again_id == article_id and again == first and len(calls) == 1
    newer = BriefingCache(store, counting, engine_version="offline-2")
    newer.briefing_for(article_id, article("rente-reform"))
    assert len(calls) == 2


def test_the_same_url_with_tracking_parameters_is_the_same_article(store: Store) -> None:
    first, new = store.save_article(article("water-plan", url="https://news.example/water?id=1"))
    assert new
    assert store.article_by_url("https://www.news.example/water?id=1&utm_source=x#top") == first


def _pending(store: Store, channel: str, slugs: list[str]) -> None:
    cache = BriefingCache(store, fake_analyse)
    for slug in slugs:
        article_id, _, _ = cache.store_and_brief(article(slug))
        store.add_to_channel(channel, article_id, origin="feed")


def test_a_digest_claims_each_item_once_and_resumes_until_finished(store: Store) -> None:
    _pending(store, "slack:C1", ["hafen-streik", "rente-reform"])
    first = store.claim_digest("slack:C1")
    assert first is not None and len(store.digest_items(first)) == 2
    _pending(store, "slack:C1", ["klima-gipfel"])
    assert store.claim_digest("slack:C1") == first  # unfinished: resumed, nothing new claimed
    store.finish_digest(first)
    second = store.claim_digest("slack:C1")
    assert second is not None and [i.article.title for i in store.digest_items(second)] == [
        "Klimagipfel endet ohne Einigung"
    ]
    store.finish_digest(second)
    assert store.claim_digest("slack:C1") is None  # nothing new
    assert store.claim_digest("slack:OTHER") is None


def test_the_delivery_log_keeps_each_key_once(store: Store) -> None:
    assert store.plan_deliveries("console", [("k1", "one"), ("k2", "two")])
    assert not store.plan_deliveries("console", [("k1", "again")])
    store.mark_sending("console", "k1")
    store.mark_sent("console", "k1", platform_ref="ts-1")
    states = {d.key: (d.state, d.body) for d in store.deliveries("console")}
    assert states == {"k1": ("sent", "one"), "k2": ("planned", "two")}


def _entries(slugs: list[str]) -> list[DigestEntry]:
    entries = []
    for number, slug in enumerate(slugs, 1):
        a = article(slug, url=f"https://paper{number}.example/{slug}")
        entries.append(DigestEntry(number, a, fake_analyse(a), (f"Paper {number}",)))
    return entries


def test_stories_carried_by_several_feeds_are_grouped() -> None:
    base = article("rente-reform")
    variant = base.model_copy(
        update={"title": "Reform der Rente: Regierung plant Umbau", "url": "https://b.example/r"}
    )
    entries = [
        *_entries(["rente-reform", "klima-gipfel"]),
        DigestEntry(9, variant, fake_analyse(variant), ("Paper 9",)),
    ]
    groups = group_stories(entries)
    assert [[e.article_id for e in g] for g in groups] == [[1, 9], [2]]
    content = compose(entries)
    assert content.stories[0].sources == ["Paper 1", "Paper 9"]
    assert content.language == "de"


def test_digest_has_summaries_key_actors_and_who_said_what() -> None:
    content = compose(_entries(["hafen-streik", "bahn-tarif", "rente-reform"]))
    text = "\n".join(render_digest(content, PLAIN))
    assert text.count("Nachrichtenüberblick") == 1 and "3 Meldungen" in text
    assert "1. Streik legt den Hamburger Hafen lahm <https://paper1.example/hafen-streik>" in text
    assert "Quellen: Paper 1" in text
    assert "Miriam Albers" in text and "Wer hat was gesagt" in text
    for story in content.stories:
        assert 1 <= len(story.summary) <= 2


def test_digests_are_split_within_each_platforms_limits() -> None:
    slugs = [s.slug for s in STORIES] * 3
    entries = [
        DigestEntry(
            n, e.article.model_copy(update={"title": f"{e.article.title} {n}"}), e.briefing, e.feed_titles
        )
        for n, e in enumerate(_entries(slugs), 1)
    ]
    content = compose(entries)
    for markup in (SlackSink.markup, _discord_markup()):
        messages = render_digest(content, markup)
        assert len(messages) > 1 and all(len(m) <= markup.limit for m in messages)
        joined = "\n".join(messages)
        assert all(f"{s.title}" in joined.replace("\u200b", "") for s in content.stories[:3])


def test_article_text_cannot_ping_or_inject_links_in_a_digest() -> None:
    hostile = article("water-plan").model_copy(
        update={
            "title": "<!channel> @everyone <https://evil.example|click> **bold**",
            "url": "https://x.example/a b|c>",
        }
    )
    content = compose([DigestEntry(1, hostile, fake_analyse(hostile))])
    slack = render_digest(content, SlackSink.markup)[0]
    assert "<!channel>" not in slack and "@everyone" not in slack and "<https://evil" not in slack
    assert "<https://x.example/a%20b%7Cc%3E|" in slack
    discord = render_digest(content, _discord_markup())[0]
    assert "@everyone" not in discord and "](<https://x.example/a%20b%7Cc%3E>)" in discord
