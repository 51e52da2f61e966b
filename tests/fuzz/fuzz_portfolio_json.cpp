// The JSON portfolio reader (MODEL.md section 2) on any bytes. It refuses with one line that starts
// with the file's name, or it returns a portfolio that writes back to JSON reading to the same
// portfolio, and that evaluates to an output with no NaN or infinity in it.
#include "FuzzCheck.h"
#include "data/EvaluationJson.h"
#include "data/PortfolioJson.h"
#include "engine/DeterministicEngine.h"

#include <QJsonValue>

using namespace ledger;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto load = data::readPortfolioJson(fuzz::bytesOf(data, size), "fuzz.json", fuzz::catalog());
    if (!load.ok()) {
        const QByteArray message = load.error.toUtf8();
        FUZZ_CHECK(load.error.startsWith("fuzz.json: "), message.constData());
        FUZZ_CHECK(!load.error.contains('\n') && !load.error.contains('\r'), message.constData());
        return 0;
    }
    const QByteArray written = data::writePortfolioJson(*load.portfolio);
    const auto reread = data::readPortfolioJson(written, "rewritten.json", fuzz::catalog());
    FUZZ_CHECK(reread.ok(), reread.error.toUtf8().constData());
    FUZZ_CHECK(data::writePortfolioJson(*reread.portfolio) == written, written.constData());

    const EvaluationResult result = evaluatePortfolio(*load.portfolio, fuzz::catalog());
    const QString nonFinite = data::firstNonFinite(QJsonValue(data::evaluationToJson(result)));
    FUZZ_CHECK(nonFinite.isEmpty(), nonFinite.toUtf8().constData());
    return 0;
}
