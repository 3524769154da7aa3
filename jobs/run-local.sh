#!/usr/bin/env bash
# Runs polycorpus in Spark local mode, through Spark's own SparkSubmit, as a cluster would.
# With no arguments: reads seeds/ and writes output/. Any polycorpus flag may be added
# (see --help); POLYCORPUS_MASTER (default local[*]) and POLYCORPUS_DRIVER_MEMORY (default 4g)
# set the master and the JVM heap; POLYCORPUS_JAVA_OPTS adds JVM options; POLYCORPUS_EXTRA_CLASSPATH
# adds jars (extra Tika parsers); POLYCORPUS_C1_MAX_MB sets the input size up to which the JVM
# compiles with C1 only (below). The JVM runs the parallel collector unless
# POLYCORPUS_JAVA_OPTS names another (-XX:+UseG1GC). POLYCORPUS_MAIN_CLASS starts another main
# class with the same JVM and Spark settings (jobs/benchmark-warm.sh runs several jobs in one JVM).
set -euo pipefail
cd "$(dirname "$0")/.."
source jobs/build.sh
source jobs/class-archive.sh

# The input, as polycorpus will read it (relative paths from the repository root).
input="seeds/"
for ((i = 1; i <= $#; i++)); do
  case "${!i}" in
    --input) next=$((i + 1)); input="${!next:-}" ;;
    --input=*) input="${!i#--input=}" ;;
  esac
done
# A run of a minute or two keeps the C2 compiler busy with Spark's own machinery (task
# serialisation, closure cleaning, code generation) and ends before that pays off: on the
# benchmark, C1 alone was 5-7 s faster at 12 MB and as fast at 56 MB. Local inputs up to
# POLYCORPUS_C1_MAX_MB (default 100) run on C1 only; larger and remote inputs keep the tiered
# compiler. POLYCORPUS_JAVA_OPTS can override either way.
# Such runs also evaluate Spark's row projections, predicates and orderings as they are rather
# than compiling a class for each with Janino (spark.sql.codegen.factoryMode): compiling, and
# then compiling the compiler, costs a cold JVM more than the few rows each one sees. Three
# alternating pairs at 12 MB: in-job means 28.8 -> 26.6 s, user CPU 46.5 -> 43.0 s; at 56 MB as
# fast (two pairs); the same tables. Whole-stage code generation stays on.
# C1 alone gets a code cache of 48 MB, the tiered compilers 240 MB: a JVM running several jobs
# (jobs/benchmark-warm.sh) filled 48 MB in its fourth run at 12 MB, and the sweeper then threw
# out most compiled code (45 -> 7 MB) for the JIT to compile again, a run of 11-12 s taking 14-22 s.
# The size reserves address space; pages are used as code is compiled.
SMALL_INPUT_OPTS=""
input_path="${input#file:}"
if [ -e "$input_path" ] && [ "$(du -sm --apparent-size "$input_path" | cut -f1)" -le "${POLYCORPUS_C1_MAX_MB:-100}" ]; then
  SMALL_INPUT_OPTS="-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=240m -Dspark.sql.codegen.factoryMode=NO_CODEGEN"
fi

# The driver and the executor share one heap in local mode, and a batch run wants throughput,
# not short pauses: the parallel collector (no G1 write barriers, refinement or concurrent
# marking on the two cores the work needs) took 3.7 to 17.5 s less of a 52-69 s run at 56 MB
# than G1 in four alternating pairs of runs (at 12 MB the two were within this machine's
# noise). A collector chosen in POLYCORPUS_JAVA_OPTS wins.
GC_OPTS="-XX:+UseParallelGC"
if grep -qE '(^| )-XX:\+Use[A-Za-z0-9]*GC( |$)' <<< "${POLYCORPUS_JAVA_OPTS:-}"; then GC_OPTS=""; fi

# The heap starts at up to 2 GiB, and the class metadata may grow to 256 MiB before it triggers
# a collection: growing the heap and reaching the metadata threshold each made the parallel
# collector collect the whole heap (three full collections in a 12 MB run, none with these).
# Three alternating pairs at 12 MB with a 2 GiB heap, in-job: 29.7 / 26.4, 28.2 / 26.6 and
# 29.8 / 24.1 s, user CPU 45-48 -> 38-42 s. Not more than 2 GiB: the young generation is a third
# of the starting heap, and a run touches all of it (a 4 GiB start: 2.6 GB resident for 12 MB).
# POLYCORPUS_JAVA_OPTS comes after and can override both.
heap="${POLYCORPUS_DRIVER_MEMORY:-4g}"
mebibytes() {  # a JVM memory size (4g, 2048m, 1G) in MiB
  local size="${1,,}"
  case "$size" in
    *t) echo $((${size%t} * 1024 * 1024)) ;;
    *g) echo $((${size%g} * 1024)) ;;
    *m) echo "${size%m}" ;;
    *k) echo $((${size%k} / 1024)) ;;
    *) echo $((size / 1024 / 1024)) ;;
  esac
}
initial_heap_mb="$(mebibytes "$heap")"
HEAP_OPTS="-Xms$((initial_heap_mb < 2048 ? initial_heap_mb : 2048))m -XX:MetaspaceSize=256m"

# The job's jar goes on the JVM's classpath, after Spark's (whose classes win, as they do over a
# submitted jar), and SparkSubmit is told its class is there ("spark-internal"): a submitted jar
# is fetched by the local executor over Spark's file server, 66 MB copied in 1.2 s of every
# start, and loaded by a class loader whose classes the class-data archive cannot hold.
# LocalSubmit starts the session's warm-up (Scala's reflection, then the tables the tasks will
# need) on a thread of its own and hands its arguments to SparkSubmit.
# shellcheck disable=SC2086  # the *_OPTS are lists of flags
exec java $SPARK_JVM_OPTS $CLASS_ARCHIVE_OPTS $SMALL_INPUT_OPTS $GC_OPTS $HEAP_OPTS ${POLYCORPUS_JAVA_OPTS:-} -Dlog4j2.configurationFile="$PWD/jobs/log4j2.properties" -Xmx"$heap" \
  -cp "$SPARK_CLASSPATH:$POLYCORPUS_JAR${POLYCORPUS_EXTRA_CLASSPATH:+:$POLYCORPUS_EXTRA_CLASSPATH}" \
  org.polycorpus.app.LocalSubmit \
  --master "${POLYCORPUS_MASTER:-local[*]}" \
  --conf spark.ui.showConsoleProgress=true \
  --class "${POLYCORPUS_MAIN_CLASS:-org.polycorpus.app.PolycorpusMain}" \
  spark-internal "$@"
