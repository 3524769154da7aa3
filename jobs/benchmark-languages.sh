#!/usr/bin/env bash
# Measures concurrent per-language fitting: the same multilingual corpus (the Debian
# Administrator's Handbook, PAGES pages per language, 26 languages; see jobs/make-corpus.sh)
# run with --language-threads 1 and with --language-threads 4, in local mode with a 1 GiB heap.
# Prints wall time, the per-language stage's wall time, and peak RSS of each run.
#   jobs/benchmark-languages.sh [pages-per-language]   (default 16: 416 files, 13 MB)
set -euo pipefail
cd "$(dirname "$0")/.."
pages="${1:-16}"
work="target/benchmark-languages"
mkdir -p "$work"
jobs/make-corpus.sh "$pages" "$work/corpus"
source jobs/build.sh >/dev/null

printf '%-18s %10s %16s %12s\n' "language-threads" "wall (s)" "languages (s)" "peak RSS MB"
for threads in 1 4; do
  out="$work/out-$threads"
  /usr/bin/time -f '%e %M' -o "$work/time-$threads" env POLYCORPUS_DRIVER_MEMORY=1g \
    jobs/run-local.sh --input "$work/corpus" --output "$out" --language-threads "$threads" > "$work/log-$threads" 2>&1
  read -r wall rss < "$work/time-$threads"
  languages="$(sed -n 's/.*"model_languages" : \([0-9.]*\).*/\1/p' "$out/manifest.json")"
  printf '%-18s %10s %16s %12d\n' "$threads" "$wall" "$languages" "$((rss / 1024))"
done
