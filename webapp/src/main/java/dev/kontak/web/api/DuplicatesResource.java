package dev.kontak.web.api;

import dev.kontak.contacts.boundary.DuplicateGroup;
import dev.kontak.contacts.boundary.Duplicates;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's probable duplicates, to merge with {@code POST /api/contacts/merge}. */
@Tag(name = "contacts")
@Path("duplicates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DuplicatesResource {

    private static final long DEFAULT_GROUPS = 100;

    @Inject
    Duplicates duplicates;

    /** Groups of contacts that share an e-mail or a phone or have alike names, the largest first. */
    public record Found(int total, List<Group> groups) {
    }

    /** @param reasons {@code email}, {@code phone}, {@code name} */
    public record Group(List<String> reasons, List<DuplicateGroup.Candidate> contacts) {
    }

    @GET
    public Found list(@QueryParam("limit") String limit) {
        int most = (int) Parameters.wholeNumber("limit", limit, DEFAULT_GROUPS, 1, 1000);
        List<DuplicateGroup> all = duplicates.find();
        return new Found(all.size(), all.stream().limit(most).map(group -> new Group(group.reasons().stream().sorted()
                .map(reason -> reason.name().toLowerCase(Locale.ROOT)).toList(), group.contacts())).toList());
    }
}
