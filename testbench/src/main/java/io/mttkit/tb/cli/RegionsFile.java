package io.mttkit.tb.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mttkit.golden.tables.Region;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a domain's regions from JSON: either an array of {@code {"base", "size", "xwr"}} objects or an
 * object with a {@code "regions"} array of them. Numbers are hex strings or integers.
 */
final class RegionsFile {
    private RegionsFile() {
    }

    static List<Region> read(Path file) throws IOException {
        return read(file, "--regions");
    }

    /** As {@link #read(Path)}, the file given by option {@code option} (named in messages). */
    static List<Region> read(Path file, String option) throws IOException {
        InputPaths.requireFile(file, option);
        String text;
        try {
            text = Files.readString(file);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new UserInputException(option + ": " + file + " is not UTF-8 text; give a JSON file");
        }
        JsonNode root;
        try {
            root = io.mttkit.tb.report.StrictJson.READER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UserInputException(file + ": invalid JSON: " + io.mttkit.tb.report.StrictJson.describe(e));
        }
        JsonNode list = root != null && root.isObject() ? root.get("regions") : root;
        if (list != null && list.isArray() && root.isObject()) {
            try {
                io.mttkit.tb.report.StrictJson.onlyKnownTopLevel(text, List.of("regions"), file.toString());
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage());
            }
        }
        if (list == null || !list.isArray()) {
            throw new UserInputException(file + ": expected a JSON array of regions "
                    + "[{\"base\": \"0x80000000\", \"size\": \"0x200000\", \"xwr\": \"rw\"}, ...] or {\"regions\": [...]}");
        }
        List<Region> regions = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode r = list.get(i);
            String where = file + ": region " + i;
            if (!r.isObject()) {
                throw new UserInputException(where + ": expected an object with base, size and xwr");
            }
            var names = r.fieldNames();
            while (names.hasNext()) {
                String f = names.next();
                if (!f.equals("base") && !f.equals("size") && !f.equals("xwr") && !f.equals("name")) {
                    throw new UserInputException(where + ": unknown field '" + f + "' (expected base, size, xwr, optional name)");
                }
            }
            long base = Numbers.parseU64(r.get("base"), where + " field 'base'");
            long size = Numbers.parseU64(r.get("size"), where + " field 'size'");
            JsonNode xwr = r.get("xwr");
            if (xwr == null || !xwr.isTextual()) {
                throw new UserInputException(where + " field 'xwr': expected a string such as \"rw\", \"rx\", \"rwx\" or \"\"");
            }
            try {
                regions.add(Region.parse(base, size, xwr.asText()));
            } catch (IllegalArgumentException e) {
                throw new UserInputException(where + ": " + e.getMessage());
            }
        }
        return regions;
    }
}
