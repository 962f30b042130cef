# Every stack image trusts the CAs the base image carries (the host's, e.g. a TLS-intercepting proxy's)
# everywhere, Java's truststore included, and has the user apps run as: app, uid 1000. Text is
# UTF-8 (Maven, javac and Python otherwise take ASCII).
ENV LANG=C.UTF-8
COPY trust-host-cas install-packages /usr/local/sbin/
RUN trust-host-cas \
 && useradd --uid 1000 --user-group --home-dir /app --no-create-home --shell /usr/sbin/nologin app
