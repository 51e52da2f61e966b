// The bad-input corpus (tests/data/bad/): every file is refused with exit code 1, one line on stderr
// naming the file, the place and the problem, nothing on stdout and no output written.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Case {
    QString file;
    QString message; // what follows "<file>: "
};

std::vector<Case> corpus() {
    QFile f(QStringLiteral(BAD_DIR "/expected.tsv"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read expected.tsv");
    std::vector<Case> cases;
    for (const QString& line : QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts)) {
        if (line.startsWith('#'))
            continue;
        cases.push_back({line.section('\t', 0, 0), line.section('\t', 1)});
    }
    return cases;
}

} // namespace

class BadInputsTest : public QObject {
    Q_OBJECT
private slots:
    void theCorpusIsComplete() {
        const auto cases = corpus();
        QVERIFY2(cases.size() >= 50, qPrintable(QString::number(cases.size())));
        // Every file in the folder has an expectation (and only missing.json is absent on purpose).
        const QStringList files =
            QDir(QStringLiteral(BAD_DIR)).entryList({"*.json", "*.cledger"}, QDir::Files | QDir::Dirs);
        for (const QString& f : files)
            QVERIFY2(std::any_of(cases.begin(), cases.end(), [&](const Case& c) { return c.file == f; }),
                     qPrintable(f + " has no line in expected.tsv"));
        for (const auto& c : cases)
            QVERIFY2(QFileInfo::exists(QStringLiteral(BAD_DIR) + "/" + c.file) == (c.file != "missing.json"),
                     qPrintable(c.file));
    }

    void everyFileIsRefusedWithOneLine_data() {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        for (const auto& c : corpus()) {
            QTest::addRow("evaluate %s", qPrintable(c.file)) << "evaluate" << c.file << c.message;
            QTest::addRow("report %s", qPrintable(c.file)) << "report" << c.file << c.message;
        }
    }

    void everyFileIsRefusedWithOneLine() {
        QFETCH(QString, command);
        QFETCH(QString, file);
        QFETCH(QString, message);
        QTemporaryDir out;
        QProcess p;
        p.setWorkingDirectory(QStringLiteral(BAD_DIR));
        QStringList args{command, file};
        if (command == "evaluate")
            args << "--json";
        else
            args << "--pdf" << out.filePath("r.pdf") << "--csv" << out.filePath("csv");
        p.start(QStringLiteral(COMPUTELEDGER_BIN), args);
        QVERIFY(p.waitForFinished(60000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(p.readAllStandardOutput().isEmpty(), "a result was printed");
        QVERIFY2(err.endsWith('\n') && err.count('\n') == 1, qPrintable(err));
        QCOMPARE(err, file + ": " + message + "\n");
        QVERIFY2(QDir(out.path()).isEmpty(), "an output was written");
    }
};

QTEST_MAIN(BadInputsTest)
#include "tst_bad_inputs.moc"
