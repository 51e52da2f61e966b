#pragma once
// What the fuzz targets share: the bundled catalog (parsed once), a Qt application object for the
// SQL driver plugins, and FUZZ_CHECK, which aborts with a message when a property fails: libFuzzer
// and the replay driver both report an abort as a failing input.
#include "portfolio/SkuCatalog.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace ledger::fuzz {

const SkuCatalog& catalog();
QByteArray bytesOf(const std::uint8_t* data, std::size_t size);
// A path named `name` in the target's own temporary folder (made once, removed at exit).
QString scratchFile(const char* name);
[[noreturn]] void checkFailed(const char* condition, const char* file, int line, const char* detail);

} // namespace ledger::fuzz

#define FUZZ_CHECK(condition, detail)                                                                        \
    do {                                                                                                     \
        if (!(condition))                                                                                    \
            ::ledger::fuzz::checkFailed(#condition, __FILE__, __LINE__, detail);                             \
    } while (false)

// Every target defines this (libFuzzer's entry point); LLVMFuzzerInitialize is in FuzzCheck.cpp.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
