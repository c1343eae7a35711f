# Sourced by the scripts: the tools setup installs, found first, and Trunk kept offline.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Nothing outside the package registries is reachable: Trunk must never try to download a tool.
export TRUNK_OFFLINE=true
export TRUNK_SKIP_VERSION_CHECK=true
