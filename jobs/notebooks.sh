#!/usr/bin/env bash
# Opens notebooks/ in Jupyter with the JJava kernel. Builds the jar and target/spark-home, which
# the notebooks' %jars magic loads, and gives the kernel's JVM the options Spark needs on Java 17.
#   jobs/notebooks.sh [jupyter notebook options]
set -euo pipefail
cd "$(dirname "$0")/.."
jobs/spark-home.sh >/dev/null
source jobs/build.sh
if ! jupyter kernelspec list 2>/dev/null | grep -qw java; then
  echo "The JJava kernel is not installed: see notebooks/README.md" >&2
  exit 1
fi
[ -f output/_SUCCESS ] || echo "No finished run in output/ yet: run ./jobs/run-local.sh first" >&2
export JJAVA_JVM_OPTS="${JJAVA_JVM_OPTS:-} $SPARK_JVM_OPTS"
exec jupyter notebook --notebook-dir=notebooks "$@"
