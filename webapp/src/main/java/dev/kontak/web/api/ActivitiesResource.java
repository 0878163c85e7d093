package dev.kontak.web.api;

import dev.kontak.contacts.boundary.ActivityLog;
import dev.kontak.contacts.entity.ActivityDetails;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A contact's timeline: calls, e-mails, meetings and notes, latest first. */
@Tag(name = "activities", description = "Activities logged on a contact")
@Path("contacts/{id}/activities")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ActivitiesResource {

    @Inject
    Caller caller;

    @Inject
    ActivityLog activities;

    @GET
    public List<ActivityView> timeline(@PathParam("id") String contactId) {
        return activities.timeline(Parameters.id("id", contactId)).stream().map(ActivityView::of)
                .toList();
    }

    /** 201 without a Location: an activity is read as part of its contact's timeline, not on its own. */
    @POST
    public Response log(@PathParam("id") String contactId, ActivityDetails details) {
        UUID contact = Parameters.id("id", contactId);
        Parameters.body(details, "{\"type\": \"CALL|EMAIL|MEETING|NOTE\", \"occurredAt\", \"summary\"}");
        ActivityView logged = ActivityView.of(activities.log(contact, storable(details)));
        return Response.status(Response.Status.CREATED).entity(logged).build();
    }

    /**
     * The database keeps microseconds: a time sent with nanoseconds is cut to what will be stored, so that the
     * answer to this POST shows the same time as the timeline later does.
     */
    private static ActivityDetails storable(ActivityDetails details) {
        return details.occurredAt() == null ? details : new ActivityDetails(details.type(),
                details.occurredAt().truncatedTo(ChronoUnit.MICROS), details.summary());
    }
}
