#!/bin/sh
# S in the window under Xvfb: three presses within a second leave three
# pictures (none overwritten), each path printed; with neither the current
# directory nor $HOME writable, stderr (and a notice in the window) says
# both and why.
#   e2e-save.sh PATH_TO_GDSTEP
# Skips (exit 77) only outside CI when Xvfb or xdotool is missing.
set -u
gdstep=$1
for tool in Xvfb xdotool; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    [ "${CI:-}" = true ] && { echo "e2e-save: $tool is missing"; exit 1; }
    echo "e2e-save: $tool is missing; skipped"
    exit 77
  fi
done
here=$(cd "$(dirname "$0")" && pwd)
export LSAN_OPTIONS="suppressions=$here/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
tmp=$(mktemp -d)
xvfb_pid=
app_pid=
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
  chmod -R u+w "$tmp" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
n=120
while [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; do
  n=$((n + 1))
done
Xvfb ":$n" -screen 0 1024x768x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
xvfb_pid=$!
export DISPLAY=":$n"
i=0
until xdotool getmouselocation >/dev/null 2>&1; do
  i=$((i + 1))
  [ $i -gt 100 ] && { echo "e2e-save: Xvfb did not start"; exit 1; }
  sleep 0.05
done

# run DIR HOME KEYS…: gdstep in DIR with $HOME, the keys, then Q.
run() {
  dir=$1 home=$2
  shift 2
  (cd "$dir" && HOME=$home exec "$gdstep" --size 640x480) \
    >"$tmp/out" 2>"$tmp/err" &
  app_pid=$!
  wid=$(timeout 20 xdotool search --sync --onlyvisible --class gdstep | head -n 1)
  [ -z "$wid" ] && { echo "e2e-save: no window"; cat "$tmp/err"; exit 1; }
  [ -n "${gone:-}" ] && rmdir "$gone"
  for key in "$@"; do
    xdotool key --window "$wid" "$key"
  done
  sleep 1
  xdotool key --window "$wid" q 2>/dev/null
  wait "$app_pid"
  app_pid=
}

mkdir "$tmp/pics"
run "$tmp/pics" "$tmp" s s s
count=$(ls "$tmp/pics" | grep -c '^gdstep-.*\.png$')
lines=$(wc -l <"$tmp/out")
if [ "$count" -ne 3 ] || [ "$lines" -ne 3 ]; then
  echo "e2e-save: $count pictures, $lines paths; expected 3 and 3"
  ls "$tmp/pics"; cat "$tmp/out" "$tmp/err"; exit 1
fi
while read -r p; do
  [ -s "$tmp/pics/$p" ] || { echo "e2e-save: '$p' was not written"; exit 1; }
done <"$tmp/out"

# Neither place writable: the current directory removed under the
# window, $HOME missing (this holds for root too).
mkdir "$tmp/gone"
gone=$tmp/gone
run "$tmp/gone" "$tmp/nohome" s
if ! grep -q 'not in the current directory (.*), nor in \$HOME (.*)' "$tmp/err"; then
  echo "e2e-save: no message naming both places"; cat "$tmp/err"; exit 1
fi
echo "e2e-save: ok"
