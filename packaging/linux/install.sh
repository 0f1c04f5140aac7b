#!/bin/sh
# Install Voice Studio from this unpacked folder, for the current user (no root needed).
#
#   ./install.sh [--prefix DIR] [--cuda-runtime ARCHIVE]
#
# The app goes to DIR (default ~/.local/opt/voice-studio); the menu entry and the icons go to
# ${XDG_DATA_HOME:-~/.local/share}/applications and .../icons/hicolor, and a `voice-studio`
# command link to ~/.local/bin. Everything written outside DIR is listed in DIR/.install-manifest,
# which DIR/uninstall.sh reads to remove it again.
#
# The CUDA runtime layer (DIR/cuda-runtime, shipped as its own archive) is taken from, in order:
# --cuda-runtime ARCHIVE; a cuda-runtime/ folder unpacked into this folder; the layer archive
# lying next to this folder; else a matching layer from a previous install is kept.
#
# A system-wide install: sudo XDG_DATA_HOME=/usr/local/share ./install.sh --prefix /opt/voice-studio
set -eu

die() {
	echo "install.sh: error: $*" >&2
	exit 1
}

usage() {
	sed -n '3,4p' "$0" | sed 's/^# *//'
	exit "$1"
}

here=$(cd "$(dirname "$0")" && pwd)
prefix="$HOME/.local/opt/voice-studio"
layer_archive=""
while [ $# -gt 0 ]; do
	case "$1" in
	--prefix)
		[ $# -ge 2 ] || usage 2
		prefix=$2
		shift 2
		;;
	--prefix=*)
		prefix=${1#--prefix=}
		shift
		;;
	--cuda-runtime)
		[ $# -ge 2 ] || usage 2
		layer_archive=$2
		shift 2
		;;
	--cuda-runtime=*)
		layer_archive=${1#--cuda-runtime=}
		shift
		;;
	-h | --help) usage 0 ;;
	*)
		echo "install.sh: unknown argument: $1" >&2
		usage 2
		;;
	esac
done

if [ ! -x "$here/voice-studio" ] || [ ! -d "$here/_internal" ]; then
	die "run install.sh from the unpacked voice-studio folder"
fi
case "$prefix" in
*'"'* | *'`'* | *'$'* | *\\* | *'%'*) die "the install folder may not contain \" \` \$ \\ or %: $prefix" ;;
esac
[ -n "$layer_archive" ] && { [ -f "$layer_archive" ] || die "no such file: $layer_archive"; }
[ -n "$layer_archive" ] && layer_archive=$(cd "$(dirname "$layer_archive")" && pwd)/$(basename "$layer_archive")

# Never overwrite a folder that is not ours.
if [ -d "$prefix" ] && [ ! -f "$prefix/.voice-studio-install" ] && [ -n "$(ls -A "$prefix")" ]; then
	die "$prefix exists and is not a Voice Studio install; choose another --prefix"
fi
created_prefix=0
[ -d "$prefix" ] || created_prefix=1
mkdir -p "$prefix"
prefix=$(cd "$prefix" && pwd)

json_value() { # json_value KEY FILE: a string value from the flat JSON files the build writes
	sed -n "s/.*\"$1\": *\"\\([^\"]*\\)\".*/\\1/p" "$2" | head -n 1
}
fail() { # fail MESSAGE: undo what this run started, then die
	if [ -n "${staging:-}" ]; then rm -rf "$staging"; fi
	if [ "$created_prefix" = 1 ]; then rmdir "$prefix" 2>/dev/null || true; fi
	die "$1"
}

# 1. The CUDA runtime layer archive, when given or found: unpacked and checked before anything
#    else changes, so a wrong archive leaves a previous install as it was.
runtime_json="$here/_internal/voice_studio_runtime.json"
staging=""
if [ -f "$runtime_json" ]; then
	want_torch=$(json_value torch "$runtime_json")
	archive_name=$(json_value archive "$runtime_json")
	if [ -z "$layer_archive" ] && [ ! -d "$here/cuda-runtime/nvidia" ] && [ -n "$archive_name" ] &&
		[ -f "$here/../$archive_name" ]; then
		layer_archive=$(cd "$here/.." && pwd)/$archive_name
	fi
	if [ -n "$layer_archive" ]; then
		echo "unpacking the CUDA runtime layer from $layer_archive ..."
		staging=$(mktemp -d "$prefix/.cuda-runtime.XXXXXX")
		tar -xzf "$layer_archive" -C "$staging" --strip-components=1 || fail "cannot unpack $layer_archive"
		got=$(json_value torch "$staging/cuda-runtime/MANIFEST.json" 2>/dev/null || true)
		if [ "$got" != "$want_torch" ]; then
			fail "$layer_archive is a CUDA runtime layer for torch '${got:-?}'; this app needs torch $want_torch"
		fi
	fi
elif [ -n "$layer_archive" ]; then
	fail "this build has no separate CUDA runtime layer; leave out --cuda-runtime"
fi

# 2. The app core (replacing a previous version's), then the layer.
if [ "$prefix" != "$here" ]; then
	rm -rf "$prefix/_internal" "$prefix/voice-studio"
	cp -a "$here/voice-studio" "$here/_internal" "$prefix/"
	cp "$here/uninstall.sh" "$here/voice-studio.desktop" "$prefix/"
	chmod 755 "$prefix/uninstall.sh"
fi
json_value version "$here/_internal/voice_studio_build.json" >"$prefix/.voice-studio-install" 2>/dev/null || true
if [ -n "$staging" ]; then
	rm -rf "$prefix/cuda-runtime"
	mv "$staging/cuda-runtime" "$prefix/cuda-runtime"
	rm -rf "$staging"
elif [ -d "$here/cuda-runtime/nvidia" ] && [ "$prefix" != "$here" ]; then
	rm -rf "$prefix/cuda-runtime"
	cp -a "$here/cuda-runtime" "$prefix/"
fi # else a layer from a previous install stays
if [ -f "$runtime_json" ]; then
	have_torch=$(json_value torch "$prefix/cuda-runtime/MANIFEST.json" 2>/dev/null || true)
	if [ "$have_torch" != "$want_torch" ]; then
		layer_missing="${archive_name:-the Voice-Studio-cuda-runtime archive for torch $want_torch}"
	fi
fi

# 3. Menu entry, icons and the command link, each recorded for uninstall.sh.
data=${XDG_DATA_HOME:-$HOME/.local/share}
manifest="$prefix/.install-manifest"
: >"$manifest"
icons="$data/icons/hicolor"
for png in "$here"/_internal/resources/icons/hicolor/*/apps/voice-studio.png; do
	[ -f "$png" ] || continue
	size=$(basename "$(dirname "$(dirname "$png")")")
	mkdir -p "$icons/$size/apps"
	cp "$png" "$icons/$size/apps/voice-studio.png"
	echo "$icons/$size/apps/voice-studio.png" >>"$manifest"
done
if [ -f "$here/_internal/resources/icons/voice-studio.svg" ]; then
	mkdir -p "$icons/scalable/apps"
	cp "$here/_internal/resources/icons/voice-studio.svg" "$icons/scalable/apps/voice-studio.svg"
	echo "$icons/scalable/apps/voice-studio.svg" >>"$manifest"
fi

apps="$data/applications"
mkdir -p "$apps"
awk -v exe="$prefix/voice-studio" '
	/^Exec=/ { print "Exec=\"" exe "\""; next }
	/^TryExec=/ { print "TryExec=" exe; next }
	{ print }
' "$here/voice-studio.desktop" >"$apps/voice-studio.desktop"
chmod 644 "$apps/voice-studio.desktop"
echo "$apps/voice-studio.desktop" >>"$manifest"

bindir="$HOME/.local/bin"
mkdir -p "$bindir"
if [ -e "$bindir/voice-studio" ] && [ ! -L "$bindir/voice-studio" ]; then
	echo "note: $bindir/voice-studio exists and is not a link; left as it is" >&2
else
	ln -sfn "$prefix/voice-studio" "$bindir/voice-studio"
	echo "$bindir/voice-studio" >>"$manifest"
fi

if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q "$apps" || true; fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$icons/index.theme" ]; then
	gtk-update-icon-cache -q -t "$icons" || true
fi

echo "Voice Studio installed in $prefix"
echo "  menu entry: $apps/voice-studio.desktop; command: $bindir/voice-studio; remove: $prefix/uninstall.sh"
case ":$PATH:" in
*":$bindir:"*) ;;
*) echo "  ($bindir is not on PATH: start it from the menu or as $prefix/voice-studio)" ;;
esac
if [ -n "${layer_missing:-}" ]; then
	echo "Next: the CUDA runtime layer is not installed; download $layer_missing and run"
	echo "  $0 --prefix '$prefix' --cuda-runtime PATH/TO/$layer_missing"
fi
