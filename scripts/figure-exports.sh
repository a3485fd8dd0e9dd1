#!/usr/bin/env bash
# Every chart exported as a journal would print it: for each preset, chart and the two print sizes (3.4 × 2.4 in,
# single column; 7 × 4.8 in, double) a PNG, an SVG and a PDF, and the PDF rendered back to PNG with pdftoppm, so that
# what a reader of the PDF sees can be looked at too. Look at every picture.
#
# Usage: scripts/figure-exports.sh [OUTDIR] [-- EXTRA aedyn-cli OPTIONS...]   (needs poppler-utils for pdftoppm)
#   AEDYN_PRESETS="fig2-sequential fig3-rescaling" AEDYN_CHARTS="norms" narrow the set; AEDYN_CLI picks the binary.
#   Image presets run to t = 100 only (the charts look the same, the run takes a minute less).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/aedyn-figures}
shift || true
[[ "${1:-}" == "--" ]] && shift
cli=${AEDYN_CLI:-build/app/aedyn-cli}
presets=${AEDYN_PRESETS:-"fig2-sequential fig3-rescaling fig4a-tied fig4b-relu-bias fig5d-fashion-mnist fig6-fashion-mnist"}
charts=${AEDYN_CHARTS:-"learning norms weights spectrum dashboard"}
command -v pdftoppm >/dev/null || { echo "figure-exports: pdftoppm (poppler-utils) is missing" >&2; exit 1; }
mkdir -p "$out"
for preset in $presets; do
  extra=()
  [[ $preset == fig5d-* || $preset == fig6-* ]] && extra=(--t-max 100)
  for chart in $charts; do
    for size in 3.4x2.4 7x4.8; do
      # The dashboard's four charts need the double column; a single column's page is refused by design.
      [[ $chart == dashboard && $size == 3.4x2.4 ]] && continue
      base="$out/$preset-$chart-$size"
      "$cli" --preset "$preset" "${extra[@]}" "$@" --quiet --out "$out/run-$preset" --chart "$chart" \
        --figure-size "$size" --figure "$base.png" --figure "$base.svg" --figure "$base.pdf"
      pdftoppm -png -r 300 -singlefile "$base.pdf" "$base-pdf"
      echo "$preset $chart $size -> $base.{png,svg,pdf} and $base-pdf.png"
    done
  done
done
