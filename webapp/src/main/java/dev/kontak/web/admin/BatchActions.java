package dev.kontak.web.admin;

import dev.kontak.metadata.boundary.BatchAlreadyRunning;
import dev.kontak.metadata.boundary.BatchProgress;
import dev.kontak.metadata.boundary.MetadataBatch;
import dev.kontak.metadata.entity.BatchKind;
import dev.kontak.web.page.Pages;
import dev.kontak.web.page.Parameters;
import dev.kontak.web.signin.SignedIn;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The batch actions over every user: {@code POST /admin/metadata/batch} with {@code kind} VERIFY or REFRESH starts
 * one, {@code POST /admin/metadata/batch/cancel} with {@code run} asks it to stop, and {@code GET
 * /admin/metadata/batch} answers the latest run's progress as JSON for {@code js/batch.js}. A start while a run
 * goes on, on any node, is refused on the page with 409 and what is running.
 */
@WebServlet({"/admin/metadata/batch", "/admin/metadata/batch/cancel"})
public class BatchActions extends HttpServlet {

    @Inject
    MetadataBatch batch;

    @Inject
    MetadataHealth health;

    @Inject
    BatchStatus status;

    @Inject
    Pages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<BatchProgress> latest = batch.latest();
        JsonObjectBuilder json = Json.createObjectBuilder().add("running", latest.map(BatchProgress::running).orElse(false));
        latest.ifPresent(run -> json.add("id", run.id().toString()).add("kind", run.kind().name())
                .add("total", run.total()).add("done", run.done()).add("percent", run.percent())
                .add("ratePerSecond", run.ratePerSecond()).add("drifted", run.drifted()).add("repaired", run.repaired())
                .add("failures", run.failures())
                .add("status", run.running() ? status.progress(run) : status.summary(run)));
        latest.map(BatchProgress::secondsLeft).ifPresent(left -> json.add("secondsLeft", left));
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(json.build().toString());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getServletPath().endsWith("/cancel")) {
            cancel(request, response);
        } else {
            start(request, response);
        }
    }

    private void start(HttpServletRequest request, HttpServletResponse response) throws IOException {
        BatchKind kind;
        try {
            kind = BatchKind.valueOf(Parameters.text(request, "kind"));
        } catch (IllegalArgumentException unknown) {
            health.show(request, response, HttpServletResponse.SC_BAD_REQUEST, Map.of("alert", pages.text("admin.batch.unknownKind")));
            return;
        }
        try {
            batch.start(kind, SignedIn.in(request).orElseThrow().id());
        } catch (BatchAlreadyRunning running) {
            health.show(request, response, HttpServletResponse.SC_CONFLICT, Map.of("alert", pages.text("admin.batch.refused")));
            return;
        }
        Pages.redirect(request, response, "/admin/metadata");
    }

    private void cancel(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<UUID> run = Parameters.uuid(Parameters.text(request, "run"));
        if (run.isEmpty()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        if (!batch.cancel(run.get())) {
            health.show(request, response, HttpServletResponse.SC_CONFLICT, Map.of("alert", pages.text("admin.batch.ended")));
            return;
        }
        Pages.redirect(request, response, "/admin/metadata");
    }
}
