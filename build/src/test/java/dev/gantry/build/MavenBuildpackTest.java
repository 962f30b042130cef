package dev.gantry.build;

import static dev.gantry.build.GeneratedDockerfiles.assertInOrder;
import static dev.gantry.build.GeneratedDockerfiles.runStage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MavenBuildpackTest {

    private final MavenBuildpack maven = new MavenBuildpack();
    private final Stack stack = Stacks.defaults().stack("java");

    @Test
    void dependenciesResolveFromThePomAloneBeforeTheSourceIsCopied() {
        String dockerfile = maven.dockerfile(MapTree.of("pom.xml", "<project/>"), stack);

        assertInOrder(dockerfile,
                "FROM gantry/stack-java:build AS build",
                "COPY pom.xml ./",
                "RUN mvn -B org.apache.maven.plugins:maven-dependency-plugin:3.9.0:go-offline",
                "COPY . ./",
                "RUN mvn -B -DskipTests package \\",
                "FROM gantry/stack-java:run",
                "USER 1000:1000",
                "CMD exec java -XX:MaxRAMPercentage=75 $JAVA_OPTS -jar /app/app.jar",
                "COPY --from=build --chown=1000:1000 /out/ /app/");
        assertFalse(runStage(dockerfile).contains("mvn"), dockerfile);
    }

    @Test
    void springBootAndQuarkusAppsGetThePortAsTheirProperty() {
        String spring = maven.dockerfile(MapTree.of("pom.xml", "<artifactId>spring-boot-maven-plugin</artifactId>"),
                stack);
        String quarkus = maven.dockerfile(MapTree.of("pom.xml", "<artifactId>quarkus-maven-plugin</artifactId>"),
                stack);

        assertTrue(spring.contains("CMD exec java -XX:MaxRAMPercentage=75 $JAVA_OPTS -Dserver.port=$PORT"
                + " -jar /app/app.jar\n"), spring);
        assertTrue(quarkus.contains("CMD exec java -XX:MaxRAMPercentage=75 $JAVA_OPTS -Dquarkus.http.port=$PORT"
                + " -jar /app/app.jar\n"), quarkus);
    }

    @Test
    void quarkusArtifactsOfTheBuildStepsAreFetchedWithTheDependencies() {
        String quarkus = maven.dockerfile(MapTree.of("pom.xml", "<artifactId>quarkus-maven-plugin</artifactId>"),
                stack);

        assertInOrder(quarkus, "COPY pom.xml ./",
                "RUN mvn -B org.apache.maven.plugins:maven-dependency-plugin:3.9.0:go-offline quarkus:go-offline",
                "COPY . ./");
    }

    @Test
    void theBuildKeepsQuarkusFastJarElseTheLargestJar() {
        String dockerfile = maven.dockerfile(MapTree.of("pom.xml", "<project/>"), stack);

        assertTrue(dockerfile.contains("cp -R target/quarkus-app/. /out/ && mv /out/quarkus-run.jar /out/app.jar"),
                dockerfile);
        assertTrue(dockerfile.contains("jar=$(ls -S target/*.jar"), dockerfile);
    }

    @Test
    void theReasonNamesTheFrameworkAndThatMvnwIsNotUsed() {
        assertEquals(Optional.of("found pom.xml, a Spring Boot app (built with the stack's Maven 3.8, not mvnw)"),
                maven.detect(MapTree.of("pom.xml", "spring-boot-maven-plugin", "mvnw", "#!/bin/sh")));
        assertEquals(Optional.of("found pom.xml"), maven.detect(MapTree.of("pom.xml", "<project/>")));
        assertEquals(Optional.empty(), maven.detect(MapTree.of("build.gradle", "")));
    }
}
