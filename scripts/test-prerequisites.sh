#!/usr/bin/env bash
# What `npm test` needs from Debian besides Postgres and Redis: Chromium for the console's browser
# test, and promtool and the prometheus server for the Prometheus rule tests (the unit tests and
# the live alert test). Both binaries are taken alone out of the prometheus package, which
# otherwise pulls in 300 MB of web assets and tools; they are Go programs linked against libc
# only, so they run without any of the package's dependencies. Installed when missing and we are
# root; otherwise says what to run.
set -euo pipefail
need_chromium=$([ -x /usr/bin/chromium ] || echo yes)
need_promtool=$(command -v promtool >/dev/null || echo yes)
need_prometheus=$(command -v prometheus >/dev/null || echo yes)
[ -n "$need_chromium$need_promtool$need_prometheus" ] || exit 0
if [ "$(id -u)" != 0 ]; then
  echo "tests need Debian's chromium, promtool and prometheus: sudo apt-get install chromium prometheus" >&2
  exit 1
fi
echo "installing test prerequisites:${need_chromium:+ chromium}${need_promtool:+ promtool}${need_prometheus:+ prometheus}"
apt-get update -qq
if [ -n "$need_chromium" ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
if [ -n "$need_promtool$need_prometheus" ]; then
  work=$(mktemp -d)
  (cd "$work" && apt-get download -qq prometheus 2>/dev/null && dpkg-deb -x prometheus_*.deb extracted)
  for tool in ${need_promtool:+promtool} ${need_prometheus:+prometheus}; do
    install -m 755 "$work/extracted/usr/bin/$tool" "/usr/local/bin/$tool"
  done
  rm -rf "$work"
fi
