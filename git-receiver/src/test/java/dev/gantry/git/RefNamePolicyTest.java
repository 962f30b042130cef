package dev.gantry.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RefNamePolicyTest {
    @ParameterizedTest
    @ValueSource(strings = {"refs/heads/main", "refs/heads/feature/x-1", "refs/tags/v1.0"})
    void branchesAndTagsMayBePushed(String ref) {
        assertEquals(Optional.empty(), RefNamePolicy.refusal(ref));
    }

    @ParameterizedTest
    @ValueSource(strings = {"refs/heads/-x", "refs/tags/-v", "refs/heads/a/-b", "refs/foo/bar", "refs/notes/x",
        "HEAD", "refs/heads/a..b", "refs/heads/a@{1}", "refs/heads/x.lock", "refs/heads/a b", "refs/heads/",
        "main"})
    void everythingElseIsRefusedWithAReason(String ref) {
        Optional<String> refusal = RefNamePolicy.refusal(ref);
        assertTrue(refusal.isPresent(), ref);
        assertTrue(refusal.get().contains(". "), refusal.get());
    }
}
