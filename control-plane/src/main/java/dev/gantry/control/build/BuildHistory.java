package dev.gantry.control.build;

import dev.gantry.control.InvalidInputException;
import dev.gantry.control.NotFoundException;
import dev.gantry.control.apps.AppService;
import dev.gantry.control.domain.App;
import dev.gantry.control.domain.Build;
import dev.gantry.control.domain.Release;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Reads an app's builds, newest first, and what each one's plan and outcome were. */
@ApplicationScoped
public class BuildHistory {

    private final AppService apps;

    BuildHistory(AppService apps) {
        this.apps = apps;
    }

    @Transactional
    public List<BuildView> of(String appName) {
        return Build.<Build>find("app = ?1 order by id desc", apps.get(appName)).stream().map(BuildView::of).toList();
    }

    /** Build {@code number} of the app, or its latest build when no number is given. */
    @Transactional
    public BuildDetails details(String appName, Optional<Long> number) {
        App app = apps.get(appName);
        Build build = number.map(n -> find(app, n)).orElseGet(() -> latest(app));
        List<String> releases = Release.<Release>find("build = ?1 order by version", build).stream()
                .map(Release::label).toList();
        return new BuildDetails(BuildView.of(build), build.commitSha, build.reason, build.generatedDockerfile(),
                build.dockerfile, build.imageTag, build.failure, releases, build.log);
    }

    /** A build number as {@code builds} lists it; the "#" may be left out, since a shell reads it as a comment. */
    public static long parseNumber(String text) {
        String digits = text.startsWith("#") ? text.substring(1) : text;
        if (!digits.matches("[0-9]{1,18}")) {
            throw new InvalidInputException("'" + text + "' is not a build number. Use one that 'builds APP' lists,"
                    + " e.g. builds:info myapp 12");
        }
        return Long.parseLong(digits);
    }

    private static Build find(App app, long number) {
        return Build.<Build>find("app = ?1 and id = ?2", app, number).firstResultOptional()
                .orElseThrow(() -> new NotFoundException(app.name + " has no build " + number + ". Run 'builds "
                        + app.name + "' to list them"));
    }

    private static Build latest(App app) {
        return Build.<Build>find("app = ?1 order by id desc", app).firstResultOptional()
                .orElseThrow(() -> new NotFoundException(app.name + " has no build yet: git push to build it"));
    }
}
