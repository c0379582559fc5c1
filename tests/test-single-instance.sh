#!/bin/sh
# test-single-instance.sh ROADMAP — Roadmap runs once per session: starting
# it again raises the open window instead of opening a second one.
#
# Runs on a private session bus (dbus-run-session) in the X server of
# $DISPLAY (Xvfb in the test suite); windows are found with xdotool.
# TAP output.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

roadmap=$1

if [ -z "${DISPLAY:-}" ] || ! command -v xdotool >/dev/null || ! command -v dbus-run-session >/dev/null; then
  echo "1..0 # SKIP needs an X display, xdotool and dbus-run-session"
  exit 0
fi

# A bus of our own, so that no other Roadmap (or test) answers for the name.
if [ -z "${ROADMAP_TEST_PRIVATE_BUS:-}" ]; then
  ROADMAP_TEST_PRIVATE_BUS=1 exec dbus-run-session -- "$0" "$@"
fi

work=$(mktemp -d)
first=
cleanup () {
  [ -z "$first" ] || kill "$first" 2>/dev/null
  [ -z "$first" ] || wait "$first" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

export HOME="$work/home"
export XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config"
export XDG_CACHE_HOME="$work/home/cache" XDG_STATE_HOME="$work/home/state"
mkdir -p "$HOME"

n=0
failed=0
ok () {
  n=$((n + 1))
  echo "ok $n - $1"
}
not_ok () {
  n=$((n + 1))
  failed=1
  echo "not ok $n - $1"
}
check () {
  description=$1
  shift
  if "$@"; then ok "$description"; else not_ok "$description"; fi
}

# The visible, titled windows of a process, one id per line.
windows_of () {
  xdotool search --onlyvisible --pid "$1" --name . 2>/dev/null
}

wait_for_window () {
  i=0
  while [ $i -lt 200 ]; do
    [ -n "$(windows_of "$1")" ] && return 0
    kill -0 "$1" 2>/dev/null || return 1
    sleep 0.1
    i=$((i + 1))
  done
  return 1
}

# Milliseconds taken by a command; its status in $status, stderr in $2.
run_timed () {
  start=$(date +%s%N)
  timeout 20 "$roadmap" $1 2>"$2"
  status=$?
  elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
}

echo "1..10"

"$roadmap" --db "$work/first.db" 2>"$work/first.err" &
first=$!
check "the first start opens a window" wait_for_window "$first"
window=$(windows_of "$first" | head -n 1)

# Again with another database: that database cannot apply to the open
# window, and the user is told so in one line.
run_timed "--db $work/second.db" "$work/second.err"
check "a second start exits with status 0 ($status)" [ "$status" -eq 0 ]
check "a second start exits quickly (${elapsed} ms)" [ "$elapsed" -lt 10000 ]
says_once_why () {
  [ "$(wc -l < "$work/second.err")" -eq 1 ] && grep -q "already running" "$work/second.err"
}
check "a second start with --db says once why that database is not used" says_once_why
check "a second start opens no database of its own" [ ! -e "$work/second.db" ]
check "the first window is still the only one" [ "$(windows_of "$first")" = "$window" ]

# The focus elsewhere (on the root window), then started again from the
# menu: the open window is raised and takes the focus. (With no window
# manager under Xvfb, GTK raises and focuses it itself; a window manager
# would also unminimize it.)
root=$(xdotool search --maxdepth 0 --name '' | head -n 1)
xdotool windowfocus --sync "$root"
check "the focus left the window" [ "$(xdotool getwindowfocus)" != "$window" ]
run_timed "" "$work/third.err"
quiet_success () {
  [ "$status" -eq 0 ] && [ ! -s "$work/third.err" ]
}
check "a plain second start exits with status 0 and says nothing" quiet_success
focus_is_window () {
  i=0
  while [ $i -lt 50 ]; do
    [ "$(xdotool getwindowfocus)" = "$window" ] && return 0
    sleep 0.1
    i=$((i + 1))
  done
  return 1
}
check "the second start raised and focused the open window" focus_is_window
check "the first process is still running" kill -0 "$first"

[ -s "$work/second.err" ] && sed 's/^/# second start: /' "$work/second.err"
exit $failed
