RUN install-packages --release "$DEBIAN_RELEASE" "openjdk-$JAVA_VERSION-jre-headless"
# Every JVM of the app (a Procfile's too) may use 75% of the instance's memory limit, not Java's 25%.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
