// Round-robin arbiter over 4 requesters: each cycle with a request grants one (one-hot
// grant, binary grant_index). mask holds the requesters strictly above the last winner; the
// lowest masked request wins, else the lowest request.
module RoundRobinArbiter_ports4 (
  input  wire       clk,
  input  wire       rst,
  input  wire [3:0] request,
  output wire [3:0] grant,
  output wire [1:0] grant_index,
  output wire       grant_valid
);

  reg  [3:0] mask;
  wire [3:0] masked_request;
  wire [3:0] lowest_masked;
  wire [3:0] lowest_request;
  wire [3:0] winner;

  assign grant = winner;
  assign grant_index = {winner[2] | winner[3], winner[1] | winner[3]};
  assign grant_valid = |request;
  assign masked_request = request & mask;
  assign lowest_masked = masked_request & (~masked_request + 4'd1);
  assign lowest_request = request & (~request + 4'd1);
  assign winner = (|masked_request) ? lowest_masked : lowest_request;

  always @(posedge clk) begin
    if (rst) begin
      mask <= 4'd0;
    end else begin
      if (grant_valid) begin
        mask <= ~(winner | (winner - 4'd1));
      end
    end
  end
endmodule
