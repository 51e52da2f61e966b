// One path syntax for an input (portfolio/InputPath.h, issue 21): RFC 6901 JSON Pointers, their ~0
// and ~1 escapes, list steps by position or by id=VALUE, the dotted form messages use, and a
// refusal in words for each malformed pointer.
#include "portfolio/InputPath.h"

#include <QTest>

using namespace ledger;

namespace {

InputPath parsed(const char* pointer) {
    auto p = parseInputPath(pointer);
    if (auto* problem = std::get_if<std::string>(&p))
        qFatal("%s: %s", pointer, problem->c_str());
    return std::get<InputPath>(p);
}

std::string problem(const char* pointer) {
    auto p = parseInputPath(pointer);
    return std::holds_alternative<std::string>(p) ? std::get<std::string>(p) : std::string("(parsed)");
}

} // namespace

class InputPathTest : public QObject {
    Q_OBJECT

private slots:
    void stepsByKeyPositionAndId() {
        const InputPath p = parsed("/contracts/id=cw-2025/price_per_gpu_hour");
        QCOMPARE(p.steps.size(), std::size_t(3));
        QCOMPARE(p.steps[0].key, std::string("contracts"));
        QVERIFY(!p.steps[0].index && !p.steps[0].id);
        QCOMPARE(*p.steps[1].id, std::string("cw-2025"));
        QVERIFY(!p.steps[1].index);
        QCOMPARE(p.steps[2].key, std::string("price_per_gpu_hour"));
        const InputPath curve = parsed("/demand/curve/2/gpus");
        QCOMPARE(*curve.steps[2].index, std::size_t(2));
        QCOMPARE(dottedInputPath(curve), std::string("demand.curve[2].gpus"));
        QCOMPARE(dottedInputPath(parsed("/market/gpu_price/volatility")),
                 std::string("market.gpu_price.volatility"));
        QCOMPARE(dottedInputPath(p), std::string("contracts[id=cw-2025].price_per_gpu_hour"));
    }

    // RFC 6901 section 4: ~1 is '/', ~0 is '~'; a leading zero makes a key, not a position.
    void escapesAndPositions() {
        const InputPath p = parsed("/a~1b/c~0d/01/0");
        QCOMPARE(p.steps[0].key, std::string("a/b"));
        QCOMPARE(p.steps[1].key, std::string("c~d"));
        QVERIFY(!p.steps[2].index);
        QCOMPARE(*p.steps[3].index, std::size_t(0));
        QCOMPARE(formatInputPath(p), std::string("/a~1b/c~0d/01/0"));
        // ~01 is "~1" unescaped: ~0 first gives "~", then "1" stays.
        QCOMPARE(parsed("/x~01").steps[0].key, std::string("x~1"));
    }

    void malformedPointersAreRefusedInWords() {
        QVERIFY(problem("").find("is empty") == 0);
        QVERIFY(problem("market/x").find("must start with /") == 0);
        QVERIFY(problem("/a//b").find("has an empty step") == 0);
        QCOMPARE(problem("/a~2"), std::string("\"~2\" is not an escape (write ~0 for ~ and ~1 for /)"));
        QCOMPARE(problem("/a~"), std::string("\"~\" is not an escape (write ~0 for ~ and ~1 for /)"));
        QCOMPARE(problem("/contracts/id="), std::string("has an empty id after id="));
    }
};

QTEST_APPLESS_MAIN(InputPathTest)
#include "tst_input_path.moc"
