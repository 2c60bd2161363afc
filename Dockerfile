# syntax=docker/dockerfile:1
# The briefing bot. Build:  docker build -t briefbot .
# Run (Slack Events API):  docker run --rm -p 3000:3000 -e SLACK_BOT_TOKEN -e SLACK_SIGNING_SECRET \
#                              briefbot run --slack-http --port 3000
# Tokens come from the environment only (or an env file / orchestrator secrets), never from the image.
# docker-compose.yml runs it with PostgreSQL.

ARG PYTHON_IMAGE=python:3.11-slim-bookworm

# --- build: a virtual environment with the bot and its dependencies --------------------------------------
FROM ${PYTHON_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore
WORKDIR /src
RUN python -m venv /opt/briefbot
# dependencies first, from pyproject.toml alone: this layer is rebuilt only when they change
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > requirements.txt \
    && /opt/briefbot/bin/pip install --no-cache-dir --requirement requirements.txt
COPY README.md ./
COPY bot ./bot
COPY adapters ./adapters
RUN /opt/briefbot/bin/pip install --no-cache-dir --no-deps . \
    && /opt/briefbot/bin/briefbot --help > /dev/null

# --- runtime: the environment, a non-root user, nothing else ----------------------------------------------
FROM ${PYTHON_IMAGE}
LABEL org.opencontainers.image.title="briefbot" \
      org.opencontainers.image.description="Briefings of German and English news articles for Slack, Discord and the terminal" \
      org.opencontainers.image.licenses="LGPL-3.0-or-later"
RUN groupadd --system --gid 10001 briefbot \
    && useradd --system --uid 10001 --gid briefbot --home-dir /var/lib/briefbot --create-home \
        --shell /usr/sbin/nologin briefbot
COPY --from=build /opt/briefbot /opt/briefbot
COPY docker/healthcheck.py /opt/briefbot/healthcheck.py
ENV PATH=/opt/briefbot/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    BRIEFBOT_DATA_DIR=/var/lib/briefbot \
    BRIEFBOT_SLACK_HTTP_HOST=0.0.0.0 \
    BRIEFBOT_SLACK_HTTP_PORT=3000
# numeric, so orchestrators can check runAsNonRoot
USER 10001:10001
WORKDIR /var/lib/briefbot
# the SQLite database when no BRIEFBOT_DATABASE_URL is set
VOLUME ["/var/lib/briefbot"]
EXPOSE 3000
# briefbot run stops its adapters and the scheduler cleanly on SIGTERM
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "/opt/briefbot/healthcheck.py"]
ENTRYPOINT ["briefbot"]
CMD ["run"]
