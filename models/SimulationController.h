#pragma once
// Runs the Monte Carlo engine off the GUI thread: progress with an ETA, cancel, and the last result
// kept per inputs hash, so the window can mark a result stale when the portfolio changes and show it
// again when an undo brings those inputs back.
#include "models/PortfolioDocument.h"
#include "montecarlo/MonteCarloEngine.h"
#include "montecarlo/SimulationResult.h"
#include "options/OptionValuation.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>

#include <atomic>
#include <map>
#include <memory>

namespace ledger::models {

class SimulationController : public QObject {
    Q_OBJECT
public:
    explicit SimulationController(PortfolioDocument* doc, QObject* parent = nullptr);
    ~SimulationController() override; // cancels a running simulation and waits for it

    // Starts a run of the document's current portfolio; false (and *error) when one is running.
    bool start(const SimulationOptions& options, QString* error);
    void cancel();
    bool isRunning() const { return watcher_.isRunning(); }

    // The result for the document's current inputs, or nullptr when there is none (never run, or
    // the portfolio changed since: stale).
    const SimulationResult* currentResult() const;
    // The result kept for those inputs (PortfolioDocument::inputsHash, baseInputsHash), or nullptr.
    const SimulationResult* resultFor(const QString& inputsHash) const;
    bool hasStaleResult() const { return !currentResult() && latest_.has_value(); }
    // The contract options valued on that run's paths and seed (docs/model.md 17), or nullptr when
    // there is no current run or the portfolio has no option.
    const std::vector<OptionResult>* currentOptions() const;

signals:
    void started();
    void progress(qint64 done, qint64 total, double etaSeconds);
    void finished();
    void cancelled();
    void failed(const QString& message);

private:
    struct Outcome {
        std::optional<SimulationResult> result;
        std::vector<OptionResult> options;
        QString error;
    };
    void collect();

    PortfolioDocument* doc_;
    QFutureWatcher<Outcome> watcher_;
    std::shared_ptr<std::atomic<bool>> cancel_;
    QElapsedTimer clock_;
    QString runningHash_;
    std::map<QString, SimulationResult> results_;
    std::map<QString, std::vector<OptionResult>> options_; // per inputs hash, when it has options
    std::optional<QString> latest_;
};

} // namespace ledger::models
