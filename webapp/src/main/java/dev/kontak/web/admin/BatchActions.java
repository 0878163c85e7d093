package dev.kontak.web.admin;

import dev.kontak.admin.boundary.AllUsers;
import dev.kontak.jobs.boundary.Job;
import dev.kontak.jobs.boundary.JobAlreadyRunning;
import dev.kontak.jobs.boundary.JobNotResumable;
import dev.kontak.jobs.boundary.JobProgress;
import dev.kontak.jobs.boundary.JobRunner;
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
 * The runs over every user: {@code POST /admin/metadata/batch} with {@code kind} VERIFY or REFRESH starts one,
 * {@code POST /admin/metadata/batch/cancel} with {@code run} asks it to stop, {@code POST
 * /admin/metadata/batch/resume} with {@code run} goes on with an interrupted one from where it stopped, and {@code
 * GET /admin/metadata/batch} answers the latest run's progress as JSON for {@code js/batch.js}. A start while a run
 * goes on, on any node, is refused on the page with 409 and what is running.
 */
@WebServlet({"/admin/metadata/batch", "/admin/metadata/batch/cancel", "/admin/metadata/batch/resume"})
public class BatchActions extends HttpServlet {

    @Inject
    JobRunner runner;

    @Inject
    AllUsers allUsers;

    @Inject
    MetadataHealth health;

    @Inject
    BatchStatus status;

    @Inject
    Pages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<JobProgress> latest = runner.latest(AllUsers.LEASE);
        JsonObjectBuilder json = Json.createObjectBuilder().add("running", latest.map(JobProgress::running).orElse(false));
        latest.ifPresent(run -> json.add("id", run.id().toString()).add("kind", run.kind())
                .add("total", run.total()).add("done", run.done()).add("percent", run.percent())
                .add("ratePerSecond", run.ratePerSecond()).add("drifted", run.noticed()).add("repaired", run.changed())
                .add("failures", run.failures())
                .add("status", run.running() ? status.progress(run) : status.summary(run)));
        latest.map(JobProgress::secondsLeft).ifPresent(left -> json.add("secondsLeft", left));
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(json.build().toString());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getServletPath().endsWith("/cancel")) {
            cancel(request, response);
        } else if (request.getServletPath().endsWith("/resume")) {
            resume(request, response);
        } else {
            start(request, response);
        }
    }

    private void start(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Job job = switch (Parameters.text(request, "kind")) {
            case "VERIFY" -> allUsers.verify();
            case "REFRESH" -> allUsers.refresh();
            default -> null;
        };
        if (job == null) {
            health.show(request, response, HttpServletResponse.SC_BAD_REQUEST, Map.of("alert", pages.text("admin.batch.unknownKind")));
            return;
        }
        try {
            runner.start(job, SignedIn.in(request).orElseThrow().id());
        } catch (JobAlreadyRunning running) {
            health.show(request, response, HttpServletResponse.SC_CONFLICT, Map.of("alert", pages.text("admin.batch.refused")));
            return;
        }
        Pages.redirect(request, response, "/admin/metadata");
    }

    private void resume(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<UUID> run = Parameters.uuid(Parameters.text(request, "run"));
        Optional<JobProgress> latest = runner.latest(AllUsers.LEASE);
        if (run.isEmpty() || latest.isEmpty() || !latest.get().id().equals(run.get())) {
            health.show(request, response, HttpServletResponse.SC_CONFLICT, Map.of("alert", pages.text("admin.batch.notResumable")));
            return;
        }
        Job job = latest.get().kind().equals(allUsers.verify().kind()) ? allUsers.verify() : allUsers.refresh();
        try {
            runner.resume(job, run.get(), SignedIn.in(request).orElseThrow().id());
        } catch (JobNotResumable | JobAlreadyRunning refused) {
            health.show(request, response, HttpServletResponse.SC_CONFLICT, Map.of("alert", pages.text("admin.batch.notResumable")));
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
        if (!runner.cancel(run.get())) {
            health.show(request, response, HttpServletResponse.SC_CONFLICT, Map.of("alert", pages.text("admin.batch.ended")));
            return;
        }
        Pages.redirect(request, response, "/admin/metadata");
    }
}
