#!/bin/sh
# A small app for the 60-process bench: one log line every BENCH_TICK_S (default 5) seconds, no Node runtime
# (60 of them stay light).
n=0
while :; do
  n=$((n + 1))
  echo "tick $n"
  sleep "${BENCH_TICK_S:-5}"
done
