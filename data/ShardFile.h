#pragma once
// The shard file (docs/scale-out.md): what one task of a sharded run writes and the merge reads. A
// manifest (JSON: the inputs, their hash, seed, paths, range, version, device) then every path's
// outcomes as raw little-endian numbers, then a BLAKE2b-256 of all of it, so a damaged or cut file is
// refused, never merged.
#include "montecarlo/Shards.h"
#include "options/OptionValuation.h"
#include "portfolio/Portfolio.h"
#include "portfolio/SkuCatalog.h"

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <optional>

namespace ledger::data {

// The format's version: a merge refuses another.
constexpr int kShardFormat = 3;

struct ShardManifest {
    int format = kShardFormat;
    QString version;    // the app's that ran it
    QString baseHash;   // portfolioInputsHash() of the portfolio file (every scenario's shards share it)
    QString inputsHash; // simulationInputsHash() of what was simulated (the scenario applied)
    QString scenario;   // the scenario applied ("" for the base case)
    std::uint64_t seed = 0;
    std::int64_t paths = 0; // the whole run's
    ShardRange range;
    int index = 0, count = 1; // shard `index` of `count`
    std::int64_t unit = 0;    // shardUnitPaths() of the inputs
    QString device;           // "cpu (avx512 x4)": the lanes the paths ran on
    int threads = 0;
    bool accounting = false; // the accounting view's year rows are kept
    double seconds = 0.0, pathSeconds = 0.0;
    QString created;       // UTC, ISO 8601
    QJsonObject portfolio; // the portfolio file's (its scenarios included), as its JSON file
    int alternatives = 0, years = 0, providers = 0; // the outcomes' shape
    // With contract options (docs/model.md 17): the rules every shard applied (fittedOptionsToJson,
    // fitted once before the run) and per option and path its four values (OptionPaths).
    int options = 0;
    QJsonObject exerciseRules;
    // Read, not written: the manifest's bytes' BLAKE2b-256, which the outcomes' read checks again (the
    // file must be the one whose manifest was checked).
    QByteArray manifestDigest;
};

// Writes the manifest and the shard's outcomes (atomically: QSaveFile). False with a message.
// With m.options > 0, `options` holds the shard's option paths.
bool writeShardFile(const QString& path, const ShardManifest& m, const ShardOutcomes& shard,
                    const OptionPaths* options, QString* error);

// The manifest alone (the merge checks every shard's before it reads any outcomes). Refuses a file
// that is not a shard, of another format, or whose manifest is damaged, naming the file.
std::optional<ShardManifest> readShardManifest(const QString& path, QString* error);

// The manifest's portfolio, read and validated as a portfolio file is (the base case: apply the
// manifest's scenario to it).
std::optional<Portfolio> shardPortfolio(const ShardManifest& m, const SkuCatalog& catalog, QString* error);

// The outcomes of the shard at `path` (whose manifest, read by readShardManifest, is m) into its
// place in `into` (whose range holds m.range, its outcomes' shape m's), its cost lines' sums added to
// into's: the merge reads every shard straight into the whole run. With m.options > 0 the option
// paths go into their place in `options`. Checks that the manifest is the one read and the file's
// BLAKE2b-256: a cut, altered or replaced file is refused (into is then not usable).
bool readShardOutcomes(const QString& path, const ShardManifest& m, ShardOutcomes& into, OptionPaths* options,
                       QString* error);

} // namespace ledger::data
