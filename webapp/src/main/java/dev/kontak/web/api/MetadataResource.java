package dev.kontak.web.api;

import dev.kontak.metadata.boundary.Metadata;
import dev.kontak.metadata.boundary.MetadataView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's own metadata, as the seed's useUserMetadata hook offered it. Its ETag is the cache_version, which
 * grows with every change, so a client revalidates with If-None-Match and gets 304 until something changed.
 */
@Tag(name = "metadata", description = "The caller's own user_metadata: access list, counts, checksum, cache version")
@Path("metadata")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MetadataResource {

    /**
     * Any cache may keep a copy but must ask before using it (no-cache), and only the caller's own cache may keep
     * it (private): the URL is the same for every user.
     */
    static final String REVALIDATE_PRIVATELY = "private, no-cache";

    private static final long DEFAULT_MAX_AGE_MINUTES = 2;

    @Inject
    Caller caller;

    @Inject
    Metadata metadata;

    @GET
    public Response metadata(@Context Request request) {
        MetadataView current = metadata.of();
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tagOf(current));
        return notModified == null ? answer(current) : privately(notModified).build();
    }

    /** Recomputes everything from the data: for a client that suspects its copy, or the row, is wrong. */
    @POST
    @Path("refresh")
    public Response refresh() {
        return answer(metadata.refresh());
    }

    @GET
    @Path("stale")
    public Metadata.Staleness stale(@QueryParam("maxAgeMinutes") String maxAgeMinutes) {
        long minutes = Parameters.wholeNumber("maxAgeMinutes", maxAgeMinutes, DEFAULT_MAX_AGE_MINUTES, 0,
                Integer.MAX_VALUE);
        return metadata.staleness(Duration.ofMinutes(minutes));
    }

    @GET
    @Path("cache-validity")
    public Metadata.CacheValidity cacheValidity(@QueryParam("version") String version) {
        return metadata.cacheValidity(Parameters.wholeNumber("version", version, null, 0, Long.MAX_VALUE));
    }

    private static Response answer(MetadataView view) {
        return privately(Response.ok(view).tag(tagOf(view))).build();
    }

    private static Response.ResponseBuilder privately(Response.ResponseBuilder response) {
        return response.header(HttpHeaders.CACHE_CONTROL, REVALIDATE_PRIVATELY).header(HttpHeaders.VARY,
                HttpHeaders.AUTHORIZATION);
    }

    private static EntityTag tagOf(MetadataView view) {
        return new EntityTag("v" + view.cacheVersion());
    }
}
