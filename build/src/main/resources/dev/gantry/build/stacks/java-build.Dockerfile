RUN install-packages openjdk-17-jdk-headless maven
# A build runs Maven for seconds, not hours: the JIT's first tier alone makes it start much faster.
ENV MAVEN_OPTS="-XX:TieredStopAtLevel=1"
