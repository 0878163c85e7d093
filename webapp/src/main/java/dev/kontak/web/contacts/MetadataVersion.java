package dev.kontak.web.contacts;

import dev.kontak.metadata.boundary.Metadata;
import dev.kontak.web.page.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.OptionalLong;

/**
 * The signed-in user's metadata cache_version, which every form on a contact page carries as it was when the page
 * was rendered. It decides nothing: the boundaries check access on every operation whatever the page saw, and an
 * operation still allowed goes on although the version moved. It only explains a refusal: "this page was out of
 * date".
 */
@ApplicationScoped
public class MetadataVersion {

    static final String FIELD = "cacheVersion";

    @Inject
    Metadata metadata;

    long current() {
        // cacheValidity answers from the node's metadata copy; Metadata.of would also load every contact id
        return metadata.cacheValidity(0).cacheVersion();
    }

    /** Did the form come from a page rendered before the user's metadata last changed? */
    boolean isBehind(HttpServletRequest request) {
        OptionalLong sent = Parameters.number(request, FIELD);
        return sent.isPresent() && !metadata.cacheValidity(sent.getAsLong()).valid();
    }
}
