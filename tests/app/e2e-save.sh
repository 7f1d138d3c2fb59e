#!/bin/sh
# S in the window under Xvfb: three presses within a second leave three
# pictures (none overwritten), each path printed; with neither the current
# directory nor $HOME writable, stderr (and a notice in the window) says
# both and why.
#   e2e-save.sh PATH_TO_GDSTEP
# Skips (exit 77) only outside CI when Xvfb or xdotool is missing.
set -u
gdstep=$1
name=e2e-save
. "$(dirname "$0")/e2e-lib.sh"
start_xvfb 1024x768

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
