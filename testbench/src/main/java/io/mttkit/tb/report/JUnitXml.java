package io.mttkit.tb.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes a JUnit-style XML report (one test suite) that CI dashboards understand. */
public final class JUnitXml {
    /** One test case: a name, its time, and the failure text or null when it passed. */
    public record Case(String name, double seconds, String failure) {
    }

    private JUnitXml() {
    }

    public static void write(Path file, String suite, List<Case> cases) throws IOException {
        long failures = cases.stream().filter(c -> c.failure() != null).count();
        double time = cases.stream().mapToDouble(Case::seconds).sum();
        AtomicFiles.write(file, out -> writeXml(out, file, suite, cases, failures, time));
    }

    private static void writeXml(java.io.OutputStream out, Path file, String suite, List<Case> cases, long failures,
                                 double time) throws IOException {
        try (Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(w);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", suite);
            x.writeAttribute("tests", Integer.toString(cases.size()));
            x.writeAttribute("failures", Long.toString(failures));
            x.writeAttribute("errors", "0");
            x.writeAttribute("time", String.format("%.3f", time));
            for (Case c : cases) {
                x.writeCharacters("\n  ");
                x.writeStartElement("testcase");
                x.writeAttribute("classname", suite);
                x.writeAttribute("name", c.name());
                x.writeAttribute("time", String.format("%.3f", c.seconds()));
                if (c.failure() != null) {
                    x.writeStartElement("failure");
                    x.writeAttribute("message", c.failure().lines().findFirst().orElse("mismatch"));
                    x.writeCharacters(c.failure());
                    x.writeEndElement();
                }
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IOException("writing " + file + ": " + e.getMessage(), e);
        }
    }
}
