#!/usr/bin/env bash
# polycorpus against the single-machine pipeline a user would otherwise write
# (jobs/reference/sklearn_pipeline.py: BeautifulSoup, langdetect, scikit-learn TF-IDF and
# k-means with a silhouette sweep), on the same multilingual corpus at 1x, 4x and 8x.
# The corpus is the Debian Administrator's Handbook (26 languages, HTML; jobs/make-corpus.sh):
# BASE pages per language at 1x, 4*BASE and 8*BASE at the larger sizes, distinct pages each.
# Each system runs cold (a new process), polycorpus in local[*] with a fixed heap. Each size is
# run ROUNDS times, polycorpus then the reference: this machine's speed drifts by a fifth within
# an hour, and a pair run back to back sees the same machine.
#   jobs/benchmark.sh [base-pages-per-language] [rounds]   (defaults 15, 390 files at 1x, and 3)
# Prints each round's wall times and ratio; then, per size and system, the median wall time,
# throughput, the largest peak RSS, stage seconds; and the median of the rounds' ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
base="${1:-15}"
rounds="${2:-3}"
source jobs/benchmark-setup.sh  # $heap, $work, $python; the jar and class archive built

# The stage_seconds of the JSON object on stdin (polycorpus's manifest.json, the reference's
# last log line), one "name=seconds" per stage.
stages_of() {
  "$python" -c 'import json,sys; s=json.load(sys.stdin)["stage_seconds"]; print(" ".join(f"{k}={v:.1f}" for k,v in s.items()))'
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
runs="$work/rounds.tsv"
: > "$work/stages.txt"
printf 'scale\tround\tsystem\twall_s\tpeak_rss_MB\n' > "$runs"
# Runs system $1 (polycorpus or reference) on corpus $2, round $3 of scale $4: a row in rounds.tsv.
timed_run() {
  local system="$1" corpus="$2" round="$3" scale="$4" name="$1-$4x-$3" wall rss
  rm -rf "$work/$name"
  if [ "$system" = polycorpus ]; then
    /usr/bin/time -f '%e %M' -o "$work/time-$name" env POLYCORPUS_DRIVER_MEMORY="$heap" \
      jobs/run-local.sh --input "$corpus" --output "$work/$name" > "$work/log-$name" 2>&1
    echo "${scale}x round $round polycorpus stages: $(stages_of < "$work/$name/manifest.json")" >> "$work/stages.txt"
  else
    /usr/bin/time -f '%e %M' -o "$work/time-$name" \
      "$python" jobs/reference/sklearn_pipeline.py "$corpus" "$work/$name" > "$work/log-$name" 2>&1
    echo "${scale}x round $round reference stages: $(tail -n 1 "$work/log-$name" | stages_of)" >> "$work/stages.txt"
  fi
  read -r wall rss < "$work/time-$name"
  printf '%s\t%s\t%s\t%s\t%d\n' "${scale}x" "$round" "$system" "$wall" "$((rss / 1024))" >> "$runs"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

printf 'scale\tfiles\tMB\tsystem\twall_s\tMB_per_s\tdocs_per_s\tpeak_rss_MB\tpeak_live_heap_MB\n' > "$results"
for scale in 1 4 8; do
  corpus="$work/corpus-${scale}x"
  jobs/make-corpus.sh "$((base * scale))" "$corpus" 2>/dev/null
  files="$(find "$corpus" -type f | wc -l)"
  mb="$(du -sm --apparent-size "$corpus" | cut -f1)"
  for ((round = 1; round <= rounds; round++)); do
    timed_run polycorpus "$corpus" "$round" "$scale"
    timed_run reference "$corpus" "$round" "$scale"
  done
  live="$(live_heap_peak "$corpus" "$work/heap-run-${scale}x" "$PWD/$work/gc-live-${scale}x.log")"
  for system in polycorpus reference; do
    wall="$(awk -F'\t' -v s="${scale}x" -v y="$system" '$1 == s && $3 == y { print $4 }' "$runs" | median)"
    rss="$(awk -F'\t' -v s="${scale}x" -v y="$system" '$1 == s && $3 == y && $5 > m { m = $5 } END { print m }' "$runs")"
    printf '%s\t%s\t%s\t%s\t%s\t%.2f\t%.1f\t%d\t%s\n' "${scale}x" "$files" "$mb" "$system" "$wall" \
      "$(echo "$mb / $wall" | bc -l)" "$(echo "$files / $wall" | bc -l)" "$rss" \
      "$([ "$system" = polycorpus ] && echo "$live" || echo -)" >> "$results"
  done
done

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM, $(java -version 2>&1 | head -1)"
column -t -s $'\t' "$results"
echo
cat "$work/stages.txt"
echo
# Each round's polycorpus and reference wall seconds and their ratio, in the order run.
awk -F'\t' 'NR > 1 { wall[$1 FS $2 FS $3] = $4; if (!seen[$1 FS $2]++) order[++n] = $1 FS $2 }
  END { for (i = 1; i <= n; i++) { p = wall[order[i] FS "polycorpus"]; r = wall[order[i] FS "reference"]
    print order[i] FS p FS r FS p / r } }' "$runs" > "$work/ratios.tsv"
echo "each round, polycorpus / reference wall seconds:"
awk -F'\t' '{ printf "  %s round %s  %.1f / %.1f = %.2f\n", $1, $2, $3, $4, $5 }' "$work/ratios.tsv"
echo "median of the rounds' ratios:"
for scale in 1 4 8; do
  printf '  %sx  %.2f\n' "$scale" "$(awk -F'\t' -v s="${scale}x" '$1 == s { print $5 }' "$work/ratios.tsv" | median)"
done
