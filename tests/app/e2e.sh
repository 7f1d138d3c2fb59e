#!/bin/sh
# End to end: the window under Xvfb, driven by xdotool as a person with a
# clicker would, checked through --echo's CSV rows and the exit status.
#   e2e.sh PATH_TO_GDSTEP
# Skips (exit 77) only outside CI when Xvfb or xdotool is missing.
set -u
gdstep=$1
name=e2e
. "$(dirname "$0")/e2e-lib.sh"
start_xvfb 1280x800

"$gdstep" --echo --curve bowl --w0 2 --rate 0.1 >"$tmp/out.csv" 2>"$tmp/err" &
app_pid=$!
wid=$(timeout 20 xdotool search --sync --onlyvisible --class gdstep | head -n 1)
if [ -z "$wid" ]; then
  echo "e2e: no window appeared"; cat "$tmp/err"; exit 1
fi
# The icon is set once the first frame is up (it is not decoded before):
# the window has it within a few seconds, 64 by 64.
if command -v xprop >/dev/null 2>&1 || [ "${CI:-}" = true ]; then
  i=0
  until xprop -id "$wid" _NET_WM_ICON 2>/dev/null | grep -q 'Icon (64 x 64)'; do
    i=$((i + 1))
    if [ $i -gt 100 ]; then
      echo "e2e: the window has no 64x64 icon"; exit 1
    fi
    sleep 0.05
  done
  # The window's class is the desktop file's StartupWMClass, so a
  # desktop puts the window under the launcher's icon.
  want=$(sed -n 's/^StartupWMClass=//p' \
    "$(dirname "$0")/../../data/io.github.gdstep.GdStep.desktop")
  class=$(xprop -id "$wid" WM_CLASS 2>/dev/null)
  if [ "$class" != "WM_CLASS(STRING) = \"$want\", \"$want\"" ]; then
    echo "e2e: the window's class is not $want: $class"; exit 1
  fi
fi
# Each key waits for the previous one's row: a step animates for 250 ms,
# and a key during it must finish it, not be lost.
for key in space Next Left Up space; do
  xdotool key --window "$wid" "$key"
  sleep 0.1
done
sleep 0.5
xdotool key --window "$wid" q 2>/dev/null
i=0
while kill -0 "$app_pid" 2>/dev/null; do
  i=$((i + 1))
  if [ $i -gt 100 ]; then
    echo "e2e: Q did not quit"; exit 1
  fi
  sleep 0.05
done
wait "$app_pid"
status=$?
app_pid=
cat "$tmp/out.csv"
[ "$status" -eq 0 ] || { echo "e2e: exit status $status"; cat "$tmp/err"; exit 1; }

expected="step,w,E,dEdw,v,delta_w,w_next
0,2,4,4,-0.40000000000000002,-0.40000000000000002,1.6000000000000001
1,1.6000000000000001,2.5600000000000005,3.2000000000000002,-0.32000000000000006,-0.32000000000000006,1.28
1,1.6000000000000001,2.5600000000000005,3.2000000000000002,-0.38400000000000001,-0.38400000000000001,1.2160000000000002"
if [ "$(cat "$tmp/out.csv")" != "$expected" ]; then
  echo "e2e: rows differ; expected:"
  echo "$expected"
  exit 1
fi
# Quitting kept the glyphs the window rendered for its next start.
if ! [ -s "$XDG_CACHE_HOME/gdstep/glyphs" ]; then
  echo "e2e: no glyph cache at $XDG_CACHE_HOME/gdstep/glyphs"; exit 1
fi
echo "e2e: ok"
