package dev.kontak.web.account;

import dev.kontak.auth.boundary.AppPasswords;
import dev.kontak.web.contacts.UtcTime;
import dev.kontak.web.page.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** The account page: the signed-in user's app passwords, with the form that creates one. */
@ApplicationScoped
public class AppPasswordList {

    @Inject
    Pages pages;

    @Inject
    AppPasswords appPasswords;

    /**
     * @param answer what this answer adds: a rejected name and its error, or the app password just created
     *               ({@code issued}), whose token this one answer shows and no cache may keep
     */
    void show(HttpServletRequest request, HttpServletResponse response, int status, Map<String, ?> answer)
            throws IOException {
        Map<String, Object> variables = new HashMap<>(Map.of("name", "", "errors", Map.of(), "times", UtcTime.PAGES));
        variables.put("appPasswords", appPasswords.of());
        variables.putAll(answer);
        response.setHeader("Cache-Control", "no-store");
        pages.render(request, response, status, "account", variables);
    }
}
