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
}
