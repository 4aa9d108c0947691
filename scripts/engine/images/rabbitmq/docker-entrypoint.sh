#!/bin/sh
# Writes the node's configuration from the official image's variables, then runs RabbitMQ as the
# `rabbitmq` user. The default user is created when the node first starts with an empty data folder,
# as in the official image; a restarted container keeps the users it has.
set -eu

if [ "$1" = rabbitmq-server ] && [ "$(id -u)" = 0 ]; then
  cat > /etc/rabbitmq/rabbitmq.conf <<CONF
loopback_users.guest = false
listeners.tcp.default = 5672
management.tcp.port = 15672
default_user = ${RABBITMQ_DEFAULT_USER:-guest}
default_pass = ${RABBITMQ_DEFAULT_PASS:-guest}
log.console = true
log.console.level = info
log.file = false
CONF
  # A fresh volume belongs to root.
  chown -R rabbitmq:rabbitmq /var/lib/rabbitmq
  export HOME=/var/lib/rabbitmq
  # Debian's /usr/sbin/rabbitmq-server would keep a shell as PID 1's child and log to a file; the
  # script it wraps runs the node in the foreground and stops it cleanly on SIGTERM.
  shift
  exec setpriv --reuid=rabbitmq --regid=rabbitmq --init-groups /usr/lib/rabbitmq/bin/rabbitmq-server "$@"
fi
exec "$@"
