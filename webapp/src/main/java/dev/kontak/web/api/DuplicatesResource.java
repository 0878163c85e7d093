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
    private static final int CONTACTS_PER_GROUP = 100;

    @Inject
    Duplicates duplicates;

    /** Groups of contacts that share an e-mail or a phone or have alike names, the largest first. */
    public record Found(int total, List<Group> groups) {
    }

    /**
     * @param reasons  {@code email}, {@code phone}, {@code name}
     * @param size     how many contacts the group has
     * @param contacts the first 100 of them, by name
     */
    public record Group(List<String> reasons, int size, List<DuplicateGroup.Candidate> contacts) {

        static Group of(DuplicateGroup group) {
            return new Group(group.reasons().stream().map(reason -> reason.name().toLowerCase(Locale.ROOT)).toList(),
                    group.contacts().size(), group.contacts().stream().limit(CONTACTS_PER_GROUP).toList());
        }
    }

    @GET
    public Found list(@QueryParam("limit") String limit) {
        int most = (int) Parameters.wholeNumber("limit", limit, DEFAULT_GROUPS, 1, 1000);
        List<DuplicateGroup> all = duplicates.find();
        return new Found(all.size(), all.stream().limit(most).map(Group::of).toList());
    }
}
