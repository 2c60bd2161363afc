# syntax=docker/dockerfile:1
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY adapters ./adapters
RUN python -m venv /opt/venv && /opt/venv/bin/pip install --no-cache-dir .

FROM python:3.11-slim
RUN useradd --create-home --uid 10001 briefbot
COPY --from=build /opt/venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH PYTHONUNBUFFERED=1
USER briefbot
WORKDIR /home/briefbot
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=5s CMD ["briefbot", "--help"]
ENTRYPOINT ["briefbot"]
CMD ["--help"]
