// The field tables of portfolio/ItemFields.h: every row reads and writes its own member and no
// other, defaults and bounds are the ones MODEL.md 2 gives, and validation speaks through them.
#include "TestPortfolios.h"
#include "portfolio/ContractTerms.h"
#include "portfolio/ItemFields.h"
#include "portfolio/Validation.h"

#include <QTest>

#include <cmath>
#include <set>
#include <string>

using namespace ledger;
using namespace ledger::testing;

namespace {

// A value of the field's type that no default or test portfolio holds (the n-th field gets n; a
// choice, the last of its keywords: macrs_7, finance).
FieldValue distinctValue(FieldType type, int n, const char* choices) {
    switch (type) {
    case FieldType::Text:
        return "text " + std::to_string(n);
    case FieldType::Number:
        return 1000.0 + n;
    case FieldType::Integer:
        return (long long)(n + 2);
    case FieldType::Date:
        return day(2030, 1, 1) + boost::gregorian::days(n);
    case FieldType::Choice: {
        const std::string all(choices);
        return all.substr(all.rfind(' ') + 1);
    }
    case FieldType::Tranches:
        return std::vector<Tranche>{{day(2031, 1, 1), double(n)}};
    }
    return {};
}

bool sameValue(const FieldValue& a, const FieldValue& b) {
    return a == b;
}

// Each row set to its own value reads it back, and every other row still reads what it did.
template <class Item>
void checkRowsAreIndependent(const Item& start, const std::vector<ItemField<Item>>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        Item item = start;
        const FieldValue v = distinctValue(fields[i].type, int(i), fields[i].choices);
        QVERIFY2(fields[i].access.set(item, v), fields[i].key);
        QVERIFY2(sameValue(fields[i].access.get(item), v), fields[i].key);
        for (std::size_t j = 0; j < fields.size(); ++j) {
            if (j != i)
                QVERIFY2(sameValue(fields[j].access.get(item), fields[j].access.get(start)),
                         (std::string(fields[i].key) + " changed " + fields[j].key).c_str());
        }
    }
}

template <class Item> void checkNamesAreUnique(const std::vector<ItemField<Item>>& fields) {
    std::set<std::string> keys, columns;
    for (const auto& f : fields) {
        QVERIFY2(keys.insert(f.key).second, f.key);
        QVERIFY2(columns.insert(f.column).second, f.column);
        QVERIFY2(*f.label, f.key);
        QVERIFY2(*f.tooltip, f.key);
    }
}

template <class Item>
const ItemField<Item>& field(const std::vector<ItemField<Item>>& fields, const char* key) {
    const auto* f = findField(fields, key);
    if (!f)
        qFatal("no field %s", key);
    return *f;
}

} // namespace

class TestItemFields : public QObject {
    Q_OBJECT
private slots:
    void everyRowReadsAndWritesItsOwnMember() {
        checkRowsAreIndependent(simpleContract(day(2027, 1, 1), day(2028, 12, 31), 100, 2.0),
                                contractFields());
        checkRowsAreIndependent(simpleFleet(day(2027, 1, 1), day(2030, 12, 31)), fleetFields());
        checkRowsAreIndependent(basePortfolio(day(2027, 1, 1), 0.08, 0.21), portfolioFields());
    }

    void keysAndColumnsAreUnique() {
        checkNamesAreUnique(contractFields());
        checkNamesAreUnique(fleetFields());
        checkNamesAreUnique(portfolioFields());
        // MODEL.md 2's contract and fleet fields, each once (the curve is every item's, outside).
        QCOMPARE(contractFields().size(), std::size_t(22));
        QCOMPARE(fleetFields().size(), std::size_t(33));
        QCOMPARE(std::string(field(fleetFields(), "tax_depreciation.life_years").column), "tax_life_years");
    }

    void absentValuesTakeTheDefaults() {
        Contract c = simpleContract(day(2027, 1, 1), day(2028, 12, 31), 100, 2.0);
        c.takeOrPay = 0.3;
        QVERIFY(!assignField(field(contractFields(), "take_or_pay"), c, FieldValue{}));
        QCOMPARE(c.takeOrPay, 1.0);
        c.paymentTermsDays = 45;
        QVERIFY(!assignField(field(contractFields(), "payment_terms_days"), c, FieldValue{}));
        QCOMPARE(c.paymentTermsDays, 0);
        QVERIFY(!assignField(field(contractFields(), "price_per_gpu_hour"), c, FieldValue{}));
        QVERIFY(!c.pricePerGpuHour);
        QCOMPARE(*assignField(field(contractFields(), "start"), c, FieldValue{}), std::string("missing"));

        Fleet f = simpleFleet(day(2027, 1, 1), day(2030, 12, 31));
        f.idlePowerFraction = 0.2;
        f.bookDepreciation.factor = 1.5;
        QVERIFY(!assignField(field(fleetFields(), "idle_power_fraction"), f, FieldValue{}));
        QVERIFY(!assignField(field(fleetFields(), "book_depreciation.factor"), f, FieldValue{}));
        QCOMPARE(f.idlePowerFraction, 1.0);
        QCOMPARE(f.bookDepreciation.factor, 2.0);
        QCOMPARE(*assignField(field(fleetFields(), "pue"), f, FieldValue{}), std::string("missing"));
    }

    void aChoiceOutsideItsListIsNamed() {
        Fleet f = simpleFleet(day(2027, 1, 1), day(2030, 12, 31));
        const auto& method = field(fleetFields(), "tax_depreciation.method");
        QCOMPARE(*assignField(method, f, std::string("sideways")),
                 std::string("\"sideways\" is not one of straight_line, declining_balance, "
                             "sum_of_years_digits, macrs_5, macrs_7"));
        QVERIFY(!assignField(method, f, std::string("macrs_5")));
        QVERIFY(f.taxDepreciation.method == DepreciationMethod::Macrs5);
    }

    void boundsSpeakAsValidationAlwaysDid() {
        auto bounds = [](const auto& fields, const char* key, double v) {
            const auto& f = field(fields, key);
            return boundsProblem(f.type, f.bounds, v, f.unit).value_or("within");
        };
        QCOMPARE(bounds(fleetFields(), "pue", 0.5), std::string("0.5 is below 1"));
        QCOMPARE(bounds(fleetFields(), "pue", 5.5), std::string("5.5 is above 5"));
        QCOMPARE(bounds(fleetFields(), "pue", 1.0), std::string("within"));
        QCOMPARE(bounds(contractFields(), "escalator", -1.0), std::string("-1 must be above -1"));
        QCOMPARE(bounds(fleetFields(), "book_depreciation.salvage_fraction", 1.0),
                 std::string("1 must be below 1"));
        QCOMPARE(bounds(contractFields(), "payment_terms_days", 100000),
                 std::string("100000 is outside 0..3650 days"));
        QCOMPARE(bounds(contractFields(), "payment_terms_days", 4000),
                 std::string("4000 is outside 0..3650 days"));
        QCOMPARE(bounds(fleetFields(), "book_depreciation.life_years", 0),
                 std::string("0 is outside 1..40 years"));
        QCOMPARE(bounds(contractFields(), "total_contract_value", 0.0), std::string("0 must be above 0"));
        QCOMPARE(bounds(contractFields(), "recovery_rate", std::nan("")),
                 std::string("is not a finite number"));
    }

    void validationChecksEveryRow() {
        auto p = basePortfolio(day(2027, 1, 1), 0.08, 0.21);
        p.contracts.push_back(simpleContract(day(2027, 1, 1), day(2028, 12, 31), 100, 2.0));
        p.fleets.push_back(simpleFleet(day(2027, 1, 1), day(2030, 12, 31)));
        QVERIFY(!validatePortfolio(p, testCatalog()));
        auto q = p;
        q.fleets[0].taxDepreciation.factor = 11.0;
        const auto e = validatePortfolio(q, testCatalog());
        QVERIFY(e);
        QCOMPARE(e->toString(), std::string("fleets[0].tax_depreciation.factor: 11 is above 10"));
        q = p;
        q.contracts[0].notes.assign(kMaxNotesBytes + 1, 'x');
        QCOMPARE(validatePortfolio(q, testCatalog())->path, std::string("contracts[0].notes"));
        q = p;
        q.assumptions.taxRate = 1.5;
        QCOMPARE(validatePortfolio(q, testCatalog())->toString(),
                 std::string("assumptions.tax_rate: 1.5 is above 1"));
    }

    // MODEL.md 3.2 by hand: 1 GPU for 2027 (365 days at (1+e)^0) and 2028-01-01 (at (1+e)^1, e = 50%).
    void impliedPriceDividesTheEscalatedHours() {
        Contract c = simpleContract(day(2027, 1, 1), day(2028, 1, 1), 1, 0.0);
        c.escalator = 0.5;
        QCOMPARE(escalatedCommittedHours(c), 24.0 * 365 + 24.0 * 1.5);
        c.pricePerGpuHour.reset();
        c.totalContractValue = 2.0 * 8796.0;
        QCOMPARE(impliedPricePerGpuHour(c), 2.0);
    }
};

QTEST_APPLESS_MAIN(TestItemFields)
#include "tst_item_fields.moc"
