#!/usr/bin/env python3
"""Writes the browser edition's index.html with gdstep.js inside it.

The page's script is written in web/gdstep.js and put into the page at
build time: one request fewer before the first frame, and the script
starts fetching and compiling gdstep.wasm as soon as the page is
parsed, not after a second round trip (issue 16's first frame).

Usage: page.py index.html gdstep.js OUT.html
"""
import sys

MARK = '<script src="gdstep.js" defer></script>'


def main(argv):
    page, script, out = argv
    html = open(page, encoding="utf-8").read()
    js = open(script, encoding="utf-8").read()
    if html.count(MARK) != 1:
        print(f"page.py: {page}: expected one {MARK}", file=sys.stderr)
        return 1
    if "</script" in js.lower() or "<!--" in js:
        print(f"page.py: {script}: cannot be put inside a <script>",
              file=sys.stderr)
        return 1
    with open(out, "w", encoding="utf-8") as f:
        f.write(html.replace(MARK, "<script>\n" + js + "</script>"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
