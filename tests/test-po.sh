#!/bin/sh
# test-po.sh SOURCE-ROOT — every translation in po/LINGUAS is valid and
# complete.
#
# Valid: `msgfmt --check` (headers, plural forms, format strings) and
# `--check-accelerators=_` (one mnemonic in, one mnemonic out).
# Complete: merged with a template made now from po/POTFILES.in, no message
# is untranslated or fuzzy. A new string in the sources therefore needs its
# translations: `meson compile -C _build roadmap-update-po`, then translate
# what is new in each po/LANG.po.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

top=$1
tests=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

. "$tests/po-common.sh"

cd "$top"
sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' po/POTFILES.in > "$work/files"
run_xgettext --package-name=roadmap --files-from="$work/files" \
  --output="$work/roadmap.pot" 2>/dev/null

status=0
languages=$(sed -e 's/#.*//' po/LINGUAS)
[ -n "$languages" ] || { echo "FAIL: po/LINGUAS names no language" >&2; exit 1; }

for lang in $languages; do
  po=po/$lang.po
  if ! msgfmt --check --check-accelerators=_ --output-file=/dev/null "$po"; then
    echo "FAIL: $po does not pass msgfmt --check" >&2
    status=1
    continue
  fi

  msgmerge --quiet --no-fuzzy-matching --output-file="$work/$lang.po" "$po" "$work/roadmap.pot"
  missing=$(msgattrib --untranslated --no-obsolete "$work/$lang.po" | grep -c '^msgid ' || true)
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$work/$lang.po" | grep -c '^msgid ' || true)
  # Each count includes the header entry when there is any other.
  [ "$missing" -gt 0 ] && missing=$((missing - 1))
  [ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
  if [ "$missing" -ne 0 ] || [ "$fuzzy" -ne 0 ]; then
    echo "FAIL: $po lacks $missing translations and has $fuzzy fuzzy ones, among them:" >&2
    msgattrib --untranslated --no-obsolete --no-wrap "$work/$lang.po" | grep '^msgid ' | sed -n '2,6p' >&2
    msgattrib --only-fuzzy --no-obsolete --no-wrap "$work/$lang.po" | grep '^msgid ' | sed -n '2,6p' >&2
    status=1
  else
    echo "$po: complete, $(msgfmt --statistics --output-file=/dev/null "$po" 2>&1)"
  fi
done

exit $status
