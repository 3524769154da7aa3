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

if [ -n "${POLYCORPUS_RECORDING_CLASSES:-}" ]; then
  :  # this is the recording run: it writes the archive and cannot map one too
elif [ ! -f "$class_archive" ] || [ ! -f "$parse_archive" ] || [ "$POLYCORPUS_JAR" -nt "$class_archive" ] \
    || [ "$archive_root/target/spark-classpath.txt" -nt "$class_archive" ]; then
  echo "Recording the classes a local run loads (once per build) ..." >&2
  scratch="$(mktemp -d "$archive_root/target/class-archive.XXXXXX")"
  # Spark's classpath alone: a run's extra jars come after it, which the archive allows.
  if POLYCORPUS_RECORDING_CLASSES=1 POLYCORPUS_EXTRA_CLASSPATH="" \
      POLYCORPUS_JAVA_OPTS="-XX:ArchiveClassesAtExit=$scratch/classes.jsa" \
      "$archive_root/jobs/run-local.sh" --input "$archive_root/seeds" --output "$scratch/run" \
      > "$archive_root/target/class-archive.log" 2>&1 && [ -s "$scratch/classes.jsa" ]; then
    mv "$scratch/classes.jsa" "$class_archive"
  else
    echo "No class archive (see target/class-archive.log): runs start without it." >&2
    rm -f "$class_archive"
    : > "$class_archive"  # empty: not retried until the next build
  fi
  if java -cp "$POLYCORPUS_JAR:$SPARK_CLASSPATH" org.polycorpus.ingest.ParseClassArchive "$scratch/parse-classes.jsa" \
      >> "$archive_root/target/class-archive.log" 2>&1 && [ -s "$scratch/parse-classes.jsa" ]; then
    mv "$scratch/parse-classes.jsa" "$parse_archive"
  else
    rm -f "$parse_archive"
    : > "$parse_archive"
  fi
  rm -rf "$scratch"
fi
if [ -z "${POLYCORPUS_RECORDING_CLASSES:-}" ] && [ -s "$class_archive" ]; then
  CLASS_ARCHIVE_OPTS="-XX:SharedArchiveFile=$class_archive -Xlog:cds=off -Xlog:cds+dynamic=off"
fi
if [ -z "${POLYCORPUS_RECORDING_CLASSES:-}" ] && [ -s "$parse_archive" ]; then
  CLASS_ARCHIVE_OPTS="$CLASS_ARCHIVE_OPTS -Dpolycorpus.parseClassArchive=$parse_archive"
fi
export CLASS_ARCHIVE_OPTS
