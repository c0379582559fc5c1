#!/usr/bin/env python3
# check-flatpak-manifest.py MANIFEST APP-ID — the Flatpak manifest is valid
# JSON, builds this app on the GNOME runtime, and asks for the sandbox
# permissions the app needs and no more: a display (Wayland, X11 only as a
# fallback), GPU access, IPC for X11 shared memory, and the two Evolution
# Data Server services sync talks to (the source registry and the
# calendar factory, where task lists live). No file system access (files
# go through the file-chooser portal), no network (links open through the
# OpenURI portal; EDS, outside the sandbox, reaches the servers), no other
# D-Bus names.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import sys

path, app_id = sys.argv[1:3]
with open(path, encoding='utf-8') as f:
    manifest = json.load(f)

problems = []
expect = {
    'id': app_id,
    'runtime': 'org.gnome.Platform',
    'sdk': 'org.gnome.Sdk',
    'command': 'roadmap',
}
for key, value in expect.items():
    if manifest.get(key) != value:
        problems.append(f'{key} is {manifest.get(key)!r}, expected {value!r}')

allowed = {'--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri',
           '--talk-name=org.gnome.evolution.dataserver.Sources5',
           '--talk-name=org.gnome.evolution.dataserver.Calendar8'}
granted = set(manifest.get('finish-args', []))
for extra in sorted(granted - allowed):
    problems.append(f'finish-args grants {extra}, which Roadmap does not need')
for missing in sorted(allowed - granted):
    problems.append(f'finish-args lacks {missing}')

last = manifest.get('modules', [{}])[-1]
if last.get('name') != 'roadmap' or last.get('buildsystem') != 'meson':
    problems.append('the last module must build roadmap with meson')

for problem in problems:
    print(f'FAIL: {path}: {problem}', file=sys.stderr)
if not problems:
    print(f'{path}: {app_id} on {manifest["runtime"]} {manifest.get("runtime-version")}, '
          f'permissions: {" ".join(sorted(granted))}')
sys.exit(1 if problems else 0)
