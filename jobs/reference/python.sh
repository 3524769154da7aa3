# Sourced by the benchmarks: sets $python to Debian's Python 3, where apt installs the reference
# pipeline's packages (a pyenv or venv python3 may come first on PATH), and installs them with
# apt-get when they are missing.
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
