package io.mttkit.tb.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mttkit.tb.cli.Mtt;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line end to end: {@code mtt regress --shard K/3} three times, {@code mtt merge} of the three report
 * folders, and the merged report equal to the report of the unsharded {@code mtt regress} (checks, cycles, reads,
 * causes, cache event counters, coverage).
 */
class ShardMergeCliTest {
    @TempDir
    Path dir;

    private static final String[] RUN = {"regress", "--checks", "3600", "--seed", "12"};

    @Test
    void mergedShardReportsEqualTheUnshardedReport() throws Exception {
        Bench.requireTools();
        Path whole = dir.resolve("whole");
        mtt(0, concat(RUN, "--report", whole.toString()));
        List<String> merge = new ArrayList<>(List.of("merge"));
        for (int k = 0; k < 3; k++) {
            Path s = dir.resolve("s" + k);
            mtt(0, concat(RUN, "--shard", k + "/3", "--jobs", "2", "--report", s.toString()));
            merge.add(s.toString());
        }
        Path all = dir.resolve("all");
        merge.addAll(List.of("--out", all.toString()));
        String out = mtt(0, merge.toArray(String[]::new));
        assertTrue(out.contains("merged 3 of 3 shards"), out);

        ObjectMapper json = new ObjectMapper();
        JsonNode want = json.readTree(whole.resolve("report.json").toFile());
        JsonNode got = json.readTree(all.resolve("report.json").toFile());
        for (String f : List.of("checker", "configuration", "seed", "shard", "checksAsked", "checks", "mismatches",
                "cycles", "reads", "causes", "cacheEvents")) {
            assertEquals(want.get(f), got.get(f), "report.json field " + f);
        }
        assertEquals(json.readTree(whole.resolve("coverage.json").toFile()),
                json.readTree(all.resolve("coverage.json").toFile()), "coverage.json");
        assertTrue(Files.isRegularFile(all.resolve("report.html")) && Files.isRegularFile(all.resolve("junit.xml")));

        // a missing shard is refused, naming it
        String err = mtt(2, "merge", dir.resolve("s0").toString(), dir.resolve("s2").toString(), "--out",
                dir.resolve("part").toString());
        assertTrue(err.contains("shards [1] of 3 are missing"), err);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Runs mtt, checks the exit code, returns standard output and error. */
    private static String mtt(int exit, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Mtt.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        String text = out + "\n" + err;
        assertEquals(exit, code, String.join(" ", args) + ":\n" + text);
        return text;
    }
}
