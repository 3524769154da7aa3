#!/usr/bin/env bash
# Runs polycorpus in Spark local mode, through Spark's own SparkSubmit, as a cluster would.
# With no arguments: reads seeds/ and writes output/. Any polycorpus flag may be added
# (see --help); POLYCORPUS_MASTER (default local[*]) and POLYCORPUS_DRIVER_MEMORY (default 4g)
# set the master and the JVM heap; POLYCORPUS_JAVA_OPTS adds JVM options; POLYCORPUS_EXTRA_CLASSPATH
# adds jars (extra Tika parsers).
set -euo pipefail
cd "$(dirname "$0")/.."
source jobs/build.sh
source jobs/class-archive.sh

# shellcheck disable=SC2086  # the *_OPTS are lists of flags
exec java $SPARK_JVM_OPTS $CLASS_ARCHIVE_OPTS ${POLYCORPUS_JAVA_OPTS:-} -Dlog4j2.configurationFile="$PWD/jobs/log4j2.properties" -Xmx"${POLYCORPUS_DRIVER_MEMORY:-4g}" \
  -cp "$SPARK_CLASSPATH${POLYCORPUS_EXTRA_CLASSPATH:+:$POLYCORPUS_EXTRA_CLASSPATH}" \
  org.apache.spark.deploy.SparkSubmit \
  --master "${POLYCORPUS_MASTER:-local[*]}" \
  --conf spark.ui.showConsoleProgress=true \
  --class org.polycorpus.app.PolycorpusMain \
  "$POLYCORPUS_JAR" "$@"
