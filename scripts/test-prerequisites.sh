#!/usr/bin/env bash
# What `npm test` needs from Debian besides Postgres and Redis: Chromium for the console's browser
# test, and promtool (taken alone out of the prometheus package, which otherwise pulls in 300 MB)
# for the Prometheus rule tests. Installed when missing and we are root; otherwise says what to run.
set -euo pipefail
need_chromium=$([ -x /usr/bin/chromium ] || echo yes)
need_promtool=$(command -v promtool >/dev/null || echo yes)
[ -n "$need_chromium$need_promtool" ] || exit 0
if [ "$(id -u)" != 0 ]; then
  echo "tests need Debian's chromium and promtool: sudo apt-get install chromium prometheus" >&2
  exit 1
fi
echo "installing test prerequisites:${need_chromium:+ chromium}${need_promtool:+ promtool}"
apt-get update -qq
if [ -n "$need_chromium" ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
if [ -n "$need_promtool" ]; then
  work=$(mktemp -d)
  (cd "$work" && apt-get download -qq prometheus 2>/dev/null && dpkg-deb -x prometheus_*.deb extracted)
  install -m 755 "$work/extracted/usr/bin/promtool" /usr/local/bin/promtool
  rm -rf "$work"
fi
