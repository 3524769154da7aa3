#!/usr/bin/env bash
# Runs polycorpus on the adversarial corpus of the tests (zip bomb, XML entity attacks, a 50 MB
# token, parsers that hang, throw, run out of memory or exit, encodings, links ...) and prints
# the wall time, the peak RSS of the job's JVM (each parse process has its own heap,
# --parse-heap), and the documents per status.
set -euo pipefail
cd "$(dirname "$0")/.."
work="target/benchmark-hostile"
rm -rf "$work"
mkdir -p "$work"
mvn -B -q test-compile >&2
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/test-classpath.txt" >&2
# The corpus generator is test code; the tika-core test jar's MockParser makes parsers misbehave.
test_cp="target/test-classes:target/classes:$(cat "$work/test-classpath.txt")"
java -cp "$test_cp" org.polycorpus.ingest.AdversarialCorpus "$work" > "$work/expected.tsv"
source jobs/build.sh >/dev/null

# The job runs with the test classpath added, so parse processes can load the MockParser.
/usr/bin/time -f '%e %M' -o "$work/time" env POLYCORPUS_EXTRA_CLASSPATH="$test_cp" \
  jobs/run-local.sh --input "$work/input" --output "$work/out" --parse-timeout 15 > "$work/log" 2>&1
read -r wall rss < "$work/time"
echo "files: $(wc -l < "$work/expected.tsv"), $(du -sh "$work/input" | cut -f1) on disk"
echo "wall time: ${wall} s, peak RSS of the job's JVM: $((rss / 1024)) MB"
echo "documents per status:"
sed -n '/documents by language and status/,/clusters per language/p' "$work/log" | sed '1d;$d' \
  | awk '{count[$2] += $3} END {for (s in count) printf "  %-14s %d\n", s, count[s]}' | sort
