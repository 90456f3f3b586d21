package org.redteam4j.models.http.templated;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.secrets.Secret;
import org.redteam4j.core.secrets.Secrets;
import org.redteam4j.models.http.ApiKeys;

/**
 * An application's HTTP API as a target declares it, checked and parsed: the request templates,
 * where the reply and the server's session id are found, and whether the reply streams.
 *
 * @param where         the target, for errors ({@code target support-bot})
 * @param urlText       the URL as written, {@code ${…}} unresolved: the model's id, safe to store
 * @param secrets       the values {@code ${…}} resolved to, redacted from whatever the server says
 * @param blockedStatus statuses the application answers a blocked message with ({@code http.blocked_status}):
 *                      its reply, not a failure
 * @param systemIgnored {@code http.system: ignore}: a system prompt the templates have no slot for is dropped
 *                      rather than refused
 * @param declaredStateful {@code http.stateful}: null to infer it from the templates (see {@link #stateful()})
 */
public record HttpApp(String where, String urlText, Template url, String method, Map<String, Template> headers,
                      Template body, ReplyPath reply, ReplyPath sessionFrom, boolean sse, Secrets secrets,
                      Set<Integer> blockedStatus, boolean systemIgnored, Boolean declaredStateful) {

    /** Query parameters whose value is a credential: written out in the URL, it would be stored with the model's id. */
    private static final Set<String> CREDENTIAL_PARAMETERS = Set.of("key", "api_key", "apikey", "api-key", "token",
            "access_token", "auth", "password", "secret", "sig", "signature", "code");

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** Headers whose value is a credential: written out in the declaration, it would be stored in clear. */
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "x-api-key", "api-key");

    /** The {@code http:} block as declared; {@code where} names the target ({@code target support-bot}). */
    public record Declaration(String url, String method, Map<String, String> headers, String body, String reply,
                              String sessionFrom, String stream, List<Integer> blockedStatus, String system,
                              Boolean stateful) {

        /** A declaration without {@code blocked_status}, {@code system} or {@code stateful}. */
        public Declaration(String url, String method, Map<String, String> headers, String body, String reply,
                           String sessionFrom, String stream) {
            this(url, method, headers, body, reply, sessionFrom, stream, null, null, null);
        }

        /** A declaration without {@code stateful}. */
        public Declaration(String url, String method, Map<String, String> headers, String body, String reply,
                           String sessionFrom, String stream, List<Integer> blockedStatus, String system) {
            this(url, method, headers, body, reply, sessionFrom, stream, blockedStatus, system, null);
        }
    }

    public static HttpApp parse(Declaration declared, String where, ApiKeys keys) {
        String prefix = where + ": http.";
        if (declared.url() == null || declared.url().isBlank()) {
            throw new BadInput(prefix + "url: missing; expected the application's URL, e.g. http://127.0.0.1:8080/api/chat");
        }
        List<Secret> secrets = new ArrayList<>();
        checkUrlCredentials(declared.url().strip(), prefix + "url");
        Template url = Template.parse(declared.url().strip(), prefix + "url", keys, secrets);
        checkUrl(url, prefix + "url");
        url.slotWithout(Set.of(Filter.URL)).ifPresent(slot -> {
            throw new BadInput(prefix + "url: " + slot + " is not URL-encoded, so a message with a space or '&' would "
                    + "make a broken URL; write it with |url, e.g. {{prompt|url}}");
        });
        String method = declared.method() == null ? "POST" : declared.method().strip().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw new BadInput(prefix + "method: '" + declared.method() + "' is not one of " + METHODS);
        }
        Map<String, Template> headers = new LinkedHashMap<>();
        if (declared.headers() != null) {
            declared.headers().forEach((name, value) -> {
                if (name == null || name.isBlank() || value == null) {
                    throw new BadInput(prefix + "headers: every header needs a name and a value");
                }
                if (CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !value.contains("${")) {
                    throw new BadInput(prefix + "headers." + name + ": a credential written out would be stored with "
                            + "the target; put it in the environment or the credentials file and write ${NAME}");
                }
                Template header = Template.parse(value, prefix + "headers." + name, keys, secrets);
                header.slotWithout(Set.of(Filter.URL, Filter.JSON)).ifPresent(slot -> {
                    throw new BadInput(prefix + "headers." + name + ": " + slot + " can hold line breaks, which a header "
                            + "cannot; write it with |url or |json");
                });
                headers.put(name, header);
                checkHeaderName(name, prefix + "headers");
            });
        }
        Template body = Template.parse(declared.body() == null ? "" : declared.body(), prefix + "body", null, secrets);
        if (method.equals("GET") && !body.isEmpty()) {
            throw new BadInput(prefix + "body: a GET request has no body; put the variables in the url ({{prompt|url}})");
        }
        ReplyPath reply = ReplyPath.parse(declared.reply(), prefix + "reply");
        ReplyPath sessionFrom = declared.sessionFrom() == null ? null
                : ReplyPath.parse(declared.sessionFrom(), prefix + "session.from");
        boolean sse = false;
        if (declared.stream() != null) {
            if (!declared.stream().equals("sse")) {
                throw new BadInput(prefix + "stream: '" + declared.stream() + "' is not supported; expected sse");
            }
            if (!reply.readsBody()) {
                throw new BadInput(prefix + "reply: a header cannot be read per event of a stream: sse reply");
            }
            sse = true;
        }
        Set<Integer> blocked = new java.util.TreeSet<>();
        if (declared.blockedStatus() != null) {
            for (Integer status : declared.blockedStatus()) {
                if (status == null || status < 400 || status > 599) {
                    throw new BadInput(prefix + "blocked_status: " + status + " is not an HTTP error status (400-599)");
                }
                blocked.add(status);
            }
        }
        boolean systemIgnored = false;
        if (declared.system() != null) {
            if (!declared.system().strip().equals("ignore")) {
                throw new BadInput(prefix + "system: '" + declared.system() + "' is not supported; expected ignore "
                        + "(drop a system prompt the templates have no {{system}} or {{messages}} slot for)");
            }
            systemIgnored = true;
        }
        return new HttpApp(where, declared.url().strip(), url, method, Map.copyOf(headers), body, reply, sessionFrom, sse,
                Secrets.of(secrets), Set.copyOf(blocked), systemIgnored, declared.stateful());
    }

    /** A credential in the URL as written (user:password@, or ?token=VALUE) is refused; ${NAME} is fine. */
    private static void checkUrlCredentials(String written, String where) {
        URI uri;
        try {
            uri = URI.create(written.replaceAll("\\{\\{[^}]*}}", "x").replaceAll("\\$\\{[A-Za-z0-9_]*}", "ENV"));
        } catch (IllegalArgumentException e) {
            return; // checkUrl says "not a URL" once the template is parsed
        }
        String refusal = ": a credential written out would be stored with the target; put it in the environment or "
                + "the credentials file and write ${NAME}";
        if (uri.getRawUserInfo() != null && !written.substring(0, written.indexOf('@')).contains("${")) {
            throw new BadInput(where + refusal + " (user:password@ in the URL)");
        }
        String query = written.contains("?") ? written.substring(written.indexOf('?') + 1) : "";
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && CREDENTIAL_PARAMETERS.contains(pair.substring(0, equals).toLowerCase(Locale.ROOT))
                    && !pair.substring(equals + 1).startsWith("${") && !pair.substring(equals + 1).startsWith("{{")) {
                throw new BadInput(where + refusal + " (query parameter " + pair.substring(0, equals) + ")");
            }
        }
    }

    /** Whether a system prompt reaches the application: a {@code {{system}}} or {@code {{messages}}} slot. */
    public boolean sendsSystem() {
        return uses(Variable.SYSTEM) || uses(Variable.MESSAGES);
    }

    private static void checkUrl(Template url, String where) {
        URI sample;
        try {
            sample = URI.create(url.render(TemplateValues.sample()));
        } catch (IllegalArgumentException e) {
            throw new BadInput(where + ": not a URL"); // the parser's message would quote it, resolved secrets and all
        }
        if (sample.getScheme() == null || !Set.of("http", "https").contains(sample.getScheme().toLowerCase(Locale.ROOT))
                || sample.getHost() == null) {
            throw new BadInput(where + ": expected an http:// or https:// URL with a host");
        }
    }

    /** A name the JDK's client refuses (Host, Content-Length, …, or not a token) is refused now, not at the first request. */
    private static void checkHeaderName(String name, String where) {
        try {
            java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).header(name, "x");
        } catch (IllegalArgumentException e) {
            throw new BadInput(where + ": '" + name + "' cannot be set (a restricted or invalid header name)");
        }
    }

    /** Whether any template carries a variable, e.g. the document. */
    public boolean uses(Variable variable) {
        return url.uses(variable) || body.uses(variable) || headers.values().stream().anyMatch(t -> t.uses(variable));
    }

    /**
     * Whether the application keeps the conversation itself, so that a conversation it has not
     * seen must be replayed to it: as declared ({@code http.stateful}), else when it is given a
     * session id, or it is not sent the conversation (neither {@code messages} nor
     * {@code transcript}) and so could remember it only by its cookies.
     */
    public boolean stateful() {
        if (declaredStateful != null) {
            return declaredStateful;
        }
        return uses(Variable.SESSION) || sessionFrom != null
                || !(uses(Variable.MESSAGES) || uses(Variable.TRANSCRIPT));
    }

    /** Scheme, host and port of the URL: where requests go, without the path or query that may hold a secret. */
    public URI origin() {
        URI sample = URI.create(url.render(TemplateValues.sample()));
        return URI.create(sample.getScheme() + "://" + sample.getHost() + (sample.getPort() < 0 ? "" : ":" + sample.getPort()));
    }

    @Override
    public String toString() {
        return "HttpApp[" + method + " " + urlText + "]";
    }
}
