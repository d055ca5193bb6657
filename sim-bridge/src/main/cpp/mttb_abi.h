// mttb_abi.h -- the C ABI of an mttkit co-simulation library (ABI version 5).
//
// Version 2 (checker port contract v2) adds the MTTB_EV_OBSX event and the per-design event bound
// mttb_max_events_per_cycle(); every record layout and every version-1 event is unchanged.
// Version 3 (port contract v3, the I/O MPT checker) adds the I/O request kinds (mttb_io_request, the same 32 bytes
// as mttb_request) and the events DMA_ACCEPT, DMA_RSP and REG; every version-2 record, kind and event is unchanged
// and a hart-side checker is driven exactly as before.
// Version 4 adds mttb_config.mem_out_of_order. Version 5 adds the request flag MTTB_RF_INV_WITH_CHECK: an INVAL
// presented in the same cycles as the CHECK that follows it (docs/bridge.md "ABI 5"); streams without it run
// exactly as before.
//
// Every entry point takes and returns plain integers and pointers and never throws. All records are
// fixed-size and little-endian; their layouts are asserted here (static_assert) and checked again by Java
// at load time through mttb_record_layout(). See docs/bridge.md for the normative description.
#ifndef MTTB_ABI_H
#define MTTB_ABI_H

#include <stddef.h>
#include <stdint.h>

#define MTTB_ABI_VERSION 5

#if defined(__GNUC__)
#define MTTB_EXPORT extern "C" __attribute__((visibility("default")))
#else
#define MTTB_EXPORT extern "C"
#endif

// ---- status codes: stop reasons >= 0, errors < 0 (text from mttb_last_error) ----
enum {
    MTTB_DONE = 0,          // every request consumed (run) / nothing outstanding (drain, n == 0)
    MTTB_EVENTS_FULL = 1,   // event buffer nearly full; resume with the remaining requests
    MTTB_CYCLE_LIMIT = 2,   // max_cycles reached for this call; resume with the remaining requests
    MTTB_TIMEOUT = 3,       // watchdog: a request waited too long (last_error names them); session dead
    MTTB_RTL_STOP = 4,      // $stop, $fatal or a failed assertion in the RTL; session dead
    MTTB_RTL_FINISH = 5,    // $finish in the RTL; session dead
    MTTB_RTL_FATAL = 6,     // Verilator runtime fatal error; session dead
    MTTB_ERR_ARG = -1,      // bad argument
    MTTB_ERR_THREAD = -2,   // called from a thread other than the one that created the session
    MTTB_ERR_DEAD = -3,     // session stopped earlier (RTL stop/finish/fatal or timeout)
    MTTB_ERR_INTERNAL = -4, // a C++ exception was caught at the ABI boundary
    MTTB_ERR_UNSUPPORTED = -5, // not compiled into this variant (e.g. tracing outside the trace variant)
    MTTB_ERR_NO_CHECKER = -6,  // library built without the checker fast path
};

// ---- request kinds ----
enum { MTTB_REQ_CHECK = 1, MTTB_REQ_INVAL = 2, MTTB_REQ_SYNC = 3, MTTB_REQ_IDLE = 4 };
// request flag bits
enum { MTTB_RF_BE = 1, MTTB_RF_BYPASS = 2, MTTB_RF_INV_HAS_PA = 4, MTTB_RF_INV_HAS_SDID = 8,
       MTTB_RF_INV_WITH_CHECK = 16 };

/** One request, 32 bytes. CHECK uses every field; INVAL uses pa, sdid and the INV flags;
 *  SYNC uses nothing; IDLE uses id as the number of idle cycles. An INVAL with MTTB_RF_INV_WITH_CHECK is
 *  presented together with the CHECK right after it (which must be in the same call): each half is driven until
 *  its own handshake, the pair is consumed when both were taken, and a cycle taking both writes ACCEPT, then
 *  INV_ACCEPT. */
typedef struct {
    uint8_t kind;      // MTTB_REQ_*
    uint8_t need;      // {X,W,R} bits 2..0
    uint8_t flags;     // MTTB_RF_*
    uint8_t mode;
    uint32_t id;       // req_id (CHECK) or idle cycle count (IDLE)
    uint64_t pa;       // req_pa (CHECK) or inv_pa (INVAL)
    uint64_t root_ppn;
    uint32_t sdid;     // req_sdid (CHECK) or inv_sdid (INVAL)
    uint32_t reserved; // must be zero
} mttb_request;

// ---- event kinds ----
// One line per kind, "MTTB_EV_<NAME> = <number>, // <what>: <field>, <field>, ...", continued on comment-only
// lines. A field is "<slot> = <name>" (the whole slot) or "<slot>[<bit>] = <name>" / "<slot>[<hi>:<lo>] = <name>"
// (bits of the slot), optionally followed by a note in parentheses; the slot is b1, b2, b3, a32, x or y of
// mttb_event, and bits of a slot not named are zero. Java decodes the records with the same table
// (io.mttkit.bridge.EventKind, same order, same names); sim-bridge's AbiHeaderTest parses these lines and fails
// when the two differ.
enum {
    MTTB_EV_ACCEPT = 1,      // check handshake: a32 = id (truncated to the width of req_id), x = pa,
                             //   y = position (requests consumed since create, idle gaps included)
    MTTB_EV_INV_ACCEPT = 2,  // invalidation handshake: b1[0] = has_pa, b1[1] = has_sdid, a32 = sdid, x = pa,
                             //   y = position
    MTTB_EV_SYNC_ACK = 3,    // sync_ack seen: y = position
    MTTB_EV_PMP_QUERY = 4,   // pmp_valid: b1 = size, x = addr
    MTTB_EV_PMP_ANSWER = 5,  // pmp_ok driven: b1[0] = ok, x = addr (of the query answered)
    MTTB_EV_MRD = 6,         // memory read handshake: b1 = size, a32 = tag, x = addr
    MTTB_EV_MRS = 7,         // memory response driven: b2[0] = err, a32 = tag, x = data, y = addr
    MTTB_EV_RSP = 8,         // response handshake: b1[0] = allow, b1[1] = fault, b1[2] = cacheable, b1[3] = stale,
                             //   b2 = cause, b3 = xwr, a32 = id, x[7:0] = level, x[15:8] = leaf_log2,
                             //   x[23:16] = uniform_log2
    MTTB_EV_OBS = 9,         // observation pulse: b1 = obs_kind, b2 = array, b3 = way, a32 = set, x = walker_state
    MTTB_EV_STOP = 10,       // stop: b1 = status (MTTB_TIMEOUT / MTTB_RTL_*)
    MTTB_EV_OBSX = 11,       // extension observation word (contract v2): b1 = word (0 = bits 63:0),
                             //   a32 = port (port id), x = value (never 0)
    MTTB_EV_DMA_ACCEPT = 12, // DMA request handshake: a32 = id (truncated to the width of dma_id), x = pa,
                             //   y = position (requests consumed since create, idle gaps included)
    MTTB_EV_DMA_RSP = 13,    // verdict handshake: b1[0] = allow, b1[1] = matched, b1[2] = report_to_iommu,
                             //   b1[3] = iommu_valid, b2 = abort_reason, b3 = cause, a32 = id, x[7:0] = rule,
                             //   x[15:8] = sdid, x[23:16] = iommu_id, x[26:24] = xwr,
                             //   y = valid_cycle (the cycle rsp_valid rose for this verdict)
    MTTB_EV_REG = 14,        // register access answered (reg_rvalid): b1 = addr, b2 = size, b3[0] = write,
                             //   b3[1] = busy, b3[2] = poll,
                             //   a32 = latency (cycles from the request handshake), x = rdata, y = position
};
// MTTB_EV_REG's busy is status.BUSY (port `busy`) sampled at the access's request handshake: whether the checker
// ignored a write there (contract v3), and what a read of status at that handshake answers.
// The bits of the response handshake's b1 (MTTB_EV_RSP's allow, fault, cacheable, stale).
enum { MTTB_RSP_ALLOW = 1, MTTB_RSP_FAULT = 2, MTTB_RSP_CACHEABLE = 4, MTTB_RSP_STALE = 8 };

// ---- I/O request kinds (port contract v3: a top with dma_* and reg_* ports) ----
// An I/O checker library takes mttb_io_request records (kinds below and MTTB_REQ_IDLE); a hart-side one refuses
// them, and an I/O one refuses CHECK/INVAL/SYNC.
enum { MTTB_REQ_DMA = 5, MTTB_REQ_REG = 6, MTTB_REQ_POLL = 7 };
// I/O request flag bits: DMA transaction attributes; MTTB_IOF_WRITE for a register access
enum { MTTB_IOF_TEE = 1, MTTB_IOF_HAS_IDE = 2, MTTB_IOF_IOMMU = 4, MTTB_IOF_WRITE = 8 };

/** One I/O request, 32 bytes (the layout of mttb_request where the two share a member).
 *  DMA: one transaction on dma_* (need, flags TEE/HAS_IDE/IOMMU, id, pa, device_id, ide_id, size 1..4096).
 *  REG: one register access on reg_* (addr, need = size in bytes, flag WRITE, pa = wdata).
 *  POLL: 4-byte reads of status (offset 4) until one answers BUSY (bit 31) = 0; every read is a REG event.
 *  IDLE: id = idle cycles. */
typedef struct {
    uint8_t kind;       // MTTB_REQ_DMA / REG / POLL / IDLE
    uint8_t need;       // DMA: {X,W,R} bits 2..0; REG: access size in bytes
    uint8_t flags;      // MTTB_IOF_*
    uint8_t addr;       // REG: register offset
    uint32_t id;        // DMA: dma_id; IDLE: idle cycle count
    uint64_t pa;        // DMA: dma_pa; REG: wdata
    uint32_t device_id; // DMA: dma_device_id
    uint16_t ide_id;    // DMA: dma_ide_id (segment 15:8, stream 7:0)
    uint16_t size;      // DMA: dma_size in bytes
    uint32_t reserved0; // must be zero
    uint32_t reserved;  // must be zero
} mttb_io_request;

/** One event, 32 bytes. */
typedef struct {
    uint64_t cycle;
    uint8_t kind;
    uint8_t b1, b2, b3;
    uint32_t a32;
    uint64_t x;
    uint64_t y;
} mttb_event;

/** Session configuration, 64 bytes. Randomness (latency, backpressure, error injection) is drawn from
 *  one seeded generator, one fixed set of draws per cycle, so a run is a pure function of
 *  (library, config, memory, requests). */
typedef struct {
    uint64_t seed;
    uint32_t mem_lat_min;        // memory response latency in cycles, >= 1
    uint32_t mem_lat_max;        // >= mem_lat_min
    uint32_t mrd_stall_pm;       // per mille of cycles with mrd_ready = 0
    uint32_t rsp_stall_pm;       // per mille of cycles with rsp_ready = 0
    uint32_t bus_error_pm;       // per mille of memory responses turned into mrs_err
    uint32_t pmp_latency;        // cycles from pmp_valid to pmp_ok, >= 1 (must match the RTL)
    uint32_t watchdog_cycles;    // a request older than this ends the batch with MTTB_TIMEOUT
    uint32_t pmp_default_allow;  // answer when no PMP region matches (1 allow, 0 deny)
    uint32_t mem_out_of_order;   // ABI 4: 1 = memory responses return when due, in any order (tags say which); 0 = in order
    uint32_t reserved[5];        // must be zero
} mttb_config;

/** One PMP region for the hook, 24 bytes: first match wins, the whole access must fit. */
typedef struct {
    uint64_t base;
    uint64_t size;
    uint64_t allow;  // 1 allow, 0 deny
} mttb_pmp_region;

/** Statistics of one run call (and cumulative cycle), 64 bytes. */
typedef struct {
    uint64_t cycle;          // absolute cycle count of the session after the call
    uint64_t cycles_run;     // cycles simulated in this call
    uint64_t consumed;       // requests consumed from the array passed in
    uint64_t events;         // events written
    uint64_t responses;      // check responses in this call
    uint64_t outstanding;    // accepted checks without a response yet
    uint64_t mem_reads;      // memory reads issued in this call
    uint64_t reserved;
} mttb_stats;

/** Port description for the generic layer, 16 bytes (name via mttb_port_name). */
typedef struct {
    uint32_t width;
    uint32_t dir;  // 0 input, 1 output, 2 inout
    uint64_t reserved;
} mttb_port_info;

// Layout ids for mttb_record_layout(which): returns size << 16 | alignment of the record.
enum { MTTB_LAYOUT_REQUEST = 0, MTTB_LAYOUT_EVENT = 1, MTTB_LAYOUT_CONFIG = 2, MTTB_LAYOUT_PMP = 3,
       MTTB_LAYOUT_STATS = 4 };

#ifdef __cplusplus
static_assert(sizeof(mttb_request) == 32, "mttb_request must be 32 bytes");
static_assert(offsetof(mttb_request, id) == 4 && offsetof(mttb_request, pa) == 8
              && offsetof(mttb_request, root_ppn) == 16 && offsetof(mttb_request, sdid) == 24,
              "mttb_request layout");
static_assert(sizeof(mttb_io_request) == 32, "mttb_io_request must be 32 bytes");
static_assert(offsetof(mttb_io_request, id) == 4 && offsetof(mttb_io_request, pa) == 8
              && offsetof(mttb_io_request, device_id) == 16 && offsetof(mttb_io_request, size) == 22
              && offsetof(mttb_io_request, reserved) == 28, "mttb_io_request layout");
static_assert(sizeof(mttb_event) == 32, "mttb_event must be 32 bytes");
static_assert(offsetof(mttb_event, kind) == 8 && offsetof(mttb_event, a32) == 12
              && offsetof(mttb_event, x) == 16 && offsetof(mttb_event, y) == 24, "mttb_event layout");
static_assert(sizeof(mttb_config) == 64 && offsetof(mttb_config, watchdog_cycles) == 32
              && offsetof(mttb_config, pmp_default_allow) == 36, "mttb_config layout");
static_assert(sizeof(mttb_pmp_region) == 24, "mttb_pmp_region layout");
static_assert(sizeof(mttb_stats) == 64, "mttb_stats layout");
static_assert(sizeof(mttb_port_info) == 16, "mttb_port_info layout");
#endif

// ---- entry points (all return status codes unless stated) ----
typedef struct mttb_session mttb_session;

MTTB_EXPORT int32_t mttb_abi_version(void);
/** "hash=<hex> verilator=<version> variant=<name> checker=<0|1>" (static string). */
MTTB_EXPORT const char* mttb_build_info(void);
MTTB_EXPORT int32_t mttb_record_layout(int32_t which);
/** Most events one simulated cycle can write for this design: 16 plus one per 64-bit word of every
 *  extension observation port. run/idle need an event buffer at least this large and stop a batch with
 *  MTTB_EVENTS_FULL before a cycle that might not fit. */
MTTB_EXPORT int32_t mttb_max_events_per_cycle(void);

/** Creates a session (model + context) owned by the calling thread; NULL on failure
 *  (text from mttb_last_error(NULL)). */
MTTB_EXPORT mttb_session* mttb_create(const mttb_config* config);
MTTB_EXPORT void mttb_destroy(mttb_session* h);
/** Text of the last error or stop of the session (or of the last failed create when h is NULL). */
MTTB_EXPORT const char* mttb_last_error(mttb_session* h);
/** Copies captured $display/VL_PRINTF text into buf (NUL-terminated), removes it, returns its length. */
MTTB_EXPORT int64_t mttb_drain_log(mttb_session* h, char* buf, int64_t cap);

// generic layer
MTTB_EXPORT int32_t mttb_port_count(void);
MTTB_EXPORT const char* mttb_port_name(int32_t id);
MTTB_EXPORT int32_t mttb_port_info_get(int32_t id, mttb_port_info* out);
MTTB_EXPORT int32_t mttb_poke(mttb_session* h, int32_t id, uint64_t value);
MTTB_EXPORT int32_t mttb_peek(mttb_session* h, int32_t id, uint64_t* value);
/** Little-endian bytes, (width + 7) / 8 of them. */
MTTB_EXPORT int32_t mttb_poke_wide(mttb_session* h, int32_t id, const uint8_t* bytes, int32_t len);
MTTB_EXPORT int32_t mttb_peek_wide(mttb_session* h, int32_t id, uint8_t* bytes, int32_t len);
/** n clock cycles on port clk: each is clk=1, eval, clk=0, eval. */
MTTB_EXPORT int32_t mttb_step(mttb_session* h, int64_t n);
MTTB_EXPORT int32_t mttb_eval(mttb_session* h);

// checker fast path (port contract v1; v3 for an I/O checker: the requests are then mttb_io_request records,
// passed through the same mttb_request pointer)
MTTB_EXPORT int32_t mttb_attach_memory(mttb_session* h, void* base, uint64_t size, uint64_t phys_base);
MTTB_EXPORT int32_t mttb_set_pmp_regions(mttb_session* h, const mttb_pmp_region* regions, int32_t n);
MTTB_EXPORT int32_t mttb_reset(mttb_session* h, int32_t cycles);
/** Runs until every request is consumed (n > 0) or nothing is outstanding (n == 0), or a stop. */
MTTB_EXPORT int32_t mttb_run(mttb_session* h, const mttb_request* reqs, int64_t n, mttb_event* events,
                             int64_t cap, int64_t max_cycles, mttb_stats* stats);
/** Runs exactly `cycles` cycles presenting no new request, recording events. */
MTTB_EXPORT int32_t mttb_idle(mttb_session* h, int64_t cycles, mttb_event* events, int64_t cap,
                              mttb_stats* stats);
/** Trace variant only: dump waves to path (.fst or .vcd per build) for cycles [from, to). */
MTTB_EXPORT int32_t mttb_trace_window(mttb_session* h, const char* path, uint64_t from_cycle,
                                      uint64_t to_cycle);

#endif
