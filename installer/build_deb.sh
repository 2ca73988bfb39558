#!/usr/bin/env bash
# Build the .deb for UOS/Kylin and other Debian-family desktops from the PyInstaller bundle.
#   installer/build_deb.sh dist/lcregulator VERSION OUTDIR
set -euo pipefail
bundle=$1; version=$2; out=$3
arch=$(dpkg --print-architecture)
root=$(mktemp -d)
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
         "$root/usr/share/icons/hicolor/scalable/apps"
cp -a "$bundle" "$root/opt/lcregulator"
ln -s /opt/lcregulator/lcregulator "$root/usr/bin/lcregulator"
cp "$(dirname "$0")/lcregulator.desktop" "$root/usr/share/applications/lcregulator.desktop"
cp "$(dirname "$0")/../resources/icons/lcregulator.svg" "$root/usr/share/icons/hicolor/scalable/apps/lcregulator.svg"
size=$(du -sk "$root/opt" | cut -f1)
cat > "$root/DEBIAN/control" <<CONTROL
Package: lcregulator
Version: $version
Section: misc
Priority: optional
Architecture: $arch
Installed-Size: $size
Depends: libegl1, libgl1, libfontconfig1, libglib2.0-0, libdbus-1-3, libxkbcommon0, libxkbcommon-x11-0, libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-render-util0, libxcb-shape0, libxcb-xkb1, fonts-arphic-uming, fonts-arphic-ukai, fonts-wqy-zenhei, fonts-hanazono
Maintainer: lcregulator developers <lcregulator@localhost>
Description: 直播电商监管执法办案系统 (live-commerce enforcement case management)
 Case management for market-supervision officers under the 直播电商监督管理办法:
 cases, jurisdiction, penalties, deadlines, summonses, referrals and documents.
 Data stays in each user's data folder and survives upgrades and removal.
CONTROL
mkdir -p "$out"
dpkg-deb --root-owner-group --build "$root" "$out/lcregulator_${version}_${arch}.deb"
rm -rf "$root"
