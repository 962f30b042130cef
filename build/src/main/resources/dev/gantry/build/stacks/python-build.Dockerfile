# Python 3 as $DEBIAN_RELEASE packages it (bookworm 3.11, trixie 3.13).
RUN install-packages --release "$DEBIAN_RELEASE" python3 python3-venv
# requests (and pip-installed tools using it) carry their own CA list: point them at the system's,
# which trusts the host's CAs. No wheel cache: it would only grow the layer.
ENV REQUESTS_CA_BUNDLE=/etc/ssl/certs/ca-certificates.crt PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
