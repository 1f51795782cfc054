#!/usr/bin/env bash
# One file from 4 sources: haul with --mirror against aria2c (4 URIs on one line) and axel (4 URLs).
#
#   bash bench/mirrors.sh [--mib N] [--rate R] [--conns N] [--pairs N] [--haul CMD] [--keep]
#
# The sources are one nginx listening on 4 loopback ports, each limited per connection with
# limit_rate (as a public mirror caps each client connection): so the file is fast only when it
# is spread over the sources. Every client gets the same number of connections in all (--conns,
# default one per source), the runs alternate (haul, aria2c, axel, haul, ...), every file is
# checked by SHA-256, and the medians of the wall times are printed with haul/peer ratios.
set -euo pipefail
export LC_ALL=C
umask 022

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
mib=1024 rate=16m conns=4 pairs=1 keep=0 haul_cmd="$repo/haul"
die() { echo "mirrors: $*" >&2; exit 2; }
while (( $# )); do
  case $1 in
    --mib) mib=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --conns) conns=$2; shift 2 ;;
    --pairs) pairs=$2; shift 2 ;;
    --haul) haul_cmd=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) die "unknown argument '$1'" ;;
  esac
done
nginx_bin=$(PATH=$PATH:/usr/sbin:/usr/local/sbin command -v nginx || true)
[[ -n $nginx_bin ]] || die "nginx not found: apt-get install nginx"
peers=()
command -v aria2c >/dev/null && peers+=(aria2c)
command -v axel >/dev/null && peers+=(axel)

work=$(mktemp -d "${TMPDIR:-/tmp}/haul-mirrors.XXXXXX")
nginx_pid=
cleanup() {
  [[ -n $nginx_pid ]] && kill -TERM "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
  (( keep )) || rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/data" "$work/nginx/tmp" "$work/out"

echo "mirrors: generating $mib MiB in $work" >&2
head -c $((mib << 20)) /dev/zero \
  | openssl enc -aes-128-ctr -nosalt -K 000102030405060708090a0b0c0d0e0f -iv 00000000000000000000000000000000 \
  > "$work/data/big.bin"
want=$(sha256sum "$work/data/big.bin" | cut -d' ' -f1)

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
base=$((20000 + RANDOM % 10000))
ports=() listens=
for i in 0 1 2 3; do
  p=$((base + i * 7)); port_open "$p" && die "port $p is taken: run again"
  ports+=("$p"); listens+="        listen 127.0.0.1:$p;"$'\n'
done
user_line=; (( EUID == 0 )) && user_line="user $(id -un) $(id -gn);"
cat > "$work/nginx/nginx.conf" <<EOF
$user_line
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    default_type application/octet-stream;
    sendfile on;
    keepalive_requests 1000000;
    client_body_temp_path $work/nginx/tmp;
    proxy_temp_path $work/nginx/tmp;
    fastcgi_temp_path $work/nginx/tmp;
    uwsgi_temp_path $work/nginx/tmp;
    scgi_temp_path $work/nginx/tmp;
    server {
$listens        root $work/data;
        limit_rate $rate;
        location / { }
    }
}
EOF
"$nginx_bin" -p "$work/nginx/" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" </dev/null >/dev/null 2>&1 &
nginx_pid=$!
for _ in $(seq 50); do port_open "${ports[3]}" && break; sleep 0.1; done
port_open "${ports[3]}" || die "nginx did not start"
urls=()
for p in "${ports[@]}"; do urls+=("http://127.0.0.1:$p/big.bin"); done

run() {  # client -> prints seconds
  local c=$1 t0 t1
  rm -rf "$work/out"; mkdir -p "$work/out"
  t0=$(date +%s.%N)
  case $c in
    haul) "$haul_cmd" -q -x "$conns" -d "$work/out" "${urls[0]}" --mirror "${urls[1]}" --mirror "${urls[2]}" \
            --mirror "${urls[3]}" >/dev/null ;;
    aria2c) aria2c -q --allow-overwrite=true --file-allocation=none -s "$conns" -x "$(( (conns + 3) / 4 ))" \
            -k 1M -d "$work/out" -o big.bin "${urls[@]}" ;;
    axel) axel -q -n "$conns" -o "$work/out/big.bin" "${urls[@]}" >/dev/null ;;
  esac
  t1=$(date +%s.%N)
  [[ $(sha256sum "$work/out/big.bin" | cut -d' ' -f1) == "$want" ]] || die "$c saved a wrong file"
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f\n", b - a }'
}

declare -A times
"$haul_cmd" --version >/dev/null   # builds the jar when needed, outside the measured runs
for ((i = 0; i < pairs; i++)); do
  for c in haul "${peers[@]}"; do
    s=$(run "$c"); times[$c]+="$s "
    echo "mirrors: $c ${s}s" >&2
  done
done
median() { tr ' ' '\n' | sed '/^$/d' | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
h=$(median <<< "${times[haul]}")
limit=$(awk -v m="$mib" -v r="$rate" 'BEGIN { n = r + 0; u = substr(r, length(r)); if (u == "m") n *= 1; else if (u == "k") n /= 1024; printf "%.1f", m / (n * 4) }')
echo "big ${mib} MiB from 4 sources, limit_rate $rate per connection, $conns connections in all (ideal ${limit}s with one per source)"
echo "haul: ${h}s"
for c in "${peers[@]}"; do
  p=$(median <<< "${times[$c]}")
  echo "$c: ${p}s  haul/$c = $(awk -v a="$h" -v b="$p" 'BEGIN { printf "%.2f", a / b }')"
done
