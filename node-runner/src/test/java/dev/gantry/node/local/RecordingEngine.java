package dev.gantry.node.local;

import dev.gantry.node.ContainerEngine;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@link ContainerEngine} that records every call as {@code method[arguments]} and answers with what
 * the test gave for that method (null otherwise), so a test of a thin adapter sees exactly what it asks.
 */
final class RecordingEngine {

    final List<String> calls = new ArrayList<>();
    private final Map<String, Function<Object[], Object>> answers = new HashMap<>();

    RecordingEngine answering(String method, Function<Object[], Object> answer) {
        answers.put(method, answer);
        return this;
    }

    ContainerEngine engine() {
        return (ContainerEngine) Proxy.newProxyInstance(ContainerEngine.class.getClassLoader(),
                new Class<?>[] {ContainerEngine.class}, (proxy, method, args) -> {
                    calls.add(method.getName() + Arrays.toString(args));
                    Function<Object[], Object> answer = answers.get(method.getName());
                    return answer == null ? null : answer.apply(args);
                });
    }
}
