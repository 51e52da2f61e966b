#include "models/SimulationController.h"

#include <QPointer>

#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

namespace ledger::models {

SimulationController::SimulationController(PortfolioDocument* doc, QObject* parent)
    : QObject(parent)
    , doc_(doc) {
    connect(&watcher_, &QFutureWatcher<Outcome>::finished, this, &SimulationController::collect);
}

SimulationController::~SimulationController() {
    cancel();
    watcher_.waitForFinished();
}

bool SimulationController::start(const SimulationOptions& options, QString* error) {
    if (isRunning()) {
        *error = tr("A simulation is already running.");
        return false;
    }
    if (!doc_->hasPortfolio()) {
        *error = tr("There is no portfolio to simulate.");
        return false;
    }
    cancel_ = std::make_shared<std::atomic<bool>>(false);
    runningHash_ = doc_->inputsHash();
    clock_.start();
    SimulationOptions o = options;
    o.control.cancel = cancel_.get();
    // Progress arrives on worker threads; it is passed to the GUI thread as a queued call.
    QPointer<SimulationController> self(this);
    o.control.progress = [self, this](std::int64_t done, std::int64_t total) {
        QMetaObject::invokeMethod(
            this,
            [self, this, done, total] {
                if (!self)
                    return;
                const double elapsed = clock_.elapsed() / 1000.0;
                const double eta = done > 0 ? elapsed * double(total - done) / double(done) : 0.0;
                emit progress(done, total, eta);
            },
            Qt::QueuedConnection);
    };
    const Portfolio portfolio = doc_->shownPortfolio(); // the scenario shown, if one is
    const SkuCatalog catalog = doc_->catalog();
    auto cancelFlag = cancel_; // keeps the flag alive for the worker
    watcher_.setFuture(QtConcurrent::run([portfolio, catalog, o, cancelFlag]() -> Outcome {
        try {
            Outcome out{simulatePortfolio(portfolio, catalog, o), {}, {}};
            // The options on the same paths and seed: their runs after the statistics' (the bar stays
            // full meanwhile; cancel still stops them).
            if (hasContractOptions(portfolio) && !out.result->cancelled) {
                OptionValuationSettings s;
                s.simulation = o;
                s.simulation.control.progress = nullptr;
                try {
                    out.options = valueOptions(portfolio, catalog, s);
                } catch (const SimulationRequestError&) {
                    if (!cancelFlag->load())
                        throw;
                    out.result->cancelled = true;
                }
            }
            return out;
        } catch (const std::exception& e) {
            return {std::nullopt, {}, QString::fromUtf8(e.what())};
        }
    }));
    emit started();
    return true;
}

void SimulationController::cancel() {
    if (cancel_)
        cancel_->store(true);
}

void SimulationController::collect() {
    Outcome outcome = watcher_.result();
    if (!outcome.result) {
        emit failed(outcome.error);
        return;
    }
    if (outcome.result->cancelled) {
        emit cancelled();
        return;
    }
    results_[runningHash_] = std::move(*outcome.result);
    if (outcome.options.empty())
        options_.erase(runningHash_);
    else
        options_[runningHash_] = std::move(outcome.options);
    latest_ = runningHash_;
    emit finished();
}

const SimulationResult* SimulationController::currentResult() const {
    return resultFor(doc_->inputsHash());
}

const std::vector<OptionResult>* SimulationController::currentOptions() const {
    if (!currentResult())
        return nullptr;
    const auto it = options_.find(doc_->inputsHash());
    return it == options_.end() ? nullptr : &it->second;
}

const SimulationResult* SimulationController::resultFor(const QString& inputsHash) const {
    const auto it = results_.find(inputsHash);
    return it == results_.end() ? nullptr : &it->second;
}

} // namespace ledger::models
