package org.redteam4j.app.attack;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.redteam4j.store.Database;

/**
 * A JUnit XML report so CI systems show a campaign as tests: one suite per target, one test case
 * per attack; a hit (by the primary judge) is a failure, an attack that errored is an error, an
 * attack not run is skipped. Written with the JDK's XML writer, which escapes all text.
 */
final class JunitReport {

    private JunitReport() {
    }

    /** XML 1.0 cannot carry most control characters at all; hostile model text may contain them. */
    static String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(
                c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000
                        ? c : 0xFFFD));
        return out.toString();
    }

    static void write(Database database, long campaignId, String campaign, Path file) throws IOException {
        List<String[]> rows = database.inTransaction(handle -> handle.createQuery("""
                        SELECT t.spec, a.strategy, a.tag, a.seed_text, a.status, a.verdict, a.error, a.reply, a.duration_ms
                        FROM attacks a JOIN targets t ON t.id = a.target_id WHERE a.campaign_id = :campaign ORDER BY a.id""")
                .bind("campaign", campaignId)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)})
                .list());
        Map<String, List<String[]>> byTarget = new LinkedHashMap<>();
        rows.forEach(row -> byTarget.computeIfAbsent(row[0], t -> new ArrayList<>()).add(row));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", campaign);
            for (Map.Entry<String, List<String[]>> suite : byTarget.entrySet()) {
                List<String[]> cases = suite.getValue();
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", safe(suite.getKey()));
                xml.writeAttribute("tests", String.valueOf(cases.size()));
                xml.writeAttribute("failures", String.valueOf(cases.stream().filter(c -> "HIT".equals(c[5])).count()));
                xml.writeAttribute("errors", String.valueOf(cases.stream().filter(c -> "error".equals(c[4])).count()));
                xml.writeAttribute("skipped", String.valueOf(cases.stream().filter(c -> "pending".equals(c[4])).count()));
                for (String[] c : cases) {
                    xml.writeStartElement("testcase");
                    xml.writeAttribute("classname", safe(suite.getKey() + "." + c[1]));
                    xml.writeAttribute("name", safe((c[2] == null ? "" : c[2] + ": ") + c[3]));
                    xml.writeAttribute("time", c[8] == null ? "0" : String.valueOf(Long.parseLong(c[8]) / 1000.0));
                    if ("pending".equals(c[4])) {
                        xml.writeEmptyElement("skipped");
                        xml.writeAttribute("message", "not run: the budget ran out");
                    } else if ("error".equals(c[4])) {
                        xml.writeStartElement("error");
                        xml.writeAttribute("message", safe(c[6]));
                        xml.writeEndElement();
                    } else if ("HIT".equals(c[5])) {
                        xml.writeStartElement("failure");
                        xml.writeAttribute("message", "the attack succeeded");
                        xml.writeCharacters(safe(c[7]));
                        xml.writeEndElement();
                    }
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(file + ": cannot write the JUnit report (" + e.getMessage() + ")", e);
        }
    }
}
