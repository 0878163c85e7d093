package dev.kontak.web.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;

/**
 * Someone using Kontak over HTTP: keeps cookies like a browser, does not follow redirects (tests look at them), and
 * sends forms with the CSRF token of the last page it saw.
 */
public class Visitor {

    private final URI base;
    private final HttpClient http;
    private String csrf;

    public Visitor(URI base) {
        this(base, HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    /**
     * Speaking HTTP/1.1 only, as browsers do over plain HTTP (Java's client otherwise asks to upgrade to HTTP/2 on
     * every new connection).
     */
    public static Visitor overHttp11(URI base) {
        return new Visitor(base, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build());
    }

    private Visitor(URI base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    /** The same address with a client of its own: new connections, no cookies. */
    public Visitor fresh() {
        return new Visitor(base);
    }

    /** The same person, with the same cookies, talking to another node (cookies do not depend on the port). */
    public Visitor at(URI otherBase) {
        return new Visitor(otherBase, http);
    }

    public HttpResponse<String> get(String path) {
        return remember(send(HttpRequest.newBuilder(resolve(path)).GET()));
    }

    /** Submits a form with this visitor's CSRF token, as a page's form would. */
    public HttpResponse<String> submit(String path, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrf);
        return post(path, withToken);
    }

    /** As {@link #submit(String, Map)}, with a field given more than once (ticked boxes of one name). */
    public HttpResponse<String> submit(String path, List<Map.Entry<String, String>> fields) {
        List<Map.Entry<String, String>> withToken = new ArrayList<>(fields);
        withToken.add(Map.entry("_csrf", csrf));
        return post(withToken, path);
    }

    /** Posts exactly these fields: no CSRF token unless given. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        return post(List.copyOf(fields.entrySet()), path);
    }

    private HttpResponse<String> post(List<Map.Entry<String, String>> fields, String path) {
        String body = fields.stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return remember(send(HttpRequest.newBuilder(resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    /**
     * Submits a multipart form with a file, as a page's upload form would: these fields, this visitor's CSRF token,
     * and the file as field {@code file}.
     */
    public HttpResponse<String> upload(String path, Map<String, String> fields, String fileName, String type,
            byte[] file) {
        String boundary = "----kontak" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrf);
        withToken.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return remember(send(HttpRequest.newBuilder(resolve(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))));
    }

    /** A GET whose answer is kept as bytes (a photo), with these headers (name, value, name, value, ...). */
    public HttpResponse<byte[]> getBytes(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> getJson(String path, String email, String password) {
        return send(HttpRequest.newBuilder(resolve(path)).header("Authorization", basic(email, password)).GET());
    }

    /** Any API request with HTTP Basic; {@code json} is the body, or null for none (and then no Content-Type). */
    public HttpResponse<String> sendJson(String method, String path, String json, String email, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(path)).header("Authorization", basic(email, password));
        if (json == null) {
            return send(request.method(method, HttpRequest.BodyPublishers.noBody()));
        }
        return send(request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET with one extra header, such as If-None-Match or Origin. */
    public HttpResponse<String> get(String path, String header, String value) {
        return send(HttpRequest.newBuilder(resolve(path)).header(header, value).GET());
    }

    /** Opens {@code /contacts/events} with this visitor's cookies; the answer's body is read as it arrives. */
    public EventStreamReader events() {
        try {
            return new EventStreamReader(http.send(HttpRequest.newBuilder(resolve("/contacts/events"))
                    .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI resolve(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    public static String basic(String email, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> remember(HttpResponse<String> response) {
        Element token = Page.of(response).selectFirst("input[name=_csrf]");
        if (token != null && !token.val().isEmpty()) {
            csrf = token.val();
        }
        return response;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
