package dev.gantry.control.command;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gantry.control.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandContextTest {

    private static final Command TOKENS = new NamedCommand("tokens", "[--user NAME]", "list tokens") {
        @Override
        public void run(CommandContext context) {
        }
    };

    @Test
    void tooManyArgumentsNameTheFirstExtraOne() {
        assertEquals("unexpected argument 'b'. Usage: tokens [--user NAME]",
                assertThrows(InvalidInputException.class, () -> context("a", "b", "c").expectAtMost(1)).getMessage());
        assertDoesNotThrow(() -> context("a").expectAtMost(1));
    }

    @Test
    void optionsWithTheirValuesDoNotCount() {
        assertDoesNotThrow(() -> context("--user", "bob").expectAtMost(0, "--user"));
        assertEquals("unexpected argument 'extra'. Usage: tokens [--user NAME]",
                assertThrows(InvalidInputException.class,
                        () -> context("--user", "bob", "extra").expectAtMost(0, "--user")).getMessage());
    }

    @Test
    void theOnlyArgumentIsMissingOrHasCompany() {
        assertEquals("t1", context("--user", "bob", "t1").onlyArgument("the token name", "--user"));
        assertEquals("missing the token name. Usage: tokens [--user NAME]",
                assertThrows(InvalidInputException.class,
                        () -> context("--user", "bob").onlyArgument("the token name", "--user")).getMessage());
        assertEquals("unexpected argument 't2'. Usage: tokens [--user NAME]",
                assertThrows(InvalidInputException.class,
                        () -> context("t1", "--user", "bob", "t2").onlyArgument("the token name", "--user"))
                        .getMessage());
    }

    private static CommandContext context(String... args) {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        return new CommandContext("alice", TOKENS, List.of(args), new ByteArrayInputStream(new byte[0]), nowhere,
                nowhere, false);
    }
}
