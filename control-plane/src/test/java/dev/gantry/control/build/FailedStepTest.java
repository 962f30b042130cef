package dev.gantry.control.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.gantry.node.BuildFailedException;
import org.junit.jupiter.api.Test;

class FailedStepTest {

    @Test
    void aFailedRunIsNamedByItsFirstCommand() {
        RuntimeException brief = FailedStep.briefly(new BuildFailedException("The command '/bin/sh -c mvn -B"
                + " -DskipTests package  && mkdir /out  && if [ -f x ]; then cp x y; fi' returned a non-zero code: 1",
                "Step 6/12 : RUN mvn -B -DskipTests package"));

        assertEquals("'mvn -B -DskipTests package' failed with exit code 1", brief.getMessage());
        assertEquals("Step 6/12 : RUN mvn -B -DskipTests package",
                ((BuildFailedException) brief).step().orElseThrow());
    }

    @Test
    void otherFailuresStayAsTheyAre() {
        BuildFailedException syntax = new BuildFailedException("unknown instruction: NOTANINSTRUCTION");
        IllegalStateException other = new IllegalStateException("The command '/bin/sh -c x' returned a non-zero code: 1");

        assertSame(syntax, FailedStep.briefly(syntax));
        assertSame(other, FailedStep.briefly(other));
    }
}
