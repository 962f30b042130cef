package dev.gantry.build.context;

import dev.gantry.common.TerminalText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Checks paths and symlinks of a git tree as if it were checked out in an empty directory.
 * A symlink is resolved component by component, following any symlink met on the way (so
 * {@code deep/up -> ..} plus {@code deep/x -> up/..} is caught, which a purely lexical check
 * would miss), and must never climb above the root.
 */
final class TreeSymlinks {
    private static final int MAX_HOPS = 40; // like Linux's ELOOP limit

    private TreeSymlinks() {
    }

    /** All symlinks of the tree: path -> target. */
    static Map<String, String> collect(ObjectReader reader, RevTree root) throws IOException {
        Map<String, String> links = new HashMap<>();
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(root);
            walk.setRecursive(true);
            while (walk.next()) {
                if (walk.getFileMode(0) == FileMode.SYMLINK) {
                    byte[] target = reader.open(walk.getObjectId(0)).getCachedBytes();
                    links.put(walk.getPathString(), new String(target, StandardCharsets.UTF_8));
                }
            }
        }
        return links;
    }

    /** Refuses names a checkout could not hold safely: empty, ".", "..", ".git" parts, NUL. */
    static void requireSafeName(String path) throws UnsafeTreeException {
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..") || part.indexOf('\0') >= 0) {
                throw new UnsafeTreeException(path, "is not a valid path inside a repository. Rewrite the commit without it");
            }
            if (part.toLowerCase(Locale.ROOT).equals(".git")) {
                throw new UnsafeTreeException(path, "is a .git entry, which never belongs in a build. Remove it from the repository");
            }
        }
    }

    /** @throws UnsafeTreeException when the symlink at {@code path} is absolute or resolves outside the tree */
    static void requireInside(String path, Map<String, String> links) throws UnsafeTreeException {
        String target = links.get(path);
        if (target.isEmpty() || target.indexOf('\0') >= 0) {
            throw new UnsafeTreeException(path, "is a symlink with an empty or invalid target. Remove it");
        }
        Deque<String> resolved = new ArrayDeque<>(parts(path));
        resolved.removeLast(); // a link resolves relative to its own directory
        Deque<String> pending = new ArrayDeque<>();
        pushFront(pending, path, target);
        int hops = 0;
        while (!pending.isEmpty()) {
            String part = pending.removeFirst();
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (resolved.isEmpty()) {
                    throw new UnsafeTreeException(path, "is a symlink to " + TerminalText.quote(target)
                            + ", which leaves the repository. Point it at a file inside the repository");
                }
                resolved.removeLast();
                continue;
            }
            resolved.addLast(part);
            String via = links.get(String.join("/", resolved));
            if (via != null) {
                if (++hops > MAX_HOPS) {
                    throw new UnsafeTreeException(path, "is a symlink loop. Remove the loop");
                }
                resolved.removeLast();
                pushFront(pending, path, via);
            }
        }
    }

    private static void pushFront(Deque<String> pending, String path, String target) throws UnsafeTreeException {
        if (target.startsWith("/")) {
            throw new UnsafeTreeException(path, "is a symlink to the absolute path " + TerminalText.quote(target)
                    + ". Use a relative symlink to a file inside the repository");
        }
        List<String> parts = parts(target);
        for (int i = parts.size() - 1; i >= 0; i--) {
            pending.addFirst(parts.get(i));
        }
    }

    private static List<String> parts(String path) {
        return Arrays.asList(path.split("/", -1));
    }
}
