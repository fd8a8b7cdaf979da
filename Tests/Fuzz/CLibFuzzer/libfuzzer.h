// libFuzzer's entry point, for a build with `-sanitize=fuzzer` (bench/fuzz/run.sh): SwiftPM names
// every executable's entry point itself, so `deputy-fuzz` keeps its own `main` and hands over to
// libFuzzer's driver instead of linking libFuzzer's `main`. Only a build with -DFUZZING calls it.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
