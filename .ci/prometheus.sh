#!/usr/bin/env bash
# Installs Debian's prometheus (the server and promtool) for tests/process/test_monitoring.py,
# without starting the package's own service: the test runs its own server on a free port.
set -euo pipefail
command -v prometheus >/dev/null && command -v promtool >/dev/null && exit 0

# invoke-rc.d asks policy-rc.d whether to start a service; 101 says no (where there is no
# systemd, the package would otherwise start its init.d script on port 9090).
POLICY=/usr/sbin/policy-rc.d
if [ ! -e "$POLICY" ]; then
  printf '#!/bin/sh\nexit 101\n' >"$POLICY" && chmod +x "$POLICY"
  trap 'rm -f "$POLICY"' EXIT
fi
get() { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus; }
get >/dev/null 2>&1 || { apt-get update -qq && get >/dev/null; }
