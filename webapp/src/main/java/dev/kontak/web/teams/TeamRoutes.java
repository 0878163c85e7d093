package dev.kontak.web.teams;

import dev.kontak.contacts.boundary.TeamRefused;
import dev.kontak.contacts.boundary.Teams;
import dev.kontak.kernel.UserId;
import dev.kontak.web.page.Pages;
import dev.kontak.web.page.Parameters;
import dev.kontak.web.page.ResourcePath;
import dev.kontak.web.page.ResourceRoutes;
import dev.kontak.web.page.Violations;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;

/**
 * Everything under {@code /teams/}: a team's page ({@code /teams/{id}}), adding a member by e-mail
 * ({@code /members}), removing one ({@code /members/{userId}/remove}) and leaving ({@code /leave}). What the
 * boundary refuses comes back as 403 with its reason.
 */
@WebServlet("/teams/*")
public class TeamRoutes extends ResourceRoutes {

    @Inject
    Teams teams;

    @Inject
    TeamPage page;

    @Override
    protected void route(HttpServletRequest request, HttpServletResponse response, String route, ResourcePath path)
            throws IOException {
        try {
            switch (route) {
                case "GET " -> page.show(request, response, path.id(), 200, Map.of());
                case "POST members" -> addMember(request, response, path.id());
                case "POST members/remove" -> {
                    teams.removeMember(path.id(), UserId.of(path.itemId()));
                    Pages.redirect(request, response, "/teams/" + path.id());
                }
                case "POST leave" -> {
                    teams.leave(path.id());
                    Pages.redirect(request, response, "/teams");
                }
                default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        } catch (TeamRefused refused) {
            page.refused(request, response, path.id(), refused);
        }
    }

    private void addMember(HttpServletRequest request, HttpServletResponse response, UUID teamId)
            throws IOException {
        String email = Parameters.text(request, "email").strip();
        try {
            teams.addMember(teamId, email);
        } catch (ConstraintViolationException invalid) {
            page.show(request, response, teamId, 400, Map.of("email", email, "errors", Violations.byField(invalid)));
            return;
        }
        Pages.redirect(request, response, "/teams/" + teamId);
    }
}
