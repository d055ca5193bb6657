// 16-entry FIFO of 8-bit words with valid/ready on both sides; storage is read
// asynchronously at head, written at tail; count is the number of entries (level).
module Fifo_width8_depth16 (
  input  wire       clk,
  input  wire       rst,
  input  wire       enq_valid,
  input  wire [7:0] enq_bits,
  output wire       enq_ready,
  output wire       deq_valid,
  output wire [7:0] deq_bits,
  input  wire       deq_ready,
  output wire [4:0] level
);

  reg  [3:0] head;
  reg  [3:0] tail;
  reg  [4:0] count;
  wire       push;
  wire       pop;
  reg  [7:0] storage [0:15];

  assign enq_ready = count != 5'd16;
  assign deq_valid = count != 5'd0;
  assign deq_bits = storage[head];
  assign level = count;
  assign push = enq_valid & enq_ready;
  assign pop = deq_valid & deq_ready;

  always @(posedge clk) begin
    if (rst) begin
      head <= 4'd0;
      tail <= 4'd0;
      count <= 5'd0;
    end else begin
      if (push) begin
        tail <= tail + 4'd1;
      end
      if (pop) begin
        head <= head + 4'd1;
      end
      if (push & ~pop) begin
        count <= count + 5'd1;
      end else if (pop & ~push) begin
        count <= count - 5'd1;
      end
    end
    if (push) begin
      storage[tail] <= enq_bits;
    end
  end
endmodule
