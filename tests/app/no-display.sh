#!/bin/sh
# With no display to open, the window says so in one line and exits with
# status 1 at once, instead of running on SDL's invisible "offscreen"
# driver with no window and no word.
#   no-display.sh PATH_TO_GDSTEP
set -u
gdstep=$1
here=$(cd "$(dirname "$0")" && pwd)
export LSAN_OPTIONS="suppressions=$here/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
want='gdstep: no display found (DISPLAY is unset or cannot be opened); use --screenshot FILE or --trace'
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# An empty runtime directory: SDL's Wayland driver finds no compositor
# there without complaining that the variable is unset.
export XDG_RUNTIME_DIR="$tmp"
fail=0
# DISPLAY unset, then set to a display no server answers.
for display in unset ":4093"; do
  start=$(date +%s%N)
  if [ "$display" = unset ]; then
    env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER \
      timeout 10 "$gdstep" --lang en --scene 1 >"$tmp/out" 2>"$tmp/err"
  else
    env -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER DISPLAY="$display" \
      timeout 10 "$gdstep" --lang en --scene 1 >"$tmp/out" 2>"$tmp/err"
  fi
  rc=$?
  ms=$((($(date +%s%N) - start) / 1000000))
  echo "DISPLAY=$display: status $rc in $ms ms"
  cat "$tmp/err"
  if [ "$rc" -ne 1 ]; then
    echo "FAIL: DISPLAY=$display: status $rc, want 1"
    fail=1
  fi
  if [ "$(grep '^gdstep:' "$tmp/err")" != "$want" ]; then
    echo "FAIL: DISPLAY=$display: gdstep's line is not the one wanted"
    fail=1
  fi
  # A second is the aim; the limit allows for a loaded test machine.
  if [ "$ms" -gt 3000 ]; then
    echo "FAIL: DISPLAY=$display: took $ms ms"
    fail=1
  fi
done
exit $fail
