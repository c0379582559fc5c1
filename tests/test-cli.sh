#!/bin/sh
# test-cli.sh — the command line, as a user types it, with no display.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-cli.sh PATH-TO-ROADMAP   (prints TAP)
set -u

roadmap=$1
srcdir=${G_TEST_SRCDIR:-$(dirname "$0")}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

# No display, and a private home: nothing may touch the user's data.
unset DISPLAY WAYLAND_DISPLAY
export HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config"
mkdir -p "$HOME"

n=0
failed=0

ok () {
  n=$((n + 1))
  echo "ok $n - $1"
}

not_ok () {
  n=$((n + 1))
  failed=$((failed + 1))
  echo "not ok $n - $1"
  shift
  for line in "$@"; do echo "# $line"; done
}

# run NAME EXPECTED-STATUS COMMAND…: runs it, keeps stdout/stderr in $out/$err
run () {
  name=$1 expected=$2
  shift 2
  "$@" >"$work/out" 2>"$work/err"
  status=$?
  out=$(cat "$work/out")
  err=$(cat "$work/err")
  if [ "$status" -eq "$expected" ]; then
    return 0
  fi
  not_ok "$name" "exit status $status, expected $expected" "stdout: $out" "stderr: $err"
  return 1
}

check () {
  name=$1
  shift
  if "$@"; then ok "$name"; else not_ok "$name" "stdout: $out" "stderr: $err"; fi
}

# matches TEXT REGEX: expr(1) anchored regular expression, quietly
matches () {
  expr "$1" : "$2" >/dev/null
}

one_line () {
  [ "$(printf '%s\n' "$1" | wc -l)" -eq 1 ] && [ -n "$1" ]
}

db="$work/progress.db"
valid="$srcdir/fixtures/valid/minimal.json"
bad="$srcdir/fixtures/hostile/url-javascript.json"
deep="$srcdir/fixtures/hostile/deep-nesting.json"

# --validate
run "validate good files" 0 "$roadmap" --validate "$valid" "$srcdir/fixtures/valid/full.json" &&
  check "validate good files prints nothing" [ -z "$out$err" ]

run "validate a bad file" 1 "$roadmap" --validate "$bad" &&
  check "validate prints FILE: PATH: message" \
    matches "$out" "$bad: phases\[[0-9]*\]\.skills\[[0-9]*\]\.resources\[0\]\.url: .*http"

run "validate a mix" 1 "$roadmap" --validate "$valid" "$bad" "$deep" "$work/missing.json" &&
  check "validate reports each bad file, one line each" [ "$(printf '%s\n' "$out" | wc -l)" -eq 3 ]

run "validate with no file" 1 "$roadmap" --validate &&
  check "validate with no file says so on one line" one_line "$err"

# --list
run "list" 0 "$roadmap" --db "$db" --list &&
  check "list shows every bundled skill as todo" \
    [ "$(printf '%s\n' "$out" | awk -F '\t' 'NF == 5 && $4 == "todo"' | wc -l)" -eq "$(printf '%s\n' "$out" | wc -l)" ]
lines_before=$(printf '%s\n' "$out" | wc -l)
check "list has both tracks" sh -c "printf '%s\n' \"\$1\" | grep -q '^data-engineer	fundamentals	python-sql	todo	Python & SQL Mastery\$' && printf '%s\n' \"\$1\" | grep -q '^backend-developer	'" _ "$out"

db_mode=$(stat -c %a "$db")
check "the database is private (0600)" [ "$db_mode" = 600 ]

# --set-status
run "set-status" 0 "$roadmap" --db "$db" --set-status data-engineer/python-sql=done &&
  run "list after set-status" 0 "$roadmap" --db "$db" --list &&
  check "the change is committed" sh -c "printf '%s\n' \"\$1\" | grep -q '^data-engineer	fundamentals	python-sql	done	'" _ "$out"

run "set-status doing" 0 "$roadmap" --db "$db" --set-status backend-developer/api-development=doing
run "list" 0 "$roadmap" --db "$db" --list
listed=$out

for arg in "data-engineer/python-sql" "data-engineer/python-sql=finished" "data-engineer=done" \
           "data-engineer/nope=done" "nope/python-sql=done" "=" ""; do
  if run "set-status refuses '$arg'" 1 "$roadmap" --db "$db" --set-status "$arg"; then
    check "set-status '$arg': one line on stderr" one_line "$err"
  fi
done
run "list" 0 "$roadmap" --db "$db" --list
check "refused changes change nothing" [ "$out" = "$listed" ]

# --export-progress / --import-progress
run "export-progress" 0 "$roadmap" --db "$db" --export-progress "$work/progress.json" &&
  check "export holds the done skill" grep -q '"status" : "done"' "$work/progress.json"

run "import-progress into a new database" 0 "$roadmap" --db "$work/restored.db" --import-progress "$work/progress.json" &&
  run "list restored" 0 "$roadmap" --db "$work/restored.db" --list &&
  check "the restored progress equals the exported one" [ "$out" = "$listed" ]

printf '{"format": 1, "kind": "roadmap-progress", "skills": [{"track": "data-engineer", "skill": "etl-basics", "status": "done"}, {"track": "data-engineer", "skill": "python-sql", "status": "later"}]}' > "$work/half-bad.json"
run "import refuses a partly bad file" 1 "$roadmap" --db "$db" --import-progress "$work/half-bad.json" &&
  check "import names the file and path" matches "$err" ".*half-bad.json: skills\[1\]"
run "list" 0 "$roadmap" --db "$db" --list
check "a refused import changes nothing" [ "$out" = "$listed" ]

run "import refuses a hostile file" 1 "$roadmap" --db "$db" --import-progress "$deep" &&
  check "hostile import: one line on stderr" one_line "$err"

run "export to a missing folder fails" 1 "$roadmap" --db "$db" --export-progress "$work/no/such/dir/p.json" &&
  check "export failure: one line on stderr" one_line "$err"

# --roadmap-dir
mkdir -p "$work/extra"
cp "$valid" "$work/extra/"
cp "$bad" "$work/extra/"
run "roadmap-dir" 0 "$roadmap" --db "$db" --roadmap-dir "$work/extra" --list &&
  check "roadmap-dir adds its track" sh -c "printf '%s\n' \"\$1\" | grep -q '^minimal	only-phase	only-skill	todo	Only skill\$'" _ "$out" &&
  check "roadmap-dir warns about the bad file and loads the rest" matches "$err" ".*url-javascript.json"

run "roadmap-dir must exist" 1 "$roadmap" --db "$db" --roadmap-dir "$work/nowhere" --list &&
  check "missing roadmap-dir: one line on stderr" one_line "$err"

# Databases that must be refused and left untouched
printf 'this is not a database, but it is not empty either %.0s' $(seq 1 200) > "$work/garbage.db"
run "a damaged database is moved aside" 0 "$roadmap" --db "$work/garbage.db" --list &&
  check "the damaged database is kept" sh -c "ls '$work'/garbage.db.corrupt-* >/dev/null"

# Bad usage
run "two actions at once" 1 "$roadmap" --db "$db" --list --export-progress "$work/x.json" &&
  check "two actions: one line on stderr" one_line "$err"
run "unexpected argument" 1 "$roadmap" --db "$db" stray &&
  check "unexpected argument: one line on stderr" one_line "$err"
run "unknown option" 1 "$roadmap" --no-such-option

echo "1..$n"
[ "$failed" -eq 0 ]
