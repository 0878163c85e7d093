package dev.kontak.web.contacts;

import static dev.kontak.web.testing.ApiUsers.ok;
import static dev.kontak.web.testing.TestAccounts.PASSWORD;
import static dev.kontak.web.testing.TestDatabase.count;
import static dev.kontak.web.testing.TestDatabase.value;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.web.testing.ApiUsers;
import dev.kontak.web.testing.ApiUsers.User;
import dev.kontak.web.testing.Page;
import dev.kontak.web.testing.SharedKontak;
import dev.kontak.web.testing.Visitor;
import jakarta.json.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A contact's photo as its people see it: uploaded on the contact's page or through the API, kept at most 512 pixels
 * a side, shown to whoever may see the contact and to nobody else, refused with the reason when the file is no
 * photo (nothing changes), removed again; each change a change of the contact, in PostgreSQL under row level
 * security, and in the vCard export.
 */
class ContactPhotoIT {

    Visitor visitor;
    ApiUsers api;

    @BeforeEach
    void newVisitor() throws Exception {
        visitor = new Visitor(SharedKontak.url().toURI());
        api = new ApiUsers(visitor);
    }

    @Test
    void aPhotoUploadedOnTheContactPageIsShownScaledToItsPeopleOnlyAndCanBeRemoved() throws Exception {
        User owner = api.signUp("photographer");
        User stranger = api.signUp("stranger");
        signIn(owner);
        String id = ok(201, api.call(owner, "POST", "/api/contacts", "{\"name\":\"Kartini\"}")).getString("id");
        long version = (Long) value("SELECT version FROM contacts WHERE id = ?", UUID.fromString(id));

        visitor.get("/contacts/" + id);
        HttpResponse<String> uploaded = visitor.upload("/contacts/" + id + "/photo", Map.of(), "kartini.jpg",
                "image/jpeg", image(1600, 1200, "jpeg"));
        assertEquals(303, uploaded.statusCode(), uploaded.body());

        HttpResponse<String> card = visitor.get("/contacts/" + id);
        String src = Page.of(card).expectFirst("img.photo").attr("src");
        assertEquals("Photo of Kartini", Page.of(card).expectFirst("img.photo").attr("alt"));
        HttpResponse<byte[]> photo = visitor.getBytes(src);
        assertEquals(200, photo.statusCode());
        assertEquals("image/jpeg", photo.headers().firstValue("Content-Type").orElseThrow());
        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(photo.body()));
        assertEquals(512, shown.getWidth());
        assertEquals(384, shown.getHeight());
        String tag = photo.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, visitor.getBytes(src, "If-None-Match", tag).statusCode(), "the browser's copy is still it");
        assertTrue((Long) value("SELECT version FROM contacts WHERE id = ?", UUID.fromString(id)) > version,
                "a new photo is a change of the contact");
        api.assertMetadataIsAFullRecompute(owner);

        Visitor other = visitor.fresh();
        signIn(other, stranger);
        HttpResponse<byte[]> refused = other.getBytes("/contacts/" + id + "/photo");
        assertEquals(403, refused.statusCode());
        assertTrue(refused.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"), "no picture");
        assertEquals(403, other.getBytes("/contacts/" + id + "/photo", "If-None-Match", tag).statusCode(),
                "a tag that is right tells a stranger nothing either");

        HttpResponse<String> remove = visitor.upload("/contacts/" + id + "/photo", Map.of("remove", "1"), "",
                "application/octet-stream", new byte[0]);
        assertEquals(303, remove.statusCode(), remove.body());
        assertTrue(Page.of(visitor.get("/contacts/" + id)).select("img.photo").isEmpty());
        assertEquals(404, visitor.getBytes("/contacts/" + id + "/photo").statusCode());
        assertEquals(0, count("SELECT COUNT(*) FROM contact_photos WHERE contact_id = ?", UUID.fromString(id)));
    }

    @Test
    void aFileThatIsNoPhotoIsRefusedBesideTheFormAndChangesNothing() throws Exception {
        User owner = api.signUp("careful");
        signIn(owner);
        String id = ok(201, api.call(owner, "POST", "/api/contacts", "{\"name\":\"Dewi\"}")).getString("id");
        long version = (Long) value("SELECT version FROM contacts WHERE id = ?", UUID.fromString(id));

        visitor.get("/contacts/" + id);
        HttpResponse<String> svg = visitor.upload("/contacts/" + id + "/photo", Map.of(), "dewi.png", "image/png",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, svg.statusCode());
        assertEquals("Use a JPEG or PNG file.", Page.of(svg).expectFirst("#photo-error").text());
        assertEquals("true", Page.of(svg).expectFirst("#photo-file").attr("aria-invalid"));

        HttpResponse<String> none = visitor.upload("/contacts/" + id + "/photo", Map.of(), "", "image/jpeg",
                new byte[0]);
        assertEquals(400, none.statusCode());
        assertEquals("Choose a photo to upload.", Page.of(none).expectFirst("#photo-error").text());

        HttpResponse<String> large = visitor.upload("/contacts/" + id + "/photo", Map.of(), "big.jpg", "image/jpeg",
                padded(image(100, 100, "jpeg"), 1024 * 1024 + 10));
        assertEquals(400, large.statusCode());
        assertEquals("Use a photo of at most 1 MB.", Page.of(large).expectFirst("#photo-error").text());

        HttpResponse<String> anonymous = visitor.fresh().upload("/contacts/" + id + "/photo", Map.of(), "x.jpg",
                "image/jpeg", image(10, 10, "jpeg"));
        assertTrue(anonymous.headers().firstValue("Location").orElseThrow().endsWith("/login"), "sent to sign in");
        assertEquals(version, value("SELECT version FROM contacts WHERE id = ?", UUID.fromString(id)));
        assertEquals(0, count("SELECT COUNT(*) FROM contact_photos WHERE contact_id = ?", UUID.fromString(id)));
    }

    @Test
    void theApiSetsReadsAndRemovesThePhotoAndTheVcardExportCarriesIt() throws Exception {
        User owner = api.signUp("apiphoto");
        User teammate = api.signUp("teamphoto");
        User stranger = api.signUp("nophoto");
        String team = api.teamOf(owner, teammate);
        String id = ok(201, api.call(owner, "POST", "/api/contacts", "{\"name\":\"Raden Saleh\"}")).getString("id");
        ok(200, api.call(owner, "PUT", "/api/contacts/" + id + "/team", "{\"teamId\":\"" + team + "\"}"));

        JsonObject changed = ok(200, put(teammate, id, "image/png", image(300, 200, "png")));
        assertEquals("/api/contacts/" + id + "/photo", changed.getString("photo"), "a teammate may edit it");
        HttpResponse<byte[]> read = visitor.getBytes("/api/contacts/" + id + "/photo", "Authorization",
                Visitor.basic(owner.email(), PASSWORD));
        assertEquals(200, read.statusCode());
        assertEquals("image/jpeg", read.headers().firstValue("Content-Type").orElseThrow(), "kept as a JPEG");
        assertEquals(300, ImageIO.read(new ByteArrayInputStream(read.body())).getWidth(), "small enough as it was");
        assertEquals(403, visitor.getBytes("/api/contacts/" + id + "/photo", "Authorization",
                Visitor.basic(stranger.email(), PASSWORD)).statusCode());
        assertEquals(403, put(stranger, id, "image/jpeg", image(10, 10, "jpeg")).statusCode());

        String before = value("SELECT encode(image, 'hex') FROM contact_photos WHERE contact_id = ?",
                UUID.fromString(id)).toString();
        HttpResponse<String> notAPhoto = put(owner, id, "image/jpeg", "GIF89a".getBytes(StandardCharsets.US_ASCII));
        assertEquals(400, notAPhoto.statusCode());
        assertEquals("Use a JPEG or PNG file.", ApiUsers.json(notAPhoto).getString("error"));
        assertEquals(413, put(owner, id, "image/jpeg", padded(image(10, 10, "jpeg"), 2 * 1024 * 1024)).statusCode());
        assertEquals(415, api.call(owner, "PUT", "/api/contacts/" + id + "/photo", "{}").statusCode());
        assertEquals(before, value("SELECT encode(image, 'hex') FROM contact_photos WHERE contact_id = ?",
                UUID.fromString(id)).toString(), "a refused file changes nothing");

        String vcard = visitor.send(HttpRequest.newBuilder(visitor.resolve("/api/contacts/export?format=vcard"))
                .header("Authorization", Visitor.basic(owner.email(), PASSWORD)).GET()).body();
        assertTrue(vcard.contains("PHOTO:data:image/jpeg;base64,"), vcard);
        api.assertMetadataIsAFullRecompute(owner);
        api.assertMetadataIsAFullRecompute(teammate);

        assertEquals(204, api.call(owner, "DELETE", "/api/contacts/" + id + "/photo", null).statusCode());
        assertEquals(JsonObject.NULL, ok(200, api.call(owner, "GET", "/api/contacts/" + id, null)).get("photo"));
        assertEquals(0, count("SELECT COUNT(*) FROM contact_photos WHERE contact_id = ?", UUID.fromString(id)));
    }

    @Test
    void anImportedCardKeepsItsPhotoOrSaysWhyNotAndAMergeKeepsAPhotoOfTheMergedCards() throws Exception {
        User owner = api.signUp("importphoto");
        String photo = Base64.getEncoder().encodeToString(image(800, 800, "jpeg"));
        String file = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Chairil Anwar\r\nEMAIL:chairil@puisi.example\r\n"
                + "PHOTO:data:image/jpeg;base64," + photo + "\r\nEND:VCARD\r\n"
                + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Amir Hamzah\r\nPHOTO;ENCODING=b;TYPE=GIF:R0lGODlhAQABAAAAACw=\r\n"
                + "END:VCARD\r\n";
        JsonObject started = ok(202, visitor.send(HttpRequest.newBuilder(visitor.resolve("/api/imports"))
                .header("Authorization", Visitor.basic(owner.email(), PASSWORD)).header("Content-Type", "text/vcard")
                .POST(HttpRequest.BodyPublishers.ofString(file, StandardCharsets.UTF_8))));
        String importId = started.getString("id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> !"running"
                .equals(ok(200, api.call(owner, "GET", "/api/imports/" + importId, null)).getString("status")));
        JsonObject done = ok(200, api.call(owner, "GET", "/api/imports/" + importId, null));
        assertEquals(2, done.getInt("created"), done.toString());
        JsonObject amir = done.getJsonArray("rows").getValuesAs(JsonObject.class).stream()
                .filter(row -> row.getInt("line") == 7).findFirst().orElseThrow();
        assertEquals("The photo was left out: Use a JPEG or PNG file.", amir.getString("reason"));
        String chairil = ok(200, api.call(owner, "GET", "/api/contacts?q=Chairil", null)).getJsonArray("items")
                .getJsonObject(0).getString("id");
        assertEquals(512, ImageIO.read(new ByteArrayInputStream(visitor.getBytes("/api/contacts/" + chairil + "/photo",
                "Authorization", Visitor.basic(owner.email(), PASSWORD)).body())).getWidth());

        String twin = ok(201, api.call(owner, "POST", "/api/contacts",
                "{\"name\":\"Chairil\",\"email\":\"CHAIRIL@puisi.example\"}")).getString("id");
        JsonObject merged = ok(200, api.call(owner, "POST", "/api/contacts/merge",
                "{\"keep\":\"" + twin + "\",\"merge\":[\"" + chairil + "\"]}"));
        assertEquals("/api/contacts/" + twin + "/photo", merged.getString("photo"),
                "the kept card had none: the merged one's is kept");
        assertEquals(1, count("SELECT COUNT(*) FROM contact_photos WHERE contact_id = ?", UUID.fromString(twin)));
        assertEquals(0, count("SELECT COUNT(*) FROM contact_photos WHERE contact_id = ?", UUID.fromString(chairil)));
        api.assertMetadataIsAFullRecompute(owner);
    }

    private HttpResponse<String> put(User user, String id, String type, byte[] file) {
        return visitor.send(HttpRequest.newBuilder(visitor.resolve("/api/contacts/" + id + "/photo"))
                .header("Authorization", Visitor.basic(user.email(), PASSWORD)).header("Content-Type", type)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(file)));
    }

    private void signIn(User user) {
        signIn(visitor, user);
    }

    private static void signIn(Visitor who, User user) {
        who.get("/login");
        assertEquals(303, who.submit("/login", Map.of("email", user.email(), "password", PASSWORD)).statusCode());
    }

    /** A picture, red on the left and blue on the right, as a file of this format. */
    private static byte[] image(int width, int height, String format) throws IOException {
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D canvas = picture.createGraphics();
        canvas.setColor(Color.RED);
        canvas.fillRect(0, 0, width / 2, height);
        canvas.setColor(Color.BLUE);
        canvas.fillRect(width / 2, 0, width, height);
        canvas.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture, format, out);
        return out.toByteArray();
    }

    /** The file with bytes after its end, as far as {@code size}: a valid picture in a file too large. */
    private static byte[] padded(byte[] file, int size) {
        return java.util.Arrays.copyOf(file, size);
    }
}
