RUN install-packages openjdk-17-jre-headless
