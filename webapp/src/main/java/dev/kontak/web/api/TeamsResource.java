package dev.kontak.web.api;

import dev.kontak.contacts.boundary.Teams;
import dev.kontak.kernel.UserId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Teams the caller creates and manages. The team ids a caller belongs to are in their metadata ({@code teamIds});
 * refusals are answered by {@link TeamRefusals}.
 */
@Tag(name = "teams", description = "Teams, their members, and sharing")
@Path("teams")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TeamsResource {

    @Inject
    Caller caller;

    @Inject
    Teams teams;

    /** 201 without a Location: teams are not read on their own through the API yet. */
    @POST
    public Response create(NewTeam team) {
        TeamSummary created = TeamSummary.of(teams.create(Parameters.body(team, "{\"name\"}").name()));
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @POST
    @Path("{id}/members")
    public Response addMember(@PathParam("id") String teamId, NewMember member) {
        MemberView added = MemberView.of(teams.addMember(Parameters.id("id", teamId),
                Parameters.body(member, "{\"email\"}").email()));
        return Response.status(Response.Status.CREATED).entity(added).build();
    }

    /** The owner removes a member; a member who names themselves leaves the team. */
    @DELETE
    @Path("{id}/members/{userId}")
    public void removeMember(@PathParam("id") String teamId, @PathParam("userId") String userId) {
        UUID team = Parameters.id("id", teamId);
        UserId member = UserId.of(Parameters.id("userId", userId));
        if (member.equals(caller.id())) {
            teams.leave(team);
        } else {
            teams.removeMember(team, member);
        }
    }
}
