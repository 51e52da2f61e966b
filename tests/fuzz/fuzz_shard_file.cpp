// The shard file reader (data/ShardFile.h, docs/scale-out.md) on any bytes: cut, altered and foreign
// files. A refused file is named in one line; nothing the manifest says can make the reader allocate
// beyond what the file holds or read out of bounds; a file that passes reads into outcomes of its
// portfolio's shape.
#include "FuzzCheck.h"
#include "data/ShardFile.h"
#include "montecarlo/MonteCarloEngine.h"
#include "portfolio/Validation.h"

#include <QFile>

using namespace ledger;

namespace {

void oneLine(const QString& path, const QString& error) {
    const QByteArray message = error.toUtf8();
    FUZZ_CHECK(error.startsWith(path + ": "), message.constData());
    FUZZ_CHECK(!error.contains('\n') && !error.contains('\r'), message.constData());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QString path = fuzz::scratchFile("input.clshard");
    const QByteArray bytes = fuzz::bytesOf(data, size);
    {
        QFile::remove(path);
        QFile f(path);
        FUZZ_CHECK(f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size(), "writing the input file");
    }
    QString error;
    const auto m = data::readShardManifest(path, &error);
    if (!m) {
        oneLine(path, error);
        return 0;
    }
    // A manifest that passes describes a payload the file holds: its range fits the file's bytes.
    FUZZ_CHECK(m->range.paths() <= qint64(size), "a manifest's range larger than its file");
    const auto portfolio = data::shardPortfolio(*m, fuzz::catalog(), &error);
    if (!portfolio)
        return 0;
    const CompiledPortfolio cp(*portfolio, fuzz::catalog(), monteCarloCompilation());
    const PathInputs& in = cp.inputs();
    if (in.alternatives != m->alternatives || in.years != m->years || in.providers != m->providers)
        return 0; // the merge refuses it (its shape is not its portfolio's)
    ShardOutcomes outcomes(in, m->range, m->accounting);
    std::optional<OptionPaths> options;
    if (m->options > 0)
        options.emplace(m->options, m->range.begin, m->range.paths());
    if (!data::readShardOutcomes(path, *m, outcomes, options ? &*options : nullptr, &error))
        oneLine(path, error);
    return 0;
}
