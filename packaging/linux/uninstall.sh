#!/bin/sh
# Remove the Voice Studio installed in this folder by install.sh: the menu entry, icons and
# command link listed in .install-manifest, then this folder (the app and its CUDA runtime layer).
# Voices, takes, settings and downloaded models live in your data folders and are kept.
set -eu

dir=$(cd "$(dirname "$0")" && pwd)
if [ ! -f "$dir/.voice-studio-install" ] || [ ! -d "$dir/_internal" ]; then
	echo "uninstall.sh: error: $dir is not a Voice Studio install folder" >&2
	exit 1
fi

if [ -f "$dir/.install-manifest" ]; then
	while IFS= read -r path; do
		case "$path" in
		*/voice-studio.png | */voice-studio.svg | */voice-studio.desktop) rm -f "$path" ;;
		*/voice-studio)
			# the command link, only while it still points here
			if [ -L "$path" ] && [ "$(readlink "$path")" = "$dir/voice-studio" ]; then rm -f "$path"; fi
			;;
		esac
	done <"$dir/.install-manifest"
fi

data=${XDG_DATA_HOME:-$HOME/.local/share}
if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q "$data/applications" || true; fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$data/icons/hicolor/index.theme" ]; then
	gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
fi

cd /
rm -rf "$dir"
echo "Voice Studio removed from $dir"
