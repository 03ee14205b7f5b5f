#!/usr/bin/env bash
# The deployment tests (tests/deploy, pytest): the Airflow DAG with real Airflow; one quarter run by
# `airflow dags test`, every stage a spark-submit of the cluster jar to a Spark standalone cluster (master + two
# workers on 127.0.0.1), sources and warehouse on s3a:// on a local S3 server; its tables compared row for row with
# the embedded local-mode run of the same program.
#   bin/lib/deploy-tests.sh [pytest arguments]
# The program is a small generated data set with its own local-mode reference run, unless LUISTER_DEPLOY_DATA
# (a program folder) and LUISTER_DEPLOY_LOCAL_WAREHOUSE (its local-mode warehouse) name them: bin/test passes
# data-samples/ and the smoke test's warehouse. LUISTER_DEPLOY_SLOW=1 adds the tests that each cost one or two
# more pipeline runs: the cluster and S3 each on their own, kill-and-rerun, two periods at once.
# Makes its own Python environment in .cache/deploy-venv (first time: about a minute with uv), builds the
# spark-submit jar, and starts and stops every server itself.
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

# bin/test's mvn verify builds the jar (-Pspark-submit); built again only when a source is newer.
jar="$home/jobs/target/luister-spark.jar"
if [ ! -f "$jar" ] || [ -n "$(find common/src/main jobs/src/main pom.xml common/pom.xml jobs/pom.xml -newer "$jar" -type f | head -n 1)" ]; then
  echo "deploy tests: building the spark-submit jar (mvn -Pspark-submit) ..."
  mvn -B -q -ntp -DskipTests -Pspark-submit install
fi

# Airflow keeps its state in a scratch home; no examples, no work at parse time.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export AIRFLOW_HOME="$scratch/airflow" AIRFLOW__CORE__LOAD_EXAMPLES=False
cd "$home/tests/deploy"
# -rP: the passed tests' output too (the deployed quarter's kill seed and stage).
"$venv/bin/python" -m pytest -p no:cacheprovider --basetemp="$scratch/pytest" -v -rP "$@"
