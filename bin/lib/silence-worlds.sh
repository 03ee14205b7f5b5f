#!/usr/bin/env bash
# Evaluates the silence detection on random worlds drawn from fixed seeds (docs/SILENCES.md, "Evaluation on many
# worlds"): prints a markdown table per world and the totals for the tuning half (even seeds) and the reporting half
# (odd seeds). It runs the silences stage's detection on generated silver.feedback rows, not the whole pipeline.
# Usage: bin/lib/silence-worlds.sh [first_seed=1000] [count=20] [scale=1.0]
set -euo pipefail
home="$(cd "$(dirname "$0")/../.." && pwd)"
jar="$home/jobs/target/luister-jobs.jar"
samples_jar="$home/samples/target/luister-samples.jar"
classpath_file="$home/jobs/target/launcher-classpath.txt"
provided_file="$home/jobs/target/launcher-classpath-provided.txt"
if [ ! -f "$jar" ] || [ ! -f "$samples_jar" ] \
    || [ -n "$(find "$home/common/src/main" "$home/jobs/src/main" -newer "$jar" -type f 2>/dev/null | head -n 1)" ] \
    || [ -n "$(find "$home/samples/src/main" -newer "$samples_jar" -type f 2>/dev/null | head -n 1)" ]; then
  (cd "$home" && mvn -B -q -DskipTests install) >&2
fi
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
exec java -XX:+IgnoreUnrecognizedVMOptions \
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED \
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true \
  -Xmx"${LUISTER_DRIVER_MEMORY:-2g}" -Duser.timezone=UTC \
  -cp "$samples_jar:$jar:$(cat "$classpath_file"):$(cat "$provided_file")" io.luister.jobs.samples.SilenceWorldEvaluation "$@"
