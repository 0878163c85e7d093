package dev.kontak.web.teams;

import dev.kontak.contacts.boundary.TeamRefused;
import dev.kontak.contacts.boundary.Teams;
import dev.kontak.web.page.Pages;
import dev.kontak.web.signin.SignedIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** One team: its members and their roles; the owner adds and removes members, a member may leave. */
@ApplicationScoped
public class TeamPage {

    @Inject
    Pages pages;

    @Inject
    Teams teams;

    @Inject
    TeamList list;

    /** @param answer what this answer adds: an alert, or a rejected e-mail address and its error */
    void show(HttpServletRequest request, HttpServletResponse response, UUID teamId, int status, Map<String, ?> answer)
            throws IOException {
        UUID user = SignedIn.in(request).orElseThrow().id();
        Map<String, Object> variables = new HashMap<>(Map.of("email", "", "errors", Map.of(), "you", user));
        variables.put("view", teams.view(teamId));
        variables.putAll(answer);
        pages.render(request, response, status, "team", variables);
    }

    /** 403 with the reason on the team's page, or on the list where the team cannot be shown (any more). */
    void refused(HttpServletRequest request, HttpServletResponse response, UUID teamId, TeamRefused refused)
            throws IOException {
        Map<String, String> alert = Map.of("alert", refused.getMessage());
        try {
            show(request, response, teamId, 403, alert);
        } catch (TeamRefused notAMember) {
            list.show(request, response, 403, alert);
        }
    }
}
