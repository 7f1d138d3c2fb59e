#!/usr/bin/env python3
"""Fails when a marked string lacks a translation.

Usage: check_po.py SOURCE_ROOT LANG

Extracts every marked string from the files in po/POTFILES (the same
xgettext arguments as po/meson.build), merges po/LANG.po with them, and
requires `msgfmt --check --statistics` to report zero untranslated and zero
fuzzy messages. It also fails when a source file marks strings with _( but
is missing from POTFILES, so no file's strings can escape the catalogue.
"""
import ast
import glob
import os
import re
import subprocess
import sys
import tempfile


def po_messages(path):
    """(msgid, msgstr) of each message of a .po file, obsolete ones
    left out, plural forms by their first msgstr."""
    out, cur, key = [], None, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#"):
                continue
            m = re.match(r'^(msgid|msgstr|msgctxt|msgid_plural|msgstr\[\d+\]) (".*")$', line)
            if m:
                if m.group(1) in ("msgid", "msgctxt") and cur and "msgid" in cur:
                    out.append(cur)
                    cur = None
                cur = cur or {}
                key = "msgstr" if m.group(1) == "msgstr[0]" else m.group(1)
                cur[key] = ast.literal_eval(m.group(2))
            elif line.startswith('"') and cur is not None and key:
                cur[key] += ast.literal_eval(line)
    if cur and "msgid" in cur:
        out.append(cur)
    return [(e.get("msgid", ""), e.get("msgstr", "")) for e in out]


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
    # A translation has as many lines as its English (the --help text
    # is a column of options: a line too many is an option twice).
    for msgid, msgstr in po_messages(os.path.join(root, "po", lang + ".po")):
        if msgid and msgstr and msgid.count("\n") != msgstr.count("\n"):
            failures.append("%d lines translated as %d: %r" % (
                msgid.count("\n"), msgstr.count("\n"), msgid[:60]))
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
