#!/usr/bin/env bash
# haul against curl, aria2c, wget2 and axel on a loopback nginx (and, for the slow and faulty
# rows, the bench's own small server): see bench/README.md.
#
#   bash bench/run.sh [options] [WORKLOAD ...]
#
# Generates deterministic files in a temporary directory, serves them with nginx on 127.0.0.1
# (a free port), downloads every workload with haul and with each installed peer in turns
# (haul, peer, haul, peer, ...), checks every downloaded file's SHA-256, and prints for each
# pair of runs the ratios haul/peer of wall time, CPU time (user + sys) and peak RSS.
set -euo pipefail
export LC_ALL=C            # decimal points in EPOCHREALTIME and awk, whatever the user's locale
umask 022

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")

usage() {
  cat <<'EOF'
usage: bash bench/run.sh [options] [WORKLOAD ...]

workloads (default: all, in this order)
  small    2000 files of 64 KiB, -c transfers at once
  medium   100 files of 10 MiB, -c transfers at once
  big      one file of --big-mib MiB
  scale    --scale-files files of 4 KiB, all at once (--scale-conc)
  tiny     one file of 1 KiB: start-up to exit
  throttled  one file of --throttled-mib MiB from nginx capping each connection at 16 MiB/s,
           fetched over --split connections (haul -x, aria2c -x -s, axel -n)
  latency  500 files of 64 KiB, each answered 50 ms after its request, -c at once
  flaky    2000 files of 64 KiB from a server that resets every 20th response mid-body
           (haul's own retries, curl --retry 5 --retry-all-errors, aria2c's)

options
  -n, --pairs N        measured pairs per peer and workload (default: 3; scale 1, tiny 10)
      --warmup N       unmeasured pairs before them (default 1)
  -c, --concurrency N  transfers at once for small and medium (default 16)
      --big-mib N      size of the big file in MiB (default 256)
      --scale-files N  files in the scale workload (default 10000, at most 99999)
      --scale-conc N   transfers at once in the scale workload (default: all of them)
      --throttled-mib N  size of the throttled file in MiB (default 1024)
  -x, --split N        connections for the one throttled file (default 8)
      --tls            https with a throwaway CA, nginx offering h2 and http/1.1 by ALPN:
                       haul --cacert, curl --cacert, aria2c and wget2 --ca-certificate
                       (add the peer haul-h1 to compare haul's h2 with its own --http1.1)
      --peers 'LIST'   peers to compare with (default 'curl aria2c wget2 axel'; also haul-h1, this
                       haul with --http1.1); each workload uses those of them that fit it; missing
                       ones are skipped. Every run's connections (nginx stub_status accepts) are
                       reported per client
      --haul CMD       how to run haul (default: this checkout's ./haul)
      --no-pin         do not pin the client and the server to separate CPUs
      --timeout SEC    a run that takes longer fails (default 600)
      --keep           keep the temporary directory (data, lists, nginx logs)
  -h, --help           this text

needs: nginx (apt-get install nginx), GNU time (apt-get install time), openssl, coreutils;
peers: apt-get install curl aria2 wget2 axel; the latency and flaky rows need python3
EOF
}

die() { echo "bench: $*" >&2; exit 2; }
note() { echo "bench: $*" >&2; }

# ---- options -----------------------------------------------------------------------------

pairs= warmup=1 conc=16 big_mib=256 scale_files=10000 scale_conc= tls=0 pin=1 keep=0
throttled_mib=1024 split=8
timeout_s=600 peers_wanted="curl aria2c wget2 axel" haul_cmd="$repo/haul"
workloads=()
number() { [[ $2 =~ ^[0-9]+$ ]] && (( $2 >= ${3:-1} )) || die "$1 needs a whole number of at least ${3:-1}, not '$2'"; }
while (( $# )); do
  case $1 in
    -n|--pairs) number "$1" "${2-}"; pairs=$2; shift 2 ;;
    --warmup) number "$1" "${2-}" 0; warmup=$2; shift 2 ;;
    -c|--concurrency) number "$1" "${2-}"; conc=$2; shift 2 ;;
    --big-mib) number "$1" "${2-}"; big_mib=$2; shift 2 ;;
    --scale-files) number "$1" "${2-}"; (( $2 <= 99999 )) || die "--scale-files: at most 99999"; scale_files=$2; shift 2 ;;
    --scale-conc) number "$1" "${2-}"; scale_conc=$2; shift 2 ;;
    --throttled-mib) number "$1" "${2-}"; throttled_mib=$2; shift 2 ;;
    -x|--split) number "$1" "${2-}"; split=$2; shift 2 ;;
    --tls) tls=1; shift ;;
    --peers) [[ $# -ge 2 ]] || die "--peers needs a list"; peers_wanted=$2; shift 2 ;;
    --haul) [[ -n ${2-} ]] || die "--haul needs a command"; haul_cmd=$2; shift 2 ;;
    --no-pin) pin=0; shift ;;
    --timeout) number "$1" "${2-}"; timeout_s=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) usage; exit 0 ;;
    small|medium|big|scale|tiny|throttled|latency|flaky) workloads+=("$1"); shift ;;
    *) usage >&2; die "unknown argument '$1'" ;;
  esac
done
(( ${#workloads[@]} )) || workloads=(small medium big scale tiny throttled latency flaky)
scale_conc=${scale_conc:-$scale_files}
scheme=http; if (( tls )); then scheme=https; fi

# Sets wl_count, wl_size (bytes), wl_conc, wl_pairs, wl_prefix, wl_peers (the peers that fit
# it) and wl_server (nginx, or the bench's own faultserver.py) for a workload.
workload() {
  wl_peers="curl aria2c wget2" wl_server=nginx
  case $1 in
    small)  wl_count=2000 wl_size=$((64 << 10)) wl_conc=$conc wl_pairs=${pairs:-3} wl_prefix=s ;;
    medium) wl_count=100 wl_size=$((10 << 20)) wl_conc=$conc wl_pairs=${pairs:-3} wl_prefix=m ;;
    big)    wl_count=1 wl_size=$((big_mib << 20)) wl_conc=1 wl_pairs=${pairs:-3} wl_prefix=b ;;
    scale)  wl_count=$scale_files wl_size=4096 wl_conc=$scale_conc wl_pairs=${pairs:-1} wl_prefix=x ;;
    tiny)   wl_count=1 wl_size=1024 wl_conc=1 wl_pairs=${pairs:-10} wl_prefix=t ;;
    throttled) wl_count=1 wl_size=$((throttled_mib << 20)) wl_conc=$split wl_pairs=${pairs:-3} wl_prefix=r
               wl_peers="aria2c axel" ;;
    latency) wl_count=500 wl_size=$((64 << 10)) wl_conc=$conc wl_pairs=${pairs:-3} wl_prefix=l wl_server=fault ;;
    flaky)  wl_count=2000 wl_size=$((64 << 10)) wl_conc=$conc wl_pairs=${pairs:-3} wl_prefix=f
            wl_peers="curl aria2c" wl_server=fault ;;
  esac
}

human() {  # bytes -> "64 KiB", "10 MiB"
  awk -v b="$1" 'BEGIN { if (b >= 1048576 && b % 1048576 == 0) printf "%d MiB", b / 1048576;
                        else if (b >= 1024 && b % 1024 == 0) printf "%d KiB", b / 1024; else printf "%d bytes", b }'
}

# ---- tools -------------------------------------------------------------------------------

(( BASH_VERSINFO[0] >= 5 )) || die "needs bash 5 or newer (for EPOCHREALTIME)"
nginx_bin=$(PATH=$PATH:/usr/sbin:/usr/local/sbin command -v nginx || true)
[[ -n $nginx_bin ]] || die "nginx not found: apt-get install nginx"
gtime=$(type -P time || true)
[[ -n $gtime ]] && "$gtime" -f '%M' true >/dev/null 2>&1 || die "GNU time not found: apt-get install time"
for tool in openssl sha256sum split timeout awk; do
  command -v "$tool" >/dev/null || die "$tool not found"
done
python_bin=
for wl in "${workloads[@]}"; do
  workload "$wl"
  if [[ $wl_server == fault ]]; then
    python_bin=$(command -v python3 || true)
    [[ -n $python_bin ]] || die "the $wl workload needs python3 (its server is bench/faultserver.py)"
  fi
done
read -r -a haul_argv <<< "$haul_cmd"
command -v "${haul_argv[0]}" >/dev/null || die "haul command not found: ${haul_argv[0]}"

peers=()
for p in $peers_wanted; do
  case $p in
    curl|aria2c|wget2|axel|haul-h1) ;;
    *) die "unknown peer '$p' (curl, aria2c, wget2, axel, haul-h1)" ;;
  esac
  if [[ $p == haul-h1 ]] || command -v "$p" >/dev/null; then
    peers+=("$p")
  else
    case $p in aria2c) pkg=aria2 ;; *) pkg=$p ;; esac
    note "skipping $p: not installed (apt-get install $pkg)"
  fi
done
(( ${#peers[@]} )) || note "no peer installed: only haul's own figures will be shown"

# One CPU for the server, the others for the client, so that neither steals from the other.
pin_client=() pin_server=() cpus=$(nproc 2>/dev/null || echo 1) placement="not pinned"
if (( pin && cpus >= 2 )) && command -v taskset >/dev/null && taskset -c 0 true 2>/dev/null; then
  server_cpu=$((cpus - 1))
  client_cpus=0; if (( cpus > 2 )); then client_cpus="0-$((cpus - 2))"; fi
  pin_client=(taskset -c "$client_cpus") pin_server=(taskset -c "$server_cpu")
  placement="client on CPU $client_cpus, nginx on CPU $server_cpu"
fi

# Every transfer is a socket and, for a moment, a file: raise the open-file limit.
hard=$(ulimit -Hn)
if [[ $hard == unlimited ]] || (( hard > 65536 )); then ulimit -n 65536; else ulimit -n "$hard"; fi
fd_limit=$(ulimit -n)
max_conc=$conc
for wl in "${workloads[@]}"; do workload "$wl"; if (( wl_conc > max_conc )); then max_conc=$wl_conc; fi; done
if (( fd_limit < 2 * max_conc + 256 )); then
  note "the open-file limit is $fd_limit: $max_conc transfers at once may need a socket and a file each (raise the hard limit, or lower --scale-conc)"
fi

# ---- temporary tree and cleanup ----------------------------------------------------------

work=$(mktemp -d "${TMPDIR:-/tmp}/haul-bench.XXXXXX")
nginx_pid= fault_pid= outbase= overhead=0
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -n $nginx_pid ]] && kill -0 "$nginx_pid" 2>/dev/null; then
    kill -TERM "$nginx_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$nginx_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$nginx_pid" 2>/dev/null || true
    wait "$nginx_pid" 2>/dev/null || true
  fi
  if [[ -n $fault_pid ]] && kill -0 "$fault_pid" 2>/dev/null; then
    kill -TERM "$fault_pid" 2>/dev/null || true
    wait "$fault_pid" 2>/dev/null || true
  fi
  if [[ -n $outbase && $outbase != "$work"/* ]]; then rm -rf "$outbase"; fi
  if (( keep )); then note "kept $work"; else rm -rf "$work"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'echo; note "interrupted"; exit 130' INT
trap 'note "terminated"; exit 143' TERM

# Downloads go to memory (/dev/shm) when it has room, so that the disk is not what is measured.
need=0
for wl in "${workloads[@]}"; do workload "$wl"; if (( wl_count * wl_size > need )); then need=$((wl_count * wl_size)); fi; done
if [[ -d /dev/shm && -w /dev/shm ]] \
   && (( $(df -Pk /dev/shm | awk 'NR == 2 { print $4 }') * 1024 > need + (256 << 20) )); then
  outbase=$(mktemp -d /dev/shm/haul-bench-out.XXXXXX)
else
  outbase=$work/out; mkdir -p "$outbase"
fi

# ---- data --------------------------------------------------------------------------------

# Each workload's files are consecutive slices of one AES-128-CTR keystream whose key is the
# SHA-256 of the workload's name and shape: the same bytes on every machine, incompressible,
# and made at memory speed.
data=$work/data lists=$work/lists manifests=$work/manifests
mkdir -p "$data" "$lists" "$manifests"
# "SHA256 NAME" for every entry of a directory, sorted by name. openssl rather than sha256sum:
# it uses the CPU's SHA instructions (several times faster). Two processes share the work, each
# batch writing its own file so that their lines cannot interleave.
digests() {
  local parts rc=0
  parts=$(mktemp -d "$work/digests.XXXXXX")
  (cd "$1" && find . -mindepth 1 -maxdepth 1 -print0 \
     | xargs -0 -r -P 2 -n 200 sh -c 'exec openssl dgst -sha256 -r "$@" > "$0/$$"' "$parts") || rc=$?
  find "$parts" -type f -exec cat {} + | sed 's/ \*\.\// /' | sort -k 2
  rm -rf "$parts"
  return "$rc"
}

generate() {
  local wl=$1 key
  workload "$wl"
  mkdir -p "$data/$wl"
  key=$(printf 'haul-bench/%s/%d/%d' "$wl" "$wl_count" "$wl_size" | sha256sum | cut -c1-32)
  head -c $((wl_count * wl_size)) /dev/zero \
    | openssl enc -aes-128-ctr -nosalt -K "$key" -iv 00000000000000000000000000000000 \
    | split -b "$wl_size" -d -a 5 --additional-suffix=.bin - "$data/$wl/$wl_prefix"
  digests "$data/$wl" > "$manifests/$wl.sha256"
  (( $(wc -l < "$manifests/$wl.sha256") == wl_count )) || die "generating $wl went wrong"
}

# ---- TLS ---------------------------------------------------------------------------------

ca=$work/tls/ca.pem
make_certificates() {
  local d=$work/tls
  mkdir -p "$d"
  cat > "$d/openssl.cnf" <<'EOF'
[req]
distinguished_name = dn
prompt = no
[dn]
CN = haul bench throwaway CA
[ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[server]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
EOF
  (
    cd "$d"
    openssl req -x509 -config openssl.cnf -extensions ca -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 \
      -nodes -keyout ca.key -out ca.pem -days 2 -subj '/CN=haul bench throwaway CA'
    openssl req -new -config openssl.cnf -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 \
      -nodes -keyout server.key -out server.csr -subj '/CN=127.0.0.1'
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -set_serial 1 -days 2 \
      -extfile openssl.cnf -extensions server -out server.pem
    chmod 600 ca.key server.key
  ) >/dev/null 2>"$d/openssl.log" || { cat "$d/openssl.log" >&2; die "openssl could not make the certificates"; }
}

# ---- nginx -------------------------------------------------------------------------------

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

write_nginx_conf() {  # port
  local n=$work/nginx listen="127.0.0.1:$1 backlog=4096" tls_lines=
  if (( tls )); then
    listen+=" ssl http2"
    tls_lines="ssl_certificate $work/tls/server.pem;
        ssl_certificate_key $work/tls/server.key;
        ssl_protocols TLSv1.2 TLSv1.3;
        ssl_session_cache shared:TLS:10m;"
  fi
  local user_line=
  # As root, nginx hands its workers to an unprivileged user who may not read the temporary
  # directory: keep them as the user running the benchmark.
  if (( EUID == 0 )); then user_line="user $(id -un) $(id -gn);"; fi
  cat > "$n/nginx.conf" <<EOF
# Written by bench/run.sh for one run; removed with its temporary directory.
$user_line
worker_processes 1;
daemon off;
pid $n/nginx.pid;
error_log $n/error.log warn;
events {
    worker_connections $((max_conc + 1024));
    multi_accept on;
}
http {
    access_log off;
    server_tokens off;
    types { }
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_timeout 120s;
    keepalive_requests 1000000;
    client_body_temp_path $n/tmp/body;
    proxy_temp_path $n/tmp/proxy;
    fastcgi_temp_path $n/tmp/fastcgi;
    uwsgi_temp_path $n/tmp/uwsgi;
    scgi_temp_path $n/tmp/scgi;
    server {
        listen $listen;
        root $data;
        $tls_lines
        location / { }
        # each connection capped, as many real servers do: where segmented downloads pay off
        location /throttled/ { limit_rate 16m; }
        location = /bench_status { stub_status; }
    }
}
EOF
}

start_nginx() {
  local n=$work/nginx port attempt
  mkdir -p "$n/tmp"
  local elog=()
  # -e (nginx 1.19.5+): no attempt at the packaged error log, which a user cannot open.
  if grep -q -- '-e filename' <<< "$("$nginx_bin" -h 2>&1)"; then elog=(-e "$n/error.log"); fi
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    port=$((20000 + RANDOM % 12000))   # below the usual ephemeral range (32768-60999)
    port_open "$port" && continue
    write_nginx_conf "$port"
    "${pin_server[@]}" "$nginx_bin" -p "$n/" -c "$n/nginx.conf" "${elog[@]}" </dev/null >>"$n/stdout.log" 2>&1 &
    nginx_pid=$!
    for _ in $(seq 50); do
      kill -0 "$nginx_pid" 2>/dev/null || break
      if port_open "$port"; then PORT=$port; return 0; fi
      sleep 0.1
    done
    kill -TERM "$nginx_pid" 2>/dev/null || true
    wait "$nginx_pid" 2>/dev/null || true
    nginx_pid=
  done
  cat "$n/stdout.log" "$n/error.log" >&2 2>/dev/null || true
  die "nginx did not start on 127.0.0.1 (see above)"
}

# The latency and flaky rows: bench/faultserver.py on 127.0.0.1 (an ephemeral port), plain HTTP.
start_fault_server() {
  local f=$work/fault
  mkdir -p "$f"
  "${pin_server[@]}" "$python_bin" "$here/faultserver.py" "$data" "$f/port" --delay-ms 50 --reset-every 20 \
    </dev/null >"$f/stdout.log" 2>&1 &
  fault_pid=$!
  for _ in $(seq 100); do
    kill -0 "$fault_pid" 2>/dev/null || break
    if [[ -s $f/port ]]; then FAULT_PORT=$(cat "$f/port"); return 0; fi
    sleep 0.1
  done
  cat "$f/stdout.log" >&2
  die "bench/faultserver.py did not start (see above)"
}

# ---- clients -----------------------------------------------------------------------------

# Sets the array cmd: CLIENT downloads workload WL into OUT, CONC transfers at once. Each one
# ignores its configuration file, so that a user's settings do not change what is measured.
# The throttled row fetches its one file over C connections instead (haul -x, aria2c -x -s, axel -n);
# the flaky row lets curl retry what it can (--retry-all-errors: a reset is not 'transient' to it).
# The latency and flaky rows are plain HTTP from the bench's own server, with or without --tls.
client_cmd() {
  local client=$1 wl=$2 out=$3 c=$4 secure=$tls
  [[ $wl == latency || $wl == flaky ]] && secure=0
  case $client in
    haul|haul-h1)
      cmd=("${haul_argv[@]}" --no-config -q)
      if [[ $wl == throttled ]]; then cmd+=(-j 1 -x "$c"); else cmd+=(-j "$c"); fi
      cmd+=(-d "$out" -i "$lists/$wl.urls")
      [[ $client == haul-h1 ]] && cmd+=(--http1.1)
      (( secure )) && cmd+=(--cacert "$ca") ;;
    curl)
      cmd=(curl -q -sS --fail --output-dir "$out" --remote-name-all -K "$lists/$wl.curl")
      (( c > 1 )) && cmd+=(--parallel --parallel-max "$c")
      [[ $wl == flaky ]] && cmd+=(--retry 5 --retry-all-errors)
      (( secure )) && cmd+=(--cacert "$ca") ;;
    aria2c)
      cmd=(aria2c --no-conf -q --file-allocation=none --allow-overwrite=true --auto-file-renaming=false)
      if [[ $wl == throttled ]]; then cmd+=(-j 1 -x "$c" -s "$c"); else cmd+=(-j "$c" -x 1); fi
      cmd+=(-d "$out" -i "$lists/$wl.urls")
      (( secure )) && cmd+=(--ca-certificate="$ca") ;;
    wget2)
      cmd=(wget2 --no-config -q --max-threads "$c" --no-hsts --no-hpkp --no-ocsp -P "$out" -i "$lists/$wl.urls")
      (( secure )) && cmd+=(--ca-certificate="$ca") ;;
    axel)   # one file per run (further URLs would be mirrors of it); no CA option: -k over TLS
      local url; url=$(head -1 "$lists/$wl.urls")
      cmd=(axel -q -n "$c" -o "$out/${url##*/}")
      (( secure )) && cmd+=(-k)
      cmd+=("$url") ;;
  esac
  return 0
}

version_of() {
  case $1 in
    haul) "${haul_argv[@]}" --version 2>/dev/null | head -1 ;;
    haul-h1) echo "haul-h1 (haul --http1.1)" ;;
    curl) curl --version | awk 'NR == 1 { print $1, $2 }' ;;
    aria2c) aria2c --version | awk 'NR == 1 { print "aria2c", $3 }' ;;
    wget2) wget2 --version | awk 'NR == 1 { print "wget2", $3 }' ;;
    axel) axel --version 2>/dev/null | awk 'NR == 1 { print "axel", $2 }' ;;
  esac
}

# Verifies OUT against the workload's manifest: exactly its files, each with its SHA-256.
verify() {  # wl out
  local wl=$1 out=$2 entries
  workload "$wl"
  entries=$(find "$out" -mindepth 1 | wc -l)
  if (( entries != wl_count )); then
    echo "$entries entries in the download directory, expected $wl_count files; first ones:"
    find "$out" -mindepth 1 | sort | head -5
    return 1
  fi
  if ! digests "$out" > "$work/got.sha256" 2>"$work/digest.err" || ! cmp -s "$work/got.sha256" "$manifests/$wl.sha256"; then
    echo "files whose SHA-256 differs from the data's (expected, then got):"
    diff "$manifests/$wl.sha256" "$work/got.sha256" | grep '^[<>]' | head -6
    head -3 "$work/digest.err"
    return 1
  fi
}

# Runs CLIENT once on WL through GNU time; sets r_wall (s), r_cpu (s), r_rss (MiB). Returns 1,
# with a message, when the client fails or a file does not verify.
run_once() {  # client wl
  local client=$1 wl=$2 out=$outbase/$1 t0 t1 rc=0 line
  workload "$wl"
  client_cmd "$client" "$wl" "$out" "$wl_conc"
  rm -rf "$out"; mkdir -p "$out"
  local accepts0; accepts0=$(accepts)
  t0=$EPOCHREALTIME
  "${pin_client[@]}" "$gtime" -o "$work/time.txt" -f '%U %S %M' timeout --foreground -k 5 "$timeout_s" \
    "${cmd[@]}" </dev/null >"$work/client.out" 2>"$work/client.err" || rc=$?
  t1=$EPOCHREALTIME
  # Connections the client opened: nginx's accepts since the last reading, less that reading's own.
  r_conns=$(( $(accepts) - accepts0 - 1 ))
  echo "$wl $client $r_conns" >> "$work/conns.txt"
  line=$(tail -1 "$work/time.txt")
  read -r r_wall r_cpu r_rss < <(awk -v a="$t0" -v b="$t1" -v o="$overhead" -v l="$line" \
    'BEGIN { split(l, f, " "); w = b - a - o; printf "%.4f %.2f %.1f\n", (w > 0.0001 ? w : 0.0001), f[1] + f[2], f[3] / 1024 }')
  if ! [[ $line =~ ^[0-9.]+\ [0-9.]+\ [0-9]+$ && $r_wall =~ ^[0-9.]+$ ]]; then
    echo "$client: no measurement from GNU time (its last line: '$line')"
    return 1
  fi
  if (( rc != 0 )); then
    echo "$client exited with status $rc$( (( rc == 124 )) && echo " (timed out after $timeout_s s)"):"
    tail -5 "$work/client.err"
    if grep -q 'Too many open files' "$work/client.err"; then
      echo "  (the open-file limit is $fd_limit; $wl_conc transfers at once may need a socket and a file each)"
    fi
    printf '  command: '; printf '%q ' "${cmd[@]}"; echo
    return 1
  fi
  if ! verify "$wl" "$out" > "$work/verify.txt"; then
    echo "$client: the downloaded files do not match:"; cat "$work/verify.txt"
    return 1
  fi
  rm -rf "$out"
}

# nginx's count of accepted connections (stub_status), through one connection of its own.
accepts() {
  local k=(); (( tls )) && k=(--cacert "$ca")
  curl -s "${k[@]}" "$base/bench_status" 2>/dev/null | awk 'NR == 3 { print $1 }' | grep . || echo 0
}

# ---- statistics --------------------------------------------------------------------------

# stdin: one line per pair, "haul_wall haul_cpu haul_rss peer_wall peer_cpu peer_rss".
report() {  # peer
  awk -v peer="$1" '
    function sort(x, n,   i, j, t) { for (i = 2; i <= n; i++) for (j = i; j > 1 && x[j-1] > x[j]; j--) { t = x[j]; x[j] = x[j-1]; x[j-1] = t } }
    function med(x, n) { return n % 2 ? x[(n + 1) / 2] : (x[n / 2] + x[n / 2 + 1]) / 2 }
    { n++; for (k = 1; k <= 6; k++) v[k, n] = $k }
    function row(label, a, b, fmt,   i, m, r, x, y, ok) {
      m = 0
      for (i = 1; i <= n; i++) { x[i] = v[a, i]; y[i] = v[b, i]; if (v[b, i] > 0) r[++m] = v[a, i] / v[b, i] }
      sort(x, n); sort(y, n); sort(r, m)
      printf "    %-18s" fmt " " fmt, label, med(x, n), med(y, n)
      if (m == 0) printf "   %7s\n", "n/a (below the 10 ms resolution)"
      else printf "   %7.2f %7.2f %7.2f%s\n", med(r, m), r[1], r[m], (m < n ? "  (" n - m " pairs without a peer figure)" : "")
    }
    END {
      printf "    %-18s%9s %9s   %7s %7s %7s\n", "", "haul", peer, "median", "min", "max"
      row("wall s", 1, 4, "%9.3f"); row("cpu s (user+sys)", 2, 5, "%9.2f"); row("peak RSS MiB", 3, 6, "%9.1f")
    }'
}

# ---- main --------------------------------------------------------------------------------

start_s=$EPOCHREALTIME
note "generating data in $work"
for wl in "${workloads[@]}"; do generate "$wl"; done
for wl in "${workloads[@]}"; do
  workload "$wl"
  (cd "$data/$wl" && find . -maxdepth 1 -name '*.bin' -printf '%f\n' | sort) > "$lists/$wl.names"
done
if (( tls )); then make_certificates; fi
start_nginx
base="$scheme://127.0.0.1:$PORT" fault_base=
if [[ -n $python_bin ]]; then start_fault_server; fault_base="http://127.0.0.1:$FAULT_PORT"; fi
for wl in "${workloads[@]}"; do
  workload "$wl"
  b=$base; [[ $wl_server == fault ]] && b=$fault_base
  awk -v b="$b/$wl/" '{ print b $0 }' "$lists/$wl.names" > "$lists/$wl.urls"
  awk '{ printf "url = \"%s\"\n", $0 }' "$lists/$wl.urls" > "$lists/$wl.curl"
done
fingerprint=$(cat "$manifests"/*.sha256 | sha256sum | cut -c1-16)

# haul: built now if this checkout has changed, and run once, so that the build and its
# class-data-sharing archive (made by a background job after a first run) are not timed.
note "preparing haul (the first run of a checkout builds it)"
"${haul_argv[@]}" --version >/dev/null 2>"$work/haul-prepare.log" || { cat "$work/haul-prepare.log" >&2; die "haul does not run"; }
mkdir -p "$outbase/prepare"
first=$(head -1 "$lists/${workloads[0]}.urls")
trust=(); if (( tls )) && [[ $first == https:* ]]; then trust=(--cacert "$ca"); fi
"${haul_argv[@]}" --no-config -q -d "$outbase/prepare" "${trust[@]}" "$first" \
  >/dev/null 2>"$work/haul-prepare.log" || { cat "$work/haul-prepare.log" >&2; die "haul could not download $first"; }
rm -rf "$outbase/prepare"
if [[ ${haul_argv[0]} == "$repo/haul" && ${#haul_argv[@]} == 1 && -w $repo/cli/target ]]; then
  jar=$repo/cli/target/haul.jar
  for i in $(seq 240); do
    ready=0
    for f in "$repo"/cli/target/haul-*.jsa "$repo"/cli/target/haul-*.jsa.failed; do
      if [[ -f $f && $f -nt $jar ]]; then ready=1; fi
    done
    if (( ready )); then break; fi
    if (( i == 1 )); then note "waiting for haul's class-data-sharing archive (made once per build)"; fi
    sleep 0.5
  done
fi

# How much of a wall time is the measuring itself: the median of 'true' run through taskset,
# GNU time and timeout, less the median of 'true' alone (its own start is a client's cost too).
median_of_true() {
  local t0 t1
  for _ in 1 2 3 4 5 6 7 8 9 10 11; do
    t0=$EPOCHREALTIME; "$@"; t1=$EPOCHREALTIME
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f\n", b - a }'
  done | sort -n | sed -n 6p
}
true_bin=$(type -P true)
overhead=$(awk -v w="$(median_of_true "${pin_client[@]}" "$gtime" -o /dev/null -f '' timeout --foreground 10 "$true_bin")" \
               -v b="$(median_of_true "$true_bin")" 'BEGIN { d = w - b; printf "%.6f", (d > 0 ? d : 0) }')

echo "haul loopback benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $cpus CPUs ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo unknown)), $placement"
echo "server: $("$nginx_bin" -v 2>&1 | sed 's/^nginx version: //') on $base ($( (( tls )) && echo "TLS, h2 or HTTP/1.1 by ALPN" || echo "HTTP/1.1"))$([[ -n $fault_base ]] && echo "; bench/faultserver.py on $fault_base (latency, flaky)")"
echo "clients: $(version_of haul)$(for p in "${peers[@]}"; do printf ', %s' "$(version_of "$p")"; done)"
echo "data: fingerprint $fingerprint (the same on every machine); downloads into $outbase"
echo "wall times are net of the measuring overhead (taskset, GNU time, timeout): $(awk -v f="$overhead" 'BEGIN { printf "%.1f ms", f * 1000 }') a run"
echo "ratios are haul/peer per pair of runs: below 1 means haul took less"

failures=0
summary=$work/summary.txt; : > "$summary"; : > "$work/conns.txt"
for wl in "${workloads[@]}"; do
  workload "$wl"
  echo
  wl_scheme=$scheme how="$wl_conc at once"
  case $wl in
    throttled) how="over $wl_conc connections, each capped at 16 MiB/s by the server (the limit: $(awk \
                 -v b="$wl_size" -v c="$wl_conc" 'BEGIN { printf "%.2f s", b / (c * 16 * 1048576) }'))" ;;
    latency) wl_scheme="http (bench/faultserver.py)" how+=", each answered 50 ms after its request" ;;
    flaky) wl_scheme="http (bench/faultserver.py)" how+=", every 20th response reset mid-body" ;;
  esac
  printf '%s: %d x %s, %s, %s; %d measured pairs after %d warm-up pair(s)\n' \
    "$wl" "$wl_count" "$(human "$wl_size")" "$how" "$wl_scheme" "$wl_pairs" "$warmup"
  wl_start=$EPOCHREALTIME
  run_peers=()
  for p in "${peers[@]}"; do [[ " $wl_peers " == *" $p "* ]] && run_peers+=("$p"); done
  if (( ${#run_peers[@]} == 0 )); then
    for i in $(seq $((warmup + wl_pairs))); do
      if ! run_once haul "$wl" > "$work/msg.txt"; then
        sed 's/^/    /' "$work/msg.txt"; failures=$((failures + 1)); break
      fi
      if (( i > warmup )); then echo "    haul: wall $r_wall s, cpu $r_cpu s, peak RSS $r_rss MiB"; fi
    done
    continue
  fi
  for peer in "${run_peers[@]}"; do
    if [[ $peer == curl ]] && (( wl_conc > 300 )); then
      echo "  (curl 7.88 caps --parallel-max at 300: it runs fewer transfers at once than asked)"
    fi
    echo "  haul vs $peer"
    pairs_file=$work/pairs-$wl-$peer.txt; : > "$pairs_file"
    ok=1
    for i in $(seq $((warmup + wl_pairs))); do
      if [[ -t 2 ]]; then
        printf '    pair %d/%d%s\r' "$i" $((warmup + wl_pairs)) "$( (( i <= warmup )) && echo ' (warm-up)')" >&2
      fi
      if ! run_once haul "$wl" > "$work/msg.txt"; then ok=0; break; fi
      h="$r_wall $r_cpu $r_rss"
      if ! run_once "$peer" "$wl" > "$work/msg.txt"; then ok=0; break; fi
      if (( i > warmup )); then echo "$h $r_wall $r_cpu $r_rss" >> "$pairs_file"; fi
    done
    if [[ -t 2 ]]; then printf '%40s\r' '' >&2; fi
    if (( ! ok )); then
      sed 's/^/    /' "$work/msg.txt"
      failures=$((failures + 1))
      echo "$wl $peer failed" >> "$summary"
      continue
    fi
    report "$peer" < "$pairs_file"
    awk -v wl="$wl" -v peer="$peer" '
      function sort(x, n,   i, j, t) { for (i = 2; i <= n; i++) for (j = i; j > 1 && x[j-1] > x[j]; j--) { t = x[j]; x[j] = x[j-1]; x[j-1] = t } }
      function med(x, n) { return n % 2 ? x[(n + 1) / 2] : (x[n / 2] + x[n / 2 + 1]) / 2 }
      { n++; w[n] = $1 / $4; if ($5 > 0) c[++m] = $2 / $5; r[n] = $3 / $6 }
      END { sort(w, n); sort(c, m); sort(r, n)
            printf "%s %s %.2f %s %.2f\n", wl, peer, med(w, n), (m ? sprintf("%.2f", med(c, m)) : "n/a"), med(r, n) }' \
      "$pairs_file" >> "$summary"
  done
  awk -v wl="$wl" '$1 == wl { n[$2]++; v[$2, n[$2]] = $3 }
    END { printf "  connections opened per run (median):"
          for (c in n) { m = n[c]; for (i = 1; i <= m; i++) x[i] = v[c, i]
            for (i = 2; i <= m; i++) for (j = i; j > 1 && x[j-1] > x[j]; j--) { t = x[j]; x[j] = x[j-1]; x[j-1] = t }
            printf " %s %d", c, x[int((m + 1) / 2)] }
          printf "\n" }' "$work/conns.txt"
  awk -v a="$wl_start" -v b="$EPOCHREALTIME" 'BEGIN { printf "  (%.0f s with verification)\n", b - a }'
done

if (( ${#peers[@]} )); then
  echo
  echo "summary: median ratios haul/peer, wall / cpu / peak RSS"
  awk -v peers="${peers[*]}" '
    BEGIN { np = split(peers, p, " "); printf "  %-9s", "workload"; for (i = 1; i <= np; i++) printf "  %-20s", p[i]; printf "\n" }
    $3 == "failed" { cell[$1, $2] = "failed"; if (!seen[$1]++) order[++nw] = $1; next }
    { cell[$1, $2] = sprintf("%s / %s / %s", $3, $4, $5); if (!seen[$1]++) order[++nw] = $1 }
    END { for (w = 1; w <= nw; w++) { printf "  %-9s", order[w]; for (i = 1; i <= np; i++) printf "  %-20s", ((order[w], p[i]) in cell ? cell[order[w], p[i]] : "-"); printf "\n" } }' "$summary"
fi
echo
awk -v a="$start_s" -v b="$EPOCHREALTIME" -v f="$failures" 'BEGIN { printf "done in %.0f s%s\n", b - a, (f ? ", " f " comparison(s) FAILED" : "") }'
(( failures == 0 ))
