# Sourced by the test scripts that need Python packages.
# ensure_venv DIR REQUIREMENTS: a virtual environment in DIR with REQUIREMENTS installed, made again only when
# the requirements file changes (a stamp named after its hash marks a complete install).
ensure_venv() {
  local venv="$1" requirements="$2"
  local stamp="$venv/.requirements-$(sha256sum "$requirements" | cut -c1-16)"
  if [ ! -f "$stamp" ]; then
    echo "creating the Python environment in $venv from $requirements (first time only) ..."
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q -r "$requirements"
    touch "$stamp"
  fi
}
