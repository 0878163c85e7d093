package dev.kontak.web.page;

import dev.kontak.web.signin.SignedIn;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.messageresolver.StandardMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.WebApplicationTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Renders the Thymeleaf templates under {@code WEB-INF/templates}. Every page gets the CSRF token its forms
 * must carry ({@code csrf}) and who is signed in ({@code signedIn}); texts come from {@code messages.properties}.
 */
@ApplicationScoped
public class Pages {

    @Inject
    ServletContext servletContext;

    private JakartaServletWebApplication application;
    private TemplateEngine engine;
    private Properties texts;

    @PostConstruct
    void build() {
        application = JakartaServletWebApplication.buildApplication(servletContext);
        WebApplicationTemplateResolver templates = new WebApplicationTemplateResolver(application);
        templates.setTemplateMode(TemplateMode.HTML);
        templates.setPrefix("/WEB-INF/templates/");
        templates.setSuffix(".html");
        templates.setCharacterEncoding("UTF-8");
        templates.setCacheable(true);
        StandardMessageResolver messages = new StandardMessageResolver();
        texts = bundle();
        messages.setDefaultMessages(texts);
        engine = new TemplateEngine();
        engine.setTemplateResolver(templates);
        engine.setMessageResolver(messages);
    }

    public void render(HttpServletRequest request, HttpServletResponse response, int status, String template,
            Map<String, ?> variables) throws IOException {
        WebContext context = new WebContext(application.buildExchange(request, response), request.getLocale());
        context.setVariables(Map.copyOf(variables));
        context.setVariable("csrf", CsrfGuard.tokenFor(request.getSession()));
        context.setVariable("signedIn", SignedIn.in(request).orElse(null));
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        engine.process(template, context, response.getWriter());
    }

    /** A text of the message bundle, for answers that are not pages. */
    public String text(String key) {
        return texts.getProperty(key, key);
    }

    /** 303 See Other to a path inside the application, so that a reload never repeats a POST. */
    public static void redirect(HttpServletRequest request, HttpServletResponse response, String path) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + path);
    }

    private static Properties bundle() {
        try (InputStream in = Pages.class.getResourceAsStream("/messages.properties")) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
