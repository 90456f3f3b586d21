package org.redteam4j.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chunked body has no Content-Length to refuse; it is held to the same 1 MB as any other
 * (issue 15: 8 parallel 500 MB chunked logins drove the server out of memory).
 */
@Tag("security")
class BodyLimitTest {

    @TempDir
    Path dir;

    WorkbenchServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        server = new WorkbenchServer(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedAndTheServerGoesOn() throws Exception {
        String padding = "x".repeat(5 * BodyLimit.LIMIT);
        HttpResponse<String> refused = post("/api/login", "application/json",
                "{\"name\": \"admin\", \"password\": \"" + padding + "\"}");

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("\"error\"").contains("larger than 1000000 bytes");
        assertThat(post("/login", "application/x-www-form-urlencoded", "name=admin&password=" + padding).statusCode())
                .isEqualTo(413);
        assertThat(login()).as("the server still answers").isEqualTo(200);
    }

    @Test
    void aChunkedBodyUnderTheLimitArrivesWhole() throws Exception {
        assertThat(login()).isEqualTo(200);
        HttpResponse<String> form = post("/login", "application/x-www-form-urlencoded",
                "name=" + WorkbenchServer.ADMIN + "&password=" + WorkbenchServer.PASSWORD);
        assertThat(form.statusCode()).as("a chunked form's fields are read from the held body").isIn(302, 303);
        assertThat(form.headers().firstValue("Set-Cookie")).isPresent();
    }

    private int login() throws Exception {
        return post("/api/login", "application/json", "{\"name\": \"" + WorkbenchServer.ADMIN + "\", \"password\": \""
                + WorkbenchServer.PASSWORD + "\"}").statusCode();
    }

    /** Posts {@code body} with no Content-Length: the JDK client sends a stream of unknown length chunked. */
    private HttpResponse<String> post(String path, String type, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Supplier<InputStream> stream = () -> new ByteArrayInputStream(bytes);
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url(path))).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofInputStream(stream)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
