#!/usr/bin/env bash
# Build dist/Voice-Studio-<version>-macos-<arch>.dmg from dist/Voice Studio.app (macOS only).
#
#   packaging/macos/make_dmg.sh [--skip-build]
#
# Without --skip-build (or when the .app is missing) it first runs `$PYTHON packaging/build.py`
# (PYTHON defaults to python3), whose spec makes the .app bundle on macOS (BUNDLE: icon, bundle
# identifier, microphone usage text). `python packaging/build.py --installer` calls this script.
#
# Signing (optional): VOICE_STUDIO_CODESIGN_IDENTITY="Developer ID Application: NAME (TEAMID)"
# signs the app with the hardened runtime and packaging/macos/entitlements.plist (override with
# VOICE_STUDIO_ENTITLEMENTS), verifies it, and signs the dmg. Unsigned, Gatekeeper warns on first
# start (right-click > Open).
#
# Notarization (optional, needs an Apple developer account): store credentials once with
#   xcrun notarytool store-credentials voice-studio --apple-id ID --team-id TEAMID
# and set VOICE_STUDIO_NOTARY_PROFILE=voice-studio: the dmg is submitted, waited for and stapled.
set -euo pipefail

if [ "$(uname -s)" != Darwin ]; then
	echo "make_dmg.sh: runs on macOS only (it needs hdiutil and codesign)" >&2
	exit 2
fi
cd "$(dirname "$0")/../.."

skip_build=0
case "${1:-}" in
--skip-build) skip_build=1 ;;
"") ;;
*)
	echo "usage: $0 [--skip-build]" >&2
	exit 2
	;;
esac

app="dist/Voice Studio.app"
if [ "$skip_build" = 0 ] || [ ! -d "$app" ]; then
	"${PYTHON:-python3}" packaging/build.py
fi
[ -d "$app" ] || {
	echo "make_dmg.sh: $app was not built" >&2
	exit 1
}

version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' studio/__init__.py)
arch=$(uname -m)
[ "$arch" = aarch64 ] && arch=arm64
dmg="dist/Voice-Studio-$version-macos-$arch.dmg"
identity=${VOICE_STUDIO_CODESIGN_IDENTITY:-}

if [ -n "$identity" ]; then
	entitlements=${VOICE_STUDIO_ENTITLEMENTS:-packaging/macos/entitlements.plist}
	codesign --force --deep --options runtime --timestamp --entitlements "$entitlements" \
		--sign "$identity" "$app"
	codesign --verify --deep --strict --verbose=2 "$app"
else
	echo "note: VOICE_STUDIO_CODESIGN_IDENTITY is not set; the app and dmg are not signed"
fi

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
ditto "$app" "$staging/Voice Studio.app"
ln -s /Applications "$staging/Applications"
rm -f "$dmg"
hdiutil create -volname "Voice Studio" -srcfolder "$staging" -fs HFS+ -format UDZO -ov "$dmg"

if [ -n "$identity" ]; then
	codesign --force --timestamp --sign "$identity" "$dmg"
fi
if [ -n "${VOICE_STUDIO_NOTARY_PROFILE:-}" ]; then
	xcrun notarytool submit "$dmg" --keychain-profile "$VOICE_STUDIO_NOTARY_PROFILE" --wait
	xcrun stapler staple "$dmg"
fi
echo "wrote $dmg"
