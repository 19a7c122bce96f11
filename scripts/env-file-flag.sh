#!/bin/sh
# Prints `--env-file=<path>` for node when the repository's .env exists (ARIA_ENV_FILE names
# another), and nothing otherwise: Node 20 has no --env-file-if-exists. Variables already set
# in the environment win over the file.
file=${ARIA_ENV_FILE:-$(dirname "$0")/../.env}
if [ -f "$file" ]; then printf -- '--env-file=%s' "$file"; fi
