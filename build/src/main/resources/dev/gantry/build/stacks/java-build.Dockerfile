# The JDK comes from Debian ($DEBIAN_RELEASE: bookworm has OpenJDK 17 only, trixie 21 and 25); Maven
# from Maven Central, pinned and checked against its SHA-512, because Debian's Maven 3.8 binds
# plugins (compiler 3.1) too old for the poms people write today (maven.compiler.release).
RUN install-packages --release "$DEBIAN_RELEASE" "openjdk-$JAVA_VERSION-jdk-headless" curl
ARG MAVEN_VERSION=3.9.16
ARG MAVEN_SHA512=831a8591fe20c8243b1dbe7d71e3244f31d1665b0804b2e825e38cbbe5ce0cafb8338851f90780735568773e0a6cd07bbec107cda0b896b008b861075358b6f6
RUN curl -fsSL -o /tmp/maven.tar.gz \
      "https://repo.maven.apache.org/maven2/org/apache/maven/apache-maven/$MAVEN_VERSION/apache-maven-$MAVEN_VERSION-bin.tar.gz" \
 && echo "$MAVEN_SHA512  /tmp/maven.tar.gz" | sha512sum -c - \
 && mkdir /opt/maven \
 && tar -xzf /tmp/maven.tar.gz -C /opt/maven --strip-components=1 \
 && rm /tmp/maven.tar.gz \
 && ln -s /opt/maven/bin/mvn /usr/local/bin/mvn
# A build runs Maven for seconds, not hours: the JIT's first tier alone makes it start much faster.
ENV MAVEN_OPTS="-XX:TieredStopAtLevel=1"
