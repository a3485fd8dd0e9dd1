#!/usr/bin/env bash
# Screenshots of lecture mode as a class sees it: for each screen size and preset, a fresh X server (Xvfb) with a
# window manager (openbox, so that full screen means what it means on a desktop), AEDyn started in lecture mode
# with Run pressed, and the whole screen captured after SECONDS seconds. Look at every picture.
#
# Usage: scripts/lecture-screenshots.sh [OUTDIR] [SECONDS]   (needs xvfb, openbox, xdotool and imagemagick)
#   AEDYN_SIZES="1280x720" AEDYN_PRESETS="fig2-sequential fig3-rescaling" narrow the set.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/aedyn-lecture}
wait_s=${2:-8}
app=${AEDYN_APP:-build/app/aedyn}
sizes=${AEDYN_SIZES:-"1024x768 1280x720 1920x1080"}
presets=${AEDYN_PRESETS:-$("${AEDYN_CLI:-build/app/aedyn-cli}" --list-presets | awk '{print $1}')}
for tool in Xvfb openbox xdotool import; do
  command -v "$tool" >/dev/null || { echo "lecture-screenshots: $tool is missing" >&2; exit 1; }
done
mkdir -p "$out"
display=:87
for size in $sizes; do
  Xvfb "$display" -screen 0 "${size}x24" >/dev/null 2>&1 &
  xvfb=$!
  sleep 1
  kill -0 "$xvfb" 2>/dev/null || { echo "lecture-screenshots: Xvfb could not start on $display (in use?)" >&2; exit 1; }
  DISPLAY=$display openbox >/dev/null 2>&1 &
  wm=$!
  sleep 1
  for preset in $presets; do
    DISPLAY=$display "$app" --preset "$preset" --lecture --run >/dev/null 2>&1 &
    pid=$!
    sleep "$wait_s"
    window=$(DISPLAY=$display xdotool search --name "AEDyn —" | head -1 || true)
    geometry=$(DISPLAY=$display xdotool getwindowgeometry "$window" 2>/dev/null | awk '/Geometry/{print $2}')
    DISPLAY=$display import -window root "$out/lecture-$size-$preset.png"
    echo "$size $preset: window $geometry -> $out/lecture-$size-$preset.png"
    kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  done
  kill "$wm" "$xvfb" 2>/dev/null; wait "$wm" "$xvfb" 2>/dev/null || true
done
