package org.redteam4j.core.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TranscriptTest {

    @Test
    void parsesAlternatingTurns() {
        Transcript transcript = Transcript.parse("\n\nHuman: Hi there\n\nAssistant: Hello. How can I help?");

        assertThat(transcript.preamble()).isEmpty();
        assertThat(transcript.turns()).containsExactly(Turn.human("Hi there"), Turn.assistant("Hello. How can I help?"));
    }

    @Test
    void toleratesTurnsThatDoNotAlternate() {
        String text = "\n\nHuman: one\n\nAssistant: two\n\nAssistant: three\n\nHuman: four\n\nHuman: five";

        Transcript transcript = Transcript.parse(text);

        assertThat(transcript.turns()).extracting(Turn::speaker).containsExactly(
                Speaker.HUMAN, Speaker.ASSISTANT, Speaker.ASSISTANT, Speaker.HUMAN, Speaker.HUMAN);
        assertThat(transcript.assistantTurns()).extracting(Turn::text).containsExactly("two", "three");
        assertThat(transcript.text()).isEqualTo(text);
    }

    @Test
    void keepsTextBeforeTheFirstMarkerAndMarkersWithoutASpace() {
        String text = "context line\n\nHuman:no space\n\nAssistant:\n\nHuman:  two spaces";

        Transcript transcript = Transcript.parse(text);

        assertThat(transcript.preamble()).isEqualTo("context line");
        assertThat(transcript.turns()).containsExactly(
                new Turn(Speaker.HUMAN, "no space", true),
                new Turn(Speaker.ASSISTANT, "", true),
                new Turn(Speaker.HUMAN, " two spaces", false));
        assertThat(transcript.text()).isEqualTo(text);
    }

    @Test
    void textWithoutMarkersIsAllPreamble() {
        assertThat(Transcript.parse("").turns()).isEmpty();
        assertThat(Transcript.parse("Human: not a marker without the blank line").preamble())
                .isEqualTo("Human: not a marker without the blank line");
    }

    @Test
    void printsWhatItParsesForRandomMixturesOfMarkersAndText() {
        String[] pieces = {"\n\nHuman:", "\n\nAssistant:", "\n\nHuman: ", "\n\nAssistant: ", " ", "\n", "\n\n",
            "Human", "Assistant:", "text", "ü", "\r\n", ":", "Hu", "\n\nHum"};
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String original = text.toString();
            assertThat(Transcript.parse(original).text()).as("round trip of %s", original.replace("\n", "\\n"))
                    .isEqualTo(original);
        }
    }

    @Test
    void appendBuildsAConversation() {
        Transcript transcript = Transcript.of(java.util.List.of(Turn.human("Q"))).append(Turn.assistant("A"));

        assertThat(transcript.text()).isEqualTo("\n\nHuman: Q\n\nAssistant: A");
    }
}
