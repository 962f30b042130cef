RUN install-packages nodejs
