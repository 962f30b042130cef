package dev.gantry.build;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A pushed tree made of path -> text, for tests. */
public final class MapTree implements SourceTree {

    private final Map<String, String> files;

    private MapTree(Map<String, String> files) {
        this.files = files;
    }

    public static MapTree of(String... pathsAndTexts) {
        Map<String, String> files = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            files.put(pathsAndTexts[i], pathsAndTexts[i + 1]);
        }
        return new MapTree(files);
    }

    @Override
    public Set<String> rootNames() {
        Set<String> names = new TreeSet<>();
        files.keySet().forEach(path -> names.add(path.split("/")[0]));
        return names;
    }

    @Override
    public Optional<String> read(String path) {
        return Optional.ofNullable(files.get(path));
    }
}
