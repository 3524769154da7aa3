# Sourced from the repository's root by the benchmarks against the reference pipeline
# (benchmark.sh, benchmark-warm.sh): their work folder, polycorpus's heap, Debian's Python 3 with
# the reference's packages, and the job's jar and class-data archive, built and recorded before
# any timed run.
heap="${POLYCORPUS_DRIVER_MEMORY:-2g}"
work="target/benchmark"
mkdir -p "$work"
# Debian's Python, where apt installs the packages (a pyenv or venv python3 may come first on PATH).
python=/usr/bin/python3
if ! "$python" -c "import sklearn, langdetect, bs4, pandas" 2>/dev/null; then
  echo "Installing the reference pipeline's Python packages ..." >&2
  export DEBIAN_FRONTEND=noninteractive
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get install -y -qq --no-install-recommends python3-sklearn python3-langdetect python3-bs4 \
    python3-pandas >/dev/null 2>&1 || { $sudo apt-get update -qq && $sudo apt-get install -y -qq \
    --no-install-recommends python3-sklearn python3-langdetect python3-bs4 python3-pandas >/dev/null; }
fi
source jobs/build.sh >/dev/null
source jobs/class-archive.sh
