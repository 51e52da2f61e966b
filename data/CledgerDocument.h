#pragma once
// The .cledger document: one SQLite file that never loses a saved state (DESIGN.md "The document").
// Reading refuses, without writing a byte, what is not ours, newer or damaged; an older schema is
// migrated forward in one transaction. Saving is one transaction (a crash leaves the old state or
// the new one, never a mix); a new file is built beside its destination and renamed into place.
#include "data/PortfolioJson.h"
#include "portfolio/Portfolio.h"
#include "portfolio/SkuCatalog.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <vector>

namespace ledger::data {

struct SimulationRunRecord {
    std::int64_t id = 0;
    QString created;    // UTC, ISO 8601
    QString inputsHash; // simulationInputsHash() of what was simulated
    std::uint64_t seed = 0;
    std::int64_t paths = 0;
    QString device;
    double seconds = 0.0;
    QByteArray statistics; // the "simulation" JSON object
};

// True when the file starts with SQLite's header (a .cledger or another SQLite file).
bool isSqliteFile(const QString& path);

// A load's fingerprint names the state it read (PortfolioLoad). A save given a non-empty
// *fingerprint first checks that the file still holds that state and refuses when another program
// or window has saved since (the last writer must not silently win); after a save *fingerprint is
// the state written, for the next save. Pass nullptr to save without the check.
PortfolioLoad loadDocument(const QString& path, const SkuCatalog& catalog);
bool saveDocument(const Portfolio& p, const QString& path, QString* error, QByteArray* fingerprint = nullptr);

bool appendSimulationRun(const QString& path, const SimulationRunRecord& run, QString* error);
std::vector<SimulationRunRecord> listSimulationRuns(const QString& path, QString* error);

// SHA-256 (hex) of the portfolio's canonical JSON: equal inputs, equal hash.
QString portfolioInputsHash(const Portfolio& p);
// The same of what a Monte Carlo run depends on: the portfolio without the tornado's settings, which
// only the sensitivity analysis reads, and without its scenarios (a run is of the base case, or of
// a scenario applied: data::withScenario), so editing them keeps a run current. Equal to
// portfolioInputsHash for a portfolio without them.
QString simulationInputsHash(const Portfolio& p);

// By content: a .cledger document or a JSON portfolio (a file, or a stream read once).
PortfolioLoad loadPortfolioFile(const QString& path, const SkuCatalog& catalog);
// ".cledger", or an existing document of any name (so its stored runs survive an in-place save),
// writes a document; anything else JSON (atomically, QSaveFile), within the reader's size limit.
// An existing directory, device, FIFO or a dangling link is refused, never replaced.
bool savePortfolioFile(const Portfolio& p, const QString& path, QString* error,
                       QByteArray* fingerprint = nullptr);

} // namespace ledger::data
