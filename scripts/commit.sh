#!/usr/bin/env bash
# Serialised commit for parallel work in one tree: scripts/commit.sh "message" path...
set -euo pipefail
msg="$1"; shift
exec 9>/tmp/rastro-git.lock
flock 9
git add -- "$@"
git commit -q -m "$msg" -- "$@"
git log --oneline -1
