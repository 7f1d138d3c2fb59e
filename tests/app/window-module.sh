#!/bin/sh
# gdstep runs the window from gdstep-window.so in its own process (one
# exec: itself), and runs the gdstep-window program when the module is
# missing or is not a module; with neither it says so and exits 1.
# Each case is a copy of gdstep in a directory of its own, beside which
# it finds what the case puts there, and draws a --screenshot.
#   window-module.sh GDSTEP GDSTEP_WINDOW GDSTEP_WINDOW_SO SOURCE_ROOT
set -u
gdstep=$1 exe=$2 module=$3 src=$4
here=$(cd "$(dirname "$0")" && pwd)
export LSAN_OPTIONS="suppressions=$here/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export GDSTEP_DATADIR="$src"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# case NAME FILES... : gdstep, FILES beside it, a screenshot.
shot() {
  name=$1
  shift
  mkdir "$tmp/$name"
  cp "$gdstep" "$tmp/$name/gdstep"
  for f in "$@"; do
    case $f in
    junk) printf 'not a module\n' >"$tmp/$name/gdstep-window.so" ;;
    *) cp "$f" "$tmp/$name/" ;;
    esac
  done
  env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER \
    "$tmp/$name/gdstep" --lang en --scene 1 --size 320x240 \
    --screenshot "$tmp/$name/shot.png" >"$tmp/$name/out" 2>"$tmp/$name/err"
  rc=$?
  echo "$name: status $rc"
  cat "$tmp/$name/err"
}

png() {
  head -c 8 "$1" 2>/dev/null | od -An -tx1 | tr -d ' \n'
}
sig=89504e470d0a1a0a

for c in module fallback junk; do
  case $c in
  module) shot module "$module" ;;
  fallback) shot fallback "$exe" ;;
  junk) shot junk junk "$exe" ;;
  esac
  if [ "$rc" -ne 0 ] || [ "$(png "$tmp/$c/shot.png")" != "$sig" ]; then
    echo "FAIL: $c: no picture"
    fail=1
  fi
done

# The module's picture is the program's.
if ! cmp -s "$tmp/module/shot.png" "$tmp/fallback/shot.png"; then
  echo "FAIL: the module and the program draw different pictures"
  fail=1
fi

# With the module, no second program is started: the window runs in
# gdstep's process (strace counts the execs; tools/install-deps installs
# it). The program's run is two.
for c in module fallback; do
  env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER \
    strace -f -e trace=execve -o "$tmp/$c/trace" "$tmp/$c/gdstep" \
    --lang en --scene 1 --size 320x240 --screenshot "$tmp/$c/two.png" \
    >/dev/null 2>&1
  n=$(grep -c 'execve(.*= 0$' "$tmp/$c/trace")
  want=1
  [ $c = fallback ] && want=2
  echo "$c: $n programs run"
  if [ "$n" -ne "$want" ]; then
    echo "FAIL: $c: $n programs run, want $want"
    fail=1
  fi
done

# Neither: one line naming the program it could not run, status 1.
shot neither
if [ "$rc" -ne 1 ] || ! grep -q '^gdstep: cannot run .*gdstep-window' "$tmp/neither/err"; then
  echo "FAIL: neither: status $rc, want 1 and 'cannot run …'"
  fail=1
fi
exit $fail
