RUN install-packages --release "$DEBIAN_RELEASE" python3
# Output reaches `logs` as it is printed; requests trusts the system's CAs, the host's included.
ENV PYTHONUNBUFFERED=1 REQUESTS_CA_BUNDLE=/etc/ssl/certs/ca-certificates.crt
