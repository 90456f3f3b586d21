package org.redteam4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.testing.ChildJvm;

/**
 * An in-process target whose reply quotes the application's own {@code OPENAI_API_KEY} (the key its
 * LangChain4j or Spring AI model was built with, which redteam4j never handles): the campaign runs in
 * a child JVM with the key in its environment, as a user's build runs, and the reply is stored,
 * returned and written as JUnit XML redacted, with the redaction as a finding.
 */
@Tag("security")
class SecretsInProcessTest {

    static final String KEY = "sk-live-DO-NOT-LEAK-in-process-42";
    private static final String MARK = "[redacted OPENAI_API_KEY]";

    @TempDir
    Path dir;

    /** Runs a campaign against a bot that leaks the key from its environment; prints what the library returned. */
    public static void main(String[] args) {
        CampaignResult result = Campaign.builder("leaky").builtinSeeds(2).strategies("direct").judges("keyword")
                .target("bot", ChatTarget.of(conversation -> "Of course. My key is " + System.getenv("OPENAI_API_KEY") + "."))
                .build().database(args[0]).run();
        result.writeJunitXml(Path.of(args[1]));
        result.attacks().forEach(attack -> System.out.println("REPLY " + attack.reply()));
        System.out.print(result.table());
    }

    @Test
    void anApplicationKeyInAnInProcessReplyIsRedactedLikeAnyOther() throws Exception {
        Path db = dir.resolve("leaky.db");
        Path xml = dir.resolve("TEST-redteam4j.leaky.xml");

        ChildJvm.Result run = ChildJvm.run(Map.of("OPENAI_API_KEY", KEY), "256m", SecretsInProcessTest.class,
                db.toString(), xml.toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("REPLY Of course. My key is " + MARK + ".").doesNotContain(KEY)
                .contains("OPENAI_API_KEY");
        assertThat(Files.readString(xml)).doesNotContain(KEY);
        assertThat(new String(Files.readAllBytes(db), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(KEY);
    }
}
