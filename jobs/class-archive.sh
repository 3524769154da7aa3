#!/usr/bin/env bash
# Sourced after jobs/build.sh by the scripts that start a local run: sets CLASS_ARCHIVE_OPTS, the
# JVM options that map a class-data archive (AppCDS) of the classes a local run loads. Spark,
# Hadoop, Scala and the SQL planner then load from it rather than from jars: a run on seeds/
# starts and warms up some 5 s sooner. The archive is recorded once per build, by
# jobs/run-local.sh on seeds/ into a scratch folder under target/. A JVM that cannot map it
# (another JDK or classpath) runs without it.
set -euo pipefail
archive_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
class_archive="$archive_root/target/polycorpus-classes.jsa"
# The same for the parse processes' start, recorded by org.polycorpus.ingest.ParseClassArchive:
# the process ForkedParser starts, sent no file, builds Tika's parsers and exits.
parse_archive="$archive_root/target/polycorpus-parse-classes.jsa"
CLASS_ARCHIVE_OPTS=""

# Moves a recorded archive ($1) in place ($2), or leaves $2 empty if the recording failed (its
# exit status, $3, or no archive): an empty archive is not retried until the next build, and
# runs start without it.
keep_archive() {
  if [ "$3" = 0 ] && [ -s "$1" ]; then
    mv "$1" "$2"
  else
    echo "No class archive $(basename "$2") (see target/class-archive.log): runs start without it." >&2
    rm -f "$2"
    : > "$2"
  fi
}

if [ -n "${POLYCORPUS_RECORDING_CLASSES:-}" ]; then
  :  # this is the recording run: it writes the archive and cannot map one too
elif [ ! -f "$class_archive" ] || [ ! -f "$parse_archive" ] || [ "$POLYCORPUS_JAR" -nt "$class_archive" ] \
    || [ "$archive_root/target/spark-classpath.txt" -nt "$class_archive" ]; then
  echo "Recording the classes a local run loads (once per build) ..." >&2
  scratch="$(mktemp -d "$archive_root/target/class-archive.XXXXXX")"
  # Spark's classpath alone: a run's extra jars come after it, which the archive allows.
  recorded=0
  POLYCORPUS_RECORDING_CLASSES=1 POLYCORPUS_EXTRA_CLASSPATH="" \
    POLYCORPUS_JAVA_OPTS="-XX:ArchiveClassesAtExit=$scratch/classes.jsa" \
    "$archive_root/jobs/run-local.sh" --input "$archive_root/seeds" --output "$scratch/run" \
    > "$archive_root/target/class-archive.log" 2>&1 || recorded=$?
  keep_archive "$scratch/classes.jsa" "$class_archive" "$recorded"
  recorded=0
  java -cp "$POLYCORPUS_JAR:$SPARK_CLASSPATH" org.polycorpus.ingest.ParseClassArchive "$scratch/parse-classes.jsa" \
    >> "$archive_root/target/class-archive.log" 2>&1 || recorded=$?
  keep_archive "$scratch/parse-classes.jsa" "$parse_archive" "$recorded"
  rm -rf "$scratch"
fi
if [ -z "${POLYCORPUS_RECORDING_CLASSES:-}" ]; then
  if [ -s "$class_archive" ]; then
    CLASS_ARCHIVE_OPTS="-XX:SharedArchiveFile=$class_archive -Xlog:cds=off -Xlog:cds+dynamic=off"
  fi
  if [ -s "$parse_archive" ]; then
    CLASS_ARCHIVE_OPTS="$CLASS_ARCHIVE_OPTS -Dpolycorpus.parseClassArchive=$parse_archive"
  fi
fi
export CLASS_ARCHIVE_OPTS
