package org.redteam4j.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.format.Json;
import org.redteam4j.store.workbench.Account;
import org.redteam4j.store.workbench.AccountRepository;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** New passwords must be long and hard to guess, any length works, and old weak ones must be changed (issue 15, item 8). */
@Tag("security")
class PasswordRulesTest {

    private static final String STRONG = "violet-harbor-minute-gravel";

    @TempDir
    Path dir;

    private WorkbenchServer server;
    private ApiClient admin;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        server = new WorkbenchServer(dir);
        admin = new ApiClient(server).login(WorkbenchServer.ADMIN, WorkbenchServer.PASSWORD);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shortOrGuessablePasswordsAreRefusedWithAReason() throws Exception {
        for (String weak : new String[] {"aaaaaaaaaa", "aaaaaaaaaaaa", "password12", "password1234", "alice-alice-alice"}) {
            HttpResponse<String> refused = join("alice", weak);
            assertThat(refused.statusCode()).as(weak).isEqualTo(400);
            assertThat(refused.body()).as(weak).containsAnyOf("at least 12 characters", "too easy to guess");
        }
        assertThat(join("alice", STRONG).statusCode()).isIn(302, 303);
    }

    @Test
    void aPasswordOver72BytesWorksAndEveryByteCounts() throws Exception {
        String longer = "ünïcödé-wörds-" + STRONG + "-" + STRONG + "-" + STRONG + "-tail-one";
        assertThat(longer.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(100);
        assertThat(join("bruno", longer).statusCode()).isIn(302, 303);

        assertThat(login("bruno", longer).status()).isEqualTo(200);
        assertThat(login("bruno", longer.replace("tail-one", "tail-two")).status()).as("differs past byte 72").isEqualTo(401);
        assertThat(login(WorkbenchServer.ADMIN, "x".repeat(500)).status()).as("a long wrong password").isEqualTo(401);
        assertThat(login("nobody-at-all", "y".repeat(500)).status()).isEqualTo(401);
    }

    @Test
    void anAccountWithAnOldWeakPasswordSignsInButMustChangeItFirst() throws Exception {
        long id = server.database.inTransaction(handle -> new AccountRepository(handle).create("olga", Account.Role.MEMBER, null,
                new BCryptPasswordEncoder().encode("password12"))); // as stored before the rules
        ApiClient olga = new ApiClient(server);
        ApiClient.Response signedIn = olga.post("/api/login", Json.mapper().createObjectNode().put("name", "olga")
                .put("password", "password12"));
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.body().get("password_change_required").asBoolean()).isTrue();
        String csrf = signedIn.body().get("csrf_token").asText();

        assertThat(olga.get("/api/campaigns").status()).as("anything else waits").isEqualTo(403);
        assertThat(olga.get("/api/campaigns").body().get("error").asText()).contains("/api/account/password");
        assertThat(olga.postWithToken("/api/account/password", Json.mapper().createObjectNode().put("current_password", "password12")
                .put("new_password", "password1234"), csrf).status()).as("a weak new one").isEqualTo(400);
        assertThat(olga.postWithToken("/api/account/password", Json.mapper().createObjectNode().put("current_password", "wrong-one")
                .put("new_password", STRONG), csrf).status()).as("the wrong current one").isEqualTo(400);
        assertThat(olga.postWithToken("/api/account/password", Json.mapper().createObjectNode().put("current_password", "password12")
                .put("new_password", STRONG), csrf).status()).isEqualTo(200);

        assertThat(olga.get("/api/campaigns").status()).isEqualTo(200);
        assertThat(login("olga", "password12").status()).isEqualTo(401);
        ApiClient.Response again = login("olga", STRONG);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("password_change_required").asBoolean()).isFalse();
        Account stored = server.database.inTransaction(handle -> new AccountRepository(handle).byId(id)).orElseThrow();
        assertThat(stored.passwordHash()).startsWith("{sha256+bcrypt}");
    }

    @Test
    void theChangePasswordPageIsWhereAWeakAccountsPagesLead() throws Exception {
        server.database.inTransaction(handle -> new AccountRepository(handle).create("pia", Account.Role.MEMBER, null,
                new BCryptPasswordEncoder().encode("aaaaaaaaaa")));
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(server.url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=pia&password=aaaaaaaaaa")).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(WebApp.SESSION_COOKIE + "="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        HttpResponse<String> tasks = http.send(HttpRequest.newBuilder(URI.create(server.url("/tasks"))).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tasks.statusCode()).isIn(302, 303);
        assertThat(tasks.headers().firstValue("Location")).hasValue("/account/password");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(server.url("/account/password")))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("too easy to guess").contains("name=\"new_password\"");
    }

    private HttpResponse<String> join(String name, String password) throws Exception {
        String path = admin.post("/api/admin/invites", Json.mapper().createObjectNode().put("role", "member")).body()
                .get("invite_path").asText();
        return http.send(HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=" + name + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private ApiClient.Response login(String name, String password) {
        return new ApiClient(server).post("/api/login", Json.mapper().createObjectNode().put("name", name).put("password", password));
    }
}
