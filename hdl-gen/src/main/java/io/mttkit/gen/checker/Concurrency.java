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
 * @param answerSlots   the parameter {@code answerSlots}: 0 (automatic, {@link #slots()}) or the answers the
 *                      response side holds, W + 1..32. Microarchitecture only: it is not a port-contract field (no
 *                      {@code checker.json} entry); a larger buffer only keeps {@code req_ready} high longer while a
 *                      miss holds the head of the reorder buffer
 */
public record Concurrency(int walksInFlight, ResponseOrder responseOrder, int answerSlots) {

    /** The order of responses on {@code rsp_*}. */
    public enum ResponseOrder implements Param.Choice {
        /** In request order (a reorder buffer of max(W + 2, 4) answers, or {@code answerSlots}). */
        IN_ORDER,
        /** In completion order (an output queue of W + 2 answers, or {@code answerSlots}); matched by {@code rsp_id}. */
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

    /** The most answers the response side may hold ({@code answerSlots}). */
    public static final int MAX_ANSWER_SLOTS = 32;
    /** {@code answerSlots}; its range depends on W, checked by the constructor. */
    public static final Param<Integer> ANSWER_SLOTS = Param.integer("answerSlots", 0, 0, MAX_ANSWER_SLOTS,
            "answers the response side holds: 0 = automatic (max(W + 2, 4) in order, W + 2 by id), else W + 1.."
                    + MAX_ANSWER_SLOTS + " (walksInFlight > 1 only)").quietAtDefault();

    /** The descriptors, in documentation order. */
    public static final List<Param<?>> PARAMETERS = List.of(WALKS_IN_FLIGHT, RESPONSE_ORDER, ANSWER_SLOTS);

    /** One walk, in order: today's blocking checker. */
    public static final Concurrency BLOCKING = new Concurrency(1, ResponseOrder.IN_ORDER);

    /**
     * Checks the values against their descriptors, and {@code answerSlots} against W: room for every walk's answer
     * and one more (a hit answered under W misses), and only where there is a response buffer (W &gt; 1).
     *
     * @throws IllegalArgumentException naming the parameter, what is allowed for this W and the value
     */
    public Concurrency {
        WALKS_IN_FLIGHT.check(walksInFlight);
        RESPONSE_ORDER.check(responseOrder);
        ANSWER_SLOTS.check(answerSlots);
        if (answerSlots != 0 && walksInFlight == 1) {
            throw new IllegalArgumentException("parameter 'answerSlots' sizes the answer buffer of the non-blocking"
                    + " checker; walksInFlight 1 (the blocking checker) has none: leave answerSlots at 0 or set"
                    + " walksInFlight 2..8; got " + answerSlots);
        }
        if (answerSlots != 0 && answerSlots < walksInFlight + 1) {
            throw new IllegalArgumentException("parameter 'answerSlots' must be 0 (automatic) or in "
                    + (walksInFlight + 1) + ".." + MAX_ANSWER_SLOTS + " for walksInFlight " + walksInFlight
                    + " (room for every walk's answer and a hit); got " + answerSlots);
        }
    }

    /** W walks answering in {@code responseOrder}, the answer buffer sized automatically. */
    public Concurrency(int walksInFlight, ResponseOrder responseOrder) {
        this(walksInFlight, responseOrder, 0);
    }

    /** The values from checked configuration values. */
    public static Concurrency of(ParamValues v) {
        return new Concurrency(v.get(WALKS_IN_FLIGHT), v.get(RESPONSE_ORDER), v.get(ANSWER_SLOTS));
    }

    /** Whether this is the blocking checker (one walk): the top that ships, generated unchanged. */
    public boolean blocking() {
        return walksInFlight == 1;
    }

    /** Width of {@code mrd_tag}/{@code mrs_tag} and of every MSHR index: log2(W), at least 1. */
    public int tagWidth() {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(walksInFlight - 1));
    }

    /**
     * Answers the response side holds: {@code answerSlots} when set, else automatic: max(W + 2, 4) in order, W + 2
     * by id.
     */
    public int slots() {
        if (answerSlots != 0) {
            return answerSlots;
        }
        return responseOrder == ResponseOrder.IN_ORDER ? Math.max(walksInFlight + 2, 4) : walksInFlight + 2;
    }

    /** The values by descriptor (for module headers): all three, each left out at its default. */
    public ParamValues values() {
        Map<Param<?>, Object> m = new LinkedHashMap<>();
        m.put(WALKS_IN_FLIGHT, walksInFlight);
        m.put(RESPONSE_ORDER, responseOrder);
        m.put(ANSWER_SLOTS, answerSlots);
        return ParamValues.of(m);
    }

    /**
     * The values a requester must know (for {@code checker.json}): {@code walksInFlight} and {@code responseOrder};
     * {@code answerSlots} is microarchitecture and is left out.
     */
    public ParamValues contractValues() {
        Map<Param<?>, Object> m = new LinkedHashMap<>();
        m.put(WALKS_IN_FLIGHT, walksInFlight);
        m.put(RESPONSE_ORDER, responseOrder);
        return ParamValues.of(m);
    }
}
