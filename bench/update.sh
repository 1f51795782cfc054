#!/usr/bin/env bash
# The nightly-refetch row: a list already downloaded, fetched again asking only for changes.
#
#   bash bench/update.sh [LIST] [CONC] [PAIRS]
#
# LIST is a URL list on a local server (default: the lab's small list,
# $BENCH_ROOT/lists/small-plain.urls, from ../shared/bench/lab.sh start: 2000 x 64 KiB on a
# loopback nginx); CONC transfers at once (default 16); PAIRS measured rounds (default 3).
# Each client first downloads the list once into a directory of its own; then, in turns,
#   haul -N            (If-None-Match with the recorded ETag, If-Modified-Since with the file time)
#   wget2 -N           (timestamping: If-Modified-Since from the file time)
#   curl -z FILE       (one time condition per URL, --parallel)
# run again on the same directory. Nothing changed on the server, so no body byte should move:
# the rows are the cost of asking. Prints each run's wall time and the ratios haul/peer per round.
set -euo pipefail
export LC_ALL=C
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
list=${1:-${BENCH_ROOT:-/tmp/haul-bench}/lists/small-plain.urls}
conc=${2:-16}
pairs=${3:-3}
haul=${HAUL_CMD:-$repo/haul}
[[ -s $list ]] || { echo "update.sh: no URL list at $list (start the lab first)" >&2; exit 2; }
out=$(mktemp -d "${BENCH_OUT:-/dev/shm}/haul-update.XXXXXX")
trap 'rm -rf "$out"' EXIT
pin=(); if command -v taskset >/dev/null && [[ -n ${BENCH_CLIENT_CPU-0} ]]; then pin=(taskset -c "${BENCH_CLIENT_CPU-0}"); fi

# curl: one block per URL, each with its own output and time condition.
curlcfg=$out/curl.cfg
first=1
while read -r url; do
  [[ -z $url ]] && continue
  name=${url##*/}
  (( first )) || echo next
  first=0
  printf 'url = "%s"\noutput = "%s/curl/%s"\ntime-cond = "%s/curl/%s"\nremote-time\nsilent\n' "$url" "$out" "$name" "$out" "$name"
done < "$list" > "$curlcfg"

run_haul()  { "${pin[@]}" "$haul" -q -N -j "$conc" -d "$out/haul" -i "$list"; }
run_wget2() { "${pin[@]}" wget2 -q -N --max-threads="$conc" -P "$out/wget2" -i "$list"; }
run_curl()  { "${pin[@]}" curl -s --no-progress-meter --parallel --parallel-max "$conc" -K "$curlcfg"; }

seconds() {  # seconds FUNCTION: runs it, prints its wall time
  local t0=$EPOCHREALTIME
  "$1" > /dev/null 2>&1
  awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f", b - a }'
}

mkdir -p "$out/haul" "$out/wget2" "$out/curl"
echo "priming: each client downloads $(grep -c . "$list") URLs once"
"$haul" -q -j "$conc" -d "$out/haul" -i "$list" > /dev/null
wget2 -q --max-threads="$conc" -P "$out/wget2" -i "$list"
curl -s --no-progress-meter --parallel --parallel-max "$conc" -K "$curlcfg" 2> /dev/null

summary=$("$haul" -N -j "$conc" -d "$out/haul" -i "$list" 2>&1 >/dev/null | tail -1)
echo "haul -N says: $summary"
for peer in wget2 curl; do
  for ((i = 1; i <= pairs; i++)); do
    h=$(seconds run_haul); p=$(seconds "run_$peer")
    awk -v h="$h" -v p="$p" -v peer="$peer" -v i="$i" \
      'BEGIN { printf "update %-5s round %d: haul %.3f s, %s %.3f s, ratio haul/%s %.2f\n", peer, i, h, peer, p, peer, h / p }'
  done
done
