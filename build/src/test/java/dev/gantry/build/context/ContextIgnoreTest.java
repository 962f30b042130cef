package dev.gantry.build.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The .dockerignore rules as the Docker CLI applies them (moby's patternmatcher). */
class ContextIgnoreTest {

    @ParameterizedTest(name = "{0} on {1}: left out {2}")
    @CsvSource(delimiter = '|', textBlock = """
            .env                  | .env                     | true
            .env                  | config/.env              | false
            **/.env               | config/.env              | true
            **/.env               | .env                     | true
            node_modules          | node_modules/a/index.js  | true
            /node_modules/        | node_modules             | true
            ./build               | build/out.js             | true
            *.log                 | debug.log                | true
            *.log                 | logs/debug.log           | false
            logs/*.log            | logs/debug.log           | true
            docs/**/*.md          | docs/a/b/c.md            | true
            docs/**/*.md          | docs/c.md                | true
            file?.txt             | file1.txt                | true
            file?.txt             | file10.txt               | false
            [a-c].txt             | b.txt                    | true
            [^a-c].txt            | b.txt                    | false
            [^a-c].txt            | d.txt                    | true
            """)
    void onePattern(String pattern, String path, boolean excluded) {
        assertEquals(excluded, ContextIgnore.parse(pattern + "\n").excludes(path));
    }

    @Test
    void theLastMatchingLineDecidesAndAnExceptionTakesAPathBackIn() {
        ContextIgnore ignore = ContextIgnore.parse("*.md\n!README.md\n!docs/**\ndocs/secret.md\n");

        assertTrue(ignore.excludes("CHANGES.md"));
        assertFalse(ignore.excludes("README.md"));
        assertTrue(ignore.excludes("docs/secret.md"));
        assertTrue(ignore.mayKeepInside("anything"), "an exception may take something inside back in");
        assertFalse(ContextIgnore.parse("# .env\n\n").excludes("# .env"), "a comment is no pattern");
    }

    @Test
    void theDockerfileAndTheIgnoreFileItselfAlwaysStayIn() {
        ContextIgnore ignore = ContextIgnore.parse("*\n", ".gantry/Dockerfile");

        assertFalse(ignore.excludes(".dockerignore"));
        assertFalse(ignore.excludes(".gantry/Dockerfile"));
        assertTrue(ignore.excludes("Dockerfile"));
        assertTrue(ignore.mayKeepInside(".gantry"));
        assertFalse(ignore.mayKeepInside("src"));
    }
}
