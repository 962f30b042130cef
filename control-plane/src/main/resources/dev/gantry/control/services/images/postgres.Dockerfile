# PostgreSQL @VERSION@ from Debian's packages. The package would make a cluster of its own when installed;
# the service's cluster is made on its volume at the first start instead (gantry-postgres).
RUN mkdir -p /etc/postgresql-common \
 && echo 'create_main_cluster = false' >/etc/postgresql-common/createcluster.conf \
 && apt-get update -q \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql-@VERSION@ \
 && apt-get clean && rm -rf /var/lib/apt/lists/* \
 && install -d -o postgres -g postgres -m 0700 /var/lib/gantry-service \
 && install -d -o postgres -g postgres -m 2775 /var/run/postgresql
COPY gantry-postgres gantry-backup gantry-restore gantry-connect /usr/local/bin/
USER postgres
ENV LANG=C.UTF-8 PATH=/usr/lib/postgresql/@VERSION@/bin:$PATH PGDATA=/var/lib/gantry-service/pgdata
# A fast shutdown: SIGTERM asks for a smart one, which waits for every app's connection to close.
STOPSIGNAL SIGINT
HEALTHCHECK --interval=5s --timeout=5s --start-period=60s --retries=3 CMD pg_isready -q -h /var/run/postgresql
CMD ["gantry-postgres"]
