package io.mttkit.tb.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON reader for everything a user gives mttkit (regions files, batch lines, report folders, coverage
 * files, repro bundles): a key given twice and anything after the JSON value are errors with their line, never
 * "the last one wins" or silently ignored (issue #16, category 7). Thread-safe.
 */
public final class StrictJson {
    /** Refuses duplicate keys and trailing content. */
    public static final ObjectMapper READER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private StrictJson() {}

    /**
     * A parse error as "line N: what" (without Jackson's source excerpt). Jackson's nesting limit (1000 levels, for a
     * very deeply nested file) reports no location: then the message alone, never a NullPointerException.
     */
    public static String describe(com.fasterxml.jackson.core.JsonProcessingException e) {
        String msg = e.getOriginalMessage();
        if (msg != null && msg.contains("Document nesting depth")) {
            msg = "nested too deeply (more than 1000 levels of arrays/objects); this is not a file mttkit wrote";
        }
        com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? msg : "line " + at.getLineNr() + ": " + msg;
    }

    /**
     * Refuses a top-level field of the JSON object {@code text} that is not in {@code allowed}, naming the field and
     * its line: a misspelt field is never silently ignored (issue #16, category 7). Text that is not an object, or not
     * JSON, is left to the caller's own checks.
     *
     * @throws IllegalArgumentException "{@code where}: unknown field 'x' at line N; expected only [...]"
     */
    public static void onlyKnownTopLevel(String text, java.util.Collection<String> allowed, String where) {
        Unknown u = firstUnknownTopLevel(text, allowed);
        if (u != null) {
            throw new IllegalArgumentException(where + ": unknown field '" + u.name() + "' at line " + u.line()
                    + "; expected only " + allowed + " (a misspelt field would otherwise be ignored)");
        }
    }

    /** A top-level field not in the allowed list, and the line it is on. */
    public record Unknown(String name, int line) {
    }

    /** The first top-level field of the object {@code text} not in {@code allowed}, or null (also for non-objects). */
    public static Unknown firstUnknownTopLevel(String text, java.util.Collection<String> allowed) {
        try (com.fasterxml.jackson.core.JsonParser p = READER.getFactory().createParser(text)) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                return null;
            }
            for (com.fasterxml.jackson.core.JsonToken t = p.nextToken();
                 t == com.fasterxml.jackson.core.JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                if (!allowed.contains(name)) {
                    return new Unknown(name, p.currentLocation().getLineNr());
                }
                p.nextToken();
                p.skipChildren();
            }
        } catch (java.io.IOException e) {
            // not JSON: the caller's parse reports it with its line
        }
        return null;
    }
}
