#!/bin/sh
# End to end, predict mode: the window under Xvfb, driven by xdotool as a
# student would: G, a click on the plot where w will land, Next; checked
# through --echo's update row and its guess line, and the exit status.
#   e2e-predict.sh PATH_TO_GDSTEP
# Skips (exit 77) only outside CI when Xvfb or xdotool is missing.
set -u
gdstep=$1
name=e2e-predict
. "$(dirname "$0")/e2e-lib.sh"
start_xvfb 1280x800

"$gdstep" --echo --curve bowl --w0 2 --rate 0.1 --size 1280x720 \
  >"$tmp/out.csv" 2>"$tmp/err" &
app_pid=$!
wid=$(timeout 20 xdotool search --sync --onlyvisible --class gdstep | head -n 1)
if [ -z "$wid" ]; then
  echo "e2e: no window appeared"; cat "$tmp/err"; exit 1
fi
xdotool windowmove --sync "$wid" 0 0 2>/dev/null
sleep 0.3
xdotool key --window "$wid" g
sleep 0.2
# At 1280 x 720 the bowl's plot spans w from about -0.6 to 2.6 over
# x = 80 … 760: x = 526 is w = 1.5, give or take a few pixels of layout.
xdotool mousemove --window "$wid" 526 640 click 1
sleep 0.2
xdotool key --window "$wid" space
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
row=$(sed -n 2p "$tmp/out.csv")
[ "$row" = "0,2,4,4,-0.40000000000000002,-0.40000000000000002,1.6000000000000001" ] ||
  { echo "e2e: the update row differs: $row"; exit 1; }
guess=$(sed -n 3p "$tmp/out.csv")
echo "$guess" | awk -F, '$1 == "guess" && $2 == 0 && NF == 4 &&
  $3 > 1.3 && $3 < 1.7 && $4 == "1.6000000000000001" { ok = 1 }
  END { exit !ok }' || { echo "e2e: no guess line as expected: '$guess'"; exit 1; }
[ "$(wc -l <"$tmp/out.csv")" -eq 3 ] || { echo "e2e: extra lines"; exit 1; }
echo "e2e-predict: ok"
