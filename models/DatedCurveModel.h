#pragma once
// A step curve of the document as an editable table (the editors' grids): a row per point, its date
// and its value. The curves are a contract's tranches (GPUs), the portfolio's and each item's
// utilization (a share, shown as a percentage), and the demand (GPUs). Every change goes to the
// document as one undoable command; a value that is not a date or a number, or that validation
// refuses, changes nothing and is reported by editRefused with the message a file would get
// ("contracts[0].tranches[1].gpus: -1 is below 0").
#include "models/DatedValues.h"
#include "models/PortfolioDocument.h"

#include <QAbstractTableModel>
#include <QList>

namespace ledger::models {

class DatedCurveModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { DateColumn, ValueColumn, ColumnCount };

    // path: a curve of PortfolioDocument::curve ("contracts[0].tranches", "utilization",
    // "fleets[1].utilization", "demand.curve").
    DatedCurveModel(PortfolioDocument* doc, const QString& path, QObject* parent = nullptr);

    const QString& path() const { return path_; }
    bool isShare() const; // a utilization curve: values are shares
    bool isPrice() const; // the GPU price's forward curve: prices (money)
    // What the curve is, in words, for the undo stack and a grid's title ("CoreWeave 2025 tranches").
    QString curveName() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    // A point one year after the last with the last point's value; on an empty curve, one at the
    // valuation date (a share of 1, or no GPUs).
    bool appendPoint(QString* error);
    bool removePoints(QList<int> rows, QString* error);
    // Replaces the curve with the rows of a spreadsheet's two columns (models/DatedValues.h).
    bool pasteCurve(const QString& text, QString* error);
    // Empties the curve (an item's utilization: it follows the portfolio's again).
    bool clearCurve(QString* error);

signals:
    void editRefused(const QString& message);

private:
    const std::vector<DatedValue>& points() const { return points_; }
    NumberForm form() const;
    QString valueWord() const; // "utilization", "price", "GPUs": the undo text's
    double firstPrice() const;
    QString currency() const; // the portfolio's, which a price cell may carry
    bool commit(const std::vector<DatedValue>& next, const QString& description, QString* error);
    PortfolioDocument* doc_;
    QString path_;
    // The curve as the document holds it, read once per change (a view asks data() per cell and role).
    std::vector<DatedValue> points_;
};

} // namespace ledger::models
