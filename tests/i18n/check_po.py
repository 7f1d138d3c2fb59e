#!/usr/bin/env python3
"""Fails when a marked string lacks a translation.

Usage: check_po.py SOURCE_ROOT LANG

Extracts every marked string from the files in po/POTFILES (the same
xgettext arguments as po/meson.build), merges po/LANG.po with them, and
requires `msgfmt --check --statistics` to report zero untranslated and zero
fuzzy messages. It also fails when a source file marks strings with _( but
is missing from POTFILES, so no file's strings can escape the catalogue.
"""
import glob
import os
import re
import subprocess
import sys
import tempfile


def main():
    root, lang = sys.argv[1], sys.argv[2]
    with open(os.path.join(root, "po", "POTFILES")) as f:
        listed = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    failures = []
    marked = set()
    for path in glob.glob(os.path.join(root, "src", "**", "*.c"), recursive=True):
        with open(path, encoding="utf-8") as f:
            if re.search(r'\b_\(\s*"', f.read()):
                marked.add(os.path.relpath(path, root))
    for missing in sorted(marked - set(listed)):
        failures.append("%s marks strings but is not in po/POTFILES" % missing)

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "gdstep.pot")
        subprocess.run(["xgettext", "--keyword=_", "--keyword=N_", "--keyword=app_tr:2", "--keyword=lesson_tr:2",
                        "--from-code=UTF-8", "--directory=" + root,
                        "--output=" + pot] + listed, check=True)
        merged = os.path.join(tmp, "merged.po")
        subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching",
                        "--output-file=" + merged,
                        os.path.join(root, "po", lang + ".po"), pot],
                       check=True)
        out = subprocess.run(["msgfmt", "--check", "--statistics",
                              "--output-file=/dev/null", merged],
                             capture_output=True, text=True)
        report = (out.stdout + out.stderr).strip()
        print(report)
        if out.returncode != 0:
            failures.append("msgfmt --check failed")
        if "untranslated" in report or "fuzzy" in report:
            failures.append("%s.po: %s" % (lang, report.splitlines()[-1]))
        # Name the strings that lack a translation, so the fix is obvious.
        untranslated = subprocess.run(
            ["msgattrib", "--untranslated", "--no-obsolete", merged],
            capture_output=True, text=True).stdout
        entries = [e for e in untranslated.split("\n\n")
                   if "msgid" in e and 'msgid ""\nmsgstr ""\n"' not in e]
        for e in entries:
            failures.append("untranslated:\n" + e.strip())
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
