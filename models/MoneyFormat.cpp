#include "models/MoneyFormat.h"

#include <QFont>
#include <QLocale>

#include <cmath>

namespace ledger::models {

QString formatMillions(double amount) {
    if (!std::isfinite(amount))
        return QStringLiteral("n/a"); // never "nan" or "inf" on screen
    const QString text = QLocale(QLocale::English).toString(amount / 1e6, 'f', 1);
    return text == "-0.0" ? QStringLiteral("0.0") : text; // a rounding residue, not a negative amount
}
QString formatPercent(double fraction, int decimals) {
    if (!std::isfinite(fraction))
        return QStringLiteral("n/a");
    return QLocale(QLocale::English).toString(fraction * 100.0, 'f', decimals) + "%";
}
QString formatPerHour(double amount) {
    if (!std::isfinite(amount))
        return QStringLiteral("n/a");
    return QLocale(QLocale::English).toString(amount, 'f', 4);
}

QVariant boldFont() {
    QFont bold;
    bold.setBold(true);
    return bold;
}

QVariant moneyCell(double amount, int role, bool bold) {
    switch (role) {
    case Qt::DisplayRole:
        return formatMillions(amount);
    case Qt::UserRole:
        return amount;
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole:
        return bold ? boldFont() : QVariant();
    default:
        return {};
    }
}

} // namespace ledger::models
