#include "FuzzCheck.h"

#include "data/SkuCatalogJson.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>

namespace ledger::fuzz {

const SkuCatalog& catalog() {
    static const SkuCatalog bundled = data::bundledSkuCatalog();
    return bundled;
}

QByteArray bytesOf(const std::uint8_t* data, std::size_t size) {
    // A deep copy: QByteArray::fromRawData would let Qt keep a pointer into libFuzzer's buffer.
    return QByteArray(reinterpret_cast<const char*>(data), qsizetype(size));
}

QString scratchFile(const char* name) {
    static const QTemporaryDir dir;
    FUZZ_CHECK(dir.isValid(), "a temporary directory for the inputs written to files");
    return dir.filePath(QString::fromUtf8(name));
}

void checkFailed(const char* condition, const char* file, int line, const char* detail) {
    std::fprintf(stderr, "%s:%d: fuzz property failed: %s\n  %s\n", file, line, condition, detail);
    std::abort();
}

} // namespace ledger::fuzz

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    // QSqlDatabase finds its SQLite driver through the application's plugin paths.
    static QCoreApplication app(*argc, *argv);
    (void)ledger::fuzz::catalog();
    return 0;
}
