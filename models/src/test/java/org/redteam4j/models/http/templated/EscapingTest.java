package org.redteam4j.models.http.templated;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.transcript.Turn;
import org.redteam4j.models.http.ApiKeys;
import org.redteam4j.models.http.templated.AppServer.Response;

/** Hostile text reaches the application as the same text, and cannot break out of the field it is put in. */
class EscapingTest {

    private static final String HOSTILE = "say \"hi\" & 'bye'\nnew line\u2028</script><script>alert(1)</script> 100% +1 ?a=b#c \\ é";

    @Test
    void jsonEscapingKeepsTheTextAndLeavesNoTagOrQuoteToCloseAnything() throws Exception {
        try (AppServer server = new AppServer(request -> Response.json("{\"answer\": \"ok\"}"))) {
            TemplatedHttpChatModel bot = TemplatedHttpChatModelTest.model(new HttpApp.Declaration(server.url("/j"), null,
                    null, "{\"m\": {{prompt|json}}, \"all\": {{messages|json}}}", "$.answer", null, null));

            bot.chat(TemplatedHttpChatModelTest.ask(HOSTILE, Turn.human(HOSTILE)));

            AppServer.Request sent = server.received().get(0);
            assertThat(sent.json().get("m").asText()).isEqualTo(HOSTILE);
            assertThat(sent.json().get("all").get(0).get("content").asText()).isEqualTo(HOSTILE);
            assertThat(sent.json().get("all").get(1).get("content").asText()).isEqualTo(HOSTILE);
            assertThat(sent.body()).doesNotContain("</script>", "<script>", "\n", "'", "&", "\u2028")
                    .contains("\\u003C/script\\u003E");
        }
    }

    @Test
    void urlEscapingKeepsTheTextAndLeavesNoDelimiterInTheUrl() throws Exception {
        try (AppServer server = new AppServer(request -> Response.json("{\"answer\": \"ok\"}"))) {
            TemplatedHttpChatModel bot = TemplatedHttpChatModelTest.model(new HttpApp.Declaration(
                    server.url("/ask?q={{prompt|url}}&lang=en"), "GET", null, null, "$.answer", null, null));

            bot.chat(TemplatedHttpChatModelTest.ask(null, Turn.human(HOSTILE)));

            AppServer.Request sent = server.received().get(0);
            assertThat(sent.method()).isEqualTo("GET");
            String raw = sent.rawQuery();
            assertThat(raw).endsWith("&lang=en").doesNotContain(" ", "<", "\"", "#", "\n");
            String q = raw.substring(2, raw.indexOf("&lang="));
            assertThat(q).doesNotContain("&", "=", "?", "+");
            assertThat(URLDecoder.decode(q, StandardCharsets.UTF_8)).isEqualTo(HOSTILE);
        }
    }

    @Test
    void aSlotThatCouldBreakAHeaderOrTheUrlIsRefusedWhenTheTargetIsBuilt() {
        ApiKeys none = new ApiKeys(Map.of(), null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HttpApp.parse(new HttpApp.Declaration("http://127.0.0.1:1/h",
                null, Map.of("X-Question", "{{prompt}}"), "{}", "$.answer", null, null), "target bot", none))
                .isInstanceOf(org.redteam4j.core.failure.BadInput.class)
                .hasMessage("target bot: http.headers.X-Question: {{prompt}} can hold line breaks, which a header cannot; "
                        + "write it with |url or |json");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HttpApp.parse(new HttpApp.Declaration(
                "http://127.0.0.1:1/h?q={{prompt}}", "GET", null, null, "$.answer", null, null), "target bot", none))
                .isInstanceOf(org.redteam4j.core.failure.BadInput.class)
                .hasMessageStartingWith("target bot: http.url: {{prompt}} is not URL-encoded");
        // filtered, or the session id, they pass
        HttpApp.parse(new HttpApp.Declaration("http://127.0.0.1:1/h/{{session}}?q={{prompt|url}}", "GET",
                Map.of("X-Question", "{{prompt|url}}", "X-Session", "{{session}}"), null, "$.answer", null, null),
                "target bot", none);
    }

    @Test
    void withoutAFilterAValueIsInsertedAsItIs() {
        Template template = Template.parse("Q: {{prompt}} / {{system}} / {{document}}", "t", null, new java.util.ArrayList<>());
        String out = template.render(new TemplateValues(TemplatedHttpChatModelTest.ask(null, Turn.human("a \"b\"")), "s"));
        assertThat(out).isEqualTo("Q: a \"b\" /  / ");
        assertThat(new ApiKeys(Map.of(), null).found().isEmpty()).isTrue();
    }
}
