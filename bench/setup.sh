# Sourced by the end-to-end bench scripts: builds the command line when needed and sets
#   $root (the project), $jar (the shaded jar) and $work (a temporary folder removed on exit).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/redteam4j" --version >/dev/null   # builds the jar when needed
jar="$root/app/target/redteam4j.jar"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
