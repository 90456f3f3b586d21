package org.redteam4j.core.format;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.redteam4j.core.analysis.AttackSummary;
import org.redteam4j.core.analysis.CorrectedRate;
import org.redteam4j.core.analysis.FalseRefusals;
import org.redteam4j.core.campaign.AttackResult.Status;
import org.redteam4j.core.campaign.AttackResult;
import org.redteam4j.core.catalogue.FrameworkIds;
import org.redteam4j.core.catalogue.FrameworkMapping;

/**
 * A JUnit XML report so CI systems show a campaign as tests: one suite per target, one test case
 * per attack; a hit (by the primary judge) is a failure, an attack that errored is an error, an
 * attack not run is skipped; a configured secret found in an attack's texts (and redacted from them)
 * is named in its {@code system-out}. Given the per-target summary, each suite's {@code properties}
 * carry the primary judge's raw success rate and, where its calibration is known, the rate corrected
 * for its error, with their 95% intervals; each attack's test case's {@code properties} name the OWASP Top 10
 * for LLM Applications 2025 and MITRE ATLAS ids the attack lands under ({@code owasp}, {@code atlas}). A
 * target's benign prompts (over-refusal) are a suite of their own, "TARGET (benign prompts)", in which a
 * refusal is the failure and the properties carry the false refusal rate with its 95% interval (benign
 * prompts are no attacks: they carry no framework ids). Written with the JDK's XML writer, which escapes all text.
 */
public final class JunitReport {

    /** What a target's suite of benign prompts is called after the target's name. */
    public static final String BENIGN_SUITE = "(benign prompts)";

    private JunitReport() {
    }

    /** XML 1.0 cannot carry most control characters at all; hostile model text may contain them. */
    public static String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(
                c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000
                        ? c : 0xFFFD));
        return out.toString();
    }

    /** Writes {@code results} (any order) as one suite per target, in the order targets first appear. */
    public static void write(String campaign, List<AttackResult> results, Path file) throws IOException {
        write(campaign, results, file, List.of(), null);
    }

    /** As above, each suite with its target's rates by {@code primary} from {@code perTarget} as properties. */
    public static void write(String campaign, List<AttackResult> results, Path file, List<AttackSummary.Row> perTarget,
                             String primary) throws IOException {
        Map<String, AttackSummary.Rate> rates = new LinkedHashMap<>();
        perTarget.forEach(row -> {
            AttackSummary.Rate rate = row.judges().get(primary);
            if (rate != null) {
                rates.put(row.target(), rate);
            }
        });
        Map<String, List<AttackResult>> byTarget = new LinkedHashMap<>();
        Map<String, List<AttackResult>> benignByTarget = new LinkedHashMap<>();
        results.forEach(result -> (result.benign() ? benignByTarget : byTarget)
                .computeIfAbsent(result.attack().target(), t -> new ArrayList<>()).add(result));
        Map<String, FalseRefusals.Row> refusals = new LinkedHashMap<>();
        FalseRefusals.of(results).forEach(row -> refusals.put(row.target(), row));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", campaign);
            for (Map.Entry<String, List<AttackResult>> suite : byTarget.entrySet()) {
                List<AttackResult> cases = suite.getValue();
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", safe(suite.getKey()));
                xml.writeAttribute("tests", String.valueOf(cases.size()));
                xml.writeAttribute("failures", String.valueOf(cases.stream().filter(AttackResult::hit).count()));
                xml.writeAttribute("errors", String.valueOf(cases.stream().filter(c -> c.status() == Status.ERROR).count()));
                xml.writeAttribute("skipped", String.valueOf(cases.stream().filter(c -> c.status() == Status.NOT_RUN).count()));
                if (rates.containsKey(suite.getKey())) {
                    properties(xml, rates.get(suite.getKey()));
                }
                for (AttackResult c : cases) {
                    testCase(xml, suite.getKey() + "." + c.attack().strategy(), c, c.hit(), "the attack succeeded",
                            frameworkIds(c, primary));
                }
                xml.writeEndElement();
            }
            // over-refusal: each target's benign prompts as a suite of their own, a refusal being the failure
            for (Map.Entry<String, List<AttackResult>> suite : benignByTarget.entrySet()) {
                List<AttackResult> cases = suite.getValue();
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", safe(suite.getKey() + " " + BENIGN_SUITE));
                xml.writeAttribute("tests", String.valueOf(cases.size()));
                xml.writeAttribute("failures", String.valueOf(cases.stream().filter(AttackResult::refused).count()));
                xml.writeAttribute("errors", String.valueOf(cases.stream().filter(c -> c.status() == Status.ERROR).count()));
                xml.writeAttribute("skipped", String.valueOf(cases.stream().filter(c -> c.status() == Status.NOT_RUN).count()));
                refusalProperties(xml, refusals.get(suite.getKey()));
                for (AttackResult c : cases) {
                    testCase(xml, suite.getKey() + ".benign." + c.attack().strategy(), c, c.refused(),
                            "a benign prompt was refused", FrameworkIds.NONE);
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

    /**
     * One result as a test case; {@code failed} (a hit, or a benign prompt refused) is its failure; {@code ids}
     * (where the attack lands in the frameworks) its properties, none when empty.
     */
    private static void testCase(XMLStreamWriter xml, String classname, AttackResult c, boolean failed, String failure,
                                 FrameworkIds ids) throws XMLStreamException {
        AttackResult.Attack attack = c.attack();
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", safe(classname));
        xml.writeAttribute("name", safe((attack.tag() == null ? "" : attack.tag() + ": ") + attack.seedText()));
        xml.writeAttribute("time", c.status() == Status.NOT_RUN ? "0" : String.valueOf(c.duration().toMillis() / 1000.0));
        frameworks(xml, ids);
        if (c.status() == Status.NOT_RUN) {
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", "not run: the budget ran out");
        } else if (c.status() == Status.ERROR) {
            xml.writeStartElement("error");
            xml.writeAttribute("message", safe(c.error()));
            xml.writeEndElement();
        } else if (failed) {
            xml.writeStartElement("failure");
            xml.writeAttribute("message", failure);
            xml.writeCharacters(safe(c.exchange().reply()));
            xml.writeEndElement();
        }
        if (!c.redactions().isEmpty()) {
            xml.writeStartElement("system-out");
            xml.writeCharacters(safe(c.redactions().stream().map(r -> "redacted: " + r.finding())
                    .collect(Collectors.joining("\n"))));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /** A benign suite's false refusal rate and its 95% Wilson interval, with the counts behind it. */
    private static void refusalProperties(XMLStreamWriter xml, FalseRefusals.Row row) throws XMLStreamException {
        if (row == null) {
            return;
        }
        xml.writeStartElement("properties");
        property(xml, "benign_prompts", String.valueOf(row.prompts()));
        property(xml, "benign_refused", String.valueOf(row.refused()));
        property(xml, "benign_not_run", String.valueOf(row.notRun())); // a budget may stop before every prompt ran
        if (row.rate() != null) {
            property(xml, "false_refusal_rate", number(row.rate().estimate()));
            property(xml, "false_refusal_rate_ci95", number(row.rate().low()) + " " + number(row.rate().high()));
        }
        xml.writeEndElement();
    }

    private static void properties(XMLStreamWriter xml, AttackSummary.Rate rate) throws XMLStreamException {
        if (rate.rate() == null) {
            return;
        }
        xml.writeStartElement("properties");
        property(xml, "success_rate", number(rate.rate().estimate()));
        property(xml, "success_rate_ci95", number(rate.rate().low()) + " " + number(rate.rate().high()));
        CorrectedRate corrected = rate.corrected();
        if (corrected != null) {
            if (!corrected.refused()) {
                property(xml, "corrected_success_rate", number(corrected.estimate()));
                property(xml, "corrected_success_rate_ci95", number(corrected.low()) + " " + number(corrected.high()));
            }
            for (String note : corrected.notes()) {
                property(xml, "corrected_note", safe(note));
            }
        }
        xml.writeEndElement();
    }

    /**
     * Where the attack lands in the frameworks ({@link FrameworkMapping#of}). The primary judge is the campaign's,
     * else the one that judged this attack (none for an attack that errored or did not run when the campaign's
     * is not given).
     */
    private static FrameworkIds frameworkIds(AttackResult c, String primary) {
        String judge = primary != null ? primary : c.primary().map(org.redteam4j.core.scoring.Verdict::judge).orElse(null);
        return FrameworkMapping.builtin().of(c.attack().tag(), c.attack().strategy(), judge);
    }

    /** One {@code owasp} or {@code atlas} property per id; nothing when there is none. */
    private static void frameworks(XMLStreamWriter xml, FrameworkIds ids) throws XMLStreamException {
        if (ids.isEmpty()) {
            return;
        }
        xml.writeStartElement("properties");
        for (String id : ids.owasp()) {
            property(xml, "owasp", id);
        }
        for (String id : ids.atlas()) {
            property(xml, "atlas", id);
        }
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", value);
    }

    private static String number(double value) {
        return String.format(java.util.Locale.ROOT, "%.4f", value);
    }
}
