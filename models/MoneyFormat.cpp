#include "MoneyFormat.h"

#include <QLocale>

namespace ledger::models {

QString formatMillions(double amount) {
    return QLocale(QLocale::English).toString(amount / 1e6, 'f', 1);
}
QString formatPerHour(double amount) {
    return QLocale(QLocale::English).toString(amount, 'f', 4);
}

} // namespace ledger::models
