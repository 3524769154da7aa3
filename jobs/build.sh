#!/usr/bin/env bash
# Builds what the scripts in jobs/ need, only when it is missing or older than the sources:
#   target/polycorpus-<version>-all.jar   the shaded jar spark-submit takes
#   target/spark-classpath.txt            the jars of a Spark distribution (from Maven; signed
#                                         ones as unsigned copies in target/unsigned-jars/)
# Sourced by the other scripts; sets POLYCORPUS_JAR, SPARK_CLASSPATH and SPARK_JVM_OPTS.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

pom_property() {
  sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$root/pom.xml" | head -n 1
}

version="$(sed -n '0,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml")"
POLYCORPUS_JAR="$root/target/polycorpus-$version-all.jar"
SPARK_JVM_OPTS="$(pom_property spark.jvm.opens)"

if [ ! -f "$POLYCORPUS_JAR" ] || [ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$POLYCORPUS_JAR" -print -quit)" ]; then
  echo "Building $POLYCORPUS_JAR ..." >&2
  (cd "$root" && mvn -B -q package -DskipTests) >&2
fi

classpath_file="$root/target/spark-classpath.txt"
if [ ! -f "$classpath_file" ] || [ "$root/pom.xml" -nt "$classpath_file" ]; then
  echo "Resolving the Spark $(pom_property spark.version) runtime ..." >&2
  mvn -B -q -f "$root/jobs/spark-runtime/pom.xml" dependency:build-classpath \
    -Dspark.version="$(pom_property spark.version)" -Dmdep.outputFile="$classpath_file" >&2
  # Signed jars (Spark's code generator, Janino) replaced by unsigned copies: loading a signed
  # jar's classes checks each one's digest, and the class-data archive skips them.
  java "$root/jobs/UnsignedJars.java" "$classpath_file" "$root/target/unsigned-jars"
  # The plugin leaves an unchanged file untouched: mark it fresh, or every run resolves again.
  touch "$classpath_file"
fi
SPARK_CLASSPATH="$(cat "$classpath_file")"
export POLYCORPUS_JAR SPARK_CLASSPATH SPARK_JVM_OPTS
