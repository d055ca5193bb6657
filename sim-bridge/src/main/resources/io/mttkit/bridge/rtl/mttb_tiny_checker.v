// mttb_tiny_checker: a deliberately small design that implements checker port contract v1
// (docs/bridge.md, "Port contract v1"). It exists so the co-simulation bridge and its benchmark can be
// exercised before the generated checker lands. It is NOT an MTT checker: one "level", one 8-byte
// entry per 4 KiB page at root + (pa >> 12) * 8, a 2-entry fully associative cache.
//
// Entry format (after the optional byte swap selected by req_be):
//   bit 0 V, bits 3:1 XWR, bits 63:4 reserved (must be zero). XWR = 010/110 is a reserved encoding.
// Strictly one request at a time; invalidation and sync are only taken while idle.
// Single clock clk, synchronous active-high rst.
// A check whose PA equals FATAL_PA triggers $fatal (used to test that the JVM survives).
`default_nettype none
module mttb_tiny_checker #(
    parameter int XLEN = 64,
    parameter int PAW  = 56,
    parameter int IDW  = 8,
    parameter int SDIDW = 6,
    parameter int PPNW = 44,
    parameter logic [XLEN-1:0] FATAL_PA = 64'hFA7A_1000_0000_0000
) (
    input  wire              clk,
    input  wire              rst,
    // check request
    input  wire              req_valid,
    output wire              req_ready,
    input  wire [IDW-1:0]    req_id,
    input  wire [XLEN-1:0]   req_pa,
    input  wire [2:0]        req_need,
    input  wire [SDIDW-1:0]  req_sdid,
    input  wire [3:0]        req_mode,
    input  wire [PPNW-1:0]   req_root_ppn,
    input  wire              req_be,
    input  wire              req_bypass,
    // memory read port
    output wire              mrd_valid,
    input  wire              mrd_ready,
    output wire [PAW-1:0]    mrd_addr,
    output wire [3:0]        mrd_size,
    output wire [1:0]        mrd_tag,
    input  wire              mrs_valid,
    input  wire [63:0]       mrs_data,
    input  wire              mrs_err,
    input  wire [1:0]        mrs_tag,
    // PMP/PMA hook, answered after one cycle
    output wire              pmp_valid,
    output wire [PAW-1:0]    pmp_addr,
    output wire [3:0]        pmp_size,
    input  wire              pmp_ok,
    // invalidation and sync
    input  wire              inv_valid,
    output wire              inv_ready,
    input  wire              inv_has_pa,
    /* verilator lint_off UNUSEDSIGNAL */ // the page offset of an invalidation address is irrelevant
    input  wire [PAW-1:0]    inv_pa,
    /* verilator lint_on UNUSEDSIGNAL */
    input  wire              inv_has_sdid,
    input  wire [SDIDW-1:0]  inv_sdid,
    input  wire              sync_req,
    output wire              sync_ack,
    // response
    output wire              rsp_valid,
    input  wire              rsp_ready,
    output wire [IDW-1:0]    rsp_id,
    output wire              rsp_allow,
    output wire              rsp_fault,
    output wire [3:0]        rsp_cause,
    output wire [2:0]        rsp_xwr,
    output wire [2:0]        rsp_level,
    output wire [5:0]        rsp_leaf_log2,
    output wire [5:0]        rsp_uniform_log2,
    output wire              rsp_cacheable,
    output wire              rsp_stale,
    // observation port
    output wire              obs_valid,
    output wire [2:0]        obs_kind,
    output wire [1:0]        obs_array,
    output wire [7:0]        obs_set,
    output wire [3:0]        obs_way,
    output wire [3:0]        obs_walker_state
);
    localparam logic [3:0] S_IDLE = 4'd0, S_LOOK = 4'd1, S_PMP = 4'd2, S_PMPW = 4'd3, S_MREQ = 4'd4,
                           S_MWAIT = 4'd5, S_DECODE = 4'd6, S_FILL = 4'd7, S_RESP = 4'd8,
                           S_INV0 = 4'd9, S_INV1 = 4'd10;
    localparam logic [2:0] OBS_HIT = 3'd0, OBS_MISS = 3'd1, OBS_FILL = 3'd2, OBS_EVICT = 3'd3,
                           OBS_INVAL = 3'd4;
    localparam logic [3:0] C_NONE = 4'd0, C_PA_RANGE = 4'd1, C_WALK_PMP = 4'd2, C_BUS = 4'd3,
                           C_INVALID = 4'd4, C_RSVD_BITS = 4'd5, C_RSVD_ENC = 4'd6, C_PERM = 4'd9;
    localparam int PGW = PAW - 12;

    logic [3:0]       state;
    // captured request
    logic [IDW-1:0]   r_id;
    logic [2:0]       r_need;
    logic [SDIDW-1:0] r_sdid;
    logic [3:0]       r_mode;
    logic [PPNW-1:0]  r_root;
    logic             r_be;
    logic [PGW-1:0]   r_page;
    logic [PAW-1:0]   r_addr;
    logic [1:0]       r_tag;
    logic [63:0]      r_entry;
    logic             r_err;
    // response under construction
    logic             o_allow;
    logic [3:0]       o_cause;
    logic [2:0]       o_xwr;
    logic             o_leaf;
    // invalidation under way
    logic             i_has_pa, i_has_sdid;
    logic [PGW-1:0]   i_page;
    logic [SDIDW-1:0] i_sdid;
    // cache: 2 ways, LRU bit names the way to replace next
    logic [1:0]       c_valid;
    logic [SDIDW-1:0] c_sdid [2];
    logic [3:0]       c_mode [2];
    logic [PPNW-1:0]  c_root [2];
    logic             c_be [2];
    logic [PGW-1:0]   c_page [2];
    logic [2:0]       c_xwr [2];
    logic             lru;
    // observation register
    logic             ob_valid;
    logic [2:0]       ob_kind;
    logic             ob_way;

    logic [1:0] hit_way;
    always_comb begin
        for (int w = 0; w < 2; w++) begin
            hit_way[w] = c_valid[w] && c_sdid[w] == r_sdid && c_mode[w] == r_mode
                         && c_root[w] == r_root && c_be[w] == r_be && c_page[w] == r_page;
        end
    end

    logic [63:0] entry;
    assign entry = r_be ? {r_entry[7:0], r_entry[15:8], r_entry[23:16], r_entry[31:24],
                           r_entry[39:32], r_entry[47:40], r_entry[55:48], r_entry[63:56]}
                        : r_entry;

    logic inv_hit0, inv_hit1;
    assign inv_hit0 = c_valid[0] && (!i_has_pa || c_page[0] == i_page)
                      && (!i_has_sdid || c_sdid[0] == i_sdid);
    assign inv_hit1 = c_valid[1] && (!i_has_pa || c_page[1] == i_page)
                      && (!i_has_sdid || c_sdid[1] == i_sdid);

    logic [PAW-1:0] entry_addr;
    assign entry_addr = PAW'({r_root, 12'h000}) + PAW'({r_page, 3'b000});

    logic pa_in_range;
    assign pa_in_range = (req_pa >> PAW) == '0;

    always_ff @(posedge clk) begin
        ob_valid <= 1'b0;
        if (rst) begin
            state <= S_IDLE;
            c_valid <= 2'b00;
            lru <= 1'b0;
            r_tag <= 2'd0;
            ob_kind <= OBS_HIT;
            ob_way <= 1'b0;
        end else begin
            case (state)
                S_IDLE: begin
                    if (req_valid) begin
                        if (req_pa == FATAL_PA) begin
                            $fatal(1, "mttb_tiny_checker: fatal trigger request id %0d", req_id);
                        end
                        r_id <= req_id;
                        r_need <= req_need;
                        r_sdid <= req_sdid;
                        r_mode <= req_mode;
                        r_root <= req_root_ppn;
                        r_be <= req_be;
                        r_page <= req_pa[PAW-1:12];
                        o_leaf <= 1'b0;
                        if (req_bypass) begin
                            o_allow <= 1'b1; o_cause <= C_NONE; o_xwr <= 3'b111; state <= S_RESP;
                        end else if (!pa_in_range) begin
                            o_allow <= 1'b0; o_cause <= C_PA_RANGE; o_xwr <= 3'b000; state <= S_RESP;
                        end else begin
                            state <= S_LOOK;
                        end
                    end else if (inv_valid) begin
                        i_has_pa <= inv_has_pa;
                        i_page <= inv_pa[PAW-1:12];
                        i_has_sdid <= inv_has_sdid;
                        i_sdid <= inv_sdid;
                        state <= S_INV0;
                    end
                end
                S_LOOK: begin
                    ob_valid <= 1'b1;
                    if (hit_way != 2'b00) begin
                        ob_kind <= OBS_HIT;
                        ob_way <= hit_way[1];
                        lru <= ~hit_way[1];
                        o_xwr <= hit_way[1] ? c_xwr[1] : c_xwr[0];
                        o_allow <= ((r_need & ~(hit_way[1] ? c_xwr[1] : c_xwr[0])) == 3'b000);
                        o_cause <= ((r_need & ~(hit_way[1] ? c_xwr[1] : c_xwr[0])) == 3'b000)
                                   ? C_NONE : C_PERM;
                        o_leaf <= 1'b1;
                        state <= S_RESP;
                    end else begin
                        ob_kind <= OBS_MISS;
                        ob_way <= 1'b0;
                        r_addr <= entry_addr;
                        state <= S_PMP;
                    end
                end
                S_PMP: state <= S_PMPW;
                S_PMPW: begin
                    if (pmp_ok) begin
                        state <= S_MREQ;
                    end else begin
                        o_allow <= 1'b0; o_cause <= C_WALK_PMP; o_xwr <= 3'b000; state <= S_RESP;
                    end
                end
                S_MREQ: if (mrd_ready) state <= S_MWAIT;
                S_MWAIT: begin
                    if (mrs_valid) begin
                        if (mrs_tag != r_tag) begin
                            $fatal(1, "mttb_tiny_checker: response tag %0d, expected %0d", mrs_tag, r_tag);
                        end
                        r_entry <= mrs_data;
                        r_err <= mrs_err;
                        r_tag <= r_tag + 2'd1;
                        state <= S_DECODE;
                    end
                end
                S_DECODE: begin
                    o_xwr <= 3'b000;
                    o_allow <= 1'b0;
                    if (r_err) begin
                        o_cause <= C_BUS; state <= S_RESP;
                    end else if (!entry[0]) begin
                        o_cause <= C_INVALID; state <= S_RESP;
                    end else if (entry[63:4] != '0) begin
                        o_cause <= C_RSVD_BITS; state <= S_RESP;
                    end else if (entry[3:1] == 3'b010 || entry[3:1] == 3'b110) begin
                        o_cause <= C_RSVD_ENC; state <= S_RESP;
                    end else begin
                        o_leaf <= 1'b1;
                        o_xwr <= entry[3:1];
                        o_allow <= ((r_need & ~entry[3:1]) == 3'b000);
                        o_cause <= ((r_need & ~entry[3:1]) == 3'b000) ? C_NONE : C_PERM;
                        // evict pulse first when the victim way holds a valid entry
                        if (c_valid[lru]) begin
                            ob_valid <= 1'b1; ob_kind <= OBS_EVICT; ob_way <= lru;
                        end
                        state <= S_FILL;
                    end
                end
                S_FILL: begin
                    c_valid[lru] <= 1'b1;
                    c_sdid[lru] <= r_sdid;
                    c_mode[lru] <= r_mode;
                    c_root[lru] <= r_root;
                    c_be[lru] <= r_be;
                    c_page[lru] <= r_page;
                    c_xwr[lru] <= o_xwr;
                    ob_valid <= 1'b1; ob_kind <= OBS_FILL; ob_way <= lru;
                    lru <= ~lru;
                    state <= S_RESP;
                end
                S_RESP: if (rsp_ready) state <= S_IDLE;
                S_INV0: begin
                    if (inv_hit0) begin
                        c_valid[0] <= 1'b0; ob_valid <= 1'b1; ob_kind <= OBS_INVAL; ob_way <= 1'b0;
                    end
                    state <= S_INV1;
                end
                S_INV1: begin
                    if (inv_hit1) begin
                        c_valid[1] <= 1'b0; ob_valid <= 1'b1; ob_kind <= OBS_INVAL; ob_way <= 1'b1;
                    end
                    state <= S_IDLE;
                end
                default: state <= S_IDLE;
            endcase
        end
    end

    assign req_ready = state == S_IDLE && !rst;
    assign inv_ready = state == S_IDLE && !rst && !req_valid;
    assign sync_ack  = sync_req && state == S_IDLE && !rst;
    assign pmp_valid = state == S_PMP;
    assign pmp_addr  = r_addr;
    assign pmp_size  = 4'd8;
    assign mrd_valid = state == S_MREQ;
    assign mrd_addr  = r_addr;
    assign mrd_size  = 4'd8;
    assign mrd_tag   = r_tag;
    assign rsp_valid = state == S_RESP;
    assign rsp_id    = r_id;
    assign rsp_allow = o_allow;
    assign rsp_fault = !o_allow;
    assign rsp_cause = o_cause;
    assign rsp_xwr   = o_xwr;
    assign rsp_level = 3'd0;
    assign rsp_leaf_log2    = o_leaf ? 6'd12 : 6'd0;
    assign rsp_uniform_log2 = o_leaf ? 6'd12 : 6'd0;
    assign rsp_cacheable    = o_leaf;
    assign rsp_stale = 1'b0;
    assign obs_valid = ob_valid;
    assign obs_kind  = ob_kind;
    assign obs_array = 2'd0;
    assign obs_set   = 8'd0;
    assign obs_way   = {3'b000, ob_way};
    assign obs_walker_state = state;
endmodule
`default_nettype wire
