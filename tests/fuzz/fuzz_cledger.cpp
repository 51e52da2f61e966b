// The .cledger loader (DESIGN.md "The document") on any bytes written to a file: mutated SQLite
// databases, truncated and foreign ones. A refused file is left byte for byte as it was and named
// in one line; a loaded one saves to a new document that loads to the same portfolio.
#include "FuzzCheck.h"
#include "data/CledgerDocument.h"
#include "data/PortfolioJson.h"

#include <QFile>

using namespace ledger;

namespace {

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile::remove(path);
    QFile f(path);
    FUZZ_CHECK(f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size(), "writing the input file");
}

QByteArray readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QString path = fuzz::scratchFile("input.cledger");
    const QByteArray bytes = fuzz::bytesOf(data, size);
    writeFile(path, bytes);
    const auto load = data::loadDocument(path, fuzz::catalog());
    if (!load.ok()) {
        const QByteArray message = load.error.toUtf8();
        FUZZ_CHECK(load.error.startsWith(path + ": "), message.constData());
        FUZZ_CHECK(!load.error.contains('\n') && !load.error.contains('\r'), message.constData());
        FUZZ_CHECK(readFile(path) == bytes, "a refused document was written to");
        return 0;
    }
    QString error;
    (void)data::listSimulationRuns(path, &error);
    const QString copy = fuzz::scratchFile("saved.cledger");
    QFile::remove(copy);
    FUZZ_CHECK(data::saveDocument(*load.portfolio, copy, &error), error.toUtf8().constData());
    const auto reload = data::loadDocument(copy, fuzz::catalog());
    FUZZ_CHECK(reload.ok(), reload.error.toUtf8().constData());
    FUZZ_CHECK(data::writePortfolioJson(*reload.portfolio) == data::writePortfolioJson(*load.portfolio),
               "a loaded document saved and loaded again differs");
    return 0;
}
