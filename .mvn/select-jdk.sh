# shellcheck shell=sh
# Sourced by ./mvnw and .ci/run: makes sure Maven runs on a JDK >= 21 (Omnigate's language level)
# without anyone exporting JAVA_HOME by hand. Order: JAVA_HOME if it is new enough, then `java` on
# the PATH, then the newest JDK >= 21 found in the usual install folders. Set OMNIGATE_JAVA_HOME to
# force one.

omnigate_min_java=21

omnigate_java_major() {
  # prints the feature version (17, 21, 25 ...) of the java binary given, or nothing
  [ -x "$1" ] || return 0
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

omnigate_select_jdk() {
  if [ -n "${OMNIGATE_JAVA_HOME-}" ]; then
    JAVA_HOME="$OMNIGATE_JAVA_HOME"; export JAVA_HOME; return 0
  fi
  if [ -n "${JAVA_HOME-}" ]; then
    major=$(omnigate_java_major "$JAVA_HOME/bin/java")
    if [ -n "$major" ] && [ "$major" -ge "$omnigate_min_java" ]; then return 0; fi
    rejected="JAVA_HOME=$JAVA_HOME (Java ${major:-unknown})"
  else
    path_java=$(command -v java 2>/dev/null || true)
    if [ -n "$path_java" ]; then
      major=$(omnigate_java_major "$path_java")
      if [ -n "$major" ] && [ "$major" -ge "$omnigate_min_java" ]; then return 0; fi
      rejected="java on the PATH (Java ${major:-unknown})"
    fi
  fi
  best_home=""; best_major=0
  # ./mvnw runs with `set -f`; globbing is needed for the scan below
  case $- in *f*) omnigate_noglob=1; set +f ;; *) omnigate_noglob=0 ;; esac
  for candidate in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* \
      "${HOME:-/nonexistent}"/.sdkman/candidates/java/* "${HOME:-/nonexistent}"/.jdks/* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(omnigate_java_major "$candidate/bin/java")
    [ -n "$major" ] || continue
    if [ "$major" -gt "$best_major" ]; then best_major=$major; best_home=$candidate; fi
  done
  [ "$omnigate_noglob" = 0 ] || set -f
  if [ "$best_major" -ge "$omnigate_min_java" ]; then
    JAVA_HOME="$best_home"; export JAVA_HOME
    [ -z "${rejected-}" ] || echo "omnigate: ${rejected} is older than Java ${omnigate_min_java}; using Java ${best_major} at ${best_home}" >&2
    return 0
  fi
  echo "omnigate: Java ${omnigate_min_java} or newer is required, but ${rejected:-no java} was found and no JDK >= ${omnigate_min_java} is installed in /usr/lib/jvm or the other usual places." >&2
  echo "omnigate: install one (for example Temurin 25) and set JAVA_HOME=/path/to/that/jdk, or OMNIGATE_JAVA_HOME." >&2
  return 1
}

omnigate_select_jdk || exit 1
# Maven 3.9's bundled Guava warns about sun.misc.Unsafe on JDK 24+; silence only that warning.
omnigate_java_bin="${JAVA_HOME:+$JAVA_HOME/bin/java}"
if [ "$(omnigate_java_major "${omnigate_java_bin:-$(command -v java)}" 2>/dev/null || true)" -ge 24 ] 2>/dev/null; then
  case "${MAVEN_OPTS-}" in *sun-misc-unsafe-memory-access*) ;; *) MAVEN_OPTS="${MAVEN_OPTS-} --sun-misc-unsafe-memory-access=allow"; export MAVEN_OPTS ;; esac
fi
