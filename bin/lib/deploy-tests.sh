#!/usr/bin/env bash
# The deployment tests (tests/deploy, pytest): the Airflow DAG with real Airflow, the spark-submit jar on a
# Spark standalone cluster (master + two workers on 127.0.0.1), the pipeline on s3a:// against a local S3
# server, each compared row for row with an embedded local-mode run on a small generated data set.
# Makes its own Python environment in .cache/deploy-venv (first time: ~6 minutes of pip), builds the
# spark-submit jar, and starts and stops every server itself. Extra arguments go to pytest.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$home"
export SPARK_LOCAL_IP=127.0.0.1
if [ -d /usr/lib/jvm/java-17-openjdk-amd64 ] && ! java -version 2>&1 | grep -q 'version "17'; then
  export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
fi

venv="$home/.cache/deploy-venv"
source "$home/bin/lib/venv.sh"
ensure_venv "$venv" "$home/tests/deploy/requirements.txt"

echo "deploy tests: building the spark-submit jar (mvn -Pspark-submit) ..."
mvn -B -q -ntp -DskipTests -Pspark-submit install

# Airflow keeps its state in a scratch home; no examples, no work at parse time.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export AIRFLOW_HOME="$scratch/airflow" AIRFLOW__CORE__LOAD_EXAMPLES=False
cd "$home/tests/deploy"
"$venv/bin/python" -m pytest -p no:cacheprovider --basetemp="$scratch/pytest" -v "$@"
