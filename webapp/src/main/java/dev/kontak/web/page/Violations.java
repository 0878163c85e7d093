package dev.kontak.web.page;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** Bean Validation failures as the messages to show next to each form field (or in each JSON field). */
public final class Violations {

    private Violations() {
    }

    /**
     * Field name to its first message. A field is named by its path below the method's parameter, as a form names
     * it: {@code name}, {@code emails[0].address}; a plain parameter by its own name.
     */
    public static Map<String, String> byField(ConstraintViolationException invalid) {
        return byField(invalid, UnaryOperator.identity());
    }

    /** The same, each field called as a form calls it ({@code emails[0].address} is the quick form's "email"). */
    public static Map<String, String> byField(ConstraintViolationException invalid, UnaryOperator<String> named) {
        Map<String, String> errors = new TreeMap<>();
        for (ConstraintViolation<?> violation : invalid.getConstraintViolations()) {
            errors.putIfAbsent(named.apply(field(violation.getPropertyPath())), violation.getMessage());
        }
        return errors;
    }

    private static String field(Path path) {
        String parameter = "";
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case PARAMETER -> parameter = node.getName();
                case PROPERTY, CONTAINER_ELEMENT, BEAN -> {
                    if (node.isInIterable() && node.getIndex() != null) {
                        field.append('[').append(node.getIndex()).append(']');
                    }
                    if (node.getName() != null && !node.getName().startsWith("<")) {
                        field.append(field.length() == 0 ? "" : ".").append(node.getName());
                    }
                }
                default -> {
                    // the method and its return value name no field
                }
            }
        }
        return field.length() == 0 ? parameter : field.toString();
    }
}
