# The common part of the window's end-to-end scripts (e2e*.sh), sourced
# by each after it sets `name` (for its messages): the tools checked (a
# script skips, exit 77, only outside CI when Xvfb or xdotool is
# missing), a temporary directory $tmp cleaned up on exit with the
# programs still running ($app_pid, $xvfb_pid), and start_xvfb WxH, which
# starts Xvfb on the first free display and exports DISPLAY.
for tool in Xvfb xdotool; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    if [ "${CI:-}" = true ]; then
      echo "$name: $tool is missing (tools/install-deps installs it)"
      exit 1
    fi
    echo "$name: $tool is missing; skipped"
    exit 77
  fi
done
here=$(cd "$(dirname "$0")" && pwd)
# Under a sanitizer build: system libraries' own leaks are not ours.
export LSAN_OPTIONS="suppressions=$here/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
tmp=$(mktemp -d)
# The window's glyph cache (src/window/glyphcache.h) in $tmp, not the
# user's: each script starts with none and its later runs find it.
export XDG_CACHE_HOME="$tmp/cache"
xvfb_pid=
app_pid=
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
  chmod -R u+w "$tmp" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

start_xvfb() {
  # A free display number: the first with no X lock file.
  n=90
  while [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; do
    n=$((n + 1))
  done
  Xvfb ":$n" -screen 0 "$1x24" -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
  xvfb_pid=$!
  export DISPLAY=":$n"
  i=0
  until xdotool getmouselocation >/dev/null 2>&1; do
    i=$((i + 1))
    if [ $i -gt 100 ]; then
      echo "$name: Xvfb did not start"; cat "$tmp/xvfb.log"; exit 1
    fi
    sleep 0.05
  done
}
