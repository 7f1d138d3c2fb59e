#!/usr/bin/env python3
"""Compiles the browser edition's C for wasm32-wasi and links gdstep.wasm.

Debian's clang-14 with wasi-libc, as issue 16 measured: -nostdinc with
clang's own headers and wasi-libc's, so no glibc header (libintl.h) leaks
in; the project's warnings with -Werror; no _start (-nostartfiles,
--no-entry), exports named in the source with export_name. Then
binaryen's wasm-opt -Oz when it is there.

Usage: build-wasm.py OUT.wasm DEPFILE OBJDIR -I DIR... -- SOURCE.c...
(DEPFILE: every header the sources include, for meson's rebuilds.)
"""
import os
import shutil
import subprocess
import sys

CLANG = os.environ.get("GDSTEP_WASM_CC", "clang-14")
RESOURCE = "/usr/lib/llvm-14/lib/clang/14.0.6"
SYSROOT = "/usr/include/wasm32-wasi"
CFLAGS = [
    "--target=wasm32-wasi", "-nostdinc",
    "-isystem", RESOURCE + "/include", "-isystem", SYSROOT,
    "-std=c11", "-Oz", "-Wall", "-Wextra", "-Wpedantic", "-Werror",
    "-Wshadow", "-Wmissing-prototypes", "-Wstrict-prototypes",
    "-Wdouble-promotion", "-Wundef", "-Wno-overlength-strings",
    "-D_POSIX_C_SOURCE=200809L", "-DGDSTEP_WEB=1",
]
LDFLAGS = [
    "--target=wasm32-wasi", "-nostartfiles", "-Wl,--no-entry",
    "-L/usr/lib/wasm32-wasi", "-Wl,-z,stack-size=1048576",
    "-Wl,--initial-memory=16777216", "-Wl,--strip-debug", "-Wl,--max-memory=536870912",
]


def resource_dir():
    out = subprocess.run([CLANG, "-print-resource-dir"], capture_output=True,
                         text=True)
    d = out.stdout.strip()
    return d if out.returncode == 0 and os.path.isdir(d) else RESOURCE


def write_depfile(out, depfile, objs):
    deps = set()
    for obj in objs:
        text = open(obj + ".d").read().replace("\\\n", " ")
        deps.update(text.split(":", 1)[1].split())
    with open(depfile, "w") as f:
        f.write(out + ": " + " ".join(sorted(deps)) + "\n")


def main(argv):
    out, depfile, objdir = argv[0], argv[1], argv[2]
    sep = argv.index("--")
    incs, sources = argv[3:sep], argv[sep + 1:]
    os.makedirs(objdir, exist_ok=True)
    flags = list(CFLAGS)
    flags[flags.index(RESOURCE + "/include")] = resource_dir() + "/include"
    objs = []
    for src in sources:
        base = os.path.basename(os.path.dirname(src)) + "_" + \
            os.path.basename(src)
        obj = os.path.join(objdir, base[:-2] + ".o")
        cmd = [CLANG] + flags + incs + ["-MD", "-MF", obj + ".d", "-c", src,
                                        "-o", obj]
        if subprocess.run(cmd).returncode != 0:
            print("build-wasm: failed: " + " ".join(cmd), file=sys.stderr)
            return 1
        objs.append(obj)
    write_depfile(out, depfile, objs)
    raw = out + ".raw"
    cmd = [CLANG] + LDFLAGS + objs + ["-lm", "-o", raw]
    if subprocess.run(cmd).returncode != 0:
        print("build-wasm: link failed: " + " ".join(cmd), file=sys.stderr)
        return 1
    opt = shutil.which("wasm-opt")
    if opt:
        if subprocess.run([opt, "-Oz", "--strip-debug", "--strip-producers", raw, "-o",
                           out]).returncode != 0:
            return 1
        os.remove(raw)
    else:
        os.replace(raw, out)
    return 0


sys.exit(main(sys.argv[1:]))
