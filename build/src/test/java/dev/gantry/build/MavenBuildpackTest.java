package dev.gantry.build;

import static dev.gantry.build.GeneratedDockerfiles.assertInOrder;
import static dev.gantry.build.GeneratedDockerfiles.runStage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MavenBuildpackTest {

    private static final String WRAPPER_PROPERTIES = ".mvn/wrapper/maven-wrapper.properties";

    private final MavenBuildpack maven = new MavenBuildpack();
    private final Stack stack = Stacks.defaults().stack("java");

    @Test
    void dependenciesResolveFromThePomAloneBeforeTheSourceIsCopied() {
        String dockerfile = maven.dockerfile(MapTree.of("pom.xml", "<project/>"), stack, Map.of());

        assertInOrder(dockerfile,
                "FROM gantry/stack-java:build AS build",
                "WORKDIR /app",
                "COPY pom.xml ./",
                "RUN mvn -B org.apache.maven.plugins:maven-dependency-plugin:3.9.0:go-offline",
                "COPY . ./",
                "RUN mvn -B -DskipTests package \\",
                "FROM gantry/stack-java:run",
                "USER 1000:1000",
                "CMD exec java $JAVA_OPTS -jar \"$(cat .gantry/jar)\"",
                "COPY --from=build --chown=1000:1000 /app /app");
        assertFalse(runStage(dockerfile).contains("mvn"), dockerfile);
    }

    @Test
    void theBuiltDirectoryWithTargetIsTheAppAndTheJarToRunIsNotedInIt() {
        String dockerfile = maven.dockerfile(MapTree.of("pom.xml", "<project/>"), stack, Map.of());

        assertTrue(dockerfile.contains("jar=target/quarkus-app/quarkus-run.jar;"), dockerfile);
        assertTrue(dockerfile.contains("jar=$(ls -S target/*.jar"), dockerfile);
        assertTrue(dockerfile.contains(" && mkdir -p .gantry && echo \"$jar\" >.gantry/jar\n"), dockerfile);
        assertFalse(dockerfile.contains("/out"), dockerfile);
    }

    @Test
    void aProcfileWebRunsInTheBuiltDirectoryAndNoJarIsChosen() {
        String dockerfile = maven.dockerfile(MapTree.of("pom.xml", "<project/>",
                "Procfile", "web: java -jar target/app-1.0.jar\n"), stack, Map.of());

        assertInOrder(dockerfile, "RUN mvn -B -DskipTests package", "FROM gantry/stack-java:run", "WORKDIR /app",
                "# No CMD: the Procfile's web process starts the app", "COPY --from=build --chown=1000:1000 /app /app");
        assertFalse(dockerfile.contains(".gantry/jar"), dockerfile);
    }

    @Test
    void springBootAndQuarkusAppsGetThePortAsTheirProperty() {
        String spring = maven.dockerfile(MapTree.of("pom.xml", "<artifactId>spring-boot-maven-plugin</artifactId>"),
                stack, Map.of());
        String quarkus = maven.dockerfile(MapTree.of("pom.xml", "<artifactId>quarkus-maven-plugin</artifactId>"),
                stack, Map.of());

        assertTrue(spring.contains("CMD exec java $JAVA_OPTS -Dserver.port=$PORT -jar \"$(cat .gantry/jar)\"\n"), spring);
        assertTrue(quarkus.contains("CMD exec java $JAVA_OPTS -Dquarkus.http.port=$PORT -jar \"$(cat .gantry/jar)\"\n"),
                quarkus);
    }

    @Test
    void quarkusArtifactsOfTheBuildStepsAreFetchedWithTheDependencies() {
        String quarkus = maven.dockerfile(MapTree.of("pom.xml", "<artifactId>quarkus-maven-plugin</artifactId>"),
                stack, Map.of());

        assertInOrder(quarkus, "COPY pom.xml ./",
                "RUN mvn -B org.apache.maven.plugins:maven-dependency-plugin:3.9.0:go-offline quarkus:go-offline",
                "COPY . ./");
    }

    @Test
    void theMavenWrapperBuildsWhenTheAppHasItWithItsSettingsInTheDependencyLayer() {
        String dockerfile = maven.dockerfile(MapTree.of("pom.xml", "<project/>", "mvnw", "#!/bin/sh",
                WRAPPER_PROPERTIES, "distributionUrl=https://repo.maven.apache.org/x.zip"), stack, Map.of());

        assertInOrder(dockerfile, "COPY pom.xml mvnw ./", "COPY .mvn/ .mvn/",
                "RUN ./mvnw -B org.apache.maven.plugins:maven-dependency-plugin:3.9.0:go-offline", "COPY . ./",
                "RUN ./mvnw -B -DskipTests package \\");
        assertEquals(Optional.of("found pom.xml; Java 17; built with ./mvnw"),
                maven.detect(MapTree.of("pom.xml", "<project/>", "mvnw", "#!/bin/sh", WRAPPER_PROPERTIES, "")));
        assertEquals(Optional.of("found pom.xml; Java 17"), maven.detect(MapTree.of("pom.xml", "<project/>",
                "mvnw", "#!/bin/sh")), "a wrapper without its properties cannot say which Maven: the stack's builds");
    }

    @Test
    void customGoalsAndOptionsReplaceTheDefaultsWordForWordAsHerokuExpandsThem() {
        String dockerfile = maven.dockerfile(MapTree.of("pom.xml", "<project/>"), stack,
                Map.of(MavenBuildpack.GOALS, "clean  verify", MavenBuildpack.OPTIONS, "-Pprod -Dgreeting=$HOME;x"));

        assertTrue(dockerfile.contains("\nRUN mvn -B -Pprod '-Dgreeting=$HOME;x' clean verify \\\n"), dockerfile);
    }

    @Test
    void systemPropertiesChoosesTheJavaVersionAndItsStack() {
        MapTree java21 = MapTree.of("pom.xml", "<project/>", "system.properties", "java.runtime.version=21\n");

        assertEquals("java21", maven.stack(java21));
        assertEquals(Optional.of("found pom.xml; Java 21 from system.properties"), maven.detect(java21));
        assertEquals("java25", maven.stack(MapTree.of("pom.xml", "", "system.properties",
                "# Heroku's form\njava.runtime.version = zulu-25.0.1\n")));
        assertEquals("java", maven.stack(MapTree.of("pom.xml", "", "system.properties", "maven.version=3.9\n")));
    }

    @Test
    void aJavaVersionGantryCannotProvideIsRefusedNamingTheOnesItCan() {
        NoBuildPlanException refused = assertThrows(NoBuildPlanException.class, () -> maven.detect(
                MapTree.of("pom.xml", "<project/>", "system.properties", "java.runtime.version=1.8\n")));

        assertEquals("system.properties asks for Java '1.8' (java.runtime.version), which Gantry cannot provide:"
                + " it has OpenJDK 17, 21, 25. Set java.runtime.version to one of them and push again",
                refused.getMessage());
    }

    @Test
    void theReasonNamesTheFramework() {
        assertEquals(Optional.of("found pom.xml, a Spring Boot app; Java 17"),
                maven.detect(MapTree.of("pom.xml", "spring-boot-maven-plugin")));
        assertEquals(Optional.empty(), maven.detect(MapTree.of("build.gradle", "")));
    }
}
