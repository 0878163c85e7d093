package dev.kontak.web.imports;

import dev.kontak.imports.boundary.ImportStatus;
import dev.kontak.web.page.Ages;
import dev.kontak.web.page.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.MessageFormat;
import java.util.Locale;

/** How the import page says where an import is and what it did. */
@ApplicationScoped
public class ImportStatusText {

    @Inject
    Pages pages;

    /** "1,200 of 3,000 contacts · 85.2 contacts/s · about 15 s left", or without the rate before it is known. */
    public String progress(ImportStatus status) {
        String phase = "undo".equals(status.phase()) ? "import.undoing" : "import.importing";
        if (status.secondsLeft() == null) {
            return format(phase + ".starting", status.done(), status.total());
        }
        return format(phase, status.done(), status.total(), String.format(Locale.ROOT, "%.1f", status.ratePerSecond()),
                Ages.PAGES.text(status.secondsLeft()));
    }

    /** What an import that ended did. */
    public String summary(ImportStatus status) {
        return format("import.summary." + status.status(), status.fileName() == null ? "" : status.fileName(),
                status.created(), status.updated(), status.skipped(), status.failed(), status.done(), status.total(),
                status.undoLeft());
    }

    private String format(String key, Object... arguments) {
        return new MessageFormat(pages.text(key), Locale.ENGLISH).format(arguments);
    }
}
