#pragma once
// The tornado's low and high settings as an editable table (the Sensitivity tab's): a row per input
// the tornado moves for this portfolio (portfolio/SensitivityInputs.h; the demand's row replaces
// the utilization's when there is a demand), its Low and High setting and its defaults. A typed
// setting is read as the editor reads numbers (models/NumberInput: "0.8", "-10%", "-30%"; the
// label's own forms "x0.8", "-10 pts", "-30%/yr" too) and goes to the document as one undoable
// command named in words ("Sensitivity contract prices low 0.8 -> 0.7"); a setting that is not a
// number, or that validation refuses, changes nothing and is reported by editRefused.
#include "models/PortfolioDocument.h"
#include "portfolio/SensitivityInputs.h"

#include <QAbstractTableModel>
#include <QLocale>

#include <vector>

namespace ledger::models {

class SensitivityRangesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { InputColumn, LowColumn, HighColumn, DefaultColumn, ColumnCount };

    explicit SensitivityRangesModel(PortfolioDocument* doc, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    // Display: the input's name and its settings as the tornado labels them ("x0.8"); Edit: the
    // number of a setting as typed back (0.8, -0.1); bold where the user's setting is not the default.
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    // The input of a row, or nullptr.
    const SensitivityInputInfo* inputAt(int row) const;
    // Whether the row's input, or any input, has a setting of the user's.
    bool isCustom(int row) const;
    bool anyCustom() const;
    // Each one undoable command; nothing to reset pushes nothing.
    bool resetInput(int row, QString* error);
    bool resetAll(QString* error);
    // The locale numbers are typed and shown in (the view's).
    void setLocale(const QLocale& locale) { locale_ = locale; }

signals:
    void editRefused(const QString& message);

private:
    void refill();
    SensitivityRange rangeOf(const SensitivityInputInfo& info) const;
    PortfolioDocument* doc_;
    std::vector<const SensitivityInputInfo*> rows_;
    QLocale locale_;
};

// How a setting of this kind is typed: "0.8" or "x0.8" for a factor; "-10%", "-0.1" or "-10 pts"
// for points; "-30%", "-0.3" or "-30%/yr" for a rate per year. The value, or nullopt with *error
// saying what was wrong (without a path).
std::optional<double> readSensitivitySetting(SensitivityKind kind, const QString& text, const QLocale& locale,
                                             QString* error);

} // namespace ledger::models
