package dev.gantry.build;

import java.util.Optional;
import java.util.Set;

/**
 * The pushed tree as buildpacks see it: read-only, without a checkout. The control plane backs it
 * with the pushed commit; tests with a map.
 */
public interface SourceTree {

    /** Names of the entries at the root of the tree (files, directories, symlinks). */
    Set<String> rootNames();

    /**
     * The text (UTF-8) of the regular file at {@code path} ("package.json", "public/index.html");
     * empty when there is no such file or it is a directory, symlink or submodule.
     */
    Optional<String> read(String path);

    default boolean hasFile(String path) {
        return read(path).isPresent();
    }
}
