#!/usr/bin/env bash
# Installs what the Playground check needs (its npm packages; Debian's Chromium if /usr/bin/chromium is
# missing) and runs check.mjs with walkthrough.json against the bot that `dotnet build` / `dotnet test`
# built. .ci/run calls it after the tests. Options are passed on to check.mjs; PLAYGROUND_OUT sets the
# output folder (default out/<time>, git-ignored).
#
# A failing check fails the caller (exit 1). Not being able to install Chromium does not: it prints a
# SKIPPED line and exits 0. Chromium comes from the machine (apt, root or password-less sudo, a Debian
# mirror), not from this repository, so a machine that cannot provide it says nothing about the bot, and
# failing there would only teach people to ignore red CI. The line is loud so that a skipped run is not
# read as a pass; PLAYGROUND_REQUIRED=1 makes it a failure where the check must run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
chromium="${CHROMIUM:-/usr/bin/chromium}"

skip() {
  echo "SKIPPED: the Playground walkthrough check did not run: $1" >&2
  if [[ ${PLAYGROUND_REQUIRED:-0} == 1 ]]; then exit 1; fi
  exit 0
}

bash ../require-node.sh . "The Playground check"
out="${PLAYGROUND_OUT:-out/$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$out"
npm ci --no-audit --no-fund --loglevel=error

if [[ ! -x $chromium ]]; then
  as_root=()
  if [[ $(id -u) -ne 0 ]]; then
    { command -v sudo >/dev/null && sudo -n true 2>/dev/null; } || skip "$chromium is missing and installing it needs root or password-less sudo"
    as_root=(sudo -n)
  fi
  command -v apt-get >/dev/null || skip "$chromium is missing and there is no apt-get to install it"
  echo "run-ci.sh: installing Debian's chromium"
  started=$SECONDS
  if ! { "${as_root[@]}" apt-get update -qq && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends chromium; } >"$out/apt.log" 2>&1; then
    tail -n 20 "$out/apt.log" >&2
    skip "apt-get could not install chromium (see $out/apt.log)"
  fi
  [[ -x $chromium ]] || skip "installing chromium did not provide $chromium"
  echo "run-ci.sh: chromium installed in $((SECONDS - started)) s"
fi

status=0
# check.mjs stops within 10 minutes on its own; this is the backstop if it hangs.
timeout -k 20s 15m node check.mjs --out "$out" "$@" || status=$?
# .pids outlives check.mjs only if it was killed before stopping what it started: end those here.
if [[ -f $out/.pids ]]; then
  while read -r group; do
    if [[ -n $group ]] && kill -KILL -- "-$group" 2>/dev/null; then echo "run-ci.sh: ended leftover process group $group" >&2; fi
  done <"$out/.pids"
  rm -rf "$out/.pids" "$out/chromium-profile"
fi
exit "$status"
