package io.mttkit.tb.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.tb.coverage.CoverageDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    @Test
    void showsHolesEscapesTheMismatchAndLinksTheBundle(@TempDir Path dir) throws Exception {
        CoverageDb db = new CoverageDb("test");
        db.define("cause", "smmpt43 PERM_DENY L0");
        db.define("cause", "smmpt43 <never>");
        for (int i = 0; i < 12; i++) {
            db.hit("cause", "smmpt43 PERM_DENY L0");
        }
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("checks", "12");
        Path page = dir.resolve("report.html");
        HtmlReport.write(page, "t", summary, Map.of("NONE", 3L), db, "xwr expected 4 <actual> 0 & more", "repro.tar.gz");
        String html = Files.readString(page);
        assertTrue(html.contains("class=\"bin ok\" title=\"smmpt43 PERM_DENY L0: 12\""), html);
        assertTrue(html.contains("class=\"bin hole\" title=\"smmpt43 &lt;never&gt;: 0\""), html);
        assertTrue(html.contains("xwr expected 4 &lt;actual&gt; 0 &amp; more"), html);
        assertTrue(html.contains("href=\"repro.tar.gz\""), html);
        assertTrue(html.contains("class=\"fail\""), html);
        assertFalse(html.contains("<actual>"), html);
    }
}
