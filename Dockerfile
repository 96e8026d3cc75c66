# BackPath's container image: `docker build -t backpath .` (or podman). The base is a
# build argument so that an image can be built from a local base with the same Python
# (deploy/build-offline.sh does that, with wheels built beforehand).
ARG BASE_IMAGE=python:3.11-slim-bookworm

FROM ${BASE_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
WORKDIR /src
COPY . .
# The same pins as every other install (constraints.txt). With a wheelhouse in .wheels/
# (deploy/build-offline.sh) nothing is downloaded: the build is offline and repeatable.
RUN python3 -m venv /opt/backpath \
 && if [ -d .wheels ]; then \
        /opt/backpath/bin/pip install --no-index --find-links .wheels -c constraints.txt backpath; \
    else \
        /opt/backpath/bin/pip install -c constraints.txt . ; \
    fi \
 && /opt/backpath/bin/pip uninstall -q -y setuptools pip \
 && find /opt/backpath -name __pycache__ -prune -exec rm -rf {} + \
 && /opt/backpath/bin/python -m compileall -q /opt/backpath/lib

FROM ${BASE_IMAGE}
# A user of its own; its home holds the SQLite file when DATABASE_URL is left at the
# default (mount a volume there to keep it).
RUN useradd --uid 10001 --user-group --shell /usr/sbin/nologin \
    --home-dir /var/lib/backpath --create-home backpath
COPY --from=build /opt/backpath /opt/backpath
ENV PATH=/opt/backpath/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    LOG_FORMAT=json \
    METRICS_PORT=8080
USER backpath
WORKDIR /var/lib/backpath
# 8443: the webhook (BOT_MODE=webhook); 8080: /healthz and /metrics when polling.
EXPOSE 8443 8080
# /healthz on WEBHOOK_PORT in webhook mode, on METRICS_PORT when polling.
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
    CMD ["backpath", "healthcheck"]
STOPSIGNAL SIGTERM
# Pending migrations run at start-up (AUTO_MIGRATE, under a lock when replicas start at
# once); `docker run ... backpath migrate` runs them alone. Other commands: console.
ENTRYPOINT ["backpath"]
CMD ["run"]
