#!/usr/bin/env python3
"""The golden set of `gdstep --trace`: every case of cases.txt run through
the program, its stdout and exit status compared with expected.txt.

    golden.py make  GDSTEP SRCDIR   writes expected.txt (done once, with the
                                    first version's build, at 7ee5cb0)
    golden.py check GDSTEP SRCDIR   exits 1 naming every case that differs

expected.txt holds one line per case: the SHA-256 of stdout, the exit
status and the arguments.
"""
import hashlib
import os
import subprocess
import sys


def cases(src):
    with open(os.path.join(src, "tests/golden/cases.txt")) as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                yield line


def run(gdstep, src, case):
    args = []
    for word in case.split():
        if word.startswith("LESSON:"):
            word = os.path.join(src, word[len("LESSON:"):])
        args.append(word)
    env = dict(os.environ, LANG="C", LANGUAGE="", LC_ALL="")
    p = subprocess.run([gdstep, "--trace"] + args, capture_output=True,
                       env=env, timeout=120)
    return hashlib.sha256(p.stdout).hexdigest(), p.returncode


def main():
    mode, gdstep, src = sys.argv[1:4]
    path = os.path.join(src, "tests/golden/expected.txt")
    if mode == "make":
        with open(path, "w") as out:
            for case in cases(src):
                digest, rc = run(gdstep, src, case)
                out.write(f"{digest} {rc} {case}\n")
        return 0
    expected = {}
    with open(path) as f:
        for line in f:
            digest, rc, case = line.rstrip("\n").split(" ", 2)
            expected[case] = (digest, int(rc))
    bad = 0
    n = 0
    for case in cases(src):
        n += 1
        if case not in expected:
            print(f"no expectation for: {case}")
            bad += 1
            continue
        got = run(gdstep, src, case)
        if got != expected[case]:
            print(f"differs: gdstep --trace {case}: got {got}, "
                  f"expected {expected[case]}")
            bad += 1
    print(f"{n - bad} of {n} traces as at 7ee5cb0")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
