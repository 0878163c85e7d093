package dev.kontak.web.page;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.Map;
import java.util.TreeMap;

/** Bean Validation failures as the messages to show next to each form field (or in each JSON field). */
public final class Violations {

    private Violations() {
    }

    /** Field name (the last node of the property path) to its first message. */
    public static Map<String, String> byField(ConstraintViolationException invalid) {
        Map<String, String> errors = new TreeMap<>();
        for (ConstraintViolation<?> violation : invalid.getConstraintViolations()) {
            errors.putIfAbsent(lastNode(violation.getPropertyPath()), violation.getMessage());
        }
        return errors;
    }

    private static String lastNode(Path path) {
        String name = "";
        for (Path.Node node : path) {
            name = node.getName();
        }
        return name;
    }
}
