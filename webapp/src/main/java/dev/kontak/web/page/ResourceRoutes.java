package dev.kontak.web.page;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A servlet for everything under a collection's prefix: it reads the {@link ResourcePath} (404 where there is
 * none) and hands on the route, method and action together ({@code "POST edit"}), so that each subclass is one
 * readable switch.
 */
public abstract class ResourceRoutes extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(request, response);
    }

    /** @param route the method, a space and the path's action: {@code "GET "} is an item's page */
    protected abstract void route(HttpServletRequest request, HttpServletResponse response, String route,
            ResourcePath path) throws IOException;

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ResourcePath path = ResourcePath.parse(request.getPathInfo()).orElse(null);
        if (path == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        // HEAD is answered like GET (the container drops the body), as HttpServlet itself does
        String method = "HEAD".equals(request.getMethod()) ? "GET" : request.getMethod();
        route(request, response, method + " " + path.action(), path);
    }
}
