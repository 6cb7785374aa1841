#!/usr/bin/env bash
# Varnish in front of `make run`, as in production (deploy/varnish/default.vcl):
# readers at http://127.0.0.1:8080/, Django at 127.0.0.1:8000 told to purge the edge by
# key on every change. Ctrl-C stops both. EDGE_PORT and BACKEND_PORT change the ports.
set -euo pipefail
cd "$(dirname "$0")/.."
EDGE_PORT="${EDGE_PORT:-8080}"
BACKEND_PORT="${BACKEND_PORT:-8000}"
VARNISHD="$(command -v varnishd || echo /usr/sbin/varnishd)"
if [ ! -x "$VARNISHD" ]; then
    echo "varnishd is missing: apt-get install varnish varnish-modules" >&2
    exit 1
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/newsroom-edge.XXXXXX")"
sed "s/\.port = \"8000\";/.port = \"$BACKEND_PORT\";/" deploy/varnish/default.vcl >"$work/default.vcl"

export PAGE_CACHE_PURGE=xkey
export CDN_PURGE_URL="http://127.0.0.1:$EDGE_PORT/"
make demo
.venv/bin/python manage.py runserver "127.0.0.1:$BACKEND_PORT" &
django=$!
"$VARNISHD" -F -j none -a "127.0.0.1:$EDGE_PORT" -f "$work/default.vcl" -n "$work/varnish" \
    -s malloc,256m &
varnish=$!
trap 'kill "$django" "$varnish" 2>/dev/null; wait; rm -rf "$work"' EXIT
trap 'exit 0' INT TERM

echo "Readers: http://127.0.0.1:$EDGE_PORT/ (Varnish) in front of http://127.0.0.1:$BACKEND_PORT/"
wait -n
