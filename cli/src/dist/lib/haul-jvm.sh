# Sourced by both launchers (the repository's ./haul and an install's bin/haul): chooses the java
# and its flags for haul, and keeps haul's class-data-sharing archive.
#
#   haul_jvm JAR [ARCHIVE_DIR]   sets java_bin and the array jvm_flags
#
# Class-data sharing: once per jar and Java, a background job records which classes an ordinary
# download loads (dev.haul.cli.StartupTraining, against a throwaway server on 127.0.0.1), dumps
# them, parsed and verified, into an archive haul-JAVA.jsa in ARCHIVE_DIR (when writable; else,
# and for an install, in ${XDG_CACHE_HOME:-~/.cache}/haul/, when that cache directory exists),
# and later runs map it: about half off each start. The job waits until the run that started it has exited, so that run is
# neither slower nor different; it writes to a temporary name and renames, so concurrent runs
# never see half an archive; a missing, stale or unusable archive only means a slower start.
# The archive is named for the exact Java build and used only while newer than the jar and the JVM.

# File names are bytes, and the JVM turns a name into bytes with the charset of the locale it
# starts under (sun.jnu.encoding): under LANG=C that is ASCII, and "café.txt" cannot be saved at
# all. When the locale's character type is not UTF-8, the JVM gets LC_CTYPE=C.UTF-8 (LC_ALL when
# that is what is set), so names are written as UTF-8, as curl and wget write them; messages and
# the rest of the locale are left alone. Where C.UTF-8 is missing, the JVM stays in ASCII and
# haul saves the name with '_' for what ASCII cannot hold.
haul_utf8_file_names() {
  local ctype=${LC_ALL:-${LC_CTYPE:-${LANG:-}}}
  case $ctype in
    *.[Uu][Tt][Ff]-8|*.[Uu][Tt][Ff]-8@*|*.[Uu][Tt][Ff]8|*.[Uu][Tt][Ff]8@*) ;;
    *) if [ -n "${LC_ALL:-}" ]; then export LC_ALL=C.UTF-8; else export LC_CTYPE=C.UTF-8; fi ;;
  esac
}

haul_jvm() {
  local jar=$1 preferred_dir=${2:-}
  haul_utf8_file_names
  case $jar in /*) ;; *) jar=$PWD/$jar ;; esac   # the archive records the jar's path: never relative

  # Which Java, from its release file: no second JVM start just to ask for the version.
  local java_home= found key value java_version= java_build=
  if [ -n "${JAVA_HOME:-}" ]; then
    java_bin=$JAVA_HOME/bin/java
    java_home=$JAVA_HOME
  else
    java_bin=java
    # Without forking (each fork costs about a millisecond): the java on PATH, matched by inode
    # against the usual JDK directories; readlink only for a java found elsewhere.
    if hash java 2>/dev/null; then
      found=${BASH_CMDS[java]:-}
      local candidate
      for candidate in /usr/lib/jvm/*/bin/java; do
        if [ "$candidate" -ef "$found" ]; then java_home=${candidate%/bin/java}; break; fi
      done
      if [ -z "$java_home" ] && found=$(readlink -f "$found" 2>/dev/null); then java_home=${found%/bin/java}; fi
    fi
  fi
  if [ -n "$java_home" ] && [ -r "$java_home/release" ]; then
    while IFS='=' read -r key value; do
      value=${value#\"}; value=${value%\"}
      case $key in
        JAVA_VERSION) java_version=$value ;;
        JAVA_RUNTIME_VERSION) java_build=$value ;;
      esac
    done < "$java_home/release"
  fi
  local java_major=${java_version%%.*}
  case $java_major in ''|*[!0-9]*) java_major=0 ;; esac

  # Short-lived and I/O bound: the C1 compiler and the serial collector start fastest, and C1
  # alone also moved the bench workloads faster than C2 did (medium, small and big: less CPU,
  # shorter wall in every pair); one compiler thread leaves the second core to the loop and the
  # warm-up (one 1 KiB run: ~10 % sooner, bulk throughput the same). To try C2:
  # HAUL_JAVA_OPTS="-XX:TieredStopAtLevel=4 -XX:CICompilerCount=2". All JVM output goes to
  # stderr, and class-data-sharing messages nowhere: a stale archive is not the user's business.
  local logs=all=warning,cds*=off
  if (( java_major >= 25 )); then logs+=,aot*=off; fi
  # Bodies live in pooled direct buffers, so the Java heap stays small: start it at 16 MiB with a
  # young generation of at most 32 MiB (10,000 open transfers: peak RSS 209 -> 126 MiB, same wall).
  # Compiling after 20 calls instead of 200 shortens the warm-up a run of many small files
  # spends interpreted (2000 x 64 KiB on loopback: 1.26 s -> 1.10 s), for ~8 ms more on one tiny file.
  # No perf-data file in /tmp per run (-XX:-UsePerfData): a few ms and a file write less; jcmd and
  # jps do not list haul, which a download that ends in seconds does not need.
  jvm_flags=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -Xss512k -XX:-UsePerfData
             -XX:Tier3InvocationThreshold=20 -XX:Tier3MinInvocationThreshold=10
             -XX:Tier3CompileThreshold=100 -XX:Tier3BackEdgeThreshold=2000
             -Xms16m -XX:NewSize=4m -XX:MaxNewSize=32m
             -XX:+DisplayVMOutputToStderr -Xlog:disable "-Xlog:$logs:stderr"
             -Dio.netty.jfr.enabled=false)
  # Java 23+ warns when sun.misc.Unsafe's memory access is used (Netty does) unless allowed.
  if (( java_major >= 23 )); then jvm_flags+=(--sun-misc-unsafe-memory-access=allow); fi

  (( java_major >= 17 )) && [ -n "$java_build" ] && [ -f "$jar" ] || return 0
  # base: a directory that must already exist (and stay) for a job to write below it. A cache
  # directory that does not exist yet is taken for a throwaway home, such as a test's, which its
  # owner deletes as soon as haul exits: no job creates files in it behind their back.
  local archive_dir base
  if [ -n "$preferred_dir" ] && [ -w "$preferred_dir" ]; then
    archive_dir=$preferred_dir
    base=$preferred_dir
  else
    key=${jar//[^A-Za-z0-9._-]/_}
    if (( ${#key} > 200 )); then key=${key: -200}; fi
    local cache=${XDG_CACHE_HOME:-}
    case $cache in /*) ;; *) cache=${HOME:-/nonexistent}/.cache ;; esac   # XDG: a relative value is ignored
    archive_dir=$cache/haul/$key
    base=$cache
  fi
  local archive=$archive_dir/haul-${java_build//[^A-Za-z0-9._+-]/_}.jsa
  # Netty's native libraries, copied out of the jar once (see dev.haul.cli.NativeLibraries): named
  # here, they are loaded as they are instead of copied to a temporary file on every run.
  local natives=$archive_dir/native have_archive= have_natives=
  if [ -f "$natives/.complete" ] && [ "$natives/.complete" -nt "$jar" ]; then
    jvm_flags+=("-Djava.library.path=$natives")
    have_natives=1
  elif [ "$archive_dir/native.failed" -nt "$jar" ]; then
    have_natives=1   # nothing to copy on this machine: not asked again for this jar
  fi
  if [ -f "$archive" ] && [ "$archive" -nt "$jar" ] && ! [ "$java_home/lib/server/libjvm.so" -nt "$archive" ]; then
    jvm_flags+=("-XX:SharedArchiveFile=$archive")
    have_archive=1
  elif [ "$archive.failed" -nt "$jar" ]; then
    have_archive=1
  fi
  if { [ -z "$have_archive" ] || [ -z "$have_natives" ]; } && [ -d "$base" ] && [ -w "$base" ]; then
    haul_jvm_train "$jar" "$base" "$archive_dir" "$archive" </dev/null >/dev/null 2>&1 &
  fi
}

# Makes the archive after the launching run ($$: the launcher is about to become the JVM) has
# exited. Detached from the terminal's signals and from every inherited descriptor, so nothing
# waits for it or hears from it. One job at a time per directory (flock, where there is one).
haul_jvm_train() (
  jar=$1 base=$2 archive_dir=$3 archive=$4
  trap '' INT HUP
  for fd in /proc/$BASHPID/fd/*; do
    fd=${fd##*/}
    case $fd in ''|*[!0-9]*|0|1|2) continue ;; esac
    eval "exec $fd>&-" 2>/dev/null || true
  done
  while kill -0 $$ 2>/dev/null; do sleep 0.2; done
  [ -d "$base" ] || exit 0   # gone with its home: never recreate it
  mkdir -p "$archive_dir" 2>/dev/null || exit 0
  exec 9>"$archive_dir/.haul-training.lock" || exit 0
  if command -v flock >/dev/null; then flock -n 9 || exit 0; fi
  natives=$archive_dir/native
  if ! [ "$natives/.complete" -nt "$jar" ] && ! [ "$archive_dir/native.failed" -nt "$jar" ]; then
    ntmp=$natives.$BASHPID.tmp
    rm -rf "$ntmp"
    if "$java_bin" -cp "$jar" dev.haul.cli.NativeLibraries "$ntmp" && : > "$ntmp/.complete"; then
      # A run starting while the old copy is moved aside finds none and extracts as before: harmless.
      rm -rf "$natives.old"
      if [ -d "$natives" ]; then mv "$natives" "$natives.old"; fi
      mv "$ntmp" "$natives" && rm -f "$archive_dir/native.failed"
      rm -rf "$natives.old"
    else
      rm -rf "$ntmp"
      : > "$archive_dir/native.failed"
    fi
  fi
  # Another run may have made it while this one waited.
  if [ -f "$archive" ] && [ "$archive" -nt "$jar" ]; then exit 0; fi
  if [ "$archive.failed" -nt "$jar" ]; then exit 0; fi
  tmp=$archive.$BASHPID.tmp
  nice=(env); if command -v nice >/dev/null; then nice=(nice -n 10); fi
  # The last step checks that the new archive maps with these flags and this jar (-Xshare:on
  # fails otherwise) before any run uses it.
  if "${nice[@]}" "$java_bin" "${jvm_flags[@]}" -XX:DumpLoadedClassList="$tmp.classes" \
         -cp "$jar" dev.haul.cli.StartupTraining \
     && "${nice[@]}" "$java_bin" "${jvm_flags[@]}" -Xshare:dump -XX:SharedClassListFile="$tmp.classes" \
         -XX:SharedArchiveFile="$tmp" -cp "$jar" \
     && "$java_bin" "${jvm_flags[@]}" -Xshare:on -XX:SharedArchiveFile="$tmp" -jar "$jar" --version \
     && mv -f "$tmp" "$archive"; then
    rm -f "$tmp.classes" "$archive.failed"
  else
    rm -f "$tmp" "$tmp.classes"
    : > "$archive.failed"   # not again for this jar: a rebuilt jar tries anew
  fi
)
