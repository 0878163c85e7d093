package dev.kontak.web.api;

import dev.kontak.contacts.boundary.TeamRefused;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * 403 with the reason for every refused team operation, "Team not found." included: a team someone does not
 * belong to is refused like one that does not exist, as contacts are, so one status tells clients "not for you".
 */
@Provider
public class TeamRefusals implements ExceptionMapper<TeamRefused> {

    @Override
    public Response toResponse(TeamRefused refused) {
        return ApiError.answer(403, refused.getMessage());
    }
}
