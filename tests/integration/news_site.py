"""A news site on 127.0.0.1 for the tests: RSS and Atom feeds, article pages, and misbehaving URLs.

Runs http.server in a thread, so it serves sync tests, async tests and subprocesses alike.
"""

from __future__ import annotations

import contextlib
import gzip
import html
import threading
import time
from collections import Counter
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from articles import BY_SLUG, STORIES, Story, bench_story

BOILERPLATE_NAV = (
    "<nav><a href='/'>Start</a> | <a href='/politik'>Politik</a> | <a href='/login'>Login</a></nav>"
)
BOILERPLATE_FOOT = "<footer><p>Impressum · Datenschutz · Cookie-Einstellungen</p></footer>"


def article_html(story: Story) -> str:
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in story.paragraphs)
    return f"""<!doctype html><html lang="{story.language}"><head><meta charset="utf-8">
<title>{html.escape(story.title)} | Testzeitung</title>
<meta name="author" content="{html.escape(story.author)}">
<meta property="article:published_time" content="{story.date}T08:00:00Z">
</head><body>{BOILERPLATE_NAV}
<article><h1>{html.escape(story.title)}</h1>
<p class="byline">Von {html.escape(story.author)}</p>
{paragraphs}
</article>
<aside><h3>Mehr zum Thema</h3><ul><li><a href="/a">Weitere Meldungen</a></li></ul></aside>
{BOILERPLATE_FOOT}</body></html>"""


def _rfc822(date: str) -> str:
    return format_datetime(datetime.fromisoformat(date).replace(hour=8, tzinfo=UTC))


def rss(title: str, base: str, items: list[tuple[str, Story, str]]) -> str:
    """items: (guid, story, link path)"""
    body = "".join(
        f"<item><title>{html.escape(s.title)}</title><link>{base}{path}</link>"
        f'<guid isPermaLink="false">{html.escape(guid)}</guid><pubDate>{_rfc822(s.date)}</pubDate>'
        f"<description>{html.escape(s.paragraphs[0])}</description></item>"
        for guid, s, path in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{html.escape(title)}</title><link>{base}/</link><description>Test</description>{body}"
        "</channel></rss>"
    )


def atom(title: str, base: str, items: list[tuple[str, Story, str]]) -> str:
    entries = "".join(
        f'<entry><title>{html.escape(s.title)}</title><link href="{base}{path}"/>'
        f"<id>{html.escape(guid)}</id><updated>{s.date}T08:00:00Z</updated>"
        f"<summary>{html.escape(s.paragraphs[0])}</summary></entry>"
        for guid, s, path in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{html.escape(title)}</title><id>{base}/</id><updated>2024-03-07T08:00:00Z</updated>{entries}</feed>"
    )


GERMAN = [s for s in STORIES if s.language == "de"]
ENGLISH = [s for s in STORIES if s.language == "en"]


class NewsSite:
    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.failing: set[str] = set()  # paths that answer 500 for now
        self.extra_items: dict[str, list[Story]] = {}  # feed path -> stories added later
        self.slow_seconds = 3.0
        self.bench_items = 200
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def start(self) -> NewsSite:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def feed_items(self, path: str) -> list[tuple[str, Story, str]]:
        if path == "/feeds/de.rss":
            stories = GERMAN + self.extra_items.get(path, [])
            return [(f"de-{s.slug}", s, f"/artikel/{s.slug}.html") for s in stories]
        if path == "/feeds/en.atom":
            stories = ENGLISH + self.extra_items.get(path, [])
            return [(f"urn:test:{s.slug}", s, f"/articles/{s.slug}.html?utm_source=feed") for s in stories]
        if path == "/feeds/mirror.rss":  # another paper carrying the harbour strike under its own URL
            return [("mirror-1", BY_SLUG["hafen-streik"], "/mirror/hafen-streik.html")]
        if path == "/feeds/bench.rss":
            return [(f"bench-{i}", bench_story(i), f"/bench/{i}.html") for i in range(self.bench_items)]
        return []

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def send(
                self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None
            ) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                path, query = parts.path, parse_qs(parts.query)
                site.hits[path] += 1
                if path in site.failing:
                    return self.send(500, b"down", "text/plain")
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.route(path, query)

            def route(self, path: str, query: dict[str, list[str]]) -> None:
                html_type = "text/html; charset=utf-8"
                if path == "/feeds/en.atom":
                    body = atom("English Test News", site.base, site.feed_items(path))
                    return self.send(200, body.encode(), "application/atom+xml")
                if path.startswith("/feeds/") and path.endswith(".rss") and site.feed_items(path):
                    titles = {
                        "/feeds/de.rss": "Deutsche Testnachrichten",
                        "/feeds/mirror.rss": "Spiegelblatt",
                    }
                    body = rss(titles.get(path, "Bench"), site.base, site.feed_items(path))
                    return self.send(200, body.encode(), "application/rss+xml; charset=utf-8")
                if path == "/feeds/broken.rss":
                    return self.send(
                        200, b"<?xml version='1.0'?><rss><channel><title>Kaputt", "application/rss+xml"
                    )
                if path == "/feeds/not-a-feed":
                    return self.send(200, b"just some words, no feed at all", "text/plain")
                slug = path.rsplit("/", 1)[-1].removesuffix(".html")
                if path.startswith(("/artikel/", "/articles/", "/mirror/")) and slug in BY_SLUG:
                    return self.send(200, article_html(BY_SLUG[slug]).encode(), html_type)
                if path.startswith("/bench/") and slug.isdigit():
                    return self.send(200, article_html(bench_story(int(slug))).encode(), html_type)
                if path == "/gzip/hafen-streik.html":
                    body = gzip.compress(article_html(BY_SLUG["hafen-streik"]).encode())
                    return self.send(200, body, html_type, {"Content-Encoding": "gzip"})
                if path.startswith("/redirect/"):
                    hops = int(path.rsplit("/", 1)[-1])
                    target = query.get("to", ["/articles/port-strike.html"])[0]
                    location = f"/redirect/{hops - 1}?to={target}" if hops > 1 else target
                    return self.send(302, b"", "text/plain", {"Location": location})
                if path == "/slow":
                    self.send_response(200)
                    self.send_header("Content-Type", html_type)
                    self.send_header("Content-Length", "100000")
                    self.end_headers()
                    for _ in range(int(site.slow_seconds * 10)):
                        self.wfile.write(b"<p>slow</p>" * 10)
                        self.wfile.flush()
                        time.sleep(0.1)
                    return None
                if path == "/huge":
                    return self.send(200, b"<p>" + b"x" * 6_000_000 + b"</p>", html_type)
                if path == "/huge-undeclared":  # no Content-Length: the cap must hold while reading
                    self.send_response(200)
                    self.send_header("Content-Type", html_type)
                    self.send_header("Connection", "close")
                    self.end_headers()
                    for _ in range(70):
                        self.wfile.write(b"y" * 100_000)
                    self.close_connection = True
                    return None
                if path == "/bomb":  # 6 MB of zeros in a few kilobytes
                    body = gzip.compress(b"\0" * 6_000_000)
                    return self.send(200, body, html_type, {"Content-Encoding": "gzip"})
                if path == "/paywall.html":
                    page = (
                        "<html><body><article><h1>Exklusiv: Der Plan des Ministers</h1><p>Der Minister hat "
                        "einen Plan.</p><div class='paywall'>Jetzt weiterlesen mit Abo</div></article>"
                        '<script type="application/ld+json">{"isAccessibleForFree": false}</script>'
                        "</body></html>"
                    )
                    return self.send(200, page.encode(), html_type)
                if path == "/empty.html":
                    return self.send(200, b"<html><body><div id='app'></div></body></html>", html_type)
                if path == "/image.png":
                    return self.send(200, b"\x89PNG\r\n\x1a\n" + b"0" * 100, "image/png")
                return self.send(404, b"not found", "text/plain")

        return Handler
