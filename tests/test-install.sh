#!/bin/sh
# test-install.sh MESON BUILDDIR APP-ID PREFIX BINDIR DATADIR LOCALEDIR —
# `meson install --destdir` into a temporary folder puts every file where
# a desktop expects it: the program, the launcher, the metainfo, the icons,
# the D-Bus service, the translations and the compiled GSettings schema.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

meson=$1 builddir=$2 app_id=$3 prefix=$4 bindir=$5 datadir=$6 localedir=$7

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Relative options are relative to the prefix.
case $bindir in /*) ;; *) bindir=$prefix/$bindir ;; esac
case $datadir in /*) ;; *) datadir=$prefix/$datadir ;; esac
case $localedir in /*) ;; *) localedir=$prefix/$localedir ;; esac

if ! "$meson" install -C "$builddir" --no-rebuild --destdir "$work" > "$work/install.log" 2>&1; then
  cat "$work/install.log" >&2
  echo "FAIL: meson install failed" >&2
  exit 1
fi

root=$work
status=0
fail () {
  echo "FAIL: $*" >&2
  status=1
}
expect_file () {
  if [ -f "$root$1" ]; then echo "ok: $1"; else fail "$1 is not installed"; fi
}

bin=$bindir/roadmap
desktop=$datadir/applications/$app_id.desktop
metainfo=$datadir/metainfo/$app_id.metainfo.xml
service=$datadir/dbus-1/services/$app_id.service
icon=$datadir/icons/hicolor/scalable/apps/$app_id.svg
symbolic=$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg
schema=$datadir/glib-2.0/schemas/$app_id.gschema.xml

for file in "$bin" "$desktop" "$metainfo" "$service" "$icon" "$symbolic" "$schema"; do
  expect_file "$file"
done
[ -x "$root$bin" ] || fail "$bin is not executable"

for lang in $(sed -e 's/#.*//' "$(dirname "$0")/../po/LINGUAS"); do
  expect_file "$localedir/$lang/LC_MESSAGES/roadmap.mo"
done

# gnome.post_install compiles the schemas and updates the icon cache and
# the desktop database after an install into the prefix itself; meson
# leaves that to the packager's triggers under DESTDIR, and says so.
grep -q "glib-compile-schemas $datadir/glib-2.0/schemas" "$work/install.log" ||
  fail "meson install does not compile the GSettings schemas"
grep -q "update-icon-cache .*$datadir/icons/hicolor" "$work/install.log" ||
  fail "meson install does not update the icon cache"
grep -q "update-desktop-database .*$datadir/applications" "$work/install.log" ||
  fail "meson install does not update the desktop database"
# What it runs: the installed schema compiles, strictly, and holds the app's.
if command -v glib-compile-schemas >/dev/null; then
  glib-compile-schemas --strict "$root$datadir/glib-2.0/schemas" || fail "the installed schemas do not compile"
  expect_file "$datadir/glib-2.0/schemas/gschemas.compiled"
fi

# The launcher: valid, translated, starting the installed program with the
# installed icon, activated over D-Bus by the service file.
if [ -f "$root$desktop" ]; then
  if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$root$desktop" || fail "$desktop is not valid"
  fi
  grep -qx "Exec=$bin" "$root$desktop" || fail "$desktop does not start $bin"
  grep -qx "Icon=$app_id" "$root$desktop" || fail "$desktop does not name the icon $app_id"
  grep -qx "DBusActivatable=true" "$root$desktop" || fail "$desktop is not D-Bus activatable"
  grep -q '^Name\[de\]=' "$root$desktop" || fail "$desktop has no German name"
  grep -q '^Comment\[es\]=' "$root$desktop" || fail "$desktop has no Spanish comment"
fi
if [ -f "$root$service" ]; then
  grep -qx "Name=$app_id" "$root$service" || fail "$service does not own $app_id"
  grep -qx "Exec=$bin --gapplication-service" "$root$service" || fail "$service does not start $bin"
fi

# The metainfo: valid, launching this desktop file, providing this program.
if [ -f "$root$metainfo" ]; then
  if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net "$root$metainfo" > "$work/metainfo.log" 2>&1 ||
      { cat "$work/metainfo.log" >&2; fail "$metainfo is not valid"; }
  fi
  grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$root$metainfo" ||
    fail "$metainfo does not launch $app_id.desktop"
  grep -q "<binary>roadmap</binary>" "$root$metainfo" || fail "$metainfo does not provide the roadmap binary"
  grep -q 'xml:lang="de"' "$root$metainfo" || fail "$metainfo has no German text"
fi

# The schema compiled there is the app's.
if command -v gsettings >/dev/null && [ -f "$root$datadir/glib-2.0/schemas/gschemas.compiled" ]; then
  GSETTINGS_SCHEMA_DIR="$root$datadir/glib-2.0/schemas" GSETTINGS_BACKEND=memory \
    gsettings list-keys "$app_id" > /dev/null 2>&1 || fail "the compiled schemas lack $app_id"
fi

[ $status -eq 0 ] && echo "every file is where a desktop expects it (under $prefix)"
exit $status
