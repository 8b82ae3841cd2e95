#!/usr/bin/env bash
# Installs every system package clipgen builds, runs and tests with (Debian bookworm).
# Idempotent: apt skips what is already there. Works as root or through sudo.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build pkg-config git ccache
  # media
  libavformat-dev libavcodec-dev libavfilter-dev libavutil-dev libswscale-dev libswresample-dev
  libass-dev fonts-dejavu-core ffmpeg
  # speech
  libpocketsphinx-dev libsphinxbase-dev pocketsphinx-en-us pocketsphinx-testdata
  # faces
  libopencv-dev opencv-data
  # service (Beast and Asio come with libboost1.81-dev; Boost.URL's library is its own package)
  libcurl4-openssl-dev libssl-dev libsoci-dev libboost1.81-dev libboost-url1.81-dev libsqlite3-dev libpq-dev
  libsodium-dev libjwt-dev nlohmann-json3-dev libspdlog-dev libfmt-dev libcli11-dev
  libicu-dev libcrack2-dev cracklib-runtime
  # tests and benchmarks (cpp-httplib: the tests' HTTP clients and fake servers; the seed's
  # FastAPI stack for bench/api)
  libgtest-dev libgmock-dev libbenchmark-dev libcpp-httplib-dev
  postgresql sqlite3 curl python3-boto3 awscli wrk bc
  python3-fastapi python3-uvicorn python3-jwt python3-multipart python3-cryptography
  # fuzzing (libFuzzer from Debian's clang)
  clang-14 libclang-rt-14-dev libfuzzer-14-dev
  # browser tests (node + npm come from the machine, or from Debian below)
  chromium
)

missing=()
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
