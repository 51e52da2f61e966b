#include "models/NumberInput.h"

#include "models/FieldCatalog.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringList>

#include <cmath>

namespace ledger::models {

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("ledger::NumberInput", s);
}

bool spaceLike(QChar c) {
    return c == u' ' || c == QChar(0x00A0) || c == QChar(0x202F) || c == QChar(0x2009);
}

// A character that separates digits somewhere (a locale's decimal or group separator).
bool separatorLike(QChar c) {
    return c == u',' || c == u'.' || c == u'\'' || c == QChar(0x2019) || c == QChar(0x066B) ||
           c == QChar(0x066C) || spaceLike(c);
}

bool asciiDigit(QChar c) {
    return c >= u'0' && c <= u'9';
}

// A word after or before the digits: letters and currency signs ("bn", "USD", "$", "US$").
bool wordChar(QChar c) {
    return c.isLetter() || c.category() == QChar::Symbol_Currency;
}

QString separatorName(QChar c) {
    if (c == u',')
        return tr("comma");
    if (c == u'.')
        return tr("point");
    if (spaceLike(c))
        return tr("space");
    if (c == u'\'' || c == QChar(0x2019))
        return tr("apostrophe");
    return QString("\"%1\"").arg(c);
}

struct Separators {
    QChar decimal;
    QChar group; // null when the locale has none
    bool isGroup(QChar c) const {
        if (group.isNull())
            return false;
        return spaceLike(group) ? spaceLike(c) : c == group;
    }
};

Separators separatorsOf(const QLocale& locale) {
    const QString d = locale.decimalPoint(), g = locale.groupSeparator();
    return {d.isEmpty() ? QChar(u'.') : d.at(0), g.isEmpty() ? QChar() : g.at(0)};
}

QString grouped(const QString& integerDigits, const Separators& sep) {
    if (sep.group.isNull())
        return integerDigits;
    QString out;
    const qsizetype n = integerDigits.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0)
            out += sep.group;
        out += integerDigits.at(i);
    }
    return out;
}

// value = digits x 10^pow10, digits the shortest that give the double (no sign).
struct Decimal {
    QString digits;
    int pow10 = 0;
};

Decimal shortestDecimal(double v) {
    if (v == 0)
        return {"0", 0};
    const QString e = QString::number(std::fabs(v), 'e', QLocale::FloatingPointShortest); // "1.42e+10"
    const qsizetype at = e.indexOf(u'e');
    QString digits = e.left(at);
    digits.remove(u'.');
    const int exponent = e.mid(at + 1).toInt();
    return {digits, exponent - int(digits.size() - 1)};
}

// Fixed notation of digits x 10^pow10: its integer digits ("0" at least) and its decimals.
std::pair<QString, QString> fixedParts(const Decimal& d) {
    if (d.pow10 >= 0)
        return {d.digits + QString(d.pow10, u'0'), QString()};
    const qsizetype point = d.digits.size() + d.pow10;
    if (point > 0)
        return {d.digits.left(point), d.digits.mid(point)};
    return {"0", QString(-point, u'0') + d.digits};
}

QString joined(const std::pair<QString, QString>& parts, const Separators& sep, bool negative) {
    QString out = negative ? QString("-") : QString();
    out += grouped(parts.first, sep);
    if (!parts.second.isEmpty())
        out += sep.decimal + parts.second;
    return out;
}

// The locale's own way of writing 1234.5 (1,234.5; 1.234,5), 1500 and 1234567, for messages.
QString example(const QString& integerDigits, const QString& decimals, const Separators& sep) {
    return joined({integerDigits, decimals}, sep, false);
}

int suffixExponent(const QString& word) {
    const QString w = word.toLower();
    if (w == "k")
        return 3;
    if (w == "m")
        return 6;
    if (w == "b" || w == "bn")
        return 9;
    if (w == "t")
        return 12;
    return -1;
}

bool currencyLike(const QString& word) {
    for (QChar c : word)
        if (c.category() == QChar::Symbol_Currency)
            return true;
    return word.size() == 3; // an ISO code: three letters
}

// The signs written for a currency besides its code (a small table of the common ones).
QStringList symbolsOf(const QString& code) {
    static const QHash<QString, QStringList> symbols = {
        {"USD", {"$", "US$"}},       {"EUR", {"€"}},        {"GBP", {"£"}},
        {"JPY", {"¥", "JP¥"}},       {"CNY", {"¥", "CN¥"}}, {"CAD", {"$", "C$", "CA$"}},
        {"AUD", {"$", "A$", "AU$"}}, {"NZD", {"$", "NZ$"}}, {"SGD", {"$", "S$"}},
        {"HKD", {"$", "HK$"}},       {"INR", {"₹"}},        {"KRW", {"₩"}},
    };
    return symbols.value(code.toUpper());
}

bool isPortfolioCurrency(const QString& word, const QString& currency) {
    return word.compare(currency, Qt::CaseInsensitive) == 0 || symbolsOf(currency).contains(word);
}

bool isMinus(QChar c, const QLocale& locale) {
    return c == u'-' || c == QChar(0x2212) || QString(c) == locale.negativeSign();
}

bool isPlus(QChar c, const QLocale& locale) {
    return c == u'+' || QString(c) == locale.positiveSign();
}

} // namespace

NumberForm numberFormOf(const FieldSpec& f) {
    NumberForm form;
    form.whole = f.kind == FieldKind::Integer || f.kind == FieldKind::OptionalInteger;
    const QString unit = f.unit.trimmed();
    static const QStringList times = {"year", "√year", "month", "week", "day", "hour"};
    const bool per = unit.startsWith("per ");
    const bool rate = per && times.contains(unit.mid(4));
    const bool share = unit.contains("share");
    form.percent = !form.whole && (share || rate);
    const bool amount = unit.isEmpty() && (f.key.endsWith("_value") || f.key == "fee");
    form.money = !form.whole && ((per && !rate) || amount);
    return form;
}

NumberReading readNumber(const QString& text, const NumberForm& form, const QLocale& locale,
                         const QString& currency) {
    const QString typed = text.trimmed();
    const QString quoted = QString("\"%1\"").arg(typed);
    const auto fail = [](const QString& why) { return NumberReading{std::nullopt, why}; };
    const QString notANumber = tr("%1 is not a number").arg(quoted);
    if (typed.isEmpty())
        return fail(tr("empty: enter a number"));
    const Separators sep = separatorsOf(locale);

    QString s = typed;
    bool negative = false, signed_ = false;
    if (s.startsWith(u'(') && s.endsWith(u')')) { // (5.04): an accountant's negative
        negative = signed_ = true;
        s = s.mid(1, s.size() - 2).trimmed();
    }
    const auto takeSign = [&]() -> bool {
        if (s.isEmpty() || !(isMinus(s.at(0), locale) || isPlus(s.at(0), locale)))
            return true;
        if (signed_)
            return false; // two signs: -(5), (-5), -$-5
        negative = isMinus(s.at(0), locale);
        signed_ = true;
        s = s.mid(1).trimmed();
        return true;
    };
    const QString twoSigns = tr("%1 is not a number: it has two signs").arg(quoted);
    if (!takeSign())
        return fail(twoSigns);

    // A currency before the digits: USD 5.04, $5.04, US$5.04 (a sign may follow it: $-5.04).
    QString currencyWord;
    {
        qsizetype end = 0;
        while (end < s.size() && wordChar(s.at(end)))
            ++end;
        if (end > 0) {
            const QString word = s.left(end);
            if (!currencyLike(word))
                return fail(notANumber);
            currencyWord = word;
            s = s.mid(end).trimmed();
        }
        if (!takeSign())
            return fail(twoSigns);
    }

    bool percent = false;
    if (s.endsWith(u'%')) {
        percent = true;
        s.chop(1);
        s = s.trimmed();
    }
    // After the digits: a suffix (14.2B, 250 k), then a currency (5.04 USD, 14.2B USD).
    int suffix = 0;
    bool hasSuffix = false;
    for (int round = 0; round < 2; ++round) {
        qsizetype begin = s.size();
        while (begin > 0 && wordChar(s.at(begin - 1)))
            --begin;
        if (begin == s.size())
            break;
        const QString word = s.mid(begin);
        if (!hasSuffix && suffixExponent(word) >= 0) {
            suffix = suffixExponent(word);
            hasSuffix = true;
        } else if (!hasSuffix && round == 0 && currencyLike(word)) {
            if (!currencyWord.isEmpty())
                return fail(tr("%1 is not a number: it names a currency twice").arg(quoted));
            currencyWord = word;
        } else {
            return fail(tr("%1 is not a number: %2 is neither a suffix (K, M, B or bn, T) nor a currency")
                            .arg(quoted, word));
        }
        s = s.left(begin).trimmed();
    }
    if (percent && (hasSuffix || !currencyWord.isEmpty()))
        return fail(tr("%1 is not a number: a percent takes no suffix and no currency").arg(quoted));
    if (percent && !form.percent)
        return fail(tr("%1: a percent is for a share or a rate, and this field is neither").arg(quoted));
    if (!currencyWord.isEmpty()) {
        if (!form.money)
            return fail(
                tr("%1: a currency is for an amount of money, and this field is not one").arg(quoted));
        if (!isPortfolioCurrency(currencyWord, currency))
            return fail(
                tr("%1: %2 is not this portfolio's currency (%3)").arg(quoted, currencyWord, currency));
    }

    // The digits: an optional exponent, one decimal separator, groups of three before it.
    long long exponent = 0;
    if (const qsizetype e = s.indexOf(u'e', 0, Qt::CaseInsensitive); e >= 0) {
        const QString digits = s.mid(e + 1);
        bool ok = !digits.isEmpty();
        for (qsizetype i = 0; i < digits.size() && ok; ++i)
            ok = asciiDigit(digits.at(i)) || (i == 0 && (digits.at(i) == u'-' || digits.at(i) == u'+'));
        exponent = ok ? digits.toLongLong(&ok) : 0;
        if (!ok || std::llabs(exponent) > 100000)
            return fail(notANumber);
        s = s.left(e);
    }
    const QString layout =
        tr("%1 is not a number: in this locale a %2 groups thousands and a %3 marks decimals (%4)")
            .arg(quoted, separatorName(sep.group), separatorName(sep.decimal), example("1234", "5", sep));
    QString integerPart, decimals;
    bool seenDecimal = false;
    for (QChar c : s) {
        if (asciiDigit(c) || (!seenDecimal && sep.isGroup(c))) {
            (seenDecimal ? decimals : integerPart) += c;
        } else if (c == sep.decimal) {
            if (seenDecimal)
                return fail(tr("%1 is not a number: it has more than one decimal %2")
                                .arg(quoted, separatorName(sep.decimal)));
            seenDecimal = true;
        } else if (separatorLike(c) || sep.isGroup(c)) {
            return fail(layout); // 1.234,5 in English; 1.5 in a locale whose decimals take a comma
        } else {
            return fail(notANumber);
        }
    }
    QString integerDigits;
    QList<qsizetype> groups{0};
    for (QChar c : integerPart) {
        if (asciiDigit(c)) {
            integerDigits += c;
            ++groups.back();
        } else {
            groups.append(0);
        }
    }
    if (groups.size() > 1) {
        bool threes = groups.front() >= 1 && groups.front() <= 3;
        for (qsizetype i = 1; i < groups.size(); ++i)
            threes = threes && groups.at(i) == 3;
        if (!threes && groups.size() == 2 && !seenDecimal && groups.front() >= 1 && groups.back() >= 1)
            return fail(tr("%1 is not a number: a %2 groups thousands in this locale (%3) — use a %4 for "
                           "decimals")
                            .arg(quoted, separatorName(sep.group), example("1500", QString(), sep),
                                 separatorName(sep.decimal)));
        if (!threes)
            return fail(tr("%1 is not a number: a %2 groups thousands in threes in this locale (%3)")
                            .arg(quoted, separatorName(sep.group), example("1234567", QString(), sep)));
    }
    if (integerDigits.isEmpty() && decimals.isEmpty())
        return fail(notANumber);

    // The double nearest the decimal number typed: one conversion of digits and a power of ten.
    const long long power = exponent + suffix - (percent ? 2 : 0);
    const QString c =
        QString("%1%2.%3e%4")
            .arg(negative ? QString("-") : QString(), integerDigits.isEmpty() ? QString("0") : integerDigits,
                 decimals.isEmpty() ? QString("0") : decimals)
            .arg(power);
    bool ok = false;
    double value = QLocale::c().toDouble(c, &ok);
    if (!ok || !std::isfinite(value))
        return fail(tr("%1 is too large or too small to be a number").arg(quoted));
    if (value == 0)
        value = 0.0; // -0 is 0
    if (form.whole && value != std::trunc(value))
        return fail(tr("%1 is not a whole number").arg(quoted));
    return {value, QString()};
}

QString plainNumber(double value) {
    if (!std::isfinite(value))
        return {};
    return joined(fixedParts(shortestDecimal(value)), Separators{u'.', QChar()}, value < 0);
}

QString showNumber(double value, const NumberForm& form, const QLocale& locale) {
    if (!std::isfinite(value))
        return {};
    const Separators sep = separatorsOf(locale);
    const Decimal d = shortestDecimal(value);
    const bool negative = value < 0;
    const QString full = joined(fixedParts(d), sep, negative);
    if (!form.money || std::fabs(value) < 1e6)
        return full;
    // A money amount of a million or more: 14.2B, 250M, when no more than three decimals say it exactly.
    static const std::pair<int, const char*> suffixes[] = {{12, "T"}, {9, "B"}, {6, "M"}};
    for (const auto& [power, letter] : suffixes) {
        if (std::fabs(value) < std::pow(10.0, power))
            continue;
        const auto parts = fixedParts({d.digits, d.pow10 - power});
        if (parts.second.size() > 3)
            return full;
        const QString text = joined(parts, sep, negative) + QLatin1String(letter);
        const NumberReading back = readNumber(text, form, locale, QString());
        return back.value && *back.value == value ? text : full;
    }
    return full;
}

QString showPercent(double share, const QLocale& locale) {
    if (!std::isfinite(share))
        return {};
    // The shortest digits of the share with the point moved two places: 0.07 is "7%", never the
    // "7.000000000000001%" that share * 100 gives.
    const Decimal d = shortestDecimal(share);
    return joined(fixedParts({d.digits, d.pow10 + 2}), separatorsOf(locale), share < 0) + "%";
}

} // namespace ledger::models
