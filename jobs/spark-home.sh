#!/usr/bin/env bash
# Assembles target/spark-home: a SPARK_HOME made of the Spark jars Maven resolves (symlinks)
# and a RELEASE file, which Spark's standalone Master and Worker need to launch executors.
# Prints its path. Start a cluster from it with, for example:
#   SPARK_HOME=target/spark-home SPARK_SCALA_VERSION=2.13 java -cp 'target/spark-home/jars/*' \
#     <the --add-opens flags of pom.xml> org.apache.spark.deploy.master.Master --host 127.0.0.1
set -euo pipefail
cd "$(dirname "$0")/.."
source jobs/build.sh

home="$PWD/target/spark-home"
rm -rf "$home"
mkdir -p "$home/jars" "$home/conf"
IFS=: read -r -a jars <<< "$SPARK_CLASSPATH"
for jar in "${jars[@]}"; do
  ln -s "$jar" "$home/jars/"
done
echo "Spark $(pom_property spark.version) built for Scala 2.13 (jars resolved from Maven)" > "$home/RELEASE"
cp jobs/log4j2.properties "$home/conf/log4j2.properties"
echo "$home"
