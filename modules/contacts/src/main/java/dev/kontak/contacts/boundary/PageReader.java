package dev.kontak.contacts.boundary;

import dev.kontak.contacts.control.ContactListing;
import dev.kontak.contacts.control.ContactListing.Position;
import dev.kontak.contacts.control.ContactListing.Scope;
import dev.kontak.contacts.control.ContactListing.Segment;
import dev.kontak.contacts.entity.Contact;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads one page of a list made of segments (the relevance tiers of a search, or the one segment of the whole
 * list): from the cursor's segment on, in the reading direction, until a page and one more contact are found;
 * the one more says whether there is a page beyond. Backwards (a {@code before} cursor) reads in reverse and turns
 * the page round.
 */
final class PageReader {

    /** A contact and the tier it was found in. */
    private record Found(Contact contact, int tier) {
    }

    private final ContactListing listing;
    private final List<Scope> scopes;
    private final List<Segment> segments;
    private final ContactQuery query;

    PageReader(ContactListing listing, List<Scope> scopes, List<Segment> segments, ContactQuery query) {
        this.listing = listing;
        this.scopes = scopes;
        this.segments = segments;
        this.query = query;
    }

    ContactPage read() {
        boolean backwards = query.before() != null;
        ContactCursor from = backwards ? query.before() : query.after();
        List<Found> found = new ArrayList<>();
        int start = from == null ? (backwards ? segments.size() - 1 : 0) : Math.min(from.tier(), segments.size() - 1);
        for (int tier = start; tier >= 0 && tier < segments.size() && found.size() <= query.size();
                tier += backwards ? -1 : 1) {
            Position position = from != null && from.tier() == tier
                    ? Position.of(from.key(), from.id(), query.effectiveOrder() == ContactOrder.NEWEST) : null;
            for (Contact contact : listing.read(scopes, segments.get(tier), position, backwards,
                    query.size() + 1 - found.size())) {
                found.add(new Found(contact, tier));
            }
        }
        boolean more = found.size() > query.size();
        List<Found> page = new ArrayList<>(found.subList(0, Math.min(query.size(), found.size())));
        if (backwards) {
            Collections.reverse(page);
        }
        ContactCursor first = page.isEmpty() ? from : cursor(page.get(0));
        ContactCursor last = page.isEmpty() ? from : cursor(page.get(page.size() - 1));
        ContactCursor next = backwards ? last : (more ? last : null);
        ContactCursor previous = backwards ? (more ? first : null) : (from == null ? null : first);
        return new ContactPage(page.stream().map(Found::contact).toList(), query.effectiveOrder(), next, previous);
    }

    private ContactCursor cursor(Found found) {
        return ContactCursor.at(found.contact(), query.effectiveOrder(), found.tier());
    }
}
