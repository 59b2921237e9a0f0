# Shared by scripts/*.sh: install Debian packages as root, or through sudo as a normal user.
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_debs() {  # ensure_debs CHECK-COMMAND PACKAGE...
  local check=$1; shift
  if ! eval "$check" >/dev/null 2>&1; then
    echo "installing Debian packages: $*" >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null 2>&1 || {
      as_root apt-get update -q >/dev/null && \
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null; }
  fi
}

ensure_venv() {  # creates .venv with the project installed (editable) plus EXTRAS
  local extras=${1:-}
  ensure_debs "python3 -c 'import venv, ensurepip'" python3-venv
  if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
  fi
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q -e ".${extras}"
}
