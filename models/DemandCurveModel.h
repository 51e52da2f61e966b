#pragma once
// The demand's step curve as an editable table (the demand editor's): a row per point, its date and
// GPUs. Every change goes to the document as one undoable command; a value that is not a date or
// a number, or that validation refuses, changes nothing and is reported by editRefused with the
// message a file would get ("demand.curve[1].gpus: -1 is below 0").
#include "models/PortfolioDocument.h"

#include <QAbstractTableModel>
#include <QList>

namespace ledger::models {

class DemandCurveModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { DateColumn, GpusColumn, ColumnCount };

    explicit DemandCurveModel(PortfolioDocument* doc, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    // A point one year after the last, asking for the last point's GPUs.
    bool appendPoint(QString* error);
    bool removePoints(QList<int> rows, QString* error);
    // Replaces the curve with the rows of a spreadsheet's two columns (models/DemandInput.h).
    bool pasteCurve(const QString& text, QString* error);

signals:
    void editRefused(const QString& message);

private:
    int points() const; // the curve's points (rowCount, without a virtual call)
    const Demand* demand() const;
    PortfolioDocument* doc_;
    int shownRows_ = 0; // rows when last reset: a change that keeps them keeps the view's selection
};

} // namespace ledger::models
