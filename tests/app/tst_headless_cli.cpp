// The headless command-line library (ledger_cli) on its own: linked without the report layer, it
// evaluates a portfolio, refuses the report it does not hold with one line, and its process maps
// no Qt Widgets or Charts library (issue 15: a headless evaluate pulls neither).
#include "app/CommandLine.h"

#include <QFile>
#include <QTest>

using namespace ledger::app;

class HeadlessCliTest : public QObject {
    Q_OBJECT
private slots:
    void evaluatesWithoutWidgets() {
        QCOMPARE(runCommandLine({"computeledger", "evaluate", "--example"}), int(kSuccess));
        QCOMPARE(runCommandLine({"computeledger", "evaluate", "no-such-file.json"}), int(kUserError));
        QCOMPARE(runCommandLine({"computeledger", "report", "x.json", "--pdf", "x.pdf"}), int(kUserError));
        QFile maps("/proc/self/maps");
        QVERIFY(maps.open(QIODevice::ReadOnly));
        const QByteArray mapped = maps.readAll();
        QVERIFY(mapped.contains("libQt6Core"));
        QVERIFY2(!mapped.contains("libQt6Widgets"), "the headless library maps Qt Widgets");
        QVERIFY2(!mapped.contains("libQt6Charts"), "the headless library maps Qt Charts");
    }

    // A subcommand the executable adds runs through the same dispatcher.
    void theExecutableAddsCommands() {
        static int calls = 0;
        const Command extra{"report", [](const QStringList& args) {
                                ++calls;
                                return args.size() == 3 ? int(kSuccess) : int(kUserError);
                            }};
        QCOMPARE(runCommandLine({"computeledger", "report", "x.json"}, {&extra, 1}), int(kSuccess));
        QCOMPARE(calls, 1);
    }
};

QTEST_GUILESS_MAIN(HeadlessCliTest)
#include "tst_headless_cli.moc"
