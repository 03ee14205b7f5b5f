# Sourced by the test scripts that need Python packages.
# ensure_venv DIR REQUIREMENTS: a virtual environment in DIR with REQUIREMENTS installed, made again only when
# the requirements file changes (a stamp named after its hash marks a complete install).
UV_VERSION=0.13.9
ensure_venv() {
  local venv="$1" requirements="$2"
  local stamp="$venv/.requirements-$(sha256sum "$requirements" | cut -c1-16)"
  if [ ! -f "$stamp" ]; then
    echo "creating the Python environment in $venv from $requirements (first time only) ..."
    rm -rf "$venv"
    python3 -m venv "$venv"
    # uv resolves and installs the same pinned requirements in well under a minute where pip takes minutes
    # (Airflow's tree); pip stays the fallback when uv cannot be fetched or fails on this machine.
    if ! { "$venv/bin/pip" install -q "uv==$UV_VERSION" &&
           "$venv/bin/uv" pip install -q --python "$venv/bin/python" -r "$requirements"; }; then
      echo "uv failed; installing with pip instead (slower) ..."
      "$venv/bin/pip" install -q -r "$requirements"
    fi
    touch "$stamp"
  fi
}
