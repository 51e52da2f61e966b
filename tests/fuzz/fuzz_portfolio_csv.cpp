// The CSV importer (docs/file-format.md, "CSV") on any bytes, into the bundled example portfolio.
// A refused file leaves the portfolio exactly as it was and names the file in one line; an accepted
// one exports to CSV that imports again to the same CSV (nothing the importer read is lost).
#include "FuzzCheck.h"
#include "data/PortfolioCsv.h"
#include "data/PortfolioJson.h"
#include "resources/BundledResources.h"

#include <QFile>

#include <cstdlib>

using namespace ledger;

namespace {

const Portfolio& example() {
    static const Portfolio p = [] {
        auto load = data::loadPortfolioJsonFile(resources::examplePortfolioPath(), fuzz::catalog());
        FUZZ_CHECK(load.ok(), "the bundled example loads");
        FUZZ_CHECK(!load.portfolio->contracts.empty() && !load.portfolio->fleets.empty(),
                   "the example has contracts and fleets, so either kind can be taken out");
        // Named alternatives would have to list the imported items; the default set covers them.
        load.portfolio->alternatives.reset();
        return *load.portfolio;
    }();
    return p;
}

QByteArray exportKind(const Portfolio& p, data::CsvKind kind) {
    switch (kind) {
    case data::CsvKind::Contracts:
        return data::exportContractsCsv(p);
    case data::CsvKind::Fleets:
        return data::exportFleetsCsv(p);
    case data::CsvKind::Demand:
        return data::exportDemandCsv(p);
    }
    return {};
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Portfolio p = example();
    const QByteArray before = data::writePortfolioJson(p);
    QString error;
    data::CsvKind kind = data::CsvKind::Contracts;
    if (!data::importCsv(p, fuzz::bytesOf(data, size), "fuzz.csv", fuzz::catalog(), &error, &kind)) {
        const QByteArray message = error.toUtf8();
        FUZZ_CHECK(error.startsWith("fuzz.csv: "), message.constData());
        FUZZ_CHECK(!error.contains('\n') && !error.contains('\r'), message.constData());
        FUZZ_CHECK(data::writePortfolioJson(p) == before, "a refused import changed the portfolio");
        return 0;
    }
    const QByteArray exported = exportKind(p, kind);
    Portfolio again = example();
    if (kind == data::CsvKind::Contracts)
        again.contracts.clear();
    else if (kind == data::CsvKind::Fleets)
        again.fleets.clear(); // a demand file replaces the example's demand by itself
    data::CsvKind againKind = kind;
    FUZZ_CHECK(data::importCsv(again, exported, "exported.csv", fuzz::catalog(), &error, &againKind),
               error.toUtf8().constData());
    FUZZ_CHECK(againKind == kind, "the exported CSV reads as the other kind");
    FUZZ_CHECK(exportKind(again, kind) == exported, exported.constData());
    return 0;
}
