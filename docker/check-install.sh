#!/usr/bin/env bash
# Replays the Dockerfile's install steps in a clean virtual environment, without a Docker engine:
# the build context as the COPY lines take it, the same pip commands, then what the runtime image
# relies on: a non-editable install that works from another directory (package data, migrations),
# `briefbot run --slack-http` answering the HEALTHCHECK, and a clean stop on SIGTERM (STOPSIGNAL).
#
#   bash docker/check-install.sh        (needs python3.11 and the package index; about a minute)
set -euo pipefail
cd "$(dirname "$0")/.."
SOURCE=$PWD
WORK=$(mktemp -d)
BOT_PID=""
cleanup() {
    if [[ -n "$BOT_PID" ]]; then kill "$BOT_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
PYTHON=${PYTHON:-python3.11}
VENV=$WORK/opt/briefbot

echo "== build stage, in $WORK"
mkdir -p "$WORK/src" "$WORK/data"
cd "$WORK/src"
"$PYTHON" -m venv "$VENV"
cp "$SOURCE/pyproject.toml" .
"$VENV/bin/python" -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
    > requirements.txt
"$VENV/bin/pip" install --quiet --disable-pip-version-check --requirement requirements.txt
cp "$SOURCE/README.md" .
for folder in bot adapters; do
    (cd "$SOURCE" && find "$folder" -name __pycache__ -prune -o -type f -print) | while read -r file; do
        mkdir -p "$(dirname "$file")" && cp "$SOURCE/$file" "$file"
    done
done
"$VENV/bin/pip" install --quiet --disable-pip-version-check --no-deps .
"$VENV/bin/briefbot" --help > /dev/null
cp "$SOURCE/docker/healthcheck.py" "$VENV/healthcheck.py"

echo "== runtime: from another directory, without the sources"
cd "$WORK/data"
rm -rf "$WORK/src"
export PATH=$VENV/bin:$PATH PYTHONDONTWRITEBYTECODE=1 BRIEFBOT_DATA_DIR=$WORK/data
python -c "import bot.ingest, adapters.slack_app; assert 'site-packages' in bot.ingest.__file__, bot.ingest.__file__"
briefbot analyse --json "$SOURCE/examples/example-en.txt" | python -c "import json, sys; b = json.load(sys.stdin); assert b['actors'], b; print('analyse: %d actors, %d positions' % (len(b['actors']), len(b['positions'])))"
briefbot feeds list --channel console
ls "$WORK/data"

echo "== runtime: the HEALTHCHECK and STOPSIGNAL"
PORT=$(python -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
SLACK_BOT_TOKEN=xoxb-notreal1 SLACK_SIGNING_SECRET=not-a-real-secret BRIEFBOT_SLACK_HTTP_HOST=127.0.0.1 \
    briefbot run --slack-http --port "$PORT" &
BOT_PID=$!
for _ in $(seq 1 100); do
    if BRIEFBOT_HEALTH_URL="http://127.0.0.1:$PORT/healthz" python "$VENV/healthcheck.py" > /dev/null; then break; fi
    sleep 0.2
done
BRIEFBOT_HEALTH_URL="http://127.0.0.1:$PORT/healthz" python "$VENV/healthcheck.py"
kill -TERM "$BOT_PID"
STATUS=0
wait "$BOT_PID" || STATUS=$?
BOT_PID=""
echo "briefbot run exited with $STATUS after SIGTERM"
test "$STATUS" -eq 0
if BRIEFBOT_HEALTH_URL="http://127.0.0.1:$PORT/healthz" python "$VENV/healthcheck.py"; then
    echo "the healthcheck passed with the bot stopped" >&2
    exit 1
fi
echo "== install steps OK"
