#!/usr/bin/env python3
"""The page's fonts, as WOFF2, from the desktop's fonts/.

DejaVu Sans and its bold keep the blocks the interface writes in (Latin,
Greek, the modifier letters of ᵏ and ᵢ, punctuation, super- and
subscripts, arrows, mathematical operators, geometric shapes), without
hinting: about 50 KB each, on every page. The Chinese subset keeps every
glyph (about 2.4 MB) and is fetched only when Chinese is shown. Licences
are copied beside them. Uses fontTools' pyftsubset (Debian's fonttools
and python3-brotli).

Usage: webfonts.py OUTDIR FONTSDIR PYFTSUBSET
"""
import os
import shutil
import subprocess
import sys

LATIN = ("U+0020-007E,U+00A0-017F,U+0300-036F,U+0370-03FF,U+1D00-1DBF,"
         "U+2000-209F,U+2100-214F,U+2190-21FF,U+2200-22FF,U+25A0-25FF")
FONTS = [
    ("DejaVuSans.ttf", "DejaVuSans.woff2", ["--unicodes=" + LATIN,
                                            "--no-hinting"]),
    ("DejaVuSans-Bold.ttf", "DejaVuSans-Bold.woff2",
     ["--unicodes=" + LATIN, "--no-hinting"]),
    ("NotoSansCJKsc-Subset.otf", "NotoSansCJKsc-Subset.woff2",
     ["--unicodes=*", "--notdef-outline"]),
]


def main(out, src, pyftsubset):
    os.makedirs(out, exist_ok=True)
    for name, woff2, extra in FONTS:
        cmd = [pyftsubset, os.path.join(src, name), "--flavor=woff2",
               "--layout-features=*", "--output-file=" + os.path.join(out, woff2)]
        r = subprocess.run(cmd + extra, stderr=subprocess.PIPE, text=True)
        if r.returncode != 0:
            sys.stderr.write(r.stderr)
            print("webfonts: %s: pyftsubset failed (apt-get install fonttools "
                  "python3-brotli)" % name, file=sys.stderr)
            return 1
    for lic in ("LICENSE-DejaVu.txt", "LICENSE-NotoSansCJK.txt"):
        shutil.copy(os.path.join(src, lic), out)
    return 0


sys.exit(main(*sys.argv[1:4]))
