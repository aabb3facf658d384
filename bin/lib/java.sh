# Finding a Java 21 or newer, shared by bin/verdict and deploy/local/run.sh (sourced, not run).
# find_java prints the java binary: JAVA_HOME first, then java on PATH, then the newest JDK under
# /usr/lib/jvm; nothing (and status 1) when there is none.

# The major version of a java binary: from the JDK's release file, else by asking the JVM.
java_major() {
  local bin=$1 home v
  home=$(cd "$(dirname "$bin")/.." 2>/dev/null && pwd) || true
  if [[ -n $home && -r $home/release ]]; then
    v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
  fi
  if [[ -z ${v:-} ]]; then
    v=$("$bin" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1)
  fi
  v=${v#1.}
  echo "${v%%[!0-9]*}"
}

ok_java() {
  local major
  [[ -x $1 ]] || return 1
  major=$(java_major "$1")
  [[ -n $major && $major -ge 21 ]]
}

# JAVA_HOME first, then java on PATH, then the newest JDK under /usr/lib/jvm.
find_java() {
  local candidate
  if [[ -n ${JAVA_HOME:-} ]] && ok_java "$JAVA_HOME/bin/java"; then
    echo "$JAVA_HOME/bin/java"
    return
  fi
  # java on PATH is usually a symlink (/usr/bin/java); its JDK is where the link ends.
  if candidate=$(command -v java 2>/dev/null); then
    candidate=$(readlink -f "$candidate" 2>/dev/null || echo "$candidate")
    if ok_java "$candidate"; then
      echo "$candidate"
      return
    fi
  fi
  local best="" best_major=0 major
  for candidate in /usr/lib/jvm/*/bin/java; do
    [[ -x $candidate ]] || continue
    major=$(java_major "$candidate")
    if [[ -n $major && $major -ge 21 && $major -gt $best_major ]]; then
      best=$candidate
      best_major=$major
    fi
  done
  [[ -n $best ]] && echo "$best"
}
