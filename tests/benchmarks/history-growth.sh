#!/bin/sh
# history-growth.sh ROADMAP [N] [IMPORTS] — imports one generated progress
# file of N entries (default 95000) IMPORTS times (default 8) with the
# `roadmap` binary ROADMAP, into a fresh database, and prints after each
# import the history's rows, the database's size (checkpointed) and its
# pages in use.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
roadmap=$1
n=${2:-95000}
imports=${3:-8}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export XDG_DATA_HOME="$dir/data" XDG_CONFIG_HOME="$dir/config" GSETTINGS_BACKEND=memory

# 80 % To-do, 10 % Doing, 10 % Done: under the 8 MiB a file may have
python3 - "$n" > "$dir/progress.json" <<'PY'
import json, sys
n = int(sys.argv[1]); pos = {"todo": 0, "doing": 0, "done": 0}; skills = []
for i in range(n):
    status = "doing" if i % 10 == 1 else "done" if i % 10 == 2 else "todo"
    e = {"track": "generated", "skill": "s%d" % i, "status": status, "position": pos[status]}
    pos[status] += 1
    if status != "todo": e["started_at"] = "2026-01-05T10:00:00Z"
    if status == "done": e["finished_at"] = "2026-02-01T18:30:00Z"
    skills.append(e)
json.dump({"format": 1, "kind": "roadmap-progress", "skills": skills}, sys.stdout, separators=(",", ":"))
PY

db="$dir/progress.db"
i=1
while [ "$i" -le "$imports" ]; do
  "$roadmap" --db="$db" --import-progress="$dir/progress.json" >/dev/null
  sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
  rows=$(sqlite3 "$db" "SELECT count(*) FROM history")
  pages=$(sqlite3 "$db" "SELECT (SELECT page_count FROM pragma_page_count) - (SELECT freelist_count FROM pragma_freelist_count)")
  size=$(stat -c %s "$db")
  echo "import $i: $rows history rows, $size bytes, $pages pages in use"
  i=$((i + 1))
done
