#!/usr/bin/env bash
# Install the Debian/Ubuntu packages fugi needs (Tesseract with Japanese, Japanese
# fonts for the sample generator, poppler-utils and qpdf for tests, Chromium to test
# the HTML change report) when any is
# missing. Uses apt-get as root, or sudo; says what to do when neither works.
set -euo pipefail
PKGS=(tesseract-ocr tesseract-ocr-jpn poppler-utils qpdf
      fonts-ipafont-gothic fonts-ipafont-mincho fonts-ipaexfont-gothic fonts-ipaexfont-mincho
      fonts-noto-cjk chromium)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "fugi: installing system packages: ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo"
else
  echo "fugi: these system packages are missing: ${missing[*]}" >&2
  echo "      run as root, or ask an administrator to run:" >&2
  echo "      apt-get install -y ${missing[*]}" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "fugi: apt-get not found; install these packages with your system's package manager: ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
