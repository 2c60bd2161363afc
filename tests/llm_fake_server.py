"""A local OpenAI-compatible chat-completions server with scripted replies, for the LLM backend's tests.

Scripted steps are served in order; when none is left, the `grounded` responder answers from the
prompt itself (the article's numbered sentences, copied verbatim, with their numbers). Run it as a
program to try `briefbot --engine llm` by hand or with the scorer:

    python tests/llm_fake_server.py --port 8765 &
    BRIEFBOT_LLM_BASE_URL=http://127.0.0.1:8765/v1 BRIEFBOT_LLM_MODEL=fake briefbot --engine llm ask ...
"""

from __future__ import annotations

import argparse
import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

_BLOCK = re.compile(
    r"<<<(?P<name>[A-Z]+) (?P<nonce>[0-9a-f]+)>>>\n(?P<body>.*?)\n<<<END (?P=name) (?P=nonce)>>>", re.S
)
_NUMBERED = re.compile(r"^\[(\d+)\] (.*)$", re.M)
_WORD = re.compile(r"\w{4,}")


@dataclass
class Step:
    """One scripted reply: a chat completion with `content`, or an error `status`, after `delay` s."""

    content: str | None = None
    status: int = 200
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)
    raw: bytes | None = None  # a body sent as is (not wrapped in a chat completion)


def completion(content: str) -> bytes:
    reply = {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": 0,
        "model": "fake",
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}
        ],
    }
    return json.dumps(reply).encode("utf-8")


def blocks(prompt: str) -> dict[str, str]:
    return {m.group("name"): m.group("body") for m in _BLOCK.finditer(prompt)}


def sentences(prompt: str) -> dict[int, str]:
    return {int(n): text for n, text in _NUMBERED.findall(blocks(prompt).get("ARTICLE", ""))}


def grounded(messages: list[dict[str, Any]]) -> str:
    """A well-behaved model: copies the article's sentences verbatim and cites them."""
    prompt = str(messages[-1]["content"])
    numbered = sentences(prompt)
    parts = blocks(prompt)
    if "QUOTES" in parts:  # renders each quotation, copying the original verbatim
        quotes = {int(n): text for n, text in _NUMBERED.findall(parts["QUOTES"])}
        renderings = [{"quote": n, "original": q, "text": f"(rendered) {q}"} for n, q in quotes.items()]
        return json.dumps({"renderings": renderings})
    if "QUESTION" not in parts:
        picked = [n for n, text in numbered.items() if text.rstrip().endswith((".", "!", "?", '"', "“"))][:2]
        picked = picked or list(numbered)[:1]
        return json.dumps({"summary": [{"text": numbered[n], "sentences": [n]} for n in picked]})
    asked = {w.casefold() for w in _WORD.findall(parts["QUESTION"])}
    scored = [(len(asked & {w.casefold() for w in _WORD.findall(t)}), -n, n) for n, t in numbered.items()]
    best = max(scored, default=(0, 0, 0))
    if best[0] == 0:
        return json.dumps({"answered": False, "claims": [], "reason": "The article does not say."})
    return json.dumps({"answered": True, "claims": [{"text": numbered[best[2]], "sentences": [best[2]]}]})


class FakeLlm:
    """The server; `requests` holds what it received (headers and JSON bodies), `script` what it sends."""

    def __init__(self, responder: Callable[[list[dict[str, Any]]], str] = grounded, port: int = 0) -> None:
        self.responder = responder
        self.script: list[Step] = []
        self.requests: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", port), self._handler())
        self.server.daemon_threads = True
        self._thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def start(self) -> FakeLlm:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _next(self, body: dict[str, Any]) -> Step:
        with self._lock:
            self.requests.append(body)
            if self.script:
                return self.script.pop(0)
        return Step(content=self.responder(body.get("messages", [])))

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                body = json.loads(self.rfile.read(length) or b"{}")
                body["_headers"] = dict(self.headers.items())
                body["_path"] = self.path
                step = fake._next(body)
                if step.delay:
                    time.sleep(step.delay)
                if step.status != 200:
                    payload = json.dumps({"error": {"message": "scripted failure"}}).encode()
                else:
                    payload = step.raw if step.raw is not None else completion(step.content or "")
                try:
                    self.send_response(step.status)
                    for name, value in step.headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler


if __name__ == "__main__":
    cli = argparse.ArgumentParser(description=__doc__)
    cli.add_argument("--port", type=int, default=8765)
    port = cli.parse_args().port
    server = FakeLlm(port=port).start()
    print(f"fake LLM at {server.base_url}", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.stop()
