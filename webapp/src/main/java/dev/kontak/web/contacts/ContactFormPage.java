package dev.kontak.web.contacts;

import dev.kontak.contacts.entity.ContactDetails;
import dev.kontak.web.page.Pages;
import dev.kontak.web.page.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The one form for a new and an existing contact ({@code contact-form.html}), with the cacheVersion it carries. */
@ApplicationScoped
public class ContactFormPage {

    @Inject
    Pages pages;

    @Inject
    MetadataVersion versions;

    @Inject
    Validator validator;

    /** @param variables heading, action and form, at least; errors, alert, version, cancel and more where they apply */
    void render(HttpServletRequest request, HttpServletResponse response, int status, Map<String, ?> variables)
            throws IOException {
        Map<String, Object> all = new HashMap<>(Map.of("errors", Map.of()));
        all.putAll(variables);
        all.put(MetadataVersion.FIELD, versions.current());
        pages.render(request, response, status, "contact-form", all);
    }

    /** Every field's first error, dates that do not parse included, so that one answer names them all. */
    Map<String, String> errorsIn(ContactForm typed) {
        Map<String, String> errors = new TreeMap<>(typed.dateErrors());
        Set<ConstraintViolation<ContactDetails>> violations = validator.validate(typed.details());
        if (!violations.isEmpty()) {
            errors.putAll(errorsOf(new ConstraintViolationException(violations)));
        }
        return errors;
    }

    static Map<String, String> errorsOf(ConstraintViolationException invalid) {
        return Violations.byField(invalid, ContactForm::field);
    }
}
