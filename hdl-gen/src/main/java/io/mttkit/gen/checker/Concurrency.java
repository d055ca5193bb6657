package io.mttkit.gen.checker;

import io.mttkit.gen.Param;
import io.mttkit.gen.ParamValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many misses a cached checker walks at once and in which order it answers (issue #15, docs/nonblocking.md).
 * {@code walksInFlight} = 1 is the blocking checker that ships (its RTL is generated bit for bit as before); more
 * builds the non-blocking top ({@link NonBlockingChecker}).
 *
 * @param walksInFlight W, 1..8: MSHRs, each with its own walker
 * @param responseOrder {@code IN_ORDER}: a reorder buffer answers in request order; {@code BY_ID}: answers leave
 *                      as soon as they are known, matched by {@code rsp_id}
 */
public record Concurrency(int walksInFlight, ResponseOrder responseOrder) {

    /** The order of responses on {@code rsp_*}. */
    public enum ResponseOrder implements Param.Choice {
        /** In request order (a reorder buffer of max(W + 2, 4) answers). */
        IN_ORDER,
        /** In completion order (an output queue of W + 2 answers); the requester matches {@code rsp_id}. */
        BY_ID;

        @Override
        public String spelling() {
            return name();
        }
    }

    /** {@code walksInFlight}. */
    public static final Param<Integer> WALKS_IN_FLIGHT = Param.integer("walksInFlight", 1, 1, 8,
            "misses walked at once (1: the blocking checker, no hit under miss)").quietAtDefault();
    /** {@code responseOrder}. */
    public static final Param<ResponseOrder> RESPONSE_ORDER = Param.choice("responseOrder", ResponseOrder.class,
            ResponseOrder.IN_ORDER, "responses in request order (IN_ORDER) or as soon as known, by rsp_id (BY_ID)").quietAtDefault();

    /** The descriptors, in documentation order. */
    public static final List<Param<?>> PARAMETERS = List.of(WALKS_IN_FLIGHT, RESPONSE_ORDER);

    /** One walk, in order: today's blocking checker. */
    public static final Concurrency BLOCKING = new Concurrency(1, ResponseOrder.IN_ORDER);

    /** Checks both values against their descriptors. */
    public Concurrency {
        WALKS_IN_FLIGHT.check(walksInFlight);
        RESPONSE_ORDER.check(responseOrder);
    }

    /** The values from checked configuration values. */
    public static Concurrency of(ParamValues v) {
        return new Concurrency(v.get(WALKS_IN_FLIGHT), v.get(RESPONSE_ORDER));
    }

    /** Whether this is the blocking checker (one walk): the top that ships, generated unchanged. */
    public boolean blocking() {
        return walksInFlight == 1;
    }

    /** Width of {@code mrd_tag}/{@code mrs_tag} and of every MSHR index: log2(W), at least 1. */
    public int tagWidth() {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(walksInFlight - 1));
    }

    /** Answers the response side holds: max(W + 2, 4) in order, W + 2 by id. */
    public int answerSlots() {
        return responseOrder == ResponseOrder.IN_ORDER ? Math.max(walksInFlight + 2, 4) : walksInFlight + 2;
    }

    /** The values by descriptor (for headers and manifests). */
    public ParamValues values() {
        Map<Param<?>, Object> m = new LinkedHashMap<>();
        m.put(WALKS_IN_FLIGHT, walksInFlight);
        m.put(RESPONSE_ORDER, responseOrder);
        return ParamValues.of(m);
    }
}
