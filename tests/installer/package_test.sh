#!/usr/bin/env bash
# Builds the .deb and the .tar.gz with CPack, unpacks each into a scratch root (no root rights, no
# dpkg database touched) and runs the packaged binary from there: --version and a report.
# Usage: package_test.sh BUILD_DIR VERSION
set -euo pipefail
build=$1
version=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "package test: $*" >&2; exit 1; }

(cd "$build" && cpack -B "$scratch/out" >"$scratch/cpack.log" 2>&1) || { cat "$scratch/cpack.log" >&2; fail "cpack failed"; }
deb="$scratch/out/computeledger-$version-Linux-x86_64.deb"
tgz="$scratch/out/computeledger-$version-Linux-x86_64.tar.gz"
[[ -f $deb ]] || fail "no $deb"
[[ -f $tgz ]] || fail "no $tgz"

# The package declares what it needs from Debian.
depends=$(dpkg-deb -f "$deb" Depends)
for needed in libqt6charts6 libqt6widgets6 libxlsxwriter libqt6sql6-sqlite qt6-qpa-plugins; do
  [[ $depends == *"$needed"* ]] || fail "Depends lacks $needed: $depends"
done
[[ $(dpkg-deb -f "$deb" Version) == "$version" ]] || fail "version is not $version"

check_root() {
  local root=$1 what=$2
  for f in usr/bin/computeledger usr/share/applications/computeledger.desktop \
           usr/share/mime/packages/computeledger.xml usr/share/icons/hicolor/scalable/apps/computeledger.svg \
           usr/share/icons/hicolor/48x48/apps/computeledger.png usr/share/icons/hicolor/256x256/apps/computeledger.png \
           usr/share/computeledger/examples/meta-coreweave.json usr/share/doc/computeledger/README.md; do
    [[ -e $root/$f ]] || fail "$what: $f is missing"
  done
  grep -q '^MimeType=application/x-computeledger;$' "$root/usr/share/applications/computeledger.desktop" \
    || fail "$what: the desktop entry does not open .cledger files"
  grep -q 'pattern="\*.cledger"' "$root/usr/share/mime/packages/computeledger.xml" \
    || fail "$what: the MIME type does not match *.cledger"
  local out
  out=$(env -u DISPLAY -u WAYLAND_DISPLAY "$root/usr/bin/computeledger" --version)
  [[ $out == "computeledger $version" ]] || fail "$what: --version printed '$out'"
  env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$root/usr/bin/computeledger" report \
    "$root/usr/share/computeledger/examples/meta-coreweave.json" \
    --pdf "$scratch/$what.pdf" --csv "$scratch/$what-csv" --xlsx "$scratch/$what.xlsx" \
    || fail "$what: report failed"
  [[ $(head -c 5 "$scratch/$what.pdf") == "%PDF-" ]] || fail "$what: the report is not a PDF"
  [[ -s $scratch/$what-csv/annual_summary.csv ]] || fail "$what: no annual_summary.csv"
  echo "package test: $what OK"
}

mkdir "$scratch/deb-root" "$scratch/tgz-root"
dpkg-deb -x "$deb" "$scratch/deb-root"
check_root "$scratch/deb-root" deb
tar -xzf "$tgz" -C "$scratch/tgz-root"
# The tarball holds the same tree under its own top folder, with the /usr prefix inside.
tgz_root=$(find "$scratch/tgz-root" -path '*/usr/bin/computeledger' | sed 's|/usr/bin/computeledger$||')
[[ -n $tgz_root ]] || fail "tar.gz: no usr/bin/computeledger inside"
check_root "$tgz_root" tgz
