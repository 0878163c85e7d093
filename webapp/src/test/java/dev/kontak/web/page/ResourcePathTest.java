package dev.kontak.web.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResourcePathTest {

    private static final UUID ID = UUID.fromString("0b7c2a3e-5f1d-4c8e-9a6b-1d2e3f4a5b6c");
    private static final UUID ITEM = UUID.fromString("f0e1d2c3-b4a5-4697-8879-6a5b4c3d2e1f");

    @Test
    void namesAnItemAnActionOnItAnActionOnSomethingInsideItOrOneOnTheCollection() {
        assertEquals(Optional.of(new ResourcePath(ID, "", null)), ResourcePath.parse("/" + ID));
        assertEquals(Optional.of(new ResourcePath(ID, "edit", null)), ResourcePath.parse("/" + ID + "/edit"));
        assertEquals(Optional.of(new ResourcePath(ID, "activities/delete", ITEM)),
                ResourcePath.parse("/" + ID + "/activities/" + ITEM + "/delete"));
        assertEquals(Optional.of(new ResourcePath(ID, "", null)), ResourcePath.parse("/" + ID.toString().toUpperCase()));
        assertEquals(Optional.of(new ResourcePath(null, "new", null)), ResourcePath.parse("/new"));
    }

    @Test
    void anythingElseIsNoPath() {
        for (String pathInfo : new String[] {null, "", "/", "/New", "/new/", "/1-2-3-4-5", "/" + ID + "/", "/" + ID + "//",
                "/" + ID + "/Edit", "/" + ID + "/edit/more", "/" + ID + "/activities/42/delete",
                "/" + ID + "/activities/" + ITEM, "/" + ID + "/a/" + ITEM + "/b/c", "/" + ID + "x"}) {
            assertTrue(ResourcePath.parse(pathInfo).isEmpty(), pathInfo);
        }
    }
}
