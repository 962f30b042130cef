# Redis @VERSION@ from Debian's package, run as the package's user with its data on the service's volume.
RUN apt-get update -q \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends redis-server \
 && apt-get clean && rm -rf /var/lib/apt/lists/* \
 && test "$(redis-server --version | sed 's/.* v=\([0-9]*\).*/\1/')" = "@VERSION@" \
 && install -d -o redis -g redis -m 0700 /var/lib/gantry-service /run/gantry-redis
COPY gantry-redis gantry-backup gantry-restore gantry-connect /usr/local/bin/
USER redis
ENV LANG=C.UTF-8
HEALTHCHECK --interval=5s --timeout=5s --start-period=30s --retries=3 \
  CMD REDISCLI_AUTH="$GANTRY_SERVICE_PASSWORD" redis-cli -h 127.0.0.1 ping | grep -q PONG
CMD ["gantry-redis"]
