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
  wire [3:0] winner;

  assign grant = winner;
  assign grant_index = {winner[2] | winner[3], winner[1] | winner[3]};
  assign grant_valid = |request;
  assign masked_request = request & mask;
  assign winner = (|masked_request) ? (masked_request & (~masked_request + 4'd1)) : (request & (~request + 4'd1));

  always @(posedge clk) begin
    if (rst) begin
      mask <= 4'd0;
    end else begin
      if (|request) begin
        mask <= ~(winner | (winner - 4'd1));
      end
    end
  end
endmodule
