#!/usr/bin/env bash
# Installs guidecheck's Debian packages (only those missing) and builds the
# release preset. Safe to run again: both steps are incremental.
set -euo pipefail
cd "$(dirname "$0")"

packages=(
  cmake ninja-build g++ pkg-config            # build
  python3-dev pybind11-dev                    # embedded CPython
  libspdlog-dev libfmt-dev libcli11-dev nlohmann-json3-dev libtomlplusplus-dev libdtl-dev libre2-dev libxxhash-dev
  libcmark-dev python3-docutils               # Markdown and reST guides
  libgtest-dev libgmock-dev                   # unit tests
  procps diffutils patch libxml2-utils git    # end-to-end tests: pgrep, diff, xmllint, git status
)
# What the bundled guide's samples import: kept in one list, beside the guide.
while read -r package _; do
  [[ -z $package || $package == \#* ]] || packages+=("$package")
done <guide/debian-packages.txt
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "setup.sh: missing Debian packages; run as root or: sudo apt-get install ${missing[*]}" >&2
    exit 2
  fi
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

cmake --preset release >/dev/null
cmake --build --preset release
