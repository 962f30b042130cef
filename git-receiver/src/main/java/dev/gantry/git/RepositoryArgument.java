package dev.gantry.git;

import dev.gantry.common.AppName;
import dev.gantry.common.InvalidAppNameException;
import java.util.List;

/**
 * The repository argument of {@code git-receive-pack ARG} / {@code git-upload-pack ARG}. Accepted
 * forms: {@code myapp}, {@code myapp.git}, {@code /myapp} and {@code /myapp.git}; what remains
 * after stripping one leading slash and one ".git" suffix must be an {@link AppName}. Anything
 * else (paths, options, shell syntax) is refused, never cleaned up.
 */
final class RepositoryArgument {
    private RepositoryArgument() {
    }

    static String appName(List<String> argv) throws RefusedCommandException {
        if (argv.size() != 2) {
            throw new RefusedCommandException(argv.get(0) + " takes exactly one argument, the app's repository."
                    + " Push with git push ssh://git@HOST/APP main.");
        }
        return appName(argv.get(1));
    }

    static String appName(String argument) throws RefusedCommandException {
        String name = argument;
        if (name.startsWith("/")) {
            name = name.substring(1);
        }
        if (name.endsWith(".git")) {
            name = name.substring(0, name.length() - ".git".length());
        }
        if (!AppName.isValid(name)) {
            throw new RefusedCommandException(new InvalidAppNameException(argument).getMessage());
        }
        return name;
    }
}
