package dev.kontak.web.teams;

import dev.kontak.contacts.boundary.Teams;
import dev.kontak.web.page.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** The teams the signed-in user belongs to, with the form that creates one. */
@ApplicationScoped
public class TeamList {

    @Inject
    Pages pages;

    @Inject
    Teams teams;

    /** @param answer what this answer adds: an alert, or a rejected team name and its error */
    void show(HttpServletRequest request, HttpServletResponse response, int status, Map<String, ?> answer)
            throws IOException {
        Map<String, Object> variables = new HashMap<>(Map.of("name", "", "errors", Map.of()));
        variables.put("teams", teams.teamsOf());
        variables.putAll(answer);
        pages.render(request, response, status, "teams", variables);
    }
}
