package io.mttkit.gen.contract;

/**
 * The widths of the port contract's fields for one configuration.
 *
 * @param id     {@code req_id}/{@code rsp_id}
 * @param reqPa  {@code req_pa}: XLEN on RV64, 34 on RV32
 * @param paw    the platform PA width: {@code mrd_addr}, {@code pmp_addr}, {@code inv_pa}
 * @param sdid   {@code req_sdid}/{@code inv_sdid}: the implemented SDID bits, at least 1
 * @param ppn    {@code req_root_ppn}: 44 (RV64) or 22 (RV32)
 */
public record ContractWidths(int id, int reqPa, int paw, int sdid, int ppn) {
}
