package dev.kontak.web.contacts;

import dev.kontak.web.page.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** The one form for a new and an existing contact ({@code contact-form.html}), with the cacheVersion it carries. */
@ApplicationScoped
public class ContactFormPage {

    @Inject
    Pages pages;

    @Inject
    MetadataVersion versions;

    /** @param variables heading, action and form, at least; errors, alert, version and cancel where they apply */
    void render(HttpServletRequest request, HttpServletResponse response, int status, Map<String, ?> variables)
            throws IOException {
        Map<String, Object> all = new HashMap<>(Map.of("errors", Map.of()));
        all.putAll(variables);
        all.put(MetadataVersion.FIELD, versions.current());
        pages.render(request, response, status, "contact-form", all);
    }
}
