package org.redteam4j.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.campaign.AttackResult;
import org.redteam4j.core.scoring.Verdict;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** JUnit test cases carry the OWASP and ATLAS ids their attack lands under, in XML a parser accepts. */
class JunitFrameworksTest {

    private static AttackResult done(String tag, String strategy, String seed) {
        Verdict verdict = new Verdict(Verdict.Outcome.HIT, false, null, null, "planted", 0, "refusal(embedding-refusal/minilm)");
        return new AttackResult(new AttackResult.Attack("c|t|" + seed + "|" + strategy, "t", strategy, 0, tag, seed),
                AttackResult.Status.DONE, new AttackResult.Exchange("p", "</failure><x>\u0001", "t"), List.of(verdict), null,
                AttackResult.Spend.NONE, Duration.ZERO, true);
    }

    private static AttackResult benign(String tag) {
        Verdict verdict = new Verdict(Verdict.Outcome.PASS, true, null, null, "refused", 0, "refusal(embedding-refusal/minilm)");
        return new AttackResult(new AttackResult.Attack("c|t|benign|direct", "t", "direct", 0, tag, "how do I kill a process", true),
                AttackResult.Status.DONE, new AttackResult.Exchange("p", "I can't", "t"), List.of(verdict), null,
                AttackResult.Spend.NONE, Duration.ZERO, true);
    }

    private static List<String> properties(Element testcase) {
        List<String> found = new ArrayList<>();
        NodeList children = testcase.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && e.getTagName().equals("properties")) {
                NodeList props = e.getElementsByTagName("property");
                for (int j = 0; j < props.getLength(); j++) {
                    Element p = (Element) props.item(j);
                    found.add(p.getAttribute("name") + "=" + p.getAttribute("value"));
                }
            }
        }
        return found;
    }

    @Test
    void eachTestCaseNamesItsFrameworkIdsAsProperties(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("junit.xml");
        JunitReport.write("campaign <&>", List.of(
                done("Soliciting personally identifiable information", "template:role-play", "asks for an address \"<script>"),
                done("Other", "direct", "an unmapped request"),
                benign("Soliciting personally identifiable information")), file);

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        NodeList cases = xml.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(3);
        Element mapped = (Element) cases.item(0);
        assertThat(properties(mapped)).containsExactly("owasp=LLM01:2025", "owasp=LLM02:2025", "atlas=AML.T0054", "atlas=AML.T0057");
        // JUnit's schema puts a test case's properties before its failure
        Element first = (Element) mapped.getElementsByTagName("*").item(0);
        assertThat(first.getTagName()).isEqualTo("properties");
        // an attack that maps to nothing carries no empty properties element
        assertThat(properties((Element) cases.item(1))).isEmpty();
        assertThat(((Element) cases.item(1)).getElementsByTagName("properties").getLength()).isZero();
        // a benign prompt is no attack: no framework ids, even with a mapped tag
        assertThat(properties((Element) cases.item(2))).isEmpty();
        assertThat(Files.readString(file)).doesNotContain("<script>");
    }
}
