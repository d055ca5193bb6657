// Pointer-chasing walker: on start, read the word at base; while the word has bit 0 set, follow it
// (next address = word with bit 0 cleared); else the word is the result. After 4 pointers,
// stop with error. Memory port: mem_req valid/ready + address, mem_resp valid + data.
module ChainWalker_width16_maxhops4 (
  input  wire        clk,
  input  wire        rst,
  input  wire        start,
  input  wire [15:0] base,
  output reg         mem_req_valid,
  input  wire        mem_req_ready,
  output wire [15:0] mem_req_addr,
  input  wire        mem_resp_valid,
  input  wire [15:0] mem_resp_data,
  output wire        busy,
  output reg         done,
  output wire        error,
  output wire [15:0] result
);

  localparam [1:0] STATE_IDLE      = 2'd0;
  localparam [1:0] STATE_ISSUE     = 2'd1;
  localparam [1:0] STATE_WAIT_RESP = 2'd2;
  localparam [1:0] STATE_DONE      = 2'd3;

  reg  [15:0] addr;
  reg  [7:0]  hops;
  reg  [15:0] word;
  reg         failed;
  reg  [1:0]  state;

  assign mem_req_addr = addr;
  assign busy = state != STATE_IDLE;
  assign error = failed;
  assign result = word;

  always @(*) begin
    mem_req_valid = 1'b0;
    done = 1'b0;
    case (state)
      STATE_ISSUE: mem_req_valid = 1'b1;
      STATE_DONE: done = 1'b1;
      default: ;
    endcase
  end

  always @(posedge clk) begin
    if (rst) begin
      addr <= 16'd0;
      hops <= 8'd0;
      word <= 16'd0;
      failed <= 1'b0;
      state <= STATE_IDLE;
    end else begin
      case (state)
        STATE_IDLE: begin
          if (start) begin
            addr <= base;
            hops <= 8'd0;
            failed <= 1'b0;
            state <= STATE_ISSUE;
          end
        end
        STATE_ISSUE: begin
          if (mem_req_ready) begin
            state <= STATE_WAIT_RESP;
          end
        end
        STATE_WAIT_RESP: begin
          if (mem_resp_valid) begin
            word <= mem_resp_data;
            if (mem_resp_data[0] & (hops == 8'd4)) begin
              failed <= 1'b1;
              state <= STATE_DONE;
            end else if (mem_resp_data[0]) begin
              addr <= {mem_resp_data[15:1], 1'b0};
              hops <= hops + 8'd1;
              state <= STATE_ISSUE;
            end else begin
              state <= STATE_DONE;
            end
          end
        end
        STATE_DONE: state <= STATE_IDLE;
      endcase
    end
  end
endmodule
