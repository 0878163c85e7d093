package dev.kontak.web.teams;

import dev.kontak.contacts.boundary.Teams;
import dev.kontak.contacts.entity.Team;
import dev.kontak.web.page.Pages;
import dev.kontak.web.page.Parameters;
import dev.kontak.web.page.Violations;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.util.Map;

/** {@code /teams}: your teams, and creating one (you own it). */
@WebServlet("/teams")
public class TeamsPage extends HttpServlet {

    @Inject
    TeamList list;

    @Inject
    Teams teams;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        list.show(request, response, 200, Map.of());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = Parameters.text(request, "name");
        Team created;
        try {
            created = teams.create(name);
        } catch (ConstraintViolationException invalid) {
            list.show(request, response, 400, Map.of("name", name, "errors", Violations.byField(invalid)));
            return;
        }
        Pages.redirect(request, response, "/teams/" + created.id());
    }
}
