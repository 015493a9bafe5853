#!/bin/sh
# Make the macOS disk image: CrisisDraft.app next to a link to /Applications, so that a
# user opens the .dmg and drags the app onto the link (no installer, no admin rights:
# a user without them can drag it into ~/Applications instead).
#
#   packaging/macos/make_dmg.sh dist/CrisisDraft.app 0.1.0 [OUT_DIR]
#
# writes OUT_DIR/CrisisDraft-0.1.0-macos.dmg (OUT_DIR: the app's folder by default).
# Run by .github/workflows/release.yml on macOS after packaging/build.py.
set -eu

app=${1:?usage: make_dmg.sh PATH/CrisisDraft.app VERSION [OUT_DIR]}
version=${2:?usage: make_dmg.sh PATH/CrisisDraft.app VERSION [OUT_DIR]}
out=${3:-$(dirname "$app")}
[ -d "$app/Contents/MacOS" ] || { echo "make_dmg.sh: $app is not an app bundle" >&2; exit 1; }

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
# ditto copies a bundle as the Finder does: symlinks, extended attributes, signature.
ditto "$app" "$staging/CrisisDraft.app"
ln -s /Applications "$staging/Applications"

dmg="$out/CrisisDraft-$version-macos.dmg"
# UDZO: zlib-compressed and read-only, opened by every supported macOS; HFS+ likewise.
# hdiutil sometimes fails with "Resource busy" on CI machines (a known race with the
# disk arbitration service, actions/runner-images#7522): try again a few times.
attempt=1
until hdiutil create -volname "CrisisDraft $version" -srcfolder "$staging" \
        -fs HFS+ -format UDZO -ov "$dmg"; do
    if [ "$attempt" -ge 5 ]; then
        echo "make_dmg.sh: hdiutil failed $attempt times" >&2
        exit 1
    fi
    attempt=$((attempt + 1))
    sleep $((attempt * 5))
done
hdiutil verify "$dmg"
echo "Wrote $dmg"
