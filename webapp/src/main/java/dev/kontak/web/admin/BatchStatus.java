package dev.kontak.web.admin;

import dev.kontak.jobs.boundary.JobProgress;
import dev.kontak.web.contacts.UtcTime;
import dev.kontak.web.page.Ages;
import dev.kontak.web.page.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.MessageFormat;
import java.util.Locale;

/** A batch run in words, the same on the page and in the progress answers its script polls. */
@ApplicationScoped
public class BatchStatus {

    @Inject
    Pages pages;

    /** "1,200 of 3,000 users · 85.2 users/s · about 15 s left", or without rate before the first batch is done. */
    public String progress(JobProgress run) {
        if (run.secondsLeft() == null) {
            return format("admin.batch.starting", run.done(), run.total());
        }
        return format("admin.batch.progress", run.done(), run.total(),
                String.format(Locale.ROOT, "%.1f", run.ratePerSecond()), Ages.PAGES.text(run.secondsLeft()));
    }

    /** What a run that ended did, with who started it and how it ended. */
    public String summary(JobProgress run) {
        return format("admin.batch.summary." + run.kind(), pages.text("admin.batch.outcome." + run.outcome()),
                run.startedBy(), UtcTime.PAGES.text(run.startedAt()), run.done(), run.total(), run.noticed(),
                run.changed(), run.failures(), Ages.PAGES.text(run.elapsedSeconds()));
    }

    private String format(String key, Object... arguments) {
        return new MessageFormat(pages.text(key), Locale.ENGLISH).format(arguments);
    }
}
