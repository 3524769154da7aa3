#!/usr/bin/env bash
# How much of a local run is the cold JVM's: runs polycorpus RUNS times in one JVM on the
# benchmark's 1x corpus (jobs/WarmRuns.java through jobs/run-local.sh, same JVM and Spark
# settings, the benchmark's heap), then the reference pipeline RUNS times, and prints every
# run's wall seconds and the heap in use after it (collected), and the rest of the JVM's time
# (its start and exit, the collections between runs). From the second run on, the JIT has
# compiled the job's code, and the parse processes the runs before kept have compiled theirs.
#   jobs/benchmark-warm.sh [base-pages-per-language] [runs]   (defaults 15, the benchmark's 1x, and 3)
set -euo pipefail
cd "$(dirname "$0")/.."
base="${1:-15}"
runs="${2:-3}"
source jobs/benchmark-setup.sh  # $heap, $work, $python; the jar and class archive built
corpus="$work/corpus-${base}-pages"
jobs/make-corpus.sh "$base" "$corpus" 2>/dev/null
javac -d target/warm-runs -cp "$POLYCORPUS_JAR" jobs/WarmRuns.java

rm -rf "$work/warm" "$work/warm-reference"
echo "corpus: $(find "$corpus" -type f | wc -l) files, $(du -sm --apparent-size "$corpus" | cut -f1) MB"
/usr/bin/time -f '%e' -o "$work/time-warm" \
  env POLYCORPUS_DRIVER_MEMORY="$heap" POLYCORPUS_MAIN_CLASS=WarmRuns \
  POLYCORPUS_EXTRA_CLASSPATH=target/warm-runs POLYCORPUS_WARM_RUNS="$runs" \
  jobs/run-local.sh --input "$corpus" --output "$work/warm" > "$work/log-warm" 2>&1
grep '^warm-runs:' "$work/log-warm" | sed 's/^warm-runs: /polycorpus /'
awk -v total="$(cat "$work/time-warm")" '
  /^warm-runs:/ { for (i = 1; i < NF; i++) if ($i == "JVM:") runs += $(i + 1) }
  END { printf "polycorpus JVM start, exit and collections between runs: %.1f s\n", total - runs }
' "$work/log-warm"
for ((run = 1; run <= runs; run++)); do
  /usr/bin/time -f '%e' -o "$work/time-warm-reference" \
    "$python" jobs/reference/sklearn_pipeline.py "$corpus" "$work/warm-reference" > /dev/null 2>&1
  echo "reference run $run, a process of its own: $(cat "$work/time-warm-reference") s"
  rm -rf "$work/warm-reference"
done
