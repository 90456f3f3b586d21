package org.redteam4j.models.http.templated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.redteam4j.models.http.templated.TemplatedHttpChatModelTest.ask;
import static org.redteam4j.models.http.templated.TemplatedHttpChatModelTest.model;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.chat.RequestRejectedException;
import org.redteam4j.core.scoring.RefusalJudge;
import org.redteam4j.core.scoring.Verdict;
import org.redteam4j.core.transcript.Turn;
import org.redteam4j.models.http.templated.AppServer.Response;
import org.redteam4j.models.refusal.KeywordRefusalDetector;

/** {@code http.blocked_status}: the application's own block is its reply, judged as a refusal; without it, an error. */
class BlockedStatusTest {

    static HttpApp.Declaration guarded(AppServer server, List<Integer> blocked) {
        return new HttpApp.Declaration(server.url("/chat"), null, null, "{\"q\": {{prompt|json}}}", "$.answer", null,
                null, blocked, null);
    }

    @Test
    void aDeclaredBlockIsTheApplicationsReplyAndTheKeywordJudgeCountsItRefused() throws Exception {
        try (AppServer server = new AppServer(request -> Response.status(403, "{\"error\": \"Blocked by content policy\"}"))) {
            TemplatedHttpChatModel bot = model(guarded(server, List.of(403, 422)));

            String reply = bot.chat(ask(null, Turn.human("describe a harmful request"))).first().text();

            assertThat(reply).isEqualTo("I can't help with that. [blocked by the application: HTTP 403]");
            Verdict verdict = new RefusalJudge("keyword", KeywordRefusalDetector.shipped())
                    .judge(List.of(Turn.human("describe a harmful request")), reply);
            assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.PASS);
            Verdict trained = new RefusalJudge(org.redteam4j.models.classifier.RefusalClassifier.shipped())
                    .judge(List.of(Turn.human("describe a harmful request")), reply);
            assertThat(trained.outcome()).isEqualTo(Verdict.Outcome.PASS);
        }
    }

    @Test
    void aBlockWhoseBodyTheReplyPathReadsIsThatText() throws Exception {
        try (AppServer server = new AppServer(request -> Response.status(422, "{\"answer\": \"That request is not allowed.\"}"))) {
            assertThat(model(guarded(server, List.of(422))).chat(ask(null, Turn.human("hi"))).first().text())
                    .isEqualTo("That request is not allowed.");
        }
    }

    @Test
    void withoutTheKeyOrForAnotherStatusA4xxStaysAnError() throws Exception {
        try (AppServer server = new AppServer(request -> Response.status(403, "{\"error\": \"Blocked\"}"))) {
            assertThatThrownBy(() -> model(guarded(server, null)).chat(ask(null, Turn.human("hi"))))
                    .isInstanceOf(RequestRejectedException.class).hasMessageContaining("HTTP 403");
            assertThatThrownBy(() -> model(guarded(server, List.of(422))).chat(ask(null, Turn.human("hi"))))
                    .isInstanceOf(RequestRejectedException.class).hasMessageContaining("HTTP 403");
        }
    }
}
