#!/usr/bin/env bash
# The README's promise: a plain script that writes one framed hello to objector-host gets one framed
# reply, through pipes and through files. Uses only bash, printf, od, sed, wc. Usage: hello_script.sh /path/to/objector-host
set -euo pipefail
host="$1"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
body='{"id":1,"type":"hello"}'
len=${#body}
# 4-byte little-endian length, then the JSON.
header=$(printf '\\x%02x\\x%02x\\x%02x\\x%02x' $((len & 255)) $(((len >> 8) & 255)) $(((len >> 16) & 255)) $(((len >> 24) & 255)))
reply="$(printf "$header%s" "$body" | OBJECTOR_DATA_DIR="$data" "$host" | od -An -v -tx1 | tr -d ' \n')"
size=$((16#${reply:6:2}${reply:4:2}${reply:2:2}${reply:0:2}))
json="$(printf '%s' "${reply:8}" | sed 's/\(..\)/\\x\1/g' | xargs -0 printf '%b')"
[ "$size" -eq "${#json}" ] || { echo "length $size does not match the ${#json}-byte body" >&2; exit 1; }
# The same with stdin and stdout redirected to regular files (epoll cannot watch those).
printf "$header%s" "$body" > "$data/request.bin"
OBJECTOR_DATA_DIR="$data" "$host" < "$data/request.bin" > "$data/reply.bin"
[ "$(wc -c < "$data/reply.bin")" -eq $((size + 4)) ] || { echo "no full reply when stdin is a file" >&2; exit 1; }
echo "reply of $size bytes: $json"
