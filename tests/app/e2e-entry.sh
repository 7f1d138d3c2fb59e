#!/bin/sh
# End to end: values typed in the window (E, then the value, Enter) under
# Xvfb, driven by xdotool, checked through --echo's CSV rows: η typed as
# 0.37 is the η of the next step, and Esc closes the entry without the
# second Esc quitting the window.
#   e2e-entry.sh PATH_TO_GDSTEP
# Skips (exit 77) only outside CI when Xvfb or xdotool is missing.
set -u
gdstep=$1
name=e2e-entry
. "$(dirname "$0")/e2e-lib.sh"
start_xvfb 1280x800

"$gdstep" --echo --curve bowl --w0 2 --rate 0.1 >"$tmp/out.csv" 2>"$tmp/err" &
app_pid=$!
wid=$(timeout 20 xdotool search --sync --onlyvisible --class gdstep | head -n 1)
if [ -z "$wid" ]; then
  echo "e2e-entry: no window appeared"; cat "$tmp/err"; exit 1
fi
press() {
  xdotool key --window "$wid" "$@"
  sleep 0.3
}
press space
press e
xdotool type --window "$wid" --delay 50 0.37
sleep 0.3
press Return
press space
# Esc closes the entry; the next Esc only arms the quit prompt, so the
# window is still there for the third step.
press e
xdotool type --window "$wid" --delay 50 9
sleep 0.3
press Escape
press Escape
press space
sleep 0.5
xdotool key --window "$wid" q 2>/dev/null
i=0
while kill -0 "$app_pid" 2>/dev/null; do
  i=$((i + 1))
  if [ $i -gt 100 ]; then
    echo "e2e-entry: Q did not quit"; exit 1
  fi
  sleep 0.05
done
wait "$app_pid"
status=$?
app_pid=
cat "$tmp/out.csv"
[ "$status" -eq 0 ] || { echo "e2e-entry: exit status $status"; cat "$tmp/err"; exit 1; }

expected="step,w,E,dEdw,v,delta_w,w_next
0,2,4,4,-0.40000000000000002,-0.40000000000000002,1.6000000000000001
1,1.6000000000000001,2.5600000000000005,3.2000000000000002,-1.1839999999999999,-1.1839999999999999,0.41600000000000015"
if [ "$(head -n 3 "$tmp/out.csv")" != "$expected" ]; then
  echo "e2e-entry: rows differ; expected:"
  echo "$expected"
  exit 1
fi
if [ "$(sed -n 4p "$tmp/out.csv" | cut -d, -f1,2)" != "2,0.41600000000000015" ]; then
  echo "e2e-entry: no third step after Esc closed the entry"
  exit 1
fi
echo "e2e-entry: ok"
