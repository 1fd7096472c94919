#!/bin/sh
# Install Debian's Chromium for the browser tests (tests/web/test_browser.py) when it is
# missing. Prints nothing unless something fails; Playwright's own browser download is never used.
set -eu
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then
    SUDO=sudo
else
    SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
if ! { $SUDO apt-get update && $SUDO apt-get install -y chromium; } >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo ".ci/browser.sh: installing chromium failed" >&2
    exit 1
fi
rm -f "$log"
test -x /usr/bin/chromium
