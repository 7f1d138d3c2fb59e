#!/usr/bin/env python3
"""Runs tests/wasi/numbers natively and as wasm32-wasi under node and
compares the outputs: the same lines and words, and every number within
MAX_ULP units in the last place (glibc's exp picks an FMA variant at run
time and may differ from wasi-libc's by a few ulp; the golden traces stay
native). Prints how many numbers differed and by how much at most.

    compare.py NATIVE_PROGRAM NODE RUN_MJS PROGRAM.wasm
"""
import struct
import subprocess
import sys

MAX_ULP = 16


def ordered(x):
    """The double's bits as an integer that orders like the double."""
    (i,) = struct.unpack("<q", struct.pack("<d", x))
    return i if i >= 0 else -(i & 0x7FFFFFFFFFFFFFFF)


def ulps(a, b):
    return abs(ordered(a) - ordered(b))


def number(word):
    try:
        return float(word)
    except ValueError:
        return None


def main():
    native, node, run_mjs, wasm = sys.argv[1:5]
    ours = subprocess.run([native], capture_output=True, text=True, check=True)
    theirs = subprocess.run(
        [node, "--experimental-wasi-unstable-preview1", "--no-warnings",
         run_mjs, wasm],
        capture_output=True, text=True, check=True)
    a, b = ours.stdout.splitlines(), theirs.stdout.splitlines()
    if len(a) != len(b) or not a:
        print(f"native printed {len(a)} lines, wasm {len(b)}")
        return 1
    numbers = differ = worst = 0
    for n, (la, lb) in enumerate(zip(a, b), 1):
        wa, wb = la.split(), lb.split()
        if len(wa) != len(wb):
            print(f"line {n}: native {la!r}, wasm {lb!r}")
            return 1
        for x, y in zip(wa, wb):
            fx, fy = number(x), number(y)
            if fx is None or fy is None:
                if x != y:
                    print(f"line {n}: native {la!r}, wasm {lb!r}")
                    return 1
                continue
            numbers += 1
            if x == y:
                continue
            d = ulps(fx, fy)
            differ += 1
            worst = max(worst, d)
            if d > MAX_ULP:
                print(f"line {n}: {x} and {y} are {d} ulp apart "
                      f"(at most {MAX_ULP})")
                return 1
    print(f"{len(a)} lines, {numbers} numbers: {differ} differ, "
          f"by at most {worst} ulp")
    return 0


if __name__ == "__main__":
    sys.exit(main())
