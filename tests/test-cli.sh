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
trap 'rm -rf "$work"' EXIT
trap 'exit 1' INT TERM

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

# A file with several problems: each told, on a line of its own
printf '%s' '{"format": 1, "id": "Bad Id", "title": "", "phases": [{"id": "p", "title": "P", "months": [3, 1], "skills": [{"id": "a", "title": "A"}, {"id": "a", "title": "B"}]}]}' >"$work/problems.json"
run "validate a file with four problems" 1 "$roadmap" --validate "$work/problems.json" &&
  check "validate prints each problem, one line each" [ "$(printf '%s\n' "$out" | wc -l)" -eq 4 ] &&
  check "validate names each problem's place" \
    matches "$out" ".*problems.json: phases\[0\]\.months: .*problems.json: phases\[0\]\.skills\[1\]\.id: "
problems_db="$work/problems.db"
run "import-roadmap of a file with four problems: refused" 1 "$roadmap" --db "$problems_db" --import-roadmap "$work/problems.json" &&
  check "import-roadmap prints each problem, then what it means" \
    [ "$(printf '%s\n' "$err" | wc -l)" -eq 5 ] &&
  check "import-roadmap of a bad file changes nothing" \
    [ -z "$(ls -A "$XDG_DATA_HOME/io.github.roadmaptracker.Roadmap/roadmaps" 2>/dev/null)" ]

# --help shows only what is taken: a plain file argument is refused, so
# the usage line names no FILE (the files of --validate follow it).
run "--help" 0 "$roadmap" --help &&
  check "--help: the usage line names no FILE" \
    sh -c 'usage=$(printf "%s\n" "$1" | sed -n "/^Usage:/{n;p;}"); [ -n "$usage" ] && ! printf "%s" "$usage" | grep -q FILE' _ "$out" &&
  check "--help still tells of --validate" matches "$out" ".*--validate  *Check the roadmap files"
run "a plain file argument is refused" 1 "$roadmap" "$valid" &&
  check "a plain file argument: one line of ours" matches "$err" "roadmap: .*see --help"

run "validate with no file" 1 "$roadmap" --validate &&
  check "validate with no file says so on one line" one_line "$err"

# Text that is not text: each hostile file refused on one line, and what
# it quotes never reaches the terminal raw (an id holding ESC [2J would
# clear the screen).
has_control () {
  [ "$(printf '%s' "$1" | LC_ALL=C tr -d '\001-\037\177' | wc -c)" -ne "$(printf '%s' "$1" | wc -c)" ]
}
for fixture in noncharacter-title noncharacter-id control-esc-id control-esc-summary control-tab-title \
            title-zero-width url-quote url-credentials; do
  file="$srcdir/fixtures/hostile/$fixture.json"
  run "validate refuses $fixture" 1 "$roadmap" --validate "$file" &&
    check "validate $fixture: one line, FILE: PATH: message" matches "$out" "$file: [a-z]" &&
    if has_control "$out"; then
      not_ok "validate $fixture: no control character printed" "stdout: $out"
    else
      ok "validate $fixture: no control character printed"
    fi
done
run "validate shows an escaped id" 1 "$roadmap" --validate "$srcdir/fixtures/hostile/control-esc-id.json" &&
  check "the id's ESC is shown as \\u001B" matches "$out" '.*data-engineer\\u001B\[2J'
run "validate does not repeat a password" 1 "$roadmap" --validate "$srcdir/fixtures/hostile/url-credentials.json" &&
  check "the password is not in the message" sh -c '! printf "%s" "$1" | grep -q secret' _ "$out"
esc_name="$work/$(printf 'bad\033[2Jname').json"
printf 'not json' > "$esc_name"
if run "validate a file whose name holds ESC" 1 "$roadmap" --validate "$esc_name"; then
  if has_control "$out"; then not_ok "a file name's ESC is escaped" "stdout: $out"; else ok "a file name's ESC is escaped"; fi
fi

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

# Skipped: set, listed, refused words name it, carried by progress files,
# left out of the PDF's counts
sk="$work/skipped.db"
run "set-status skipped" 0 "$roadmap" --db "$sk" --set-status backend-developer/python-sql=skipped &&
  run "list after skipping" 0 "$roadmap" --db "$sk" --list &&
  check "--list prints skipped" sh -c "printf '%s\n' \"\$1\" | grep -q '^backend-developer	fundamentals	python-sql	skipped	Python & SQL Mastery\$'" _ "$out"
run "set-status skip (not a status)" 1 "$roadmap" --db "$sk" --set-status backend-developer/python-sql=skip &&
  check "the refusal names the four statuses" sh -c 'printf "%s" "$1" | grep -q "use todo, doing, done or skipped"' _ "$err"
run "export-progress with skipped" 0 "$roadmap" --db "$sk" --export-progress "$work/skipped.json" &&
  check "the export says skipped" grep -q '"status" : "skipped"' "$work/skipped.json" &&
  run "import-progress with skipped" 0 "$roadmap" --db "$work/skipped-2.db" --import-progress "$work/skipped.json" &&
  run "list after the import" 0 "$roadmap" --db "$work/skipped-2.db" --list &&
  check "the import keeps skipped" sh -c "printf '%s\n' \"\$1\" | grep -q '	python-sql	skipped	'" _ "$out"
if command -v pdftotext >/dev/null; then
  run "export-pdf with skipped" 0 "$roadmap" --db "$sk" --export-pdf "$work/skipped.pdf" --track backend-developer &&
    check "the PDF leaves skipped out of the counts" sh -c 'pdftotext -layout "$1" - | grep -q "0 of 12 skills done (0 %) · 12 to do · 1 skipped"' _ "$work/skipped.pdf"
fi
# The preference, kept in the database: the PDF counts as it says
run "count-skipped-as-done yes" 0 "$roadmap" --db "$sk" --count-skipped-as-done yes &&
  check "count-skipped-as-done prints nothing" [ -z "$out$err" ]
if command -v pdftotext >/dev/null; then
  run "export-pdf counting skipped" 0 "$roadmap" --db "$sk" --export-pdf "$work/skipped-counted.pdf" --track backend-developer &&
    check "the PDF counts skipped as done" sh -c 'pdftotext -layout "$1" - | grep -q "1 of 13 skills done (8 %) · 12 to do · 1 skipped"' _ "$work/skipped-counted.pdf"
fi
run "count-skipped-as-done no" 0 "$roadmap" --db "$sk" --count-skipped-as-done no
if command -v pdftotext >/dev/null; then
  run "export-pdf after no" 0 "$roadmap" --db "$sk" --export-pdf "$work/skipped-out.pdf" --track backend-developer &&
    check "the PDF leaves skipped out again" sh -c 'pdftotext -layout "$1" - | grep -q "0 of 12 skills done"' _ "$work/skipped-out.pdf"
fi
for arg in maybe YES 1 ""; do
  if run "count-skipped-as-done refuses '$arg'" 1 "$roadmap" --db "$sk" --count-skipped-as-done "$arg"; then
    check "count-skipped-as-done '$arg': one line on stderr" one_line "$err"
  fi
done
run "count-skipped-as-done with --list: refused" 1 "$roadmap" --db "$sk" --count-skipped-as-done yes --list

# --set-wip-limit TRACK-ID=N: kept in the database, carried by a backup,
# 0 turns it off
wl="$work/wip.db"
run "export-progress before any limit" 0 "$roadmap" --db "$wl" --export-progress "$work/wip-before.json"
run "set-wip-limit 4" 0 "$roadmap" --db "$wl" --set-wip-limit backend-developer=4 &&
  check "set-wip-limit prints nothing" [ -z "$out$err" ] &&
  run "export-progress with a limit" 0 "$roadmap" --db "$wl" --export-progress "$work/wip.json" &&
  check "the export holds the limit" grep -q '"wip-limit/backend-developer" : 4' "$work/wip.json" &&
  run "import-progress with a limit" 0 "$roadmap" --db "$work/wip-2.db" --import-progress "$work/wip.json" &&
  run "export after the import" 0 "$roadmap" --db "$work/wip-2.db" --export-progress "$work/wip-2.json" &&
  check "the import keeps the limit" grep -q '"wip-limit/backend-developer" : 4' "$work/wip-2.json"
run "set-wip-limit 0 turns it off" 0 "$roadmap" --db "$wl" --set-wip-limit backend-developer=0 &&
  run "export after 0" 0 "$roadmap" --db "$wl" --export-progress "$work/wip-off.json" &&
  check "the limit is off" grep -q '"wip-limit/backend-developer" : 0' "$work/wip-off.json"
# A backup taken before the limit was set turns it off again
check "the backup from before names no limit" sh -c '! grep -q wip-limit "$1"' _ "$work/wip-before.json"
run "import-progress of the backup from before the limit" 0 "$roadmap" --db "$work/wip-2.db" --import-progress "$work/wip-before.json" &&
  run "export after importing it" 0 "$roadmap" --db "$work/wip-2.db" --export-progress "$work/wip-3.json" &&
  check "the restored limit is off" grep -q '"wip-limit/backend-developer" : 0' "$work/wip-3.json"
for arg in backend-developer=100 backend-developer=-1 backend-developer=three backend-developer= backend-developer "=3" no-such-track=3; do
  if run "set-wip-limit refuses '$arg'" 1 "$roadmap" --db "$wl" --set-wip-limit "$arg"; then
    check "set-wip-limit '$arg': one line on stderr" one_line "$err"
  fi
done
run "set-wip-limit with --list: refused" 1 "$roadmap" --db "$wl" --set-wip-limit backend-developer=3 --list

# --reset-track: every skill of the track back to To-do, its topics
# unticked, the other track untouched; notes kept unless --clear-notes
rs="$work/reset.db"
cat > "$work/reset-progress.json" <<'JSON'
{ "format": 2, "kind": "roadmap-progress", "exported_at": "2026-12-01T10:00:00Z",
  "skills": [
    { "track": "backend-developer", "skill": "python-sql", "status": "done", "position": 0,
      "started_at": "2026-11-01T10:00:00Z", "finished_at": "2026-11-20T10:00:00Z",
      "note": "my note", "topics_done": ["Python", "SQL"] },
    { "track": "backend-developer", "skill": "database-design", "status": "skipped", "position": 0 },
    { "track": "data-engineer", "skill": "python-sql", "status": "doing", "position": 0,
      "started_at": "2026-11-01T10:00:00Z" } ] }
JSON
run "import before a reset" 0 "$roadmap" --db "$rs" --import-progress "$work/reset-progress.json" &&
  run "reset-track" 0 "$roadmap" --db "$rs" --reset-track backend-developer &&
  check "reset-track prints nothing" [ -z "$out$err" ] &&
  run "list after the reset" 0 "$roadmap" --db "$rs" --list &&
  check "the track is all To-do" sh -c "! printf '%s\n' \"\$1\" | grep '^backend-developer	' | grep -qv '	todo	'" _ "$out" &&
  check "the other track is untouched" sh -c "printf '%s\n' \"\$1\" | grep -q '^data-engineer	fundamentals	python-sql	doing	'" _ "$out" &&
  run "list-topics after the reset" 0 "$roadmap" --db "$rs" --list-topics backend-developer/python-sql &&
  check "its topics are unticked" sh -c "! printf '%s\n' \"\$1\" | grep -q '	done	'" _ "$out" &&
  run "export after the reset" 0 "$roadmap" --db "$rs" --export-progress "$work/reset-out.json" &&
  check "the note is kept" grep -q '"note" : "my note"' "$work/reset-out.json" &&
  run "reset-track --clear-notes" 0 "$roadmap" --db "$rs" --reset-track backend-developer --clear-notes &&
  run "export after clearing" 0 "$roadmap" --db "$rs" --export-progress "$work/reset-out-2.json" &&
  check "--clear-notes removes the note" sh -c '! grep -q "my note" "$1"' _ "$work/reset-out-2.json"
if run "reset-track of an unknown track: refused" 1 "$roadmap" --db "$rs" --reset-track no-such-track; then
  check "reset-track unknown: one line on stderr" one_line "$err"
fi
run "clear-notes alone: refused" 1 "$roadmap" --db "$rs" --clear-notes
run "reset-track with --list: refused" 1 "$roadmap" --db "$rs" --reset-track backend-developer --list
run "reset-track without a value: refused" 1 "$roadmap" --db "$rs" --reset-track

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
cp "$work/garbage.db" "$work/garbage.orig"
run "a file that is not a database is refused" 1 "$roadmap" --db "$work/garbage.db" --list &&
  check "the file that is not a database is left as it was" cmp -s "$work/garbage.orig" "$work/garbage.db" &&
  check "the file that is not a database is not moved aside" sh -c "! ls '$work'/garbage.db.corrupt-* >/dev/null 2>&1"
# A database of ours, damaged (its backup is beside it): moved aside and
# restored from the backup
"$roadmap" --db "$work/ours.db" --set-status backend-developer/python-sql=done
cp "$work/ours.db" "$work/ours.db.backup"
cp "$work/garbage.orig" "$work/ours.db"
run "a damaged database of ours is moved aside" 0 "$roadmap" --db "$work/ours.db" --list &&
  check "the damaged database is kept" sh -c "ls '$work'/ours.db.corrupt-* >/dev/null" &&
  check "the progress comes back from the backup" matches "$out" ".*python-sql	done"

# --export-pdf
have () { command -v "$1" >/dev/null 2>&1; }

run "export-pdf" 0 "$roadmap" --db "$db" --export-pdf "$work/report.pdf" &&
  check "export-pdf prints nothing" [ -z "$out$err" ] &&
  check "export-pdf writes a PDF" sh -c "head -c 5 '$work/report.pdf' | grep -q '^%PDF-'"
if have pdftotext && have pdfinfo; then
  report_text=$(pdftotext -layout "$work/report.pdf" - 2>/dev/null)
  check "the report shows the done skill as done" \
    sh -c "printf '%s\n' \"\$1\" | grep 'Python & SQL Mastery' | grep -q 'Done'" _ "$report_text"
  check "the report shows the skill in progress as doing" \
    sh -c "printf '%s\n' \"\$1\" | grep 'API Development' | grep -v Advanced | grep -q 'Doing'" _ "$report_text"
  check "the report is A4 in the C locale" sh -c "pdfinfo '$work/report.pdf' | grep -q '(A4)'"

  run "export-pdf --track" 0 "$roadmap" --db "$db" --export-pdf "$work/one.pdf" --track backend-developer &&
    check "export-pdf --track reports on that track only" \
      sh -c "pdfinfo '$work/one.pdf' | grep -q '^Title: *Roadmap Progress Report: Backend Developer\$' && ! pdftotext '$work/one.pdf' - | grep -q 'Data Engineer'"

  run "export-pdf --paper letter" 0 "$roadmap" --db "$db" --export-pdf "$work/letter.pdf" --paper letter &&
    check "export-pdf --paper letter is US Letter" sh -c "pdfinfo '$work/letter.pdf' | grep -q '612 x 792 pts (letter)'"
else
  ok "# SKIP poppler-utils not installed: the report's content is not read back"
fi

# A pipe is written in place (only a regular file is replaced by renaming)
stdout_type=$(ls -ld /dev/stdout | cut -c1)
check "export-pdf to /dev/stdout, a pipe" \
  sh -c '"$1" --db "$2" --export-pdf /dev/stdout | head -c 5 | grep -q "^%PDF-"' _ "$roadmap" "$db"
check "/dev/stdout is still what it was" [ "$(ls -ld /dev/stdout | cut -c1)" = "$stdout_type" ]

printf 'an older report' > "$work/kept.pdf"
run "export-pdf over an existing file replaces it" 0 "$roadmap" --db "$db" --export-pdf "$work/kept.pdf" &&
  check "the existing file is replaced by the report" sh -c "head -c 5 '$work/kept.pdf' | grep -q '^%PDF-'"

only_files () {  # only_files DIR NAME…: DIR holds exactly these names
  dir=$1
  shift
  [ "$(ls -A "$dir" | tr '\n' ' ')" = "$* " ]
}

if [ -w /dev/full ]; then
  run "export-pdf to /dev/full fails" 1 "$roadmap" --db "$db" --export-pdf /dev/full &&
    check "disk full: one line naming the file and the reason" \
      sh -c "one_line () { [ \$(printf '%s\n' \"\$1\" | wc -l) -eq 1 ]; }; one_line \"\$1\" && printf '%s' \"\$1\" | grep -q '/dev/full.*disk is full'" _ "$err" &&
    check "/dev/full is still a device" [ -c /dev/full ]
fi

mkdir -p "$work/pdf"
printf 'an older report' > "$work/pdf/report.pdf"
run "export-pdf into a missing folder fails" 1 "$roadmap" --db "$db" --export-pdf "$work/pdf/missing/report.pdf" &&
  check "missing folder: one line naming the path and the folder" \
    sh -c "[ \$(printf '%s\n' \"\$1\" | wc -l) -eq 1 ] && printf '%s' \"\$1\" | grep -q \"$work/pdf/missing/report.pdf.*$work/pdf/missing.*does not exist\"" _ "$err"

mkdir -p "$work/pdf/a-folder.pdf"
run "export-pdf to a folder's name fails" 1 "$roadmap" --db "$db" --export-pdf "$work/pdf/a-folder.pdf" &&
  check "a folder: one line naming it" \
    sh -c "[ \$(printf '%s\n' \"\$1\" | wc -l) -eq 1 ] && printf '%s' \"\$1\" | grep -q \"$work/pdf/a-folder.pdf.*folder\"" _ "$err" &&
  check "the folder is still a folder" [ -d "$work/pdf/a-folder.pdf" ]

run "export-pdf of an unknown track fails" 1 "$roadmap" --db "$db" --export-pdf "$work/pdf/report.pdf" --track no-such-track &&
  check "unknown track: one line on stderr" one_line "$err"
run "export-pdf with a bad paper size fails" 1 "$roadmap" --db "$db" --export-pdf "$work/pdf/report.pdf" --paper legal &&
  check "bad paper: one line on stderr" one_line "$err"
run "--track without --export-pdf" 1 "$roadmap" --db "$db" --list --track data-engineer &&
  check "--track alone: one line on stderr" one_line "$err"
check "failed exports leave no file behind and the old one untouched" \
  sh -c "[ \"\$(ls -A '$work/pdf')\" = 'a-folder.pdf
report.pdf' ] && [ \"\$(cat '$work/pdf/report.pdf')\" = 'an older report' ]"

# A folder the user cannot write to: as root, run as nobody (root writes anywhere)
mkdir -p "$work/ro" "$work/nobody"
printf 'an older report' > "$work/ro/report.pdf"
chmod 0555 "$work/ro"
if [ "$(id -u)" -eq 0 ]; then
  if have setpriv && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
    chmod 0755 "$work"
    chown 65534:65534 "$work/nobody"
    cp "$db" "$work/nobody/progress.db" && chown 65534:65534 "$work/nobody/progress.db"
    run "export-pdf into a read-only folder fails" 1 env HOME="$work/nobody" XDG_DATA_HOME="$work/nobody" \
      XDG_CACHE_HOME="$work/nobody" setpriv --reuid=65534 --regid=65534 --clear-groups \
      "$roadmap" --db "$work/nobody/progress.db" --export-pdf "$work/ro/report.pdf" &&
      check "read-only folder: one line naming the path and the reason" \
        sh -c "[ \$(printf '%s\n' \"\$1\" | wc -l) -eq 1 ] && printf '%s' \"\$1\" | grep -q \"$work/ro/report.pdf.*permission\"" _ "$err"
    chmod 0700 "$work"
  else
    ok "# SKIP running as root and cannot drop privileges with setpriv: a read-only folder is writable to root"
  fi
else
  run "export-pdf into a read-only folder fails" 1 "$roadmap" --db "$db" --export-pdf "$work/ro/report.pdf" &&
    check "read-only folder: one line naming the path and the reason" \
      sh -c "[ \$(printf '%s\n' \"\$1\" | wc -l) -eq 1 ] && printf '%s' \"\$1\" | grep -q \"$work/ro/report.pdf.*permission\"" _ "$err"
fi
check "the read-only folder holds only the old file, untouched" \
  sh -c "[ \"\$(ls -A '$work/ro')\" = report.pdf ] && [ \"\$(cat '$work/ro/report.pdf')\" = 'an older report' ]"
chmod 0755 "$work/ro"

# A really full file system: a 16 KiB tmpfs, in a private mount namespace
mkdir -p "$work/small"
if have unshare && unshare -rm true 2>/dev/null; then
  unshare -rm sh -c '
    mount -t tmpfs -o size=16k tmpfs "$1" || exit 3
    printf "an older report" > "$1/report.pdf"
    "$2" --db "$3" --export-pdf "$1/report.pdf" 2> "$4/small-err"
    echo $? > "$4/small-status"
    ls -A "$1" > "$4/small-listing"
    cat "$1/report.pdf" > "$4/small-kept"
  ' _ "$work/small" "$roadmap" "$db" "$work"
  err=$(cat "$work/small-err" 2>/dev/null)
  check "export-pdf on a full file system fails" [ "$(cat "$work/small-status")" = 1 ]
  check "full file system: one line, the disk is full" \
    sh -c "[ \$(printf '%s\n' \"\$1\" | wc -l) -eq 1 ] && printf '%s' \"\$1\" | grep -q 'report.pdf.*disk is full'" _ "$err"
  check "full file system: no temporary file left, the old file untouched" \
    sh -c "[ \"\$(cat '$work/small-listing')\" = report.pdf ] && [ \"\$(cat '$work/small-kept')\" = 'an older report' ]"
else
  ok "# SKIP cannot mount a small tmpfs in a user namespace (unshare -rm): no real full disk"
fi

# Two terminals on one phase at once: every acknowledged change holds
# (each loop's last successful --set-status is what --list shows).
two="$work/two.db"
# Each ends in another column than To-do, where a lost change would put it.
mover () {
  skill=$1 cycle=$2
  last=none
  for i in $(seq 1 40); do
    for status in $cycle; do
      if "$roadmap" --db "$two" --set-status "backend-developer/$skill=$status" 2>>"$work/movers-err"; then
        last=$status
      fi
    done
  done
  echo "$last" > "$work/last-$skill"
}
"$roadmap" --db "$two" --list >/dev/null
mover python-sql "todo doing done" & first=$!
mover database-design "done todo doing" & second=$!
mover api-development "doing todo done"
wait $first $second
"$roadmap" --db "$two" --list > "$work/two-list"
all_kept=yes
for skill in python-sql database-design api-development; do
  grep -q "^backend-developer	fundamentals	$skill	$(cat "$work/last-$skill")	" "$work/two-list" || all_kept=no
done
err=$(cat "$work/movers-err")
check "three --set-status loops on one phase: no change lost" [ "$all_kept" = yes ]
check "three --set-status loops on one phase: none refused" [ -z "$err" ]


# Files that are not files, and files that cannot be written (the file
# writer and the bounded reader)
mkfifo "$work/fifo.json"
run "validate a FIFO: refused, no hang" 1 timeout 10 "$roadmap" --validate "$work/fifo.json" &&
  check "validate a FIFO: one line naming it" sh -c 'printf "%s\n" "$1" | grep -q "^$2: it is not a regular file"' _ "$out$err" "$work/fifo.json"
run "validate /dev/zero: refused at once" 1 timeout 10 "$roadmap" --validate /dev/zero &&
  check "validate /dev/zero: one line" one_line "$out$err"
ln -s /dev/zero "$work/zero.json"
run "validate a link to /dev/zero: refused" 1 timeout 10 "$roadmap" --validate "$work/zero.json"
run "import-progress from a FIFO: refused, no hang" 1 timeout 10 "$roadmap" --db "$db" --import-progress "$work/fifo.json" &&
  check "import-progress from a FIFO: one line" one_line "$err"
run "import-progress from /dev/zero: refused" 1 timeout 10 "$roadmap" --db "$db" --import-progress /dev/zero
mkdir -p "$work/fifo-dir"
cp "$valid" "$work/fifo-dir/"
mkfifo "$work/fifo-dir/blocked.json"
run "a FIFO in --roadmap-dir is passed over" 0 timeout 10 "$roadmap" --db "$db" --roadmap-dir "$work/fifo-dir" --list

run "export-progress to /dev/full" 1 "$roadmap" --db "$db" --export-progress /dev/full &&
  check "export-progress to /dev/full: one line naming the file" \
    sh -c 'printf "%s\n" "$1" | grep -q "/dev/full.*the disk is full"' _ "$err" &&
  check "export-progress to /dev/full: one line" one_line "$err"
check "export-progress to /dev/stdout, a pipe" \
  sh -c '"$1" --db "$2" --export-progress /dev/stdout | grep -q "\"skills\""' _ "$roadmap" "$db"
ln -s loop-b.pdf "$work/loop-a.pdf"
ln -s loop-a.pdf "$work/loop-b.pdf"
run "export-pdf onto a loop of links: refused" 1 "$roadmap" --db "$db" --export-pdf "$work/loop-a.pdf" &&
  check "export-pdf onto a loop: the links stay" [ -L "$work/loop-a.pdf" ] &&
  check "export-pdf onto a loop: one line" one_line "$err"
"$roadmap" --db "$db" --export-pdf "$work/private.pdf"
chmod 600 "$work/private.pdf"
run "export-pdf over a private PDF" 0 "$roadmap" --db "$db" --export-pdf "$work/private.pdf" &&
  check "export-pdf over a private PDF keeps its mode" [ "$(stat -c %a "$work/private.pdf")" = 600 ]
printf 'half' > "$work/.swept.pdf.0a1b2c.part"
run "export-pdf sweeps a part file left by a killed export" 0 "$roadmap" --db "$db" --export-pdf "$work/swept.pdf" &&
  check "the stale part file is gone" [ ! -e "$work/.swept.pdf.0a1b2c.part" ]

cp "$valid" "$work/not-a-db.json"
run "--db naming a JSON file: refused" 1 "$roadmap" --db "$work/not-a-db.json" --list &&
  check "--db naming a JSON file: left exactly as it was" cmp -s "$valid" "$work/not-a-db.json" &&
  check "--db naming a JSON file: nothing moved aside" sh -c '! ls "$1".corrupt-* >/dev/null 2>&1' _ "$work/not-a-db.json" &&
  check "--db naming a JSON file: one line" one_line "$err"

# A backup that cannot be written: the command works, and says so once
"$roadmap" --db "$work/nobackup.db" --list >/dev/null
rm -f "$work/nobackup.db.backup"
mkdir "$work/nobackup.db.backup"
touch -d '3 days ago' "$work/nobackup.db.backup"
run "a backup that cannot be written: the command still works" 0 "$roadmap" --db "$work/nobackup.db" --list &&
  check "a backup that cannot be written: one warning line of ours" one_line "$err" &&
  check "a backup that cannot be written: says what to do" matches "$err" "roadmap: warning: .*backup.*nobackup.db.backup"

# A read-only database (a read-only mount: root only): reading works,
# changing says why
if [ "$(id -u)" -eq 0 ] && unshare -m true 2>/dev/null; then
  "$roadmap" --db "$db" --list > "$work/rw-list"
  unshare -m sh -c '
    mkdir -p "$2/ro" && mount -t tmpfs -o size=4m tmpfs "$2/ro" &&
    cp "$3" "$2/ro/progress.db" && mount -o remount,ro "$2/ro" &&
    { "$1" --db "$2/ro/progress.db" --list > "$2/ro-list" 2>"$2/ro-list-err"; echo $? > "$2/ro-list-status"; }
    { "$1" --db "$2/ro/progress.db" --export-progress "$2/ro-export.json" 2>"$2/ro-export-err"; echo $? > "$2/ro-export-status"; }
    { "$1" --db "$2/ro/progress.db" --set-status backend-developer/database-design=done 2>"$2/ro-set-err"; echo $? > "$2/ro-set-status"; }
  ' _ "$roadmap" "$work" "$db"
  check "a read-only database: --list works" [ "$(cat "$work/ro-list-status")" = 0 ]
  check "a read-only database: --list shows the progress" cmp -s "$work/rw-list" "$work/ro-list"
  check "a read-only database: --export-progress works" [ "$(cat "$work/ro-export-status")" = 0 ]
  check "a read-only database: the export is a progress file" grep -q '"roadmap-progress"' "$work/ro-export.json"
  check "a read-only database: --set-status is refused" [ "$(cat "$work/ro-set-status")" = 1 ]
  err=$(cat "$work/ro-set-err")
  check "a read-only database: says it cannot be written" matches "$err" "roadmap: .*cannot be written"
else
  ok "# SKIP a read-only database needs root and mount namespaces"
fi

# A full disk (a small tmpfs: root only): the old backup stays byte for
# byte, and no part file is left.
if [ "$(id -u)" -eq 0 ] && unshare -m true 2>/dev/null; then
  "$roadmap" --db "$db" --export-progress "$work/good.json"
  unshare -m sh -c '
    mkdir -p "$2/full" && mount -t tmpfs -o size=64k tmpfs "$2/full" &&
    cp "$2/good.json" "$2/full/backup.json" &&
    (head -c 1048576 /dev/zero > "$2/full/filler" 2>/dev/null; true) &&
    "$1" --db "$3" --export-progress "$2/full/backup.json" 2>"$2/full-err"; echo $? > "$2/full-status"
    cmp -s "$2/good.json" "$2/full/backup.json" && echo same > "$2/full-same"
    ls -A "$2/full" > "$2/full-list"
  ' _ "$roadmap" "$work" "$db"
  err=$(cat "$work/full-err" 2>/dev/null)
  check "export-progress onto a full disk fails" [ "$(cat "$work/full-status" 2>/dev/null)" = 1 ]
  check "export-progress onto a full disk: the old backup is untouched" [ -e "$work/full-same" ]
  check "export-progress onto a full disk: no part file left" [ "$(cat "$work/full-list")" = "backup.json
filler" ]
  check "export-progress onto a full disk: says so" sh -c 'printf "%s\n" "$1" | grep -q "the disk is full"' _ "$err"
else
  ok "# SKIP a full disk needs root and mount namespaces"
fi

# Bad usage
run "two actions at once" 1 "$roadmap" --db "$db" --list --export-progress "$work/x.json" &&
  check "two actions: one line on stderr" one_line "$err"
run "export-pdf and another action" 1 "$roadmap" --db "$db" --list --export-pdf "$work/x.pdf" &&
  check "export-pdf and another action: one line on stderr" one_line "$err"
run "unexpected argument" 1 "$roadmap" --db "$db" stray &&
  check "unexpected argument: one line on stderr" one_line "$err"
run "unknown option" 1 "$roadmap" --no-such-option &&
  check "unknown option: one line of ours" matches "$err" "roadmap: .*--no-such-option"
run "missing value" 1 "$roadmap" --db &&
  check "missing value: one line of ours" matches "$err" "roadmap: .*--db"
run "a value that is not text" 1 "$roadmap" --set-status "$(printf 'caf\351')" &&
  check "a value that is not text: one line of ours" matches "$err" "roadmap: "
run "--db twice: refused" 1 "$roadmap" --db "$work/a.db" --db "$work/b.db" --list &&
  check "--db twice: says which option" matches "$err" "roadmap: --db "
run "--list twice: refused" 1 "$roadmap" --db "$db" --list --list

# --search: the --list columns, every track, in catalog order
tab=$(printf '\t')
"$roadmap" --db "$db" --list > "$work/search-list"
lines_list=$(cat "$work/search-list")
run "search" 0 "$roadmap" --db "$db" --search kubectl &&
  check "search finds the skill in both tracks, as --list prints it, in its order" \
    [ "$out" = "$(printf '%s\n' "$lines_list" | grep "${tab}docker-kubernetes${tab}")" ] &&
  check "search: two lines" [ "$(printf '%s\n' "$out" | wc -l)" = 2 ]
run "search: case, accents and several words" 0 "$roadmap" --db "$db" --search "MEMCACHÉD  redis" &&
  check "search: case, accents and several words find one skill" \
    matches "$out" "backend-developer${tab}intermediate${tab}caching-performance${tab}[a-z]*${tab}Caching & Performance Optimization\$"
run "search: no match" 0 "$roadmap" --db "$db" --search "no-such-skill-anywhere" &&
  check "search: no match prints nothing" [ -z "$out" ] &&
  check "search: no match says nothing" [ -z "$err" ]
run "search: empty text" 1 "$roadmap" --db "$db" --search "" &&
  check "search: empty text, one line of ours" [ "$err" = "roadmap: --search needs a word to look for" ] &&
  check "search: empty text prints nothing" [ -z "$out" ]
run "search: white space only" 1 "$roadmap" --db "$db" --search "  $tab " &&
  check "search: white space only, one line of ours" [ "$err" = "roadmap: --search needs a word to look for" ]
run "search: text not valid in the locale" 1 "$roadmap" --db "$db" --search "$(printf 'caf\351')" &&
  check "search: text not valid in the locale, one line of ours" [ "$(printf '%s\n' "$err" | grep -c '^roadmap: ')" = 1 ]
run "search: no value" 1 "$roadmap" --db "$db" --search &&
  check "search: no value, one line of ours" matches "$err" "roadmap: .*--search"
run "search twice: refused" 1 "$roadmap" --db "$db" --search sql --search kafka &&
  check "search twice: says which option" matches "$err" "roadmap: --search "
run "search with --list: refused" 1 "$roadmap" --db "$db" --search sql --list &&
  check "search with --list: names --search" matches "$err" "roadmap: give only one of .*--search"
run "search with --set-status: refused" 1 "$roadmap" --db "$db" --search sql --set-status data-engineer/python-sql=done &&
  check "search with --set-status: nothing changed" [ -z "$out" ]
run "search with --track: refused" 1 "$roadmap" --db "$db" --search sql --track data-engineer &&
  check "search with --track: --track goes with --export-pdf" matches "$err" "roadmap: --track"

# Repeated --set-status: all in one change, all or nothing
rep="$work/repeated.db"
run "--set-status twice" 0 "$roadmap" --db "$rep" --set-status backend-developer/python-sql=done \
    --set-status backend-developer/api-development=doing &&
  "$roadmap" --db "$rep" --list > "$work/rep-list" &&
  check "--set-status twice: both applied" sh -c 'grep -q "	python-sql	done	" "$1" && grep -q "	api-development	doing	" "$1"' _ "$work/rep-list"
run "--set-status with one bad: refused" 1 "$roadmap" --db "$rep" --set-status backend-developer/python-sql=todo \
    --set-status backend-developer/no-such-skill=done &&
  "$roadmap" --db "$rep" --list > "$work/rep-list" &&
  check "--set-status with one bad: none applied" grep -q "	python-sql	done	" "$work/rep-list"

# --list-topics and --set-topic: N<TAB>STATUS<TAB>TOPIC, all in one change
top="$work/topics.db"
tab=$(printf '\t')
run "--list-topics" 0 "$roadmap" --db "$top" --list-topics data-engineer/python-sql &&
  check "--list-topics: numbered from 1, all todo" [ "$(printf '%s\n' "$out" | head -1)" = "1${tab}todo${tab}Python" ] &&
  check "--list-topics: a line per topic" [ "$(printf '%s\n' "$out" | wc -l)" -eq 7 ]
run "--set-topic twice" 0 "$roadmap" --db "$top" --set-topic data-engineer/python-sql/1=done \
    --set-topic data-engineer/python-sql/5=done &&
  check "--set-topic prints nothing" [ -z "$out$err" ] &&
  run "--list-topics after --set-topic" 0 "$roadmap" --db "$top" --list-topics data-engineer/python-sql &&
  check "--set-topic twice: both ticked, the others not" \
    [ "$(printf '%s\n' "$out" | grep -c "${tab}done${tab}")" -eq 2 ] &&
  check "--set-topic: the fifth is done" matches "$out" ".*5${tab}done${tab}Pandas"
run "--set-topic todo" 0 "$roadmap" --db "$top" --set-topic data-engineer/python-sql/1=todo &&
  run "--list-topics after todo" 0 "$roadmap" --db "$top" --list-topics data-engineer/python-sql &&
  check "--set-topic todo: unticked" [ "$(printf '%s\n' "$out" | head -1)" = "1${tab}todo${tab}Python" ]
"$roadmap" --db "$top" --list-topics data-engineer/python-sql > "$work/topics-before"
for arg in data-engineer/python-sql/0=done data-engineer/python-sql/8=done data-engineer/python-sql/x=done \
           data-engineer/python-sql/1=maybe data-engineer/python-sql/1 data-engineer/no-such-skill/1=done \
           data-engineer/1=done nonsense; do
  if run "--set-topic refuses '$arg'" 1 "$roadmap" --db "$top" --set-topic data-engineer/python-sql/2=done \
      --set-topic "$arg"; then
    check "--set-topic '$arg': one line of ours" sh -c 'one_line () { [ "$(printf "%s\n" "$1" | wc -l)" -eq 1 ]; }; one_line "$1" && expr "$1" : "roadmap: " >/dev/null' _ "$err"
  fi
done
"$roadmap" --db "$top" --list-topics data-engineer/python-sql > "$work/topics-after"
check "--set-topic with one bad: none applied" cmp -s "$work/topics-before" "$work/topics-after"
for arg in data-engineer/no-such-skill data-engineer; do
  run "--list-topics refuses '$arg'" 1 "$roadmap" --db "$top" --list-topics "$arg" &&
    check "--list-topics '$arg': one line of ours" matches "$err" "roadmap: "
done
run "--list-topics twice: refused" 1 "$roadmap" --db "$top" --list-topics data-engineer/python-sql \
    --list-topics data-engineer/python-sql
run "--set-topic and --set-status: refused" 1 "$roadmap" --db "$top" --set-topic data-engineer/python-sql/2=done \
    --set-status data-engineer/python-sql=done &&
  check "--set-topic and --set-status: one line" one_line "$err"
run "--help tells of --set-topic" 0 "$roadmap" --help &&
  check "--help: --set-topic and --list-topics" sh -c 'printf "%s\n" "$1" | grep -q -- "--set-topic=TRACK-ID/SKILL-ID/N=done|todo" && printf "%s\n" "$1" | grep -q -- "--list-topics"' _ "$out"
run "--export-progress carries the ticks" 0 "$roadmap" --db "$top" --export-progress "$work/topics.json" &&
  check "--export-progress: topics_done" grep -q '"Pandas"' "$work/topics.json" &&
  run "--import-progress of ticks" 0 "$roadmap" --db "$work/topics-2.db" --import-progress "$work/topics.json" &&
  run "--list-topics after the import" 0 "$roadmap" --db "$work/topics-2.db" --list-topics data-engineer/python-sql &&
  check "--import-progress: the ticks are back" matches "$out" ".*5${tab}done${tab}Pandas"

# --set-plan, --clear-plan, --schedule (ROADMAP_TODAY fixes the day)
plan="$work/plan.db"
tab=$(printf '\t')
run "--schedule without a plan" 0 env ROADMAP_TODAY=2026-01-05 "$roadmap" --db "$plan" --schedule --track data-engineer &&
  check "--schedule without a plan: '-' and unplanned" \
    [ "$out" = "data-engineer${tab}fundamentals${tab}-${tab}-${tab}unplanned
data-engineer${tab}intermediate${tab}-${tab}-${tab}unplanned
data-engineer${tab}advanced${tab}-${tab}-${tab}unplanned" ]
run "--set-plan --months 3" 0 "$roadmap" --db "$plan" --set-plan data-engineer --start 2026-01-05 --months 3 &&
  check "--set-plan prints nothing" [ -z "$out$err" ]
run "--schedule on the first day" 0 env ROADMAP_TODAY=2026-01-05 "$roadmap" --db "$plan" --schedule &&
  check "--schedule: every phase of every track, five columns" \
    [ "$(printf '%s\n' "$out" | awk -F "$tab" 'NF == 5' | wc -l)" -eq 6 ] &&
  check "--schedule: 3 months, on track to the day" \
    matches "$out" ".*data-engineer${tab}advanced${tab}2026-04-05${tab}2026-04-05${tab}on-track" &&
  check "--schedule: the other track unplanned" \
    matches "$out" ".*backend-developer${tab}fundamentals${tab}-${tab}-${tab}unplanned"
# The PDF's cover says what the Overview says, counted from the same day
if command -v pdftotext >/dev/null; then
  run "export-pdf with a plan" 0 env ROADMAP_TODAY=2026-01-05 "$roadmap" --db "$plan" --export-pdf "$work/plan.pdf" &&
    check "the cover: every track's figures" \
      sh -c 'pdftotext -l 1 "$1" - | grep -q "0 % done · 0 in progress · 0 of 525 h done, 525 h left"' _ "$work/plan.pdf" &&
    check "the cover: the plan's finish and state" \
      sh -c 'pdftotext -l 1 "$1" - | grep -q "Finishing around 5 Apr 2026 at .* h a week · On track"' _ "$work/plan.pdf" &&
    check "the cover: the other track has no plan" \
      sh -c 'pdftotext -l 1 "$1" - | grep -q "No plan yet"' _ "$work/plan.pdf"
fi
run "--schedule --track" 0 env ROADMAP_TODAY=2026-01-05 "$roadmap" --db "$plan" --schedule --track data-engineer &&
  check "--schedule --track: that track only" [ "$(printf '%s\n' "$out" | grep -vc '^data-engineer	')" -eq 0 ]
run "--schedule, months later, nothing done" 0 env ROADMAP_TODAY=2026-03-20 "$roadmap" --db "$plan" --schedule --track data-engineer &&
  check "--schedule: behind" matches "$out" "data-engineer${tab}fundamentals${tab}2026-02-05${tab}[0-9-]*${tab}behind"
run "--set-plan --hours-per-week 40" 0 "$roadmap" --db "$plan" --set-plan data-engineer --start 2026-01-05 --hours-per-week 40 &&
  run "--schedule at 40 h a week" 0 env ROADMAP_TODAY=2026-01-05 "$roadmap" --db "$plan" --schedule --track data-engineer &&
  check "--schedule: ahead, the roadmap's months unscaled" \
    matches "$out" "data-engineer${tab}fundamentals${tab}2026-03-05${tab}[0-9-]*${tab}ahead"
"$roadmap" --db "$plan" --set-status data-engineer/python-sql=done --set-status data-engineer/database-design=done \
  --set-status data-engineer/sql-nosql-databases=done --set-status data-engineer/etl-basics=done >/dev/null 2>&1
run "--schedule after the phase is done" 0 env ROADMAP_TODAY=2026-01-05 "$roadmap" --db "$plan" --schedule --track data-engineer &&
  check "--schedule: done" matches "$out" "data-engineer${tab}fundamentals${tab}2026-03-05${tab}[0-9-]*${tab}done"
ROADMAP_TODAY=2026-01-05 "$roadmap" --db "$plan" --schedule > "$work/plans-before"
for args in "--start 2026-02-30 --months 3" "--start 26-01-05 --months 3" "--start 2026-01-05 --months 2" \
            "--start 2026-01-05 --months 7" "--start 2026-01-05 --hours-per-week 0" \
            "--start 2026-01-05 --hours-per-week -4" "--start 2026-01-05 --hours-per-week 169" \
            "--start 2026-01-05 --hours-per-week six" "--start 2026-01-05 --months 3 --hours-per-week 5" \
            "--start 2026-01-05" "--months 3"; do
  # shellcheck disable=SC2086 # the words of $args are the options
  run "--set-plan $args: refused" 1 "$roadmap" --db "$plan" --set-plan data-engineer $args &&
    check "--set-plan $args: one line of ours" sh -c 'test "$(printf "%s\n" "$1" | wc -l)" -eq 1 && expr "$1" : "roadmap: " >/dev/null' _ "$err"
done
run "--set-plan of an unknown track: refused" 1 "$roadmap" --db "$plan" --set-plan no-such-track --start 2026-01-05 --months 3 &&
  check "--set-plan of an unknown track: says so" matches "$err" "roadmap: there is no track .no-such-track."
run "--clear-plan of an unknown track: refused" 1 "$roadmap" --db "$plan" --clear-plan no-such-track
run "--schedule --track of an unknown track: refused" 1 "$roadmap" --db "$plan" --schedule --track no-such-track
for opt in "--start 2026-01-05" "--months 3" "--hours-per-week 5"; do
  # shellcheck disable=SC2086
  run "$opt without --set-plan: refused" 1 "$roadmap" --db "$plan" --list $opt &&
    check "$opt without --set-plan: says so" matches "$err" "roadmap: --start, --hours-per-week and --months go with --set-plan only"
done
run "--clear-plan with --months: refused" 1 "$roadmap" --db "$plan" --clear-plan data-engineer --months 3
run "--set-plan and --schedule: refused" 1 "$roadmap" --db "$plan" --set-plan data-engineer --start 2026-01-05 --months 3 --schedule
run "--schedule with a bad ROADMAP_TODAY: refused" 1 env ROADMAP_TODAY=2026-13-01 "$roadmap" --db "$plan" --schedule &&
  check "bad ROADMAP_TODAY: says so" matches "$err" "roadmap: .2026-13-01. is not a day (ROADMAP_TODAY)"
ROADMAP_TODAY=2026-01-05 "$roadmap" --db "$plan" --schedule > "$work/plans-after"
check "refused plans change nothing" cmp -s "$work/plans-before" "$work/plans-after"
run "--clear-plan" 0 "$roadmap" --db "$plan" --clear-plan data-engineer &&
  run "--schedule after --clear-plan" 0 env ROADMAP_TODAY=2026-01-05 "$roadmap" --db "$plan" --schedule --track data-engineer &&
  check "--clear-plan: unplanned again" matches "$out" "data-engineer${tab}fundamentals${tab}-${tab}-${tab}unplanned"
run "--help tells of --set-plan and --schedule" 0 "$roadmap" --help &&
  check "--help: --set-plan, --schedule" sh -c 'printf "%s\n" "$1" | grep -q -- "--set-plan=TRACK-ID" && printf "%s\n" "$1" | grep -q -- "--schedule"' _ "$out"

# Repeated --roadmap-dir: each one loaded
mkdir -p "$work/dir-a" "$work/dir-b"
sed 's/"id": "minimal"/"id": "track-a"/' "$valid" > "$work/dir-a/a.json"
sed 's/"id": "minimal"/"id": "track-b"/' "$valid" > "$work/dir-b/b.json"
run "--roadmap-dir twice" 0 "$roadmap" --db "$db" --roadmap-dir "$work/dir-a" --roadmap-dir "$work/dir-b" --list &&
  check "--roadmap-dir twice: both loaded" sh -c 'printf "%s\n" "$1" | grep -q "^track-a	" && printf "%s\n" "$1" | grep -q "^track-b	"' _ "$out"

# --stats and --set-weekly-goal, with a fixed clock (ROADMAP_NOW) in
# Berlin: 29 March 2026 is the Sunday clocks go forward
st="$work/stats.db"
at () {
  when=$1
  shift
  env TZ=Europe/Berlin ROADMAP_NOW="$when" "$roadmap" --db "$st" "$@"
}
stats_is () {
  [ "$out" = "$(printf 'done-this-week\t%s\ndone-total\t%s\nmedian-days-doing-to-done\t%s\nstreak-weeks\t%s\nweekly-goal\t%s' "$@")" ]
}
run "--stats of no history" 0 at 2026-03-29T12:00:00+02:00 --stats &&
  check "--stats of no history: zeros and -" stats_is 0 0 - 0 0
run "--set-status at a fixed time" 0 at 2026-03-16T10:00:00+01:00 --set-status backend-developer/database-design=done &&
  run "--set-status doing" 0 at 2026-03-23T10:00:00+01:00 --set-status backend-developer/python-sql=doing &&
  run "--set-status done at 23:30" 0 at 2026-03-25T23:30:00+01:00 --set-status backend-developer/python-sql=done &&
  run "--set-status done on the Sunday of the change" 0 at 2026-03-29T23:30:00+02:00 --set-status data-engineer/python-sql=done &&
  run "--set-status out of Done" 0 at 2026-03-29T23:40:00+02:00 --set-status backend-developer/database-design=doing
run "--stats" 0 at 2026-03-29T23:50:00+02:00 --stats &&
  check "--stats: the figures" stats_is 1 2 2.6 0 0 &&
  check "--stats: nothing on stderr" [ -z "$err" ]
run "--stats --track" 0 at 2026-03-29T23:50:00+02:00 --stats --track backend-developer &&
  check "--stats --track: that track only" stats_is 0 1 2.6 0 0
run "--stats --track data-engineer" 0 at 2026-03-29T23:50:00+02:00 --stats --track data-engineer &&
  check "--stats --track data-engineer: no Doing, no median" stats_is 1 1 - 0 0
run "--stats on the Monday" 0 at 2026-03-30T00:10:00+02:00 --stats &&
  check "--stats on the Monday: a new week" stats_is 0 2 2.6 0 0
run "--set-weekly-goal 1" 0 at 2026-03-29T23:50:00+02:00 --set-weekly-goal 1 &&
  check "--set-weekly-goal prints nothing" [ -z "$out$err" ]
run "--stats with a goal" 0 at 2026-03-29T23:50:00+02:00 --stats &&
  check "--stats with a goal: the streak counts this week" stats_is 1 2 2.6 2 1
run "--stats with a goal, a week on" 0 at 2026-04-01T12:00:00+02:00 --stats &&
  check "--stats a week on: this week not over, no break" stats_is 0 2 2.6 2 1
run "--stats with a goal, two weeks on" 0 at 2026-04-07T12:00:00+02:00 --stats &&
  check "--stats two weeks on: a week missed" stats_is 0 2 2.6 0 1
for arg in 51 -1 abc "" 2x 1.5 " 3"; do
  if run "--set-weekly-goal refuses '$arg'" 1 at 2026-03-29T23:50:00+02:00 --set-weekly-goal="$arg"; then
    check "--set-weekly-goal '$arg': one line on stderr" one_line "$err"
  fi
done
run "--stats after refusals" 0 at 2026-03-29T23:50:00+02:00 --stats &&
  check "--stats after refusals: the goal unchanged" stats_is 1 2 2.6 2 1
run "--set-weekly-goal 50" 0 at 2026-03-29T23:50:00+02:00 --set-weekly-goal 50 &&
  run "--stats with 50" 0 at 2026-03-29T23:50:00+02:00 --stats &&
  check "--stats with 50: no streak" stats_is 1 2 2.6 0 50
run "--set-weekly-goal 0" 0 at 2026-03-29T23:50:00+02:00 --set-weekly-goal 0 &&
  run "--stats with the goal off" 0 at 2026-03-29T23:50:00+02:00 --stats &&
  check "--stats with the goal off: 0 and 0" stats_is 1 2 2.6 0 0
run "--stats of an unknown track" 1 at 2026-03-29T23:50:00+02:00 --stats --track no-such-track &&
  check "--stats of an unknown track: one line" one_line "$err" &&
  check "--stats of an unknown track: no output" [ -z "$out" ]
run "--set-weekly-goal with --track: refused" 1 at 2026-03-29T23:50:00+02:00 --set-weekly-goal 3 --track data-engineer &&
  check "--set-weekly-goal with --track: one line" one_line "$err"
run "--stats with --paper: refused" 1 at 2026-03-29T23:50:00+02:00 --stats --paper a4 &&
  check "--stats with --paper: one line" one_line "$err"
run "--stats with --list: refused" 1 at 2026-03-29T23:50:00+02:00 --stats --list &&
  check "--stats with --list: one line" one_line "$err"
run "--stats twice: refused" 1 at 2026-03-29T23:50:00+02:00 --stats --stats
run "a bad ROADMAP_NOW: refused" 1 at yesterday --stats &&
  check "a bad ROADMAP_NOW: one line" one_line "$err"
run "--set-weekly-goal with a bad ROADMAP_NOW changes nothing" 1 at yesterday --set-weekly-goal 4 &&
  run "--stats after it" 0 at 2026-03-29T23:50:00+02:00 --stats &&
  check "--stats after it: still off" stats_is 1 2 2.6 0 0

# --export-roadmap TRACK-ID FILE and --import-roadmap FILE [--replace]:
# a track out as a roadmap file --validate accepts, and back in as the
# user's own, keeping the progress of its skill ids
rm_db="$work/roadmaps.db"
own_dir="$XDG_DATA_HOME/io.github.roadmaptracker.Roadmap/roadmaps"
run "export-roadmap" 0 "$roadmap" --db "$rm_db" --export-roadmap backend-developer "$work/backend.json" &&
  check "export-roadmap prints nothing" [ -z "$out$err" ] &&
  run "--validate accepts the export" 0 "$roadmap" --validate "$work/backend.json"
sed 's/"id" : "backend-developer"/"id" : "my-backend"/; s/"title" : "Backend Developer"/"title" : "My Backend"/' \
  "$work/backend.json" > "$work/mine.json"
run "import-roadmap" 0 "$roadmap" --db "$rm_db" --import-roadmap "$work/mine.json" &&
  check "import-roadmap: the file in the user's folder, as it was" cmp -s "$work/mine.json" "$own_dir/my-backend.json" &&
  run "list after import-roadmap" 0 "$roadmap" --db "$rm_db" --list &&
  check "the imported track is listed" sh -c "printf '%s\n' \"\$1\" | grep -q '^my-backend	fundamentals	python-sql	todo	'" _ "$out"
run "set-status on the imported track" 0 "$roadmap" --db "$rm_db" --set-status my-backend/python-sql=done
run "import-roadmap again: refused" 1 "$roadmap" --db "$rm_db" --import-roadmap "$work/mine.json" &&
  check "import-roadmap again: one line naming --replace" sh -c 'printf "%s" "$1" | grep -q -- "--replace"' _ "$err"
sed 's/"title" : "My Backend"/"title" : "My Backend, Revised"/' "$work/mine.json" > "$work/mine-2.json"
run "import-roadmap --replace" 0 "$roadmap" --db "$rm_db" --import-roadmap "$work/mine-2.json" --replace &&
  check "--replace: the new file in place" cmp -s "$work/mine-2.json" "$own_dir/my-backend.json" &&
  run "list after --replace" 0 "$roadmap" --db "$rm_db" --list &&
  check "--replace keeps the progress of the ids that remain" \
    sh -c "printf '%s\n' \"\$1\" | grep -q '^my-backend	fundamentals	python-sql	done	'" _ "$out"
run "export-roadmap of the own track" 0 "$roadmap" --db "$rm_db" --export-roadmap my-backend "$work/mine-out.json" &&
  check "the export says the new title" grep -q '"My Backend, Revised"' "$work/mine-out.json"
run "import-roadmap of a bundled id without --replace: refused" 1 "$roadmap" --db "$rm_db" --import-roadmap "$work/backend.json" &&
  check "a bundled id: one line" one_line "$err"
sed 's/"title" : "Backend Developer"/"title" : "Backend, Mine"/' "$work/backend.json" > "$work/backend-mine.json"
run "import-roadmap --replace of a bundled id" 0 "$roadmap" --db "$rm_db" --import-roadmap "$work/backend-mine.json" --replace &&
  check "the copy stands in for the bundled track" cmp -s "$work/backend-mine.json" "$own_dir/backend-developer.json" &&
  run "export-roadmap of the copy" 0 "$roadmap" --db "$rm_db" --export-roadmap backend-developer "$work/copy-out.json" &&
  check "the export says the copy's title" grep -q '"Backend, Mine"' "$work/copy-out.json"

# --remove-track TRACK-ID: an own track's file goes, its progress stays;
# a bundled one (customized or not) is hidden, in the database
list_has () {
  printf '%s\n' "$1" | grep -q "^$2	"
}
run "remove-track of an own track" 0 "$roadmap" --db "$rm_db" --remove-track my-backend &&
  check "remove-track prints nothing" [ -z "$out$err" ] &&
  check "remove-track: the file is gone" [ ! -e "$own_dir/my-backend.json" ] &&
  run "list after remove-track" 0 "$roadmap" --db "$rm_db" --list &&
  check "remove-track: not listed" sh -c '! printf "%s\n" "$1" | grep -q "^my-backend	"' _ "$out"
run "import-roadmap after remove-track" 0 "$roadmap" --db "$rm_db" --import-roadmap "$work/mine-out.json" &&
  run "list after importing it again" 0 "$roadmap" --db "$rm_db" --list &&
  check "importing it again brings its progress back" \
    sh -c "printf '%s\n' \"\$1\" | grep -q '^my-backend	fundamentals	python-sql	done	'" _ "$out"
run "remove-track of a bundled track" 0 "$roadmap" --db "$rm_db" --remove-track data-engineer &&
  run "list after hiding" 0 "$roadmap" --db "$rm_db" --list &&
  check "a hidden track is not listed" sh -c '! printf "%s\n" "$1" | grep -q "^data-engineer	"' _ "$out" &&
  check "the others still are" list_has "$out" backend-developer &&
  run "search after hiding" 0 "$roadmap" --db "$rm_db" --search "Flink" &&
  check "search leaves a hidden track out" [ -z "$out" ] &&
  run "PDF of a hidden track's progress" 0 "$roadmap" --db "$rm_db" --export-pdf "$work/hidden.pdf" &&
  check "the report leaves the hidden track out" sh -c '! pdftotext "$1" - | grep -q "Data Engineer"' _ "$work/hidden.pdf"
run "remove-track twice: refused" 1 "$roadmap" --db "$rm_db" --remove-track data-engineer &&
  check "remove-track twice: one line" one_line "$err"
run "remove-track of a customized bundled track hides it" 0 "$roadmap" --db "$rm_db" --remove-track backend-developer &&
  check "the copy stays" [ -e "$own_dir/backend-developer.json" ]
run "remove-track of an unknown track: refused" 1 "$roadmap" --db "$rm_db" --remove-track nope &&
  check "unknown track: one line" one_line "$err"
run "remove-track with --list: refused" 1 "$roadmap" --db "$rm_db" --remove-track my-backend --list
run "remove-track of a bad id: refused" 1 "$roadmap" --db "$rm_db" --remove-track "../../etc"
printf '{ "format": 1 }' > "$work/no-id.json"
run "import-roadmap of a bad file: refused" 1 "$roadmap" --db "$rm_db" --import-roadmap "$work/no-id.json" &&
  check "a bad file: its problem on stderr" sh -c 'printf "%s" "$1" | grep -q "no-id.json: id: "' _ "$err" &&
  check "a bad file: nothing copied" [ ! -e "$own_dir/no-id.json" ]
run "import-roadmap of /dev/zero: refused" 1 "$roadmap" --db "$rm_db" --import-roadmap /dev/zero
run "export-roadmap of an unknown track: refused" 1 "$roadmap" --db "$rm_db" --export-roadmap nope "$work/x.json" &&
  check "unknown track: nothing written" [ ! -e "$work/x.json" ]
run "export-roadmap without a file: refused" 1 "$roadmap" --db "$rm_db" --export-roadmap backend-developer
run "export-roadmap with two files: refused" 1 "$roadmap" --db "$rm_db" --export-roadmap backend-developer "$work/a.json" "$work/b.json"
run "export-roadmap onto /dev/full: refused" 1 "$roadmap" --db "$rm_db" --export-roadmap backend-developer /dev/full
run "--replace alone: refused" 1 "$roadmap" --db "$rm_db" --list --replace
run "import-roadmap with --list: refused" 1 "$roadmap" --db "$rm_db" --import-roadmap "$work/mine.json" --list
rm -f "$own_dir/my-backend.json" "$own_dir/backend-developer.json"

echo "1..$n"
[ "$failed" -eq 0 ]
