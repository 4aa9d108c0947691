#!/usr/bin/env bash
# RabbitMQ and PostgreSQL for the native stack, wget for Jaeger's health check (the same command as in
# docker-compose.yml), and a headless Chromium with fonts for the trace explorer's browser test.
# Installed from Debian's packages only where missing; their services are not started here:
# `npm run stack:up` starts them.
set -euo pipefail
missing=()
command -v rabbitmq-server >/dev/null 2>&1 || [ -x /usr/sbin/rabbitmq-server ] || missing+=(rabbitmq-server)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
command -v wget >/dev/null 2>&1 || missing+=(wget)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -d /usr/share/fonts/truetype/liberation ] || missing+=(fonts-liberation)
if [ ${#missing[@]} -eq 0 ]; then
  echo "already installed: rabbitmq-server postgresql wget chromium fonts-liberation"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-debian-packages: installing ${missing[*]} needs root (sudo npm run setup)" >&2
  exit 1
fi
echo "installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
