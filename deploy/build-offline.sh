#!/usr/bin/env bash
# Build the BackPath image without an image registry or network access inside the build:
# the base image is made from Debian's packages (mmdebstrap, cached), the wheels are built
# here with the project's pins, and the image installs them with --no-index.
#
#   deploy/build-offline.sh [TAG]       build TAG (default localhost/backpath:latest)
#   deploy/build-offline.sh --base      only make sure the base image exists; print its name
#
# BACKPATH_BASE_IMAGE=<image> uses that base instead (its python3 must be 3.11, like the
# Python that builds the wheels: PYTHON, default .venv/bin/python or python3).
# BACKPATH_BUILD_CACHE: where the base's root file system is kept (/var/tmp/backpath-build).
set -euo pipefail
cd "$(dirname "$0")/.."

SUITE=bookworm  # Debian 12: Python 3.11, as python:3.11-slim-bookworm
BASE=${BACKPATH_BASE_IMAGE:-localhost/backpath-base:$SUITE}
CACHE=${BACKPATH_BUILD_CACHE:-/var/tmp/backpath-build}
PYTHON=${PYTHON:-$([ -x .venv/bin/python ] && echo .venv/bin/python || echo python3)}

base_image() {
    podman image exists "$BASE" && return
    [ -z "${BACKPATH_BASE_IMAGE:-}" ] || { echo "no image $BASE" >&2; exit 1; }
    local rootfs=$CACHE/$SUITE-python3.tar
    if [ ! -s "$rootfs" ]; then
        mkdir -p "$CACHE"
        # What python:3.11-slim holds: Python with venv, CA certificates; no docs.
        mmdebstrap --quiet --variant=minbase --include=python3,python3-venv,ca-certificates \
            --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
            --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-exclude=/usr/share/info/*' \
            "$SUITE" "$rootfs.$$.tar" >&2
        mv "$rootfs.$$.tar" "$rootfs"
    fi
    podman import --quiet "$rootfs" "$BASE" >/dev/null
}

if [ "${1:-}" = "--base" ]; then
    base_image
    echo "$BASE"
    exit 0
fi
TAG=${1:-localhost/backpath:latest}
base_image
rm -rf .wheels
trap "rm -rf .wheels" EXIT
"$PYTHON" -m pip wheel --quiet --disable-pip-version-check -c constraints.txt -w .wheels . >&2
# --format docker: the OCI format has no HEALTHCHECK.
podman build --quiet --format docker --layers=false \
    --build-arg BASE_IMAGE="$BASE" -t "$TAG" . >/dev/null
echo "$TAG"
