package dev.kontak.web.admin;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** {@code /admin/metadata}: the metadata health page ({@link MetadataHealth}). */
@WebServlet("/admin/metadata")
public class MetadataPage extends HttpServlet {

    @Inject
    MetadataHealth health;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        health.show(request, response, HttpServletResponse.SC_OK, Map.of());
    }
}
