// mttb_vl_config.h -- force-included (g++ -include) into every translation unit of an mttkit
// co-simulation library, Verilator's runtime included, before anything else.
//
// Why: Verilator's default vl_finish/vl_stop/vl_fatal call exit()/abort(), which would take the JVM
// with them, and its default VL_PRINTF writes to the process's stdout, which would corrupt the test
// runner's stream. The VL_USER_* switches make verilated.cpp leave those functions to us
// (mttb_core.cpp), and VL_PRINTF is redirected into the calling session's log buffer.
#ifndef MTTB_VL_CONFIG_H
#define MTTB_VL_CONFIG_H
#define VL_USER_FINISH 1
#define VL_USER_STOP 1
#define VL_USER_FATAL 1
#ifdef __cplusplus
extern "C" int mttb_vl_printf(const char* format, ...) __attribute__((format(printf, 1, 2)));
#else
int mttb_vl_printf(const char* format, ...);
#endif
#define VL_PRINTF mttb_vl_printf
#endif
