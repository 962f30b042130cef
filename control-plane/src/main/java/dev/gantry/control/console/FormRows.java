package dev.gantry.control.console;

import dev.gantry.control.InvalidInputException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rows of a form sent as repeated fields ({@code key=A&value=1&key=B&value=2}): the browser keeps
 * their order, so the n-th of one name belongs with the n-th of the other.
 */
final class FormRows {

    private FormRows() {
    }

    static List<Map.Entry<String, String>> pairs(List<String> names, List<String> values) {
        List<String> left = orEmpty(names);
        List<String> right = orEmpty(values);
        if (left.size() != right.size()) {
            throw new InvalidInputException("the form lost some of its rows. Reload the page and send it again");
        }
        List<Map.Entry<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < left.size(); i++) {
            rows.add(new AbstractMap.SimpleImmutableEntry<>(left.get(i).trim(), right.get(i)));
        }
        return rows;
    }

    /** A field the form did not send at all (no box ticked) may come as null. */
    static List<String> orEmpty(List<String> fields) {
        return fields == null ? List.of() : fields;
    }
}
