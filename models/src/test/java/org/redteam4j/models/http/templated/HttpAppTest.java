package org.redteam4j.models.http.templated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.models.http.ApiKeys;

class HttpAppTest {

    private static final ApiKeys NO_KEYS = new ApiKeys(Map.of(), null);

    private static HttpApp.Declaration declared(String url, String body, String reply) {
        return new HttpApp.Declaration(url, null, null, body, reply, null, null);
    }

    @Test
    void anUnknownVariableOrFilterIsAConfigErrorNamingTheTargetAndField() {
        assertThatThrownBy(() -> HttpApp.parse(declared("http://127.0.0.1:1/x", "{\"m\": {{promt|json}}}", "$.a"),
                "target support-bot", NO_KEYS)).isInstanceOf(BadInput.class)
                .hasMessageStartingWith("target support-bot: http.body: unknown template variable 'promt'")
                .hasMessageContaining("[prompt, messages, transcript, system, session, document]");
        assertThatThrownBy(() -> HttpApp.parse(declared("http://127.0.0.1:1/x", "{\"m\": {{prompt|html}}}", "$.a"),
                "target support-bot", NO_KEYS)).isInstanceOf(BadInput.class)
                .hasMessageStartingWith("target support-bot: http.body: unknown template filter 'html'");
        assertThatThrownBy(() -> HttpApp.parse(declared("http://127.0.0.1:1/{{sesion}}", "", "$.a"),
                "target support-bot", NO_KEYS)).hasMessageStartingWith("target support-bot: http.url: unknown template variable");
        assertThatThrownBy(() -> HttpApp.parse(new HttpApp.Declaration("http://127.0.0.1:1/x", null,
                Map.of("X-Id", "{{nope}}"), "", "$.a", null, null), "target support-bot", NO_KEYS))
                .hasMessageStartingWith("target support-bot: http.headers.X-Id: unknown template variable 'nope'");
        assertThatThrownBy(() -> HttpApp.parse(declared("http://127.0.0.1:1/x", "{\"m\": {{prompt}", "$.a"),
                "target support-bot", NO_KEYS)).hasMessageContaining("http.body: '{{' at character 7 is not closed");
    }

    @Test
    void anEnvironmentValueInTheBodyIsRefused() {
        ApiKeys keys = new ApiKeys(Map.of("BOT_TOKEN", "tok-123"), null);
        assertThatThrownBy(() -> HttpApp.parse(declared("http://127.0.0.1:1/x", "{\"token\": \"${BOT_TOKEN}\"}", "$.a"),
                "target support-bot", keys)).isInstanceOf(BadInput.class)
                .hasMessageStartingWith("target support-bot: http.body: ${…} is not allowed here")
                .hasMessageNotContaining("tok-123");
    }

    @Test
    void missingUrlOrReplyAndBadValuesAreConfigErrors() {
        assertThatThrownBy(() -> HttpApp.parse(declared(null, "{}", "$.a"), "target b", NO_KEYS))
                .isInstanceOf(BadInput.class).hasMessageStartingWith("target b: http.url: missing");
        assertThatThrownBy(() -> HttpApp.parse(declared("http://127.0.0.1:1/x", "{}", null), "target b", NO_KEYS))
                .isInstanceOf(BadInput.class).hasMessageStartingWith("target b: http.reply: missing");
        assertThatThrownBy(() -> HttpApp.parse(declared("ftp://host/x", "{}", "$.a"), "target b", NO_KEYS))
                .hasMessageStartingWith("target b: http.url: expected an http:// or https:// URL");
        assertThatThrownBy(() -> HttpApp.parse(declared("http://127.0.0.1:1/x", "{}", "answer"), "target b", NO_KEYS))
                .hasMessageStartingWith("target b: http.reply: 'answer' is not a JSONPath");
        assertThatThrownBy(() -> HttpApp.parse(declared("http://127.0.0.1:1/x", "{}", "$.[["), "target b", NO_KEYS))
                .hasMessageStartingWith("target b: http.reply: bad JSONPath");
        assertThatThrownBy(() -> HttpApp.parse(declared("http://127.0.0.1:1/x", "{}", "regex:(("), "target b", NO_KEYS))
                .hasMessageStartingWith("target b: http.reply: bad regular expression");
        assertThatThrownBy(() -> HttpApp.parse(declared("http://127.0.0.1:1/x", "{}", "regex:"), "target b", NO_KEYS))
                .hasMessageStartingWith("target b: http.reply: regex: has no pattern");
        assertThatThrownBy(() -> HttpApp.parse(new HttpApp.Declaration("http://127.0.0.1:1/x", "FETCH", null, "{}", "$.a",
                null, null), "target b", NO_KEYS)).hasMessageStartingWith("target b: http.method: 'FETCH' is not one of");
        assertThatThrownBy(() -> HttpApp.parse(new HttpApp.Declaration("http://127.0.0.1:1/x", null, null, "{}", "$.a",
                null, "websocket"), "target b", NO_KEYS)).hasMessageStartingWith("target b: http.stream: 'websocket'");
        assertThatThrownBy(() -> HttpApp.parse(new HttpApp.Declaration("http://127.0.0.1:1/x", "GET", null, "{}", "$.a",
                null, null), "target b", NO_KEYS)).hasMessageStartingWith("target b: http.body: a GET request has no body");
        assertThatThrownBy(() -> HttpApp.parse(new HttpApp.Declaration("http://127.0.0.1:1/x", null, null, "{}", "$.a",
                "", null), "target b", NO_KEYS)).hasMessageStartingWith("target b: http.session.from: missing");
    }

    @Test
    void aCredentialHeaderWrittenOutIsRefusedSoItIsNeverStored() {
        assertThatThrownBy(() -> HttpApp.parse(new HttpApp.Declaration("https://bot.example/x", null,
                Map.of("Authorization", "Bearer sk-literal-123"), "{}", "$.a", null, null), "target b", NO_KEYS))
                .isInstanceOf(BadInput.class)
                .hasMessageStartingWith("target b: http.headers.Authorization: a credential written out")
                .hasMessageNotContaining("sk-literal-123");
    }

    @Test
    void aHeaderTheClientCannotSetIsAConfigError() {
        assertThatThrownBy(() -> HttpApp.parse(new HttpApp.Declaration("http://127.0.0.1:1/x", null,
                Map.of("Host", "evil.example"), "{}", "$.a", null, null), "target b", NO_KEYS))
                .isInstanceOf(BadInput.class).hasMessageStartingWith("target b: http.headers: 'Host' cannot be set");
    }

    @Test
    void anUnsetEnvironmentValueSaysWhereToPutItWithoutAnyValue() {
        assertThatThrownBy(() -> HttpApp.parse(new HttpApp.Declaration("http://127.0.0.1:1/x", null,
                Map.of("Authorization", "Bearer ${BOT_TOKEN}"), "{}", "$.a", null, null), "target b", NO_KEYS))
                .isInstanceOf(BadInput.class)
                .hasMessageStartingWith("target b: http.headers.Authorization: ${BOT_TOKEN} is not set; set BOT_TOKEN");
    }

    @Test
    void aStatefulApplicationIsOneWithASessionOrWithoutTheConversationInItsRequest() {
        assertThat(HttpApp.parse(declared("http://h/x", "{\"m\": {{prompt|json}}}", "$.a"), "t", NO_KEYS).stateful()).isTrue();
        assertThat(HttpApp.parse(declared("http://h/x", "{{messages}}", "$.a"), "t", NO_KEYS).stateful()).isFalse();
        assertThat(HttpApp.parse(declared("http://h/x", "{{transcript|json}}", "$.a"), "t", NO_KEYS).stateful()).isFalse();
        assertThat(HttpApp.parse(declared("http://h/{{session}}", "{{messages}}", "$.a"), "t", NO_KEYS).stateful()).isTrue();
    }

    @Test
    void aCredentialWrittenIntoTheUrlIsRefusedWithoutQuotingIt() {
        for (String url : java.util.List.of("http://user:hunter2@127.0.0.1:1/x", "http://127.0.0.1:1/x?api_key=hunter2",
                "http://127.0.0.1:1/x?lang=en&Token=hunter2")) {
            assertThatThrownBy(() -> HttpApp.parse(declared(url, "{}", "$.a"), "target bot", NO_KEYS))
                    .isInstanceOf(BadInput.class).hasMessageStartingWith("target bot: http.url: a credential written out")
                    .hasMessageNotContaining("hunter2");
        }
        ApiKeys keys = new ApiKeys(Map.of("BOT_TOKEN", "s3cret"), null);
        HttpApp app = HttpApp.parse(declared("http://127.0.0.1:1/x?token=${BOT_TOKEN}&lang=en", "{}", "$.a"), "target bot", keys);
        assertThat(app.urlText()).doesNotContain("s3cret");
    }

    @Test
    void blockedStatusAndSystemAreChecked() {
        assertThatThrownBy(() -> HttpApp.parse(new HttpApp.Declaration("http://127.0.0.1:1/x", null, null, "{}", "$.a",
                null, null, java.util.List.of(200), null), "target bot", NO_KEYS))
                .hasMessage("target bot: http.blocked_status: 200 is not an HTTP error status (400-599)");
        assertThatThrownBy(() -> HttpApp.parse(new HttpApp.Declaration("http://127.0.0.1:1/x", null, null, "{}", "$.a",
                null, null, null, "drop"), "target bot", NO_KEYS))
                .hasMessageStartingWith("target bot: http.system: 'drop' is not supported; expected ignore");
        HttpApp app = HttpApp.parse(new HttpApp.Declaration("http://127.0.0.1:1/x", null, null, "{}", "$.a",
                null, null, java.util.List.of(403, 422), "ignore"), "target bot", NO_KEYS);
        assertThat(app.blockedStatus()).containsExactlyInAnyOrder(403, 422);
        assertThat(app.systemIgnored()).isTrue();
        assertThat(app.sendsSystem()).isFalse();
    }

    @Test
    void aBrokenJsonPathIsRefusedInOurWordsEvenWhereJaywayIsLenient() {
        for (String path : java.util.List.of("$[", "$.answer[", "$.a[", "$.a)", "$['a]")) {
            assertThatThrownBy(() -> ReplyPath.parse(path, "target bot: http.reply")).isInstanceOf(BadInput.class)
                    .hasMessageStartingWith("target bot: http.reply: bad JSONPath '" + path + "'")
                    .hasMessageNotContaining("Exception");
        }
        assertThat(ReplyPath.parse("$.choices[0].message['content']", "target bot: http.reply").describe())
                .isEqualTo("$.choices[0].message['content']");
    }
}
