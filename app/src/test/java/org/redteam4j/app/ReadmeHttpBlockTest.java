package org.redteam4j.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.app.testing.WeakSupportBot;
import org.redteam4j.core.testing.ChildJvm;

/** README, "Applications over HTTP": its YAML block, as written, runs against the shipped support bot. */
class ReadmeHttpBlockTest {

    private static final String TOKEN = "demo-token";

    @TempDir
    Path dir;

    @Test
    void theDocumentedBlockChatsWithTheSupportBot() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int section = readme.indexOf("### Applications over HTTP");
        int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        String block = readme.substring(start, readme.indexOf("```", start));
        assertThat(block).contains("127.0.0.1:8089/api/chat");
        try (WeakSupportBot bot = new WeakSupportBot(0, TOKEN)) {
            Path targets = Files.writeString(dir.resolve("targets.yaml"), block.replace(":8089/", ":" + bot.port() + "/"));

            ChildJvm.Result run = ChildJvm.run(Map.of("BOT_TOKEN", TOKEN), "256m", Main.class, "chat", "--targets",
                    targets.toString(), "--target", "support-bot", "--no-stream", "Where is my order?");

            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(bot.authorizations()).containsExactly("Bearer " + TOKEN);
            assertThat(run.output()).contains("(support-bot,");
        }
    }
}
