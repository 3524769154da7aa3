#!/usr/bin/env bash
# Submits polycorpus to a cluster with spark-submit.
#   jobs/submit.sh jobs/conf/standalone.conf --input hdfs:///corpus --output hdfs:///polycorpus/out
# The first argument is a spark-submit properties file (master, deploy mode, executor sizes,
# event logs); every further argument goes to polycorpus (see jobs/run-local.sh --help).
# spark-submit comes from $SPARK_HOME/bin, else from the PATH.
set -euo pipefail
if [ $# -lt 1 ] || [ ! -f "$1" ]; then
  echo "usage: jobs/submit.sh <properties-file> [polycorpus flags]" >&2
  exit 2
fi
properties="$1"
shift
cd "$(dirname "$0")/.."
source jobs/build.sh

submit="${SPARK_HOME:+$SPARK_HOME/bin/}spark-submit"
exec "$submit" \
  --properties-file "$properties" \
  --files "$PWD/jobs/log4j2.properties" \
  --driver-java-options "-Dlog4j2.configurationFile=$PWD/jobs/log4j2.properties" \
  --class org.polycorpus.app.PolycorpusMain \
  "$POLYCORPUS_JAR" "$@"
