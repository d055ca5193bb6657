package io.mttkit.tb.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mttkit.golden.Access;
import io.mttkit.golden.ImplicitReadCheck;
import io.mttkit.golden.LookupConfig;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttLookup;
import io.mttkit.golden.RsvdTupleScope;
import io.mttkit.golden.mem.PhysicalMemory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtt check}: ask the golden model what a check on a table image decides. */
@Command(name = "check",
        header = "Ask the golden model what checks on a table image decide.",
        description = {
            "Query the golden model: load table images into physical memory, then look up each physical",
            "address and print one JSON object per query (allow, cause, xwr, level, leaf_log2, reads, ...).",
            "",
            "A batch file has one JSON object per line, e.g.",
            "  {\"format\": \"smmpt-v0.9\", \"mode\": \"smmpt43\", \"root_ppn\": \"0x80000\", \"sdid\": 3, \"pa\": \"0x80001234\", \"need\": \"rw\"}",
            "Numbers are hex strings (\"0x...\") or integers; need is a subset of rwx. A malformed line prints an",
            "error object naming the line and field, the batch goes on, and the exit code is 2 at the end."
        },
        footer = {
            "",
            "Examples:",
            "  ./mtt tables --regions regions.json --format smmpt-v0.9 --mode smmpt43 --base 0x80400000 --out t.bin",
            "  ./mtt check --image t.bin@0x80400000 --mode smmpt43 --root-ppn 0x80400 --pa 0xb0000000 --need rw",
            "  ./mtt check --image t.bin@0x80400000 --batch queries.jsonl > answers.jsonl"
        },
        mixinStandardHelpOptions = true)
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--image", paramLabel = "FILE@BASE", description = "Raw memory image and the physical address of its first byte (repeatable).")
    List<String> images = new ArrayList<>();

    @Option(names = "--paw", paramLabel = "N", defaultValue = "64",
            description = "Platform physical address width in bits, 12..64 (default ${DEFAULT-VALUE}); PAs at or above 2^N fault with PA_RANGE.")
    int paw;

    @Option(names = "--rsvd-tuple-scope", paramLabel = "any|selected", defaultValue = "any",
            description = "Which tuples are checked for reserved encodings (SPEC-DECISIONS #11): any (default) or selected.")
    String rsvdTupleScope;

    @Option(names = "--batch", paramLabel = "IN.jsonl", description = "Queries, one JSON object per line ('-' for standard input).")
    String batch;

    @Option(names = "--format", description = "Single query: smmtt-v0.1 or smmpt-v0.9 (optional; follows from --mode).")
    String format;

    @Option(names = "--mode", description = "Single query: bare, smmtt34, smmtt46, smmtt56, smmpt34, smmpt43, smmpt52, smmpt64.")
    String mode;

    @Option(names = "--root-ppn", paramLabel = "PPN", description = "Single query: root table PPN (mttp/mmpt.PPN).")
    String rootPpn;

    @Option(names = "--sdid", defaultValue = "0", description = "Single query: supervisor domain ID (default 0).")
    String sdid;

    @Option(names = "--pa", description = "Single query: the physical address to check.")
    String pa;

    @Option(names = "--need", defaultValue = "r", description = "Single query: permissions needed, a subset of rwx (default r).")
    String need;

    @Option(names = "--be", description = "Single query: MPTEs are big-endian (mstatus.MBE=1).")
    boolean be;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws IOException {
        LookupConfig config = config();
        PhysicalMemory memory = loadImages(images);
        MttLookup lookup = new MttLookup(memory, ImplicitReadCheck.ALLOW_ALL, config);
        PrintWriter out = spec.commandLine().getOut();
        if (batch != null) {
            if (pa != null || mode != null || rootPpn != null) {
                throw new UserInputException("give either --batch or a single query (--mode/--root-ppn/--pa), not both");
            }
            return runBatch(lookup, out);
        }
        if (pa == null) {
            throw new UserInputException("nothing to check: give --batch IN.jsonl, or --mode, --root-ppn and --pa for one query");
        }
        boolean bare = "bare".equalsIgnoreCase(mode);
        if (rootPpn == null && !bare) {
            throw new UserInputException("--root-ppn: missing (the PPN of the root table)");
        }
        CheckQuery q = CheckQuery.of(format, mode, rootPpn == null ? 0 : Numbers.parseU64(rootPpn, "--root-ppn"),
                Numbers.parseU64(sdid, "--sdid"), Numbers.parseU64(pa, "--pa"), need, be, false);
        out.println(json.writeValueAsString(answer(lookup, q, new LookupResult())));
        out.flush();
        return ExitCodes.OK;
    }

    private LookupConfig config() {
        if (paw < 12 || paw > 64) {
            throw new UserInputException("--paw: " + paw + " is out of range (12 .. 64)");
        }
        RsvdTupleScope scope;
        try {
            scope = RsvdTupleScope.fromId(rsvdTupleScope);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--rsvd-tuple-scope: " + e.getMessage());
        }
        return LookupConfig.DEFAULT.withPaw(paw).withRsvdTupleScope(scope);
    }

    static PhysicalMemory loadImages(List<String> specs) throws IOException {
        PhysicalMemory memory = new PhysicalMemory();
        for (String s : specs) {
            ImageSpec img = ImageSpec.parse(s);
            try {
                memory.load(img.base(), Files.readAllBytes(img.file()));
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--image " + s + ": " + e.getMessage());
            }
        }
        return memory;
    }

    private int runBatch(MttLookup lookup, PrintWriter out) throws IOException {
        int exit = ExitCodes.OK;
        LookupResult r = new LookupResult();
        try (BufferedReader in = open(batch)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                ObjectNode answer;
                try {
                    JsonNode node;
                    try {
                        node = io.mttkit.tb.report.StrictJson.READER.readTree(line);
                    } catch (JsonProcessingException e) {
                        throw new UserInputException("invalid JSON: " + e.getOriginalMessage()
                                .replace("Document nesting depth", "nested too deeply: depth"));
                    }
                    answer = answer(lookup, CheckQuery.fromJson(node), r);
                    if (node.has("id")) {
                        answer.set("id", node.get("id"));
                    }
                } catch (UserInputException e) {
                    answer = json.createObjectNode();
                    answer.put("line", lineNo);
                    answer.put("error", e.getMessage());
                    exit = ExitCodes.BAD_INPUT;
                }
                out.println(json.writeValueAsString(answer));
            }
        }
        out.flush();
        if (exit != ExitCodes.OK) {
            spec.commandLine().getErr().println("mtt check: some lines of " + batch + " were malformed (see the error objects)");
        }
        return exit;
    }

    private static BufferedReader open(String path) throws IOException {
        if (path.equals("-")) {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        InputPaths.requireFile(Path.of(path), "--batch");
        return Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8);
    }

    private ObjectNode answer(MttLookup lookup, CheckQuery q, LookupResult r) {
        lookup.lookup(q.mode(), q.rootPpn(), q.pa(), q.need(), q.bigEndian(), r);
        ObjectNode o = json.createObjectNode();
        o.put("allow", r.allow());
        o.put("cause", r.cause().name());
        if (r.xwr() < 0) {
            o.putNull("xwr");
        } else {
            o.put("xwr", Access.format(r.xwr()));
        }
        o.put("level", r.level());
        o.put("leaf_log2", r.leafLog2());
        o.put("uniform_log2", r.uniformLog2());
        o.put("cacheable", r.cacheable());
        ArrayNode reads = o.putArray("reads");
        for (int i = 0; i < r.readCount(); i++) {
            reads.add(Numbers.hex(r.readAddr(i)));
        }
        return o;
    }
}
