#!/usr/bin/env bash
# polycorpus against the single-machine pipeline a user would otherwise write
# (jobs/reference/sklearn_pipeline.py: BeautifulSoup, langdetect, scikit-learn TF-IDF and
# k-means with a silhouette sweep), on the same multilingual corpus at 1x, 4x and 8x.
# The corpus is the Debian Administrator's Handbook (26 languages, HTML; jobs/make-corpus.sh):
# BASE pages per language at 1x, 4*BASE and 8*BASE at the larger sizes, distinct pages each.
# Each system runs cold (a new process), polycorpus in local[*] with a fixed heap.
#   jobs/benchmark.sh [base-pages-per-language]   (default 15: 390 files at 1x)
# Prints wall time, throughput, peak RSS and stage seconds for both, and their ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
base="${1:-15}"
# Debian's Python, where apt installs the packages (a pyenv or venv python3 may come first on PATH).
python=/usr/bin/python3
heap="${POLYCORPUS_DRIVER_MEMORY:-2g}"
work="target/benchmark"
mkdir -p "$work"

if ! "$python" -c "import sklearn, langdetect, bs4, pandas" 2>/dev/null; then
  echo "Installing the reference pipeline's Python packages ..." >&2
  export DEBIAN_FRONTEND=noninteractive
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get install -y -qq --no-install-recommends python3-sklearn python3-langdetect python3-bs4 \
    python3-pandas >/dev/null 2>&1 || { $sudo apt-get update -qq && $sudo apt-get install -y -qq \
    --no-install-recommends python3-sklearn python3-langdetect python3-bs4 python3-pandas >/dev/null; }
fi
source jobs/build.sh >/dev/null
source jobs/class-archive.sh  # recorded before any timed run

stages_of() {  # the stage_seconds object of a polycorpus manifest, one "name=seconds" per stage
  "$python" -c 'import json,sys; s=json.load(open(sys.argv[1]))["stage_seconds"]; print(" ".join(f"{k}={v:.1f}" for k,v in s.items()))' "$1"
}
jcmd="$(dirname "$(readlink -f "$(command -v java)")")/jcmd"
# The heap's largest live set, in MB, over a second, untimed run on corpus $1 (scratch output $2,
# GC log $3): a full collection is forced every 2 s, and each one's result is the heap in use.
# After a young collection the heap still holds the old generation's garbage, which a heap
# started large is never asked to collect: that would measure the heap's size, not the run's.
live_heap_peak() {
  local corpus="$1" out="$2" log="$3" run
  env POLYCORPUS_DRIVER_MEMORY="$heap" POLYCORPUS_JAVA_OPTS="-Xlog:gc:file=$log" \
    jobs/run-local.sh --input "$corpus" --output "$out" > /dev/null 2>&1 &
  run=$!  # run-local.sh execs the JVM, so this is the JVM's pid once it has started
  while kill -0 "$run" 2>/dev/null; do
    sleep 2
    "$jcmd" "$run" GC.run > /dev/null 2>&1 || true
  done
  wait "$run" || true
  rm -rf "$out"
  sed -n 's/.*Pause Full (Diagnostic Command) [0-9]*M->\([0-9]*\)M(.*/\1/p' "$log" | sort -n | tail -1
}

results="$work/results.tsv"
: > "$work/stages.txt"
printf 'scale\tfiles\tMB\tsystem\twall_s\tMB_per_s\tdocs_per_s\tpeak_rss_MB\tpeak_live_heap_MB\n' > "$results"
for scale in 1 4 8; do
  corpus="$work/corpus-${scale}x"
  jobs/make-corpus.sh "$((base * scale))" "$corpus" 2>/dev/null
  files="$(find "$corpus" -type f | wc -l)"
  mb="$(du -sm --apparent-size "$corpus" | cut -f1)"

  out="$work/polycorpus-${scale}x"
  /usr/bin/time -f '%e %M' -o "$work/time-polycorpus-${scale}x" env POLYCORPUS_DRIVER_MEMORY="$heap" \
    jobs/run-local.sh --input "$corpus" --output "$out" > "$work/log-polycorpus-${scale}x" 2>&1
  read -r wall rss < "$work/time-polycorpus-${scale}x"
  printf '%s\t%s\t%s\tpolycorpus\t%s\t%.2f\t%.1f\t%d\t%s\n' "${scale}x" "$files" "$mb" "$wall" \
    "$(echo "$mb / $wall" | bc -l)" "$(echo "$files / $wall" | bc -l)" "$((rss / 1024))" \
    "$(live_heap_peak "$corpus" "$work/heap-run-${scale}x" "$PWD/$work/gc-live-${scale}x.log")" >> "$results"
  echo "${scale}x polycorpus stages: $(stages_of "$out/manifest.json")" >> "$work/stages.txt"

  ref="$work/reference-${scale}x"
  /usr/bin/time -f '%e %M' -o "$work/time-reference-${scale}x" \
    "$python" jobs/reference/sklearn_pipeline.py "$corpus" "$ref" > "$work/log-reference-${scale}x" 2>&1
  read -r wall rss < "$work/time-reference-${scale}x"
  printf '%s\t%s\t%s\treference\t%s\t%.2f\t%.1f\t%d\t-\n' "${scale}x" "$files" "$mb" "$wall" \
    "$(echo "$mb / $wall" | bc -l)" "$(echo "$files / $wall" | bc -l)" "$((rss / 1024))" >> "$results"
  echo "${scale}x reference stages: $("$python" -c 'import json,sys; s=json.loads(open(sys.argv[1]).read().splitlines()[-1])["stage_seconds"]; print(" ".join(f"{k}={v:.1f}" for k,v in s.items()))' "$work/log-reference-${scale}x")" >> "$work/stages.txt"
done

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM, $(java -version 2>&1 | head -1)"
column -t -s $'\t' "$results"
echo
cat "$work/stages.txt"
echo
echo "wall time, polycorpus / reference:"
awk -F'\t' 'NR > 1 { wall[$1 FS $4] = $5; if (!seen[$1]++) order[++n] = $1 }
  END { for (i = 1; i <= n; i++) printf "  %s  %.2f\n", order[i], wall[order[i] FS "polycorpus"] / wall[order[i] FS "reference"] }' "$results"
