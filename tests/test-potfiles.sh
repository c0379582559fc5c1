#!/bin/sh
# test-potfiles.sh SOURCE-ROOT — po/POTFILES.in names exactly the files
# that hold translatable strings.
#
# xgettext, with the keywords of meson's 'glib' preset, reads every C file
# and GtkBuilder file under src/ and the desktop file, metainfo and schema
# templates under data/. Each file in which it finds a string must be in
# po/POTFILES.in (or its strings never reach the translators); each line of
# po/POTFILES.in must name an existing file. A string that xgettext cannot
# read whole (a format macro such as G_GINT64_FORMAT inside _()) fails too:
# its translation could never be found at run time.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

top=$1
potfiles=$top/po/POTFILES.in
tests=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$top"

find src \( -name '*.c' -o -name '*.h' -o -name '*.ui' \) -type f | LC_ALL=C sort > "$work/candidates"
find data -maxdepth 1 -type f \( -name '*.desktop.in' -o -name '*.desktop.in.in' \
  -o -name '*.metainfo.xml.in' -o -name '*.gschema.xml' \) | LC_ALL=C sort >> "$work/candidates"

. "$tests/po-common.sh"
run_xgettext --add-location=file \
  --files-from="$work/candidates" --output="$work/all.pot" 2> "$work/warnings" || {
    cat "$work/warnings" >&2
    echo "FAIL: xgettext could not read the sources" >&2
    exit 1
  }

status=0

if grep -i 'warning' "$work/warnings" >/dev/null; then
  cat "$work/warnings" >&2
  echo "FAIL: xgettext warns about the strings above; a translated format string must be written out whole (no G_GINT64_FORMAT and the like inside _())" >&2
  status=1
fi

# "#: src/a.c src/b.ui" → one file per line
sed -n 's/^#: //p' "$work/all.pot" | tr ' ' '\n' | sed '/^$/d' | LC_ALL=C sort -u > "$work/found"
sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$potfiles" > "$work/listed"

if ! LC_ALL=C sort -c "$work/listed" 2>/dev/null; then
  echo "FAIL: po/POTFILES.in is not sorted" >&2
  status=1
fi
LC_ALL=C sort -u "$work/listed" > "$work/listed-sorted"

for file in $(LC_ALL=C comm -23 "$work/found" "$work/listed-sorted"); do
  echo "FAIL: $file holds translatable strings but is missing from po/POTFILES.in" >&2
  status=1
done

for file in $(cat "$work/listed-sorted"); do
  if [ ! -f "$file" ]; then
    echo "FAIL: po/POTFILES.in names $file, which does not exist" >&2
    status=1
  elif ! grep -qx "$file" "$work/found"; then
    echo "note: po/POTFILES.in names $file, which has no translatable string" >&2
  fi
done

if [ $status -eq 0 ]; then
  echo "po/POTFILES.in lists all $(wc -l < "$work/found") files with translatable strings"
fi
exit $status
