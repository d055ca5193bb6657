// mttb_core.cpp -- session, Verilator hooks, generic port-by-id layer and the checker fast path of an
// mttkit co-simulation library. Compiled together with the Verilated model (class Vtop, built with
// --prefix Vtop) and the generated port table mttb_ports_gen.{h,cpp}. See docs/bridge.md.
#include "mttb_abi.h"
#include "mttb_ports_gen.h"

#include "Vtop.h"
#include "verilated.h"
#if defined(MTTB_TRACE_FST)
#include "verilated_fst_c.h"
#elif defined(MTTB_TRACE_VCD)
#include "verilated_vcd_c.h"
#endif

#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <deque>
#include <exception>
#include <memory>
#include <new>
#include <sstream>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "the record layouts assume a little-endian host");

namespace {

// Upper bound of events one cycle can write: 16 for the version-1 kinds (at most 8 occur, the rest is
// slack kept so version-1 batches stop where they always did) plus one per extension observation word.
// Generated per design into mttb_ports_gen.h.
constexpr int64_t kMaxEventsPerCycle = MTTB_MAX_EVENTS_PER_CYCLE;
static_assert(kMaxEventsPerCycle >= 16 + MTTB_OBSX_WORDS, "per-design event bound too small");
constexpr size_t kLogCap = 1u << 20;        // captured text kept per session

struct MemRegion {
    uint8_t* base;
    uint64_t size;
    uint64_t phys;
};
struct PendingRead {
    uint64_t due, addr;
    uint32_t tag, size;
    bool err;
};
struct PendingPmp {
    uint64_t due, addr;
    bool ok;
};
struct Outstanding {
    uint32_t id;
    uint64_t accept_cycle;
};
/** A register access taken on reg_* (port contract v3) whose reg_rvalid pulse is still to come. */
struct RegPending {
    uint64_t accept_cycle, position;
    uint8_t addr, size;
    bool write, busy, poll;
};

}  // namespace

struct mttb_session {
    std::unique_ptr<VerilatedContext> ctx;
    std::unique_ptr<Vtop> top;
    std::thread::id owner;
    std::string log;
    bool log_truncated = false;
    std::string error;
    int32_t dead = 0;  // stop status once the session is unusable
    mttb_config cfg{};
    uint64_t rng = 0;
    uint64_t cycle = 0;
    std::vector<MemRegion> mem;
    std::vector<mttb_pmp_region> pmp;
    std::deque<PendingRead> reads;
    std::deque<PendingPmp> pmp_answers;
    std::deque<Outstanding> outstanding;
    uint64_t last_read_due = 0;
    // progress of the request at the head of the stream, carried across run calls
    bool head_started = false;
    uint64_t head_since = 0;
    int64_t idle_left = 0;
    // ABI 5: an INVAL flagged MTTB_RF_INV_WITH_CHECK and the CHECK after it are presented together; each half stops
    // being driven after its own handshake, and the pair is consumed (two records) once both were taken
    bool pair_inv_taken = false;
    bool pair_check_taken = false;
    uint64_t consumed_total = 0;  // requests consumed since creation: the stream position in events
    // I/O checker (port contract v3) only
    std::deque<RegPending> reg_pending;
    bool poll_in_flight = false;               // the head POLL's status read awaits its reg_rvalid
    bool poll_done = false;                    // the head POLL read BUSY = 0: consumed at the end of this cycle
    bool poll_presented = false;               // the head POLL drives a status read in this cycle
    uint64_t rsp_valid_since = UINT64_MAX;     // the cycle rsp_valid rose for the verdict now presented
#if defined(MTTB_TRACE_FST)
    std::unique_ptr<VerilatedFstC> tfp;
#elif defined(MTTB_TRACE_VCD)
    std::unique_ptr<VerilatedVcdC> tfp;
#endif
    bool trace_armed = false, trace_open = false;
    std::string trace_path;
    uint64_t trace_from = 0, trace_to = 0;
};

namespace {

thread_local mttb_session* t_current = nullptr;
thread_local std::string t_create_error;

/** Makes `h` the target of Verilator's hooks and VL_PRINTF for the duration of one ABI call. */
struct CurrentGuard {
    mttb_session* prev;
    explicit CurrentGuard(mttb_session* h) : prev(t_current) { t_current = h; }
    ~CurrentGuard() { t_current = prev; }
};

uint64_t next_random(mttb_session* s) {
    // xorshift64*: fast, seeded, and identical in the standalone runner because it is the same code.
    uint64_t x = s->rng;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    s->rng = x;
    return x * 0x2545F4914F6CDD1DULL;
}

uint32_t per_mille(mttb_session* s) { return static_cast<uint32_t>((next_random(s) >> 11) % 1000u); }

int32_t fail(mttb_session* s, int32_t code, const std::string& text) {
    s->error = text;
    return code;
}

/** Checks that the session exists, is alive and is used from its own thread. */
int32_t enter(mttb_session* h) {
    if (!h) return MTTB_ERR_ARG;
    if (std::this_thread::get_id() != h->owner)
        return fail(h, MTTB_ERR_THREAD, "session used from a thread other than the one that created it");
    if (h->dead) return MTTB_ERR_DEAD;
    return 0;
}

uint64_t mask_bits(uint32_t width) { return width >= 64 ? ~0ULL : ((1ULL << width) - 1); }

void trace_dump(mttb_session* s, uint64_t half) {
#if defined(MTTB_TRACE_FST) || defined(MTTB_TRACE_VCD)
    if (!s->trace_armed) return;
    if (!s->trace_open && s->cycle >= s->trace_from && s->cycle < s->trace_to) {
        s->tfp->open(s->trace_path.c_str());
        s->trace_open = true;
    }
    if (s->trace_open) {
        if (s->cycle >= s->trace_to) {
            s->tfp->close();
            s->trace_open = false;
            s->trace_armed = false;
            return;
        }
        s->tfp->dump(2 * s->cycle + half);
    }
#else
    (void)s;
    (void)half;
#endif
}

int32_t stop_status(mttb_session* s) { return s->dead; }

}  // namespace

// ---------------------------------------------------------------------------------------------------
// Verilator hooks (enabled by VL_USER_* in mttb_vl_config.h). They must return: the session records the
// stop, the current batch ends at the end of the cycle, and the session refuses further simulation.
void vl_finish(const char* filename, int linenum, const char* hier) VL_MT_UNSAFE {
    (void)hier;
    Verilated::threadContextp()->gotFinish(true);
    if (mttb_session* s = t_current) {
        if (!s->dead) {
            s->dead = MTTB_RTL_FINISH;
            s->error = std::string("$finish at ") + (filename ? filename : "?") + ":" + std::to_string(linenum);
        }
    }
}

void vl_stop(const char* filename, int linenum, const char* hier) VL_MT_UNSAFE {
    (void)hier;
    Verilated::threadContextp()->gotError(true);
    Verilated::threadContextp()->gotFinish(true);
    if (mttb_session* s = t_current) {
        if (!s->dead) {
            s->dead = MTTB_RTL_STOP;
            // $fatal and failed assertions print their message just before stopping: keep the tail.
            std::string tail = s->log.size() > 2000 ? s->log.substr(s->log.size() - 2000) : s->log;
            s->error = std::string("RTL $stop/$fatal/assertion at ") + (filename ? filename : "?") + ":"
                       + std::to_string(linenum) + (tail.empty() ? "" : "; output: " + tail);
        }
    }
}

void vl_fatal(const char* filename, int linenum, const char* hier, const char* msg) VL_MT_UNSAFE {
    (void)hier;
    Verilated::threadContextp()->gotError(true);
    Verilated::threadContextp()->gotFinish(true);
    if (mttb_session* s = t_current) {
        if (!s->dead) {
            s->dead = MTTB_RTL_FATAL;
            s->error = std::string("Verilator fatal error at ") + (filename ? filename : "?") + ":"
                       + std::to_string(linenum) + ": " + (msg ? msg : "");
        }
    } else {
        std::fprintf(stderr, "mttb: Verilator fatal error outside a session: %s\n", msg ? msg : "");
    }
    // "... region did not converge." comes from inside Verilator's settle/eval loop, which goes round again when
    // this returns: a combinational loop would spin forever. Unwind to the entry point's catch instead (every
    // entry point catches; the session is already marked dead above), so the caller gets an error, not a hang.
    if (msg && (std::strstr(msg, "did not converge") || std::strstr(msg, "didn't converge"))) {
        throw std::runtime_error(std::string("Verilator fatal error at ") + (filename ? filename : "?") + ":"
                                 + std::to_string(linenum) + ": " + msg);
    }
}

extern "C" int mttb_vl_printf(const char* format, ...) {
    va_list ap;
    va_start(ap, format);
    char small[512];
    va_list ap2;
    va_copy(ap2, ap);
    int n = std::vsnprintf(small, sizeof small, format, ap);
    va_end(ap);
    std::string text;
    if (n >= static_cast<int>(sizeof small)) {
        text.resize(static_cast<size_t>(n) + 1);
        std::vsnprintf(&text[0], text.size(), format, ap2);
        text.resize(static_cast<size_t>(n));
    } else if (n > 0) {
        text.assign(small, static_cast<size_t>(n));
    }
    va_end(ap2);
    if (mttb_session* s = t_current) {
        if (s->log.size() + text.size() <= kLogCap) {
            s->log += text;
        } else if (!s->log_truncated) {
            s->log += "\n[mttb: log truncated]\n";
            s->log_truncated = true;
        }
    } else {
        std::fputs(text.c_str(), stderr);
    }
    return n;
}

// ---------------------------------------------------------------------------------------------------
// Generic layer

#define MTTB_GUARD_BEGIN try {
#define MTTB_GUARD_END(h)                                                                       \
    }                                                                                           \
    catch (const std::exception& e) {                                                           \
        if (h) (h)->error = std::string("C++ exception at the ABI boundary: ") + e.what();      \
        return MTTB_ERR_INTERNAL;                                                               \
    }                                                                                           \
    catch (...) {                                                                               \
        if (h) (h)->error = "unknown C++ exception at the ABI boundary";                        \
        return MTTB_ERR_INTERNAL;                                                               \
    }

MTTB_EXPORT int32_t mttb_abi_version(void) { return MTTB_ABI_VERSION; }

MTTB_EXPORT const char* mttb_build_info(void) {
    return "hash=" MTTB_BUILD_HASH " verilator=" MTTB_VERILATOR_VERSION " variant=" MTTB_VARIANT
           " checker=" MTTB_HAS_CHECKER_STR;
}

MTTB_EXPORT int32_t mttb_record_layout(int32_t which) {
    switch (which) {
        case MTTB_LAYOUT_REQUEST: return static_cast<int32_t>(sizeof(mttb_request) << 16 | alignof(mttb_request));
        case MTTB_LAYOUT_EVENT: return static_cast<int32_t>(sizeof(mttb_event) << 16 | alignof(mttb_event));
        case MTTB_LAYOUT_CONFIG: return static_cast<int32_t>(sizeof(mttb_config) << 16 | alignof(mttb_config));
        case MTTB_LAYOUT_PMP: return static_cast<int32_t>(sizeof(mttb_pmp_region) << 16 | alignof(mttb_pmp_region));
        case MTTB_LAYOUT_STATS: return static_cast<int32_t>(sizeof(mttb_stats) << 16 | alignof(mttb_stats));
        default: return -1;
    }
}

MTTB_EXPORT int32_t mttb_max_events_per_cycle(void) { return static_cast<int32_t>(kMaxEventsPerCycle); }

MTTB_EXPORT mttb_session* mttb_create(const mttb_config* config) {
    try {
        if (!config) {
            t_create_error = "mttb_create: config is NULL";
            return nullptr;
        }
        const mttb_config& c = *config;
        if (c.mem_lat_min < 1 || c.mem_lat_max < c.mem_lat_min || c.mrd_stall_pm > 999 || c.rsp_stall_pm > 999
            || c.bus_error_pm > 1000 || c.pmp_latency < 1 || c.watchdog_cycles < 1 || c.mem_out_of_order > 1) {
            t_create_error = "mttb_create: config out of range (need 1 <= mem_lat_min <= mem_lat_max, "
                             "stall per mille <= 999, bus_error_pm <= 1000, pmp_latency >= 1, watchdog >= 1, "
                             "mem_out_of_order 0 or 1)";
            return nullptr;
        }
        for (uint32_t r : c.reserved) {
            if (r) {
                t_create_error = "mttb_create: reserved config words must be zero";
                return nullptr;
            }
        }
        auto s = std::make_unique<mttb_session>();
        s->owner = std::this_thread::get_id();
        s->cfg = c;
        s->rng = c.seed ? c.seed : 0x9E3779B97F4A7C15ULL;  // xorshift must not start at 0
        CurrentGuard guard(s.get());
        s->ctx = std::make_unique<VerilatedContext>();
        s->ctx->fatalOnError(false);
        s->ctx->fatalOnVpiError(false);
        // Unique X initialisation in the assert variant is seeded from the session seed (deterministic).
        s->ctx->randReset(MTTB_RAND_RESET);
        s->ctx->randSeed(static_cast<int>(c.seed & 0x7fffffff));
#if defined(MTTB_TRACE_FST) || defined(MTTB_TRACE_VCD)
        s->ctx->traceEverOn(true);
#endif
        s->top = std::make_unique<Vtop>(s->ctx.get(), "top");
#if defined(MTTB_TRACE_FST)
        s->tfp = std::make_unique<VerilatedFstC>();
        s->top->trace(s->tfp.get(), 99);
#elif defined(MTTB_TRACE_VCD)
        s->tfp = std::make_unique<VerilatedVcdC>();
        s->top->trace(s->tfp.get(), 99);
#endif
        s->top->eval();
        return s.release();
    } catch (const std::exception& e) {
        t_create_error = std::string("mttb_create: ") + e.what();
    } catch (...) {
        t_create_error = "mttb_create: unknown C++ exception";
    }
    return nullptr;
}

MTTB_EXPORT void mttb_destroy(mttb_session* h) {
    if (!h || std::this_thread::get_id() != h->owner) return;  // a foreign thread must not free it
    try {
        CurrentGuard guard(h);
#if defined(MTTB_TRACE_FST) || defined(MTTB_TRACE_VCD)
        if (h->trace_open) h->tfp->close();
#endif
        if (!h->dead) h->top->final();
        delete h;
    } catch (...) {
    }
}

MTTB_EXPORT const char* mttb_last_error(mttb_session* h) {
    return h ? h->error.c_str() : t_create_error.c_str();
}

MTTB_EXPORT int64_t mttb_drain_log(mttb_session* h, char* buf, int64_t cap) {
    if (!h || !buf || cap <= 0) return MTTB_ERR_ARG;
    if (std::this_thread::get_id() != h->owner) return MTTB_ERR_THREAD;
    size_t n = std::min(h->log.size(), static_cast<size_t>(cap - 1));
    std::memcpy(buf, h->log.data(), n);
    buf[n] = '\0';
    h->log.erase(0, n);
    return static_cast<int64_t>(n);
}

MTTB_EXPORT int32_t mttb_port_count(void) { return MTTB_PORT_COUNT; }

MTTB_EXPORT const char* mttb_port_name(int32_t id) {
    return (id >= 0 && id < MTTB_PORT_COUNT) ? mttb_gen_ports[id].name : nullptr;
}

MTTB_EXPORT int32_t mttb_port_info_get(int32_t id, mttb_port_info* out) {
    if (id < 0 || id >= MTTB_PORT_COUNT || !out) return MTTB_ERR_ARG;
    out->width = mttb_gen_ports[id].width;
    out->dir = mttb_gen_ports[id].dir;
    out->reserved = 0;
    return 0;
}

MTTB_EXPORT int32_t mttb_poke(mttb_session* h, int32_t id, uint64_t value) {
    if (int32_t e = enter(h)) return e;
    MTTB_GUARD_BEGIN
    if (id < 0 || id >= MTTB_PORT_COUNT) return fail(h, MTTB_ERR_ARG, "poke: no port with id " + std::to_string(id));
    const mttb_port_desc& p = mttb_gen_ports[id];
    if (p.dir != 0) return fail(h, MTTB_ERR_ARG, std::string("poke: port ") + p.name + " is not an input");
    if (p.width > 64) return fail(h, MTTB_ERR_ARG, std::string("poke: port ") + p.name + " is wider than 64 bits");
    if (value & ~mask_bits(p.width))
        return fail(h, MTTB_ERR_ARG, std::string("poke: value does not fit port ") + p.name + " ("
                                         + std::to_string(p.width) + " bits)");
    mttb_gen_poke(h->top.get(), id, value);
    return 0;
    MTTB_GUARD_END(h)
}

MTTB_EXPORT int32_t mttb_peek(mttb_session* h, int32_t id, uint64_t* value) {
    if (int32_t e = enter(h)) return e;
    MTTB_GUARD_BEGIN
    if (id < 0 || id >= MTTB_PORT_COUNT || !value)
        return fail(h, MTTB_ERR_ARG, "peek: no port with id " + std::to_string(id));
    if (mttb_gen_ports[id].width > 64)
        return fail(h, MTTB_ERR_ARG, std::string("peek: port ") + mttb_gen_ports[id].name + " is wider than 64 bits");
    *value = mttb_gen_peek(h->top.get(), id);
    return 0;
    MTTB_GUARD_END(h)
}

MTTB_EXPORT int32_t mttb_poke_wide(mttb_session* h, int32_t id, const uint8_t* bytes, int32_t len) {
    if (int32_t e = enter(h)) return e;
    MTTB_GUARD_BEGIN
    if (id < 0 || id >= MTTB_PORT_COUNT || !bytes) return fail(h, MTTB_ERR_ARG, "poke_wide: bad port id");
    const mttb_port_desc& p = mttb_gen_ports[id];
    const int32_t need = static_cast<int32_t>((p.width + 7) / 8);
    if (p.dir != 0) return fail(h, MTTB_ERR_ARG, std::string("poke_wide: port ") + p.name + " is not an input");
    if (len != need)
        return fail(h, MTTB_ERR_ARG, std::string("poke_wide: port ") + p.name + " takes " + std::to_string(need) + " bytes");
    if (p.width % 8 && (bytes[need - 1] >> (p.width % 8)))
        return fail(h, MTTB_ERR_ARG, std::string("poke_wide: value does not fit port ") + p.name);
    std::vector<uint32_t> words((p.width + 31) / 32, 0);
    std::memcpy(words.data(), bytes, static_cast<size_t>(need));
    mttb_gen_poke_words(h->top.get(), id, words.data());
    return 0;
    MTTB_GUARD_END(h)
}

MTTB_EXPORT int32_t mttb_peek_wide(mttb_session* h, int32_t id, uint8_t* bytes, int32_t len) {
    if (int32_t e = enter(h)) return e;
    MTTB_GUARD_BEGIN
    if (id < 0 || id >= MTTB_PORT_COUNT || !bytes) return fail(h, MTTB_ERR_ARG, "peek_wide: bad port id");
    const mttb_port_desc& p = mttb_gen_ports[id];
    const int32_t need = static_cast<int32_t>((p.width + 7) / 8);
    if (len != need)
        return fail(h, MTTB_ERR_ARG, std::string("peek_wide: port ") + p.name + " gives " + std::to_string(need) + " bytes");
    std::vector<uint32_t> words((p.width + 31) / 32, 0);
    mttb_gen_peek_words(h->top.get(), id, words.data());
    std::memcpy(bytes, words.data(), static_cast<size_t>(need));
    return 0;
    MTTB_GUARD_END(h)
}

MTTB_EXPORT int32_t mttb_eval(mttb_session* h) {
    if (int32_t e = enter(h)) return e;
    MTTB_GUARD_BEGIN
    CurrentGuard guard(h);
    h->top->eval();
    return h->dead ? stop_status(h) : 0;
    MTTB_GUARD_END(h)
}

MTTB_EXPORT int32_t mttb_step(mttb_session* h, int64_t n) {
    if (int32_t e = enter(h)) return e;
    MTTB_GUARD_BEGIN
    if (MTTB_CLOCK_ID < 0) return fail(h, MTTB_ERR_UNSUPPORTED, "step: the design has no clock port (clk)");
    if (n < 0) return fail(h, MTTB_ERR_ARG, "step: negative cycle count");
    CurrentGuard guard(h);
    for (int64_t i = 0; i < n && !h->dead; ++i) {
        mttb_gen_poke(h->top.get(), MTTB_CLOCK_ID, 1);
        h->top->eval();
        trace_dump(h, 1);
        mttb_gen_poke(h->top.get(), MTTB_CLOCK_ID, 0);
        ++h->cycle;
        h->top->eval();
        trace_dump(h, 0);
    }
    return h->dead ? stop_status(h) : 0;
    MTTB_GUARD_END(h)
}

MTTB_EXPORT int32_t mttb_trace_window(mttb_session* h, const char* path, uint64_t from_cycle, uint64_t to_cycle) {
    if (int32_t e = enter(h)) return e;
#if defined(MTTB_TRACE_FST) || defined(MTTB_TRACE_VCD)
    MTTB_GUARD_BEGIN
    if (!path || from_cycle >= to_cycle) return fail(h, MTTB_ERR_ARG, "trace_window: need a path and from < to");
    if (h->trace_open) {
        h->tfp->close();
        h->trace_open = false;
    }
    h->trace_path = path;
    h->trace_from = from_cycle;
    h->trace_to = to_cycle;
    h->trace_armed = true;
    return 0;
    MTTB_GUARD_END(h)
#else
    (void)path;
    (void)from_cycle;
    (void)to_cycle;
    return fail(h, MTTB_ERR_UNSUPPORTED, "trace_window: this library was not built in the trace variant");
#endif
}

// ---------------------------------------------------------------------------------------------------
// Checker fast path (port contract v1/v2, or v3 for an I/O checker: MTTB_CHECKER_IO). Compiled only when the top
// implements one of them.
#if MTTB_HAS_CHECKER

namespace {

#define MTTB_SET(port, v) (top->port = static_cast<std::remove_reference_t<decltype(top->port)>>((v) & mask_bits(MTTB_W_##port)))

bool pmp_allows(mttb_session* s, uint64_t addr, uint64_t size) {
    for (const mttb_pmp_region& r : s->pmp) {
        const bool overlaps = addr < r.base + r.size && addr + size > r.base;
        if (!overlaps) continue;
        // First matching region wins; a partial overlap fails, like a PMP entry that does not cover
        // the whole access.
        return r.allow && addr >= r.base && addr + size <= r.base + r.size;
    }
    return s->cfg.pmp_default_allow != 0;
}

bool read_memory(mttb_session* s, uint64_t addr, uint32_t size, uint64_t* data) {
    for (const MemRegion& m : s->mem) {
        if (addr >= m.phys && addr - m.phys + size <= m.size) {
            uint64_t v = 0;
            std::memcpy(&v, m.base + (addr - m.phys), size);  // little-endian host, little-endian image
            *data = v;
            return true;
        }
    }
    return false;
}

struct EventSink {
    mttb_event* buf;
    int64_t cap;
    int64_t n = 0;
    void put(uint64_t cycle, uint8_t kind, uint8_t b1, uint8_t b2, uint8_t b3, uint32_t a32, uint64_t x, uint64_t y) {
        mttb_event& e = buf[n++];
        e.cycle = cycle;
        e.kind = kind;
        e.b1 = b1;
        e.b2 = b2;
        e.b3 = b3;
        e.a32 = a32;
        e.x = x;
        e.y = y;
    }
};

/** The rising edge that ends a cycle of either loop (hart-side or I/O); a request taken this cycle is counted. */
void rising_edge(mttb_session* s, Vtop* top, int consumed, int64_t& cur, uint64_t& cycles_run) {
    top->clk = 1;
    top->eval();
    trace_dump(s, 1);
    ++s->cycle;
    ++cycles_run;
    if (consumed > 0) {  // records consumed in this cycle: 1, or 2 for an invalidation presented with a check
        cur += consumed;
        s->consumed_total += static_cast<uint64_t>(consumed);
        s->head_started = false;
        s->pair_inv_taken = false;
        s->pair_check_taken = false;
    }
}

/** How either loop ends a call: a dead session's stop event (once) and the call's statistics. */
int32_t finish_run(mttb_session* s, int32_t status, EventSink& ev, mttb_stats* stats, uint64_t cycles_run, int64_t cur,
                   uint64_t responses, uint64_t reads) {
    if (s->dead && status == MTTB_DONE) status = s->dead;
    if (s->dead == MTTB_RTL_STOP || s->dead == MTTB_RTL_FINISH || s->dead == MTTB_RTL_FATAL) {
        if (status == s->dead && (ev.n == 0 || ev.buf[ev.n - 1].kind != MTTB_EV_STOP) && ev.n < ev.cap)
            ev.put(s->cycle, MTTB_EV_STOP, static_cast<uint8_t>(s->dead), 0, 0, 0, 0, 0);
    }
    if (stats) {
        stats->cycle = s->cycle;
        stats->cycles_run = cycles_run;
        stats->consumed = static_cast<uint64_t>(cur);
        stats->events = static_cast<uint64_t>(ev.n);
        stats->responses = responses;
        stats->outstanding = s->outstanding.size();
        stats->mem_reads = reads;
        stats->reserved = 0;
    }
    return status;
}

/** Drives the memory response and the PMP answer due this cycle (clk low, before the eval). Both contracts serve
 *  mrd/mrs and pmp the same way, so this is shared: the hart-side checker's draws and events are unchanged. */
void drive_memory_answers(mttb_session* s, Vtop* top, EventSink& ev) {
    top->mrs_valid = 0;
    // In order: the oldest read, once due. Out of order (ABI 4): the oldest read that is due -- one response per
    // cycle, so two reads due in one cycle return in issue order, the younger a cycle later.
    auto next = s->reads.begin();
    if (s->cfg.mem_out_of_order) {
        while (next != s->reads.end() && next->due > s->cycle) ++next;
    } else if (next != s->reads.end() && next->due > s->cycle) {
        next = s->reads.end();
    }
    if (next != s->reads.end()) {
        PendingRead r = *next;
        s->reads.erase(next);
        uint64_t data = 0;
        bool err = r.err;
        if (!err && !read_memory(s, r.addr, r.size, &data)) err = true;  // outside every region
        if (err) data = 0;
        top->mrs_valid = 1;
        MTTB_SET(mrs_data, data);
        MTTB_SET(mrs_err, err ? 1 : 0);
        MTTB_SET(mrs_tag, r.tag);
        ev.put(s->cycle, MTTB_EV_MRS, 0, err ? 1 : 0, 0, r.tag, data, r.addr);
    }
    top->pmp_ok = 0;
    if (!s->pmp_answers.empty() && s->pmp_answers.front().due <= s->cycle) {
        PendingPmp p = s->pmp_answers.front();
        s->pmp_answers.pop_front();
        top->pmp_ok = p.ok ? 1 : 0;
        ev.put(s->cycle, MTTB_EV_PMP_ANSWER, p.ok ? 1 : 0, 0, 0, 0, p.addr, 0);
    }
}

/** Samples pmp_valid and the mrd handshake (after the clk-low eval), drawing the read's latency and bus error.
 *  Returns false, the session dead, for a read size the contract does not allow. */
bool sample_memory_ports(mttb_session* s, Vtop* top, EventSink& ev, uint64_t& reads) {
    if (top->pmp_valid) {
        const uint64_t addr = top->pmp_addr, size = top->pmp_size;
        s->pmp_answers.push_back({s->cycle + s->cfg.pmp_latency, addr, pmp_allows(s, addr, size)});
        ev.put(s->cycle, MTTB_EV_PMP_QUERY, static_cast<uint8_t>(size), 0, 0, 0, addr, 0);
    }
    if (top->mrd_valid && top->mrd_ready) {
        const uint64_t span = s->cfg.mem_lat_max - s->cfg.mem_lat_min + 1;
        const uint64_t lat = s->cfg.mem_lat_min + next_random(s) % span;
        const bool err = s->cfg.bus_error_pm && per_mille(s) < s->cfg.bus_error_pm;
        uint64_t due = s->cycle + lat;
        if (!s->cfg.mem_out_of_order && due <= s->last_read_due) due = s->last_read_due + 1;  // in order
        s->last_read_due = due;
        const uint32_t size = static_cast<uint32_t>(top->mrd_size);
        if (size != 4 && size != 8) {
            s->dead = MTTB_RTL_STOP;
            s->error = "memory read of size " + std::to_string(size) + " at cycle " + std::to_string(s->cycle)
                       + ": port contract v1 allows 4 or 8";
            ev.put(s->cycle, MTTB_EV_STOP, MTTB_RTL_STOP, 0, 0, 0, 0, 0);
            return false;
        }
        s->reads.push_back({due, static_cast<uint64_t>(top->mrd_addr), static_cast<uint32_t>(top->mrd_tag), size, err});
        ev.put(s->cycle, MTTB_EV_MRD, static_cast<uint8_t>(size), 0, 0, static_cast<uint32_t>(top->mrd_tag),
               static_cast<uint64_t>(top->mrd_addr), 0);
        ++reads;
    }
    return true;
}

#if !MTTB_CHECKER_IO
// ---- hart-side checker (port contract v1/v2) ----

void drive_idle_inputs(Vtop* top) {
    top->req_valid = 0;
    top->inv_valid = 0;
    top->sync_req = 0;
    top->mrs_valid = 0;
    top->pmp_ok = 0;
}

/** Drives the request at the head of the stream (or nothing), and for an invalidation flagged
 *  MTTB_RF_INV_WITH_CHECK also the check after it (`partner`), each half only until its own handshake.
 *  Returns false on a malformed request. */
bool drive_request(mttb_session* s, const mttb_request* r, const mttb_request* partner, int64_t index) {
    Vtop* top = s->top.get();
    top->req_valid = 0;
    top->inv_valid = 0;
    top->sync_req = 0;
    if (!r) return true;
    if (r->reserved != 0 || r->kind < MTTB_REQ_CHECK || r->kind > MTTB_REQ_IDLE
        || ((r->flags & MTTB_RF_INV_WITH_CHECK) && r->kind != MTTB_REQ_INVAL)) {
        s->error = "request " + std::to_string(index) + " is malformed (kind " + std::to_string(r->kind)
                   + ", flags " + std::to_string(r->flags) + ", reserved " + std::to_string(r->reserved) + ")";
        return false;
    }
    const mttb_request* check = r->kind == MTTB_REQ_CHECK ? r : partner;
    if (check && !s->pair_check_taken) {
        top->req_valid = 1;
        MTTB_SET(req_id, check->id);
        MTTB_SET(req_pa, check->pa);
        MTTB_SET(req_need, check->need);
        MTTB_SET(req_sdid, check->sdid);
        MTTB_SET(req_mode, check->mode);
        MTTB_SET(req_root_ppn, check->root_ppn);
        MTTB_SET(req_be, (check->flags & MTTB_RF_BE) ? 1 : 0);
        MTTB_SET(req_bypass, (check->flags & MTTB_RF_BYPASS) ? 1 : 0);
    }
    if (r->kind == MTTB_REQ_INVAL && !s->pair_inv_taken) {
        top->inv_valid = 1;
        MTTB_SET(inv_has_pa, (r->flags & MTTB_RF_INV_HAS_PA) ? 1 : 0);
        MTTB_SET(inv_pa, r->pa);
        MTTB_SET(inv_has_sdid, (r->flags & MTTB_RF_INV_HAS_SDID) ? 1 : 0);
        MTTB_SET(inv_sdid, r->sdid);
    }
    if (r->kind == MTTB_REQ_SYNC) top->sync_req = 1;
    return true;
}

std::string describe_outstanding(mttb_session* s, const mttb_request* head, int64_t head_index) {
    std::ostringstream o;
    o << "watchdog (" << s->cfg.watchdog_cycles << " cycles) expired at cycle " << s->cycle << ";";
    if (!s->outstanding.empty()) {
        o << " checks without response:";
        size_t shown = 0;
        for (const Outstanding& q : s->outstanding) {
            if (shown++ == 16) {
                o << " ...";
                break;
            }
            o << " id " << q.id << " (accepted at cycle " << q.accept_cycle << ")";
        }
        o << ";";
    }
    if (head) {
        static const char* kinds[] = {"?", "check", "invalidation", "sync", "idle"};
        o << " request " << head_index << " (" << kinds[head->kind <= 4 ? head->kind : 0];
        if (head->kind == MTTB_REQ_CHECK) o << " id " << head->id;
        o << ") presented since cycle " << s->head_since << " and not taken";
    }
    if (!s->reads.empty()) o << "; " << s->reads.size() << " memory responses pending";
    return o.str();
}

/** The cycle loop shared by run and idle. n < 0 means "idle for -n cycles". */
int32_t simulate(mttb_session* s, const mttb_request* reqs, int64_t n, mttb_event* events, int64_t cap,
                 int64_t max_cycles, mttb_stats* stats) {
    Vtop* top = s->top.get();
    EventSink ev{events, cap};
    const bool idle_mode = n < 0;
    const int64_t idle_cycles = idle_mode ? -n : 0;
    if (idle_mode) n = 0;
    int64_t cur = 0;
    uint64_t cycles_run = 0, responses = 0, reads = 0;
    int32_t status = MTTB_DONE;
    const uint64_t watchdog = s->cfg.watchdog_cycles;

    for (;;) {
        if (idle_mode) {
            if (static_cast<int64_t>(cycles_run) >= idle_cycles) break;
        } else if (n > 0 ? cur >= n : (s->outstanding.empty() && s->reads.empty() && s->pmp_answers.empty())) {
            break;
        }
        if (cap - ev.n < kMaxEventsPerCycle) {
            status = MTTB_EVENTS_FULL;
            break;
        }
        if (max_cycles > 0 && static_cast<int64_t>(cycles_run) >= max_cycles) {
            status = MTTB_CYCLE_LIMIT;
            break;
        }
        const mttb_request* head = cur < n ? &reqs[cur] : nullptr;
        if (head && !s->head_started) {
            s->head_started = true;
            s->head_since = s->cycle;
            s->idle_left = head->kind == MTTB_REQ_IDLE ? head->id : 0;
        }
        // Watchdog: the oldest accepted check, or a request nobody takes.
        if ((!s->outstanding.empty() && s->cycle - s->outstanding.front().accept_cycle > watchdog)
            || (head && head->kind != MTTB_REQ_IDLE && s->cycle - s->head_since > watchdog)) {
            s->error = describe_outstanding(s, head, cur);
            s->dead = MTTB_TIMEOUT;
            ev.put(s->cycle, MTTB_EV_STOP, MTTB_TIMEOUT, 0, 0, 0, 0, 0);
            status = MTTB_TIMEOUT;
            break;
        }
        // ABI 5: an invalidation presented with the check after it; that check must be in the same call
        const mttb_request* partner = nullptr;
        if (head && head->kind == MTTB_REQ_INVAL && (head->flags & MTTB_RF_INV_WITH_CHECK)) {
            if (cur + 1 >= n || reqs[cur + 1].kind != MTTB_REQ_CHECK) {
                s->error = "request " + std::to_string(cur) + " is an invalidation to present with the check after "
                           "it (MTTB_RF_INV_WITH_CHECK), but " + (cur + 1 >= n ? std::string("it is the last request of "
                           "this call; pass the pair in one call") : "request " + std::to_string(cur + 1)
                           + " is not a check");
                status = MTTB_ERR_ARG;
                break;
            }
            partner = &reqs[cur + 1];
        }
        // ---- inputs for this cycle (clk is low) ----
        if (!drive_request(s, head, partner, cur)) {
            status = MTTB_ERR_ARG;
            break;
        }
        // One fixed set of random draws per cycle keeps the run independent of how it is batched.
        top->mrd_ready = per_mille(s) >= s->cfg.mrd_stall_pm;
        top->rsp_ready = per_mille(s) >= s->cfg.rsp_stall_pm;
        drive_memory_answers(s, top, ev);
        top->clk = 0;
        top->eval();
        trace_dump(s, 0);
        if (s->dead) break;
        // ---- sample outputs and handshakes (before the rising edge) ----
        if (top->obs_valid)
            ev.put(s->cycle, MTTB_EV_OBS, static_cast<uint8_t>(top->obs_kind), static_cast<uint8_t>(top->obs_array),
                   static_cast<uint8_t>(top->obs_way), static_cast<uint32_t>(top->obs_set),
                   static_cast<uint64_t>(top->obs_walker_state), 0);
#if MTTB_OBSX_PORT_COUNT > 0
        // Contract v2 extension ports, sampled at the same point as obs_valid. Room is guaranteed by the
        // kMaxEventsPerCycle check at the top of the cycle; a v1 top compiles none of this.
        ev.n += mttb_gen_obs_ext(top, s->cycle, ev.buf + ev.n);
#endif
        if (!sample_memory_ports(s, top, ev, reads)) {
            status = MTTB_RTL_STOP;
            break;
        }
        if (top->rsp_valid && top->rsp_ready) {
            const uint32_t id = static_cast<uint32_t>(top->rsp_id);
            const uint8_t flags = (top->rsp_allow ? MTTB_RSP_ALLOW : 0) | (top->rsp_fault ? MTTB_RSP_FAULT : 0)
                                  | (top->rsp_cacheable ? MTTB_RSP_CACHEABLE : 0) | (top->rsp_stale ? MTTB_RSP_STALE : 0);
            const uint64_t x = static_cast<uint64_t>(top->rsp_level) | static_cast<uint64_t>(top->rsp_leaf_log2) << 8
                               | static_cast<uint64_t>(top->rsp_uniform_log2) << 16;
            ev.put(s->cycle, MTTB_EV_RSP, flags, static_cast<uint8_t>(top->rsp_cause), static_cast<uint8_t>(top->rsp_xwr),
                   id, x, 0);
            for (auto it = s->outstanding.begin(); it != s->outstanding.end(); ++it) {
                if (it->id == id) {
                    s->outstanding.erase(it);
                    break;
                }
            }
            ++responses;
        }
        int consumed = 0;
        if (partner) {
            // lookup before invalidation, as the scoreboard applies them within a cycle (docs/port-contract.md)
            if (!s->pair_check_taken && top->req_ready) {
                const uint32_t id = static_cast<uint32_t>(partner->id & mask_bits(MTTB_W_req_id));
                ev.put(s->cycle, MTTB_EV_ACCEPT, 0, 0, 0, id, partner->pa, s->consumed_total + 1);
                s->outstanding.push_back({id, s->cycle});
                s->pair_check_taken = true;
            }
            if (!s->pair_inv_taken && top->inv_ready) {
                const uint8_t f = ((head->flags & MTTB_RF_INV_HAS_PA) ? 1 : 0) | ((head->flags & MTTB_RF_INV_HAS_SDID) ? 2 : 0);
                ev.put(s->cycle, MTTB_EV_INV_ACCEPT, f, 0, 0, head->sdid, head->pa, s->consumed_total);
                s->pair_inv_taken = true;
            }
            if (s->pair_check_taken && s->pair_inv_taken) consumed = 2;
        } else if (head) {
            switch (head->kind) {
                case MTTB_REQ_CHECK:
                    if (top->req_ready) {
                        // ids are truncated to the width of req_id, as the RTL sees them
                        const uint32_t id = static_cast<uint32_t>(head->id & mask_bits(MTTB_W_req_id));
                        ev.put(s->cycle, MTTB_EV_ACCEPT, 0, 0, 0, id, head->pa, s->consumed_total);
                        s->outstanding.push_back({id, s->cycle});
                        consumed = 1;
                    }
                    break;
                case MTTB_REQ_INVAL:
                    if (top->inv_ready) {
                        const uint8_t f = ((head->flags & MTTB_RF_INV_HAS_PA) ? 1 : 0) | ((head->flags & MTTB_RF_INV_HAS_SDID) ? 2 : 0);
                        ev.put(s->cycle, MTTB_EV_INV_ACCEPT, f, 0, 0, head->sdid, head->pa, s->consumed_total);
                        consumed = 1;
                    }
                    break;
                case MTTB_REQ_SYNC:
                    if (top->sync_ack) {
                        ev.put(s->cycle, MTTB_EV_SYNC_ACK, 0, 0, 0, 0, 0, s->consumed_total);
                        consumed = 1;
                    }
                    break;
                default:
                    if (s->idle_left <= 1) consumed = 1;
                    else --s->idle_left;
                    break;
            }
        }
        rising_edge(s, top, consumed, cur, cycles_run);
        if (s->dead) break;
    }
    return finish_run(s, status, ev, stats, cycles_run, cur, responses, reads);
}

#else
// ---- I/O MPT checker (port contract v3): DMA transactions on dma_*, register accesses on reg_*, verdicts on
// rsp_*; memory and PMP served exactly as for the hart-side checker (drive_memory_answers, sample_memory_ports).

void drive_idle_inputs(Vtop* top) {
    top->dma_valid = 0;
    top->reg_valid = 0;
    top->mrs_valid = 0;
    top->pmp_ok = 0;
}

const char* io_kind_name(uint8_t kind) {
    switch (kind) {
        case MTTB_REQ_DMA: return "DMA transaction";
        case MTTB_REQ_REG: return "register access";
        case MTTB_REQ_POLL: return "status poll";
        case MTTB_REQ_IDLE: return "idle";
        default: return "?";
    }
}

/** Drives the request at the head of the stream (or nothing). Returns false on a malformed request. */
bool drive_request(mttb_session* s, const mttb_io_request* r, int64_t index) {
    Vtop* top = s->top.get();
    top->dma_valid = 0;
    top->reg_valid = 0;
    s->poll_presented = false;
    if (!r) return true;
    const bool known = r->kind == MTTB_REQ_DMA || r->kind == MTTB_REQ_REG || r->kind == MTTB_REQ_POLL
                       || r->kind == MTTB_REQ_IDLE;
    if (r->reserved != 0 || r->reserved0 != 0 || !known) {
        s->error = "request " + std::to_string(index) + " is malformed for an I/O checker (kind "
                   + std::to_string(r->kind) + ", reserved " + std::to_string(r->reserved0) + "/"
                   + std::to_string(r->reserved) + "; CHECK, INVAL and SYNC are hart-side requests)";
        return false;
    }
    switch (r->kind) {
        case MTTB_REQ_DMA:
            // Port contract v3: [pa, pa + size) lies in one 4 KiB granule; the requester splits longer accesses.
            if (r->size < 1 || r->size > 4096 || ((r->pa & 0xFFFu) + r->size) > 4096u) {
                s->error = "request " + std::to_string(index) + ": DMA of " + std::to_string(r->size)
                           + " bytes must be 1..4096 bytes within one 4 KiB granule (port contract v3; split it)";
                return false;
            }
            top->dma_valid = 1;
            MTTB_SET(dma_device_id, r->device_id);
            MTTB_SET(dma_has_ide, (r->flags & MTTB_IOF_HAS_IDE) ? 1 : 0);
            MTTB_SET(dma_ide_id, r->ide_id);
            MTTB_SET(dma_tee, (r->flags & MTTB_IOF_TEE) ? 1 : 0);
            MTTB_SET(dma_iommu_originated, (r->flags & MTTB_IOF_IOMMU) ? 1 : 0);
            MTTB_SET(dma_pa, r->pa);
            MTTB_SET(dma_size, r->size);
            MTTB_SET(dma_need, r->need);
            MTTB_SET(dma_id, r->id);
            break;
        case MTTB_REQ_REG:
            top->reg_valid = 1;
            MTTB_SET(reg_write, (r->flags & MTTB_IOF_WRITE) ? 1 : 0);
            MTTB_SET(reg_addr, r->addr);
            MTTB_SET(reg_size, r->need);
            MTTB_SET(reg_wdata, r->pa);
            break;
        case MTTB_REQ_POLL:
            // one status read at a time: the next is presented after the previous one's reg_rvalid
            if (!s->poll_in_flight && !s->poll_done) {
                s->poll_presented = true;
                top->reg_valid = 1;
                MTTB_SET(reg_write, 0);
                MTTB_SET(reg_addr, 4);
                MTTB_SET(reg_size, 4);
                MTTB_SET(reg_wdata, 0);
            }
            break;
        default: break;
    }
    return true;
}

std::string describe_outstanding(mttb_session* s, const mttb_io_request* head, int64_t head_index) {
    std::ostringstream o;
    o << "watchdog (" << s->cfg.watchdog_cycles << " cycles) expired at cycle " << s->cycle << ";";
    if (!s->outstanding.empty()) {
        o << " DMA transactions without a verdict:";
        size_t shown = 0;
        for (const Outstanding& q : s->outstanding) {
            if (shown++ == 16) {
                o << " ...";
                break;
            }
            o << " id " << q.id << " (accepted at cycle " << q.accept_cycle << ")";
        }
        o << ";";
    }
    if (!s->reg_pending.empty())
        o << " register access taken at cycle " << s->reg_pending.front().accept_cycle << " never answered (reg_rvalid);";
    if (head) {
        o << " request " << head_index << " (" << io_kind_name(head->kind);
        if (head->kind == MTTB_REQ_DMA) o << " id " << head->id;
        o << ") presented since cycle " << s->head_since
          << (head->kind == MTTB_REQ_POLL ? " and status.BUSY never fell" : " and not taken");
    }
    if (!s->reads.empty()) o << "; " << s->reads.size() << " memory responses pending";
    return o.str();
}

/** The cycle loop of an I/O checker, shared by run and idle. n < 0 means "idle for -n cycles". The random draws
 *  per cycle (mrd_ready, rsp_ready, then per read latency and bus error) are those of the hart-side loop. */
int32_t simulate(mttb_session* s, const mttb_request* raw, int64_t n, mttb_event* events, int64_t cap,
                 int64_t max_cycles, mttb_stats* stats) {
    const mttb_io_request* reqs = reinterpret_cast<const mttb_io_request*>(raw);
    Vtop* top = s->top.get();
    EventSink ev{events, cap};
    const bool idle_mode = n < 0;
    const int64_t idle_cycles = idle_mode ? -n : 0;
    if (idle_mode) n = 0;
    int64_t cur = 0;
    uint64_t cycles_run = 0, responses = 0, reads = 0;
    int32_t status = MTTB_DONE;
    const uint64_t watchdog = s->cfg.watchdog_cycles;

    for (;;) {
        if (idle_mode) {
            if (static_cast<int64_t>(cycles_run) >= idle_cycles) break;
        } else if (n > 0 ? cur >= n
                         : (s->outstanding.empty() && s->reads.empty() && s->pmp_answers.empty()
                            && s->reg_pending.empty())) {
            break;
        }
        if (cap - ev.n < kMaxEventsPerCycle) {
            status = MTTB_EVENTS_FULL;
            break;
        }
        if (max_cycles > 0 && static_cast<int64_t>(cycles_run) >= max_cycles) {
            status = MTTB_CYCLE_LIMIT;
            break;
        }
        const mttb_io_request* head = cur < n ? &reqs[cur] : nullptr;
        if (head && !s->head_started) {
            s->head_started = true;
            s->head_since = s->cycle;
            s->idle_left = head->kind == MTTB_REQ_IDLE ? head->id : 0;
            s->poll_in_flight = false;
            s->poll_done = false;
        }
        // Watchdog: the oldest DMA without a verdict, a register access never answered, or a request nobody
        // takes (a poll whose BUSY never falls).
        if ((!s->outstanding.empty() && s->cycle - s->outstanding.front().accept_cycle > watchdog)
            || (!s->reg_pending.empty() && s->cycle - s->reg_pending.front().accept_cycle > watchdog)
            || (head && head->kind != MTTB_REQ_IDLE && s->cycle - s->head_since > watchdog)) {
            s->error = describe_outstanding(s, head, cur);
            s->dead = MTTB_TIMEOUT;
            ev.put(s->cycle, MTTB_EV_STOP, MTTB_TIMEOUT, 0, 0, 0, 0, 0);
            status = MTTB_TIMEOUT;
            break;
        }
        // ---- inputs for this cycle (clk is low) ----
        if (!drive_request(s, head, cur)) {
            status = MTTB_ERR_ARG;
            break;
        }
        top->mrd_ready = per_mille(s) >= s->cfg.mrd_stall_pm;
        top->rsp_ready = per_mille(s) >= s->cfg.rsp_stall_pm;
        drive_memory_answers(s, top, ev);
        top->clk = 0;
        top->eval();
        trace_dump(s, 0);
        if (s->dead) break;
        // ---- sample outputs and handshakes (before the rising edge) ----
#ifdef MTTB_W_obs_valid
        if (top->obs_valid)
            ev.put(s->cycle, MTTB_EV_OBS, static_cast<uint8_t>(top->obs_kind), static_cast<uint8_t>(top->obs_array),
                   static_cast<uint8_t>(top->obs_way), static_cast<uint32_t>(top->obs_set),
                   static_cast<uint64_t>(top->obs_walker_state), 0);
#endif
#if MTTB_OBSX_PORT_COUNT > 0
        ev.n += mttb_gen_obs_ext(top, s->cycle, ev.buf + ev.n);
#endif
        if (!sample_memory_ports(s, top, ev, reads)) {
            status = MTTB_RTL_STOP;
            break;
        }
        if (top->rsp_valid && s->rsp_valid_since == UINT64_MAX) s->rsp_valid_since = s->cycle;
        if (top->rsp_valid && top->rsp_ready) {
            const uint32_t id = static_cast<uint32_t>(top->rsp_id);
            uint8_t flags = (top->rsp_allow ? 1 : 0) | (top->rsp_matched ? 2 : 0) | (top->rsp_report_to_iommu ? 4 : 0);
            uint64_t x = static_cast<uint64_t>(top->rsp_rule) | static_cast<uint64_t>(top->rsp_sdid) << 8
                         | static_cast<uint64_t>(top->rsp_xwr) << 24;
#ifdef MTTB_W_rsp_iommu_valid
            flags |= top->rsp_iommu_valid ? 8 : 0;
            x |= static_cast<uint64_t>(top->rsp_iommu_id) << 16;
#endif
            ev.put(s->cycle, MTTB_EV_DMA_RSP, flags, static_cast<uint8_t>(top->rsp_abort_reason),
                   static_cast<uint8_t>(top->rsp_cause), id, x, s->rsp_valid_since);
            s->rsp_valid_since = UINT64_MAX;
            for (auto it = s->outstanding.begin(); it != s->outstanding.end(); ++it) {
                if (it->id == id) {
                    s->outstanding.erase(it);
                    break;
                }
            }
            ++responses;
        }
        if (top->reg_rvalid) {
            if (s->reg_pending.empty()) {
                s->dead = MTTB_RTL_STOP;
                s->error = "reg_rvalid at cycle " + std::to_string(s->cycle)
                           + " with no register access outstanding (port contract v3: one pulse per access)";
                ev.put(s->cycle, MTTB_EV_STOP, MTTB_RTL_STOP, 0, 0, 0, 0, 0);
                status = MTTB_RTL_STOP;
                break;
            }
            const RegPending p = s->reg_pending.front();
            s->reg_pending.pop_front();
            const uint64_t rdata = static_cast<uint64_t>(top->reg_rdata);
            const uint8_t f = (p.write ? 1 : 0) | (p.busy ? 2 : 0) | (p.poll ? 4 : 0);
            ev.put(s->cycle, MTTB_EV_REG, p.addr, p.size, f, static_cast<uint32_t>(s->cycle - p.accept_cycle), rdata,
                   p.position);
            if (p.poll) {
                s->poll_in_flight = false;
                if (!((rdata >> 31) & 1)) s->poll_done = true;
            }
        }
        bool consumed = false;
        if (head) {
            switch (head->kind) {
                case MTTB_REQ_DMA:
                    if (top->dma_ready) {
                        const uint32_t id = static_cast<uint32_t>(head->id & mask_bits(MTTB_W_dma_id));
                        ev.put(s->cycle, MTTB_EV_DMA_ACCEPT, 0, 0, 0, id, head->pa, s->consumed_total);
                        s->outstanding.push_back({id, s->cycle});
                        consumed = true;
                    }
                    break;
                case MTTB_REQ_REG:
                    if (top->reg_ready) {
                        s->reg_pending.push_back({s->cycle, s->consumed_total, head->addr, head->need,
                                                  (head->flags & MTTB_IOF_WRITE) != 0, top->busy != 0, false});
                        consumed = true;
                    }
                    break;
                case MTTB_REQ_POLL:
                    if (s->poll_done) {
                        consumed = true;
                    } else if (s->poll_presented && top->reg_ready) {
                        s->reg_pending.push_back({s->cycle, s->consumed_total, 4, 4, false, top->busy != 0, true});
                        s->poll_in_flight = true;
                    }
                    break;
                default:
                    if (s->idle_left <= 1) consumed = true;
                    else --s->idle_left;
                    break;
            }
        }
        rising_edge(s, top, consumed, cur, cycles_run);
        if (s->dead) break;
    }
    return finish_run(s, status, ev, stats, cycles_run, cur, responses, reads);
}
#endif  // MTTB_CHECKER_IO

}  // namespace

MTTB_EXPORT int32_t mttb_attach_memory(mttb_session* h, void* base, uint64_t size, uint64_t phys_base) {
    if (int32_t e = enter(h)) return e;
    MTTB_GUARD_BEGIN
    if (!base || size == 0 || phys_base + size < phys_base)
        return fail(h, MTTB_ERR_ARG, "attach_memory: need a non-null buffer, a non-zero size and no address wrap");
    for (const MemRegion& m : h->mem) {
        if (phys_base < m.phys + m.size && phys_base + size > m.phys)
            return fail(h, MTTB_ERR_ARG, "attach_memory: region overlaps one attached earlier");
    }
    h->mem.push_back({static_cast<uint8_t*>(base), size, phys_base});
    return 0;
    MTTB_GUARD_END(h)
}

MTTB_EXPORT int32_t mttb_set_pmp_regions(mttb_session* h, const mttb_pmp_region* regions, int32_t n) {
    if (int32_t e = enter(h)) return e;
    MTTB_GUARD_BEGIN
    if (n < 0 || (n > 0 && !regions)) return fail(h, MTTB_ERR_ARG, "set_pmp_regions: bad region array");
    h->pmp.assign(regions, regions + n);
    return 0;
    MTTB_GUARD_END(h)
}

MTTB_EXPORT int32_t mttb_reset(mttb_session* h, int32_t cycles) {
    if (int32_t e = enter(h)) return e;
    MTTB_GUARD_BEGIN
    if (cycles < 1) return fail(h, MTTB_ERR_ARG, "reset: need at least one cycle");
    CurrentGuard guard(h);
    Vtop* top = h->top.get();
    drive_idle_inputs(top);
    top->mrd_ready = 0;
    top->rsp_ready = 0;
    top->rst = 1;
    for (int32_t i = 0; i < cycles && !h->dead; ++i) {
        top->clk = 0;
        top->eval();
        trace_dump(h, 0);
        top->clk = 1;
        top->eval();
        trace_dump(h, 1);
        ++h->cycle;
    }
    top->rst = 0;
    top->clk = 0;
    top->eval();
    h->reads.clear();
    h->pmp_answers.clear();
    h->outstanding.clear();
    h->reg_pending.clear();
    h->poll_in_flight = false;
    h->poll_done = false;
    h->rsp_valid_since = UINT64_MAX;
    h->head_started = false;
    h->pair_inv_taken = false;
    h->pair_check_taken = false;
    h->last_read_due = h->cycle;
    return h->dead ? stop_status(h) : 0;
    MTTB_GUARD_END(h)
}

MTTB_EXPORT int32_t mttb_run(mttb_session* h, const mttb_request* reqs, int64_t n, mttb_event* events, int64_t cap,
                             int64_t max_cycles, mttb_stats* stats) {
    if (int32_t e = enter(h)) return e;
    MTTB_GUARD_BEGIN
    if (n < 0 || (n > 0 && !reqs) || !events)
        return fail(h, MTTB_ERR_ARG, "run: need n >= 0, a request array and an event buffer");
    if (cap < kMaxEventsPerCycle)
        return fail(h, MTTB_ERR_ARG, "run: event buffer of " + std::to_string(cap) + " records; this design needs at least "
                                         + std::to_string(kMaxEventsPerCycle) + " (mttb_max_events_per_cycle)");
    CurrentGuard guard(h);
    return simulate(h, reqs, n, events, cap, max_cycles, stats);
    MTTB_GUARD_END(h)
}

MTTB_EXPORT int32_t mttb_idle(mttb_session* h, int64_t cycles, mttb_event* events, int64_t cap, mttb_stats* stats) {
    if (int32_t e = enter(h)) return e;
    MTTB_GUARD_BEGIN
    if (cycles < 0 || !events)
        return fail(h, MTTB_ERR_ARG, "idle: need cycles >= 0 and an event buffer");
    if (cap < kMaxEventsPerCycle)
        return fail(h, MTTB_ERR_ARG, "idle: event buffer of " + std::to_string(cap) + " records; this design needs at least "
                                         + std::to_string(kMaxEventsPerCycle) + " (mttb_max_events_per_cycle)");
    CurrentGuard guard(h);
    if (cycles == 0) {
        if (stats) std::memset(stats, 0, sizeof *stats), stats->cycle = h->cycle;
        return MTTB_DONE;
    }
    return simulate(h, nullptr, -cycles, events, cap, 0, stats);
    MTTB_GUARD_END(h)
}

#else  // !MTTB_HAS_CHECKER

#define MTTB_NO_CHECKER(h) \
    if (int32_t e = enter(h)) return e; \
    return fail(h, MTTB_ERR_NO_CHECKER, "this library was built without the checker fast path (the top does not implement port contract v1)")

MTTB_EXPORT int32_t mttb_attach_memory(mttb_session* h, void*, uint64_t, uint64_t) { MTTB_NO_CHECKER(h); }
MTTB_EXPORT int32_t mttb_set_pmp_regions(mttb_session* h, const mttb_pmp_region*, int32_t) { MTTB_NO_CHECKER(h); }
MTTB_EXPORT int32_t mttb_reset(mttb_session* h, int32_t) { MTTB_NO_CHECKER(h); }
MTTB_EXPORT int32_t mttb_run(mttb_session* h, const mttb_request*, int64_t, mttb_event*, int64_t, int64_t, mttb_stats*) {
    MTTB_NO_CHECKER(h);
}
MTTB_EXPORT int32_t mttb_idle(mttb_session* h, int64_t, mttb_event*, int64_t, mttb_stats*) { MTTB_NO_CHECKER(h); }

#endif
