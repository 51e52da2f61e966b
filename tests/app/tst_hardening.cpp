// The command line against the second hardening round (issue 13): outputs that would destroy
// inputs, half-written report sets, streams and devices as inputs, devices as outputs, documents
// that change format on an in-place save, limits checked on write, leftovers of killed runs, and
// inputs the rules allow that once ended in exit 2. Each case is how the defect was found.
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "data/Leftovers.h"

#include <sys/stat.h>
#include <unistd.h>

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QStringList& args, const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment(),
        int timeoutMs = 60000) {
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(COMPUTELEDGER_BIN), args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {-2, {}, "did not finish"};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

// A shell line, for process substitution and pipes.
Run shell(const QString& script) {
    QProcess p;
    p.start("bash", {"-c", script});
    if (!p.waitForFinished(60000))
        qFatal("bash did not finish");
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QByteArray hashOf(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return "missing";
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

QString copyExample(const QTemporaryDir& dir, const QString& name) {
    const QString path = dir.filePath(name);
    QFile::copy(QStringLiteral(EXAMPLE_JSON), path);
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

bool isSqlite(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) && f.read(16) == QByteArray("SQLite format 3\0", 16);
}

// The id of a process that has exited (so no running process has it, for now).
qint64 deadPid() {
    QProcess p;
    p.start("true");
    p.waitForFinished();
    return p.processId() ? p.processId() : 999999;
}

} // namespace

class HardeningTest : public QObject {
    Q_OBJECT
private slots:
    // Defect 5: `report victim.json --pdf victim.json` exited 0 and the portfolio was a PDF.
    void aReportNeverReplacesItsInput() {
        QTemporaryDir dir;
        const QString victim = copyExample(dir, "victim.json");
        const QByteArray before = hashOf(victim);
        auto r = run({"report", victim, "--pdf", victim});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err,
                 "computeledger report: " + victim +
                     ": is an input of this command; writing it would destroy what is being read; write "
                     "elsewhere\n");
        QCOMPARE(hashOf(victim), before);
        // Through a link, and as the workbook.
        QVERIFY(QFile::link(victim, dir.filePath("link.xlsx")));
        r = run({"report", victim, "--xlsx", dir.filePath("link.xlsx")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("is the input " + victim), qPrintable(r.err));
        QCOMPARE(hashOf(victim), before);
        // A hard link is the same file too.
        QCOMPARE(::link(QFile::encodeName(victim).constData(),
                        QFile::encodeName(dir.filePath("hard.pdf")).constData()),
                 0);
        r = run({"report", victim, "--pdf", dir.filePath("hard.pdf")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(hashOf(victim), before);
        // A CSV folder holding the input.
        QDir(dir.path()).mkdir("tables");
        const QString inside = dir.filePath("tables/alternatives.csv");
        QFile::copy(victim, inside);
        r = run({"report", inside, "--csv", dir.filePath("tables")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(hashOf(inside), before);
    }

    // Defect 5: `--xlsx victim.cledger` replaced a document and its stored runs.
    void aReportNeverReplacesADocument() {
        QTemporaryDir dir;
        const QString doc = dir.filePath("victim.cledger");
        QCOMPARE(run({"convert", QStringLiteral(EXAMPLE_JSON), doc}).exitCode, 0);
        QCOMPARE(run({"evaluate", doc, "--simulate", "--paths", "100", "--save-run"}).exitCode, 0);
        const QByteArray before = hashOf(doc);
        const auto r = run({"report", doc, "--xlsx", doc});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(hashOf(doc), before);
        QVERIFY(run({"runs", doc}).out.contains("cpu"));
    }

    // Defect 5: an in-place import-csv on a document named without .cledger rewrote it as JSON and
    // dropped its runs (the writer chose by extension, the reader by content).
    void anInPlaceSaveKeepsTheDocumentFormat() {
        QTemporaryDir dir;
        const QString doc = dir.filePath("deal.db");
        QCOMPARE(run({"convert", QStringLiteral(EXAMPLE_JSON), dir.filePath("deal.cledger")}).exitCode, 0);
        QVERIFY(QFile::rename(dir.filePath("deal.cledger"), doc));
        QCOMPARE(run({"evaluate", doc, "--simulate", "--paths", "100", "--save-run"}).exitCode, 0);
        QCOMPARE(run({"export-csv", doc, dir.filePath("csv")}).exitCode, 0);
        QFile csv(dir.filePath("csv/contracts.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QByteArray rows = csv.readAll().replace("cw-2025", "cw-copy").replace("cw-2026", "cw-copy-2");
        QFile extra(dir.filePath("extra.csv"));
        QVERIFY(extra.open(QIODevice::WriteOnly));
        extra.write(rows);
        extra.close();
        const auto r = run({"import-csv", doc, dir.filePath("extra.csv"), "--out", doc});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(isSqlite(doc));
        QVERIFY2(run({"runs", doc}).out.contains("cpu"), "the stored run was dropped");
        QVERIFY(run({"evaluate", doc, "--json"}).out.contains("cw-copy-2"));
        // --out a CSV input: refused.
        const QByteArray csvBefore = hashOf(dir.filePath("extra.csv"));
        QCOMPARE(
            run({"import-csv", doc, dir.filePath("extra.csv"), "--out", dir.filePath("extra.csv")}).exitCode,
            1);
        QCOMPARE(hashOf(dir.filePath("extra.csv")), csvBefore);
        // convert to JSON over a document of another name: refused, the runs kept.
        const QString other = dir.filePath("other.db");
        QVERIFY(QFile::copy(doc, other));
        auto c = run({"convert", QStringLiteral(EXAMPLE_JSON), other});
        QCOMPARE(c.exitCode, 1);
        QCOMPARE(c.err, other +
                            ": is a .cledger document; convert writes JSON to a name without .cledger, and "
                            "would replace the document and its stored runs; choose another name\n");
        QVERIFY(isSqlite(other));
        // convert IN IN: refused, the file unchanged.
        const QByteArray docBefore = hashOf(doc);
        QCOMPARE(run({"convert", doc, doc}).exitCode, 1);
        QCOMPARE(hashOf(doc), docBefore);
    }

    // Defect 8: `report --csv D --pdf /no/such/r.pdf` exited 1 and left four CSVs.
    void aFailingReportWritesNothing() {
        QTemporaryDir dir;
        const QString csvDir = dir.filePath("csv");
        auto r = run({"report", QStringLiteral(EXAMPLE_JSON), "--csv", csvDir, "--pdf", "/no/such/r.pdf"});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err,
                 QString("computeledger report: /no/such/r.pdf: cannot be written: the folder /no/such does "
                         "not exist\n"));
        QVERIFY2(!QFileInfo::exists(csvDir), "the CSV folder was made");
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList());
        // A table that cannot be put in place (a folder where a file belongs) leaves no other table.
        QDir(dir.path()).mkpath("csv2/comparisons.csv");
        r = run({"report", QStringLiteral(EXAMPLE_JSON), "--csv", dir.filePath("csv2")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(QDir(dir.filePath("csv2")).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{"comparisons.csv"});
    }

    // Defect 8: a reused folder kept the previous run's simulation_*.csv beside another run's tables.
    void aReusedCsvFolderHoldsOneReport() {
        QTemporaryDir dir;
        const QString csvDir = dir.filePath("csv");
        QCOMPARE(
            run({"report", QStringLiteral(EXAMPLE_JSON), "--csv", csvDir, "--simulate", "--paths", "200"})
                .exitCode,
            0);
        QVERIFY(QFileInfo::exists(csvDir + "/simulation_fan.csv"));
        for (const char* name : {"my-notes.csv", "simulation_mine.csv"}) {
            QFile mine(csvDir + "/" + QString::fromLatin1(name));
            QVERIFY(mine.open(QIODevice::WriteOnly));
        }
        QCOMPARE(run({"report", QStringLiteral(EXAMPLE_JSON), "--csv", csvDir}).exitCode, 0);
        QStringList left = QDir(csvDir).entryList({"*.csv"}, QDir::Files);
        QCOMPARE(left,
                 (QStringList{"accounting.csv", "alternatives.csv", "annual_summary.csv", "comparisons.csv",
                              "cost_lines.csv", "dated_cash.csv", "lease_maturity.csv", "lease_schedules.csv",
                              "monthly_cashflows.csv", "my-notes.csv", "simulation_mine.csv"}));
    }

    // Defect 8: export-csv wrote contracts.csv and then failed on fleets.csv.
    void exportCsvWritesBothFilesOrNeither() {
        QTemporaryDir dir;
        QDir(dir.path()).mkpath("out/fleets.csv"); // a folder where fleets.csv belongs
        const auto r = run({"export-csv", QStringLiteral(EXAMPLE_JSON), dir.filePath("out")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err, dir.filePath("out/fleets.csv") +
                            ": is a directory, not a file; give the path of a file to write\n");
        QVERIFY(!QFileInfo::exists(dir.filePath("out/contracts.csv")));
    }

    // Staged outputs write through a link to the file it names, and keep a replaced file's mode,
    // as QSaveFile did before them.
    void stagedOutputsKeepLinksAndModes() {
        QTemporaryDir dir;
        QDir(dir.path()).mkpath("real");
        QDir(dir.path()).mkpath("out");
        QFile old(dir.filePath("real/contracts.csv"));
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old");
        old.close();
        QVERIFY(QFile::link(dir.filePath("real/contracts.csv"), dir.filePath("out/contracts.csv")));
        QFile fleets(dir.filePath("out/fleets.csv"));
        QVERIFY(fleets.open(QIODevice::WriteOnly));
        fleets.close();
        QVERIFY(QFile::setPermissions(dir.filePath("out/fleets.csv"), QFile::ReadOwner | QFile::WriteOwner));
        const auto r = run({"export-csv", QStringLiteral(EXAMPLE_JSON), dir.filePath("out")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(QFileInfo(dir.filePath("out/contracts.csv")).isSymLink());
        QFile written(dir.filePath("real/contracts.csv"));
        QVERIFY(written.open(QIODevice::ReadOnly));
        QVERIFY(written.readAll().startsWith("id,name,provider"));
        QCOMPARE(QFileInfo(dir.filePath("out/fleets.csv")).permissions() &
                     QFile::Permissions(0x7077), // owner, group, other
                 QFile::ReadOwner | QFile::WriteOwner);
        QCOMPARE(QDir(dir.filePath("out")).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 (QStringList{"contracts.csv", "demand.csv", "fleets.csv"}));
    }

    // Defect 9: a FIFO as input hung forever; /dev/zero grew to 2 GB; `<(cat FILE)` failed.
    void streamsAndDevicesAsInputs() {
        QTemporaryDir dir;
        const QString fifo = dir.filePath("deal.json");
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        auto r = run({"evaluate", fifo, "--json"}, QProcessEnvironment::systemEnvironment(), 20000);
        QCOMPARE(r.exitCode, 1); // at once: nobody writes it, so it reads as empty
        QCOMPARE(r.err, fifo + ": is empty (a pipe or stream that nothing was written to)\n");
        r = run({"evaluate", "/dev/zero", "--json"});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err, QString("/dev/zero: is a device, not a portfolio file\n"));
        r = run({"import-csv", QStringLiteral(EXAMPLE_JSON), "/dev/zero", "--out", dir.filePath("x.json")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err, QString("/dev/zero: is a device, not a CSV file\n"));
        // A stream is read once: the same result as the file.
        const QString example = QStringLiteral(EXAMPLE_JSON);
        const Run file = run({"evaluate", example, "--json"});
        r = shell(QString("'%1' evaluate <(cat '%2') --json").arg(COMPUTELEDGER_BIN, example));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, file.out);
        r = shell(QString("cat '%2' | '%1' evaluate /dev/stdin --json").arg(COMPUTELEDGER_BIN, example));
        QCOMPARE(r.out, file.out);
        // A document through a pipe: refused with a reason, not misread.
        const QString doc = dir.filePath("d.cledger");
        QCOMPARE(run({"convert", example, doc}).exitCode, 0);
        r = shell(QString("'%1' evaluate <(cat '%2') --json").arg(COMPUTELEDGER_BIN, doc));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.endsWith(": is a stream, not a file; a .cledger document is read from a file\n"),
                 qPrintable(r.err));
    }

    // Defect 12: as root, `convert x.json /dev/null` would have replaced the device node.
    void devicesFifosAndDanglingLinksAreNeverReplaced() {
        QTemporaryDir dir;
        auto r = run({"convert", QStringLiteral(EXAMPLE_JSON), "/dev/null"});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err, QString("/dev/null: is a device, not a file; give the path of a file to write\n"));
        QVERIFY(QFileInfo("/dev/null").isFile() == false && QFileInfo::exists("/dev/null"));
        const QString fifo = dir.filePath("out.json");
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        r = run({"convert", QStringLiteral(EXAMPLE_JSON), fifo});
        QCOMPARE(r.err, fifo + ": is a FIFO (named pipe), not a file; give the path of a file to write\n");
        QVERIFY(QFile::link(dir.filePath("nowhere/x"), dir.filePath("dangling.pdf")));
        r = run({"report", QStringLiteral(EXAMPLE_JSON), "--pdf", dir.filePath("dangling.pdf")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err, "computeledger report: " + dir.filePath("dangling.pdf") +
                            ": is a link to a missing file; give the path of a file to write\n");
        QVERIFY(QFileInfo(dir.filePath("dangling.pdf")).isSymLink());
        r = run({"report", QStringLiteral(EXAMPLE_JSON), "--xlsx", "/dev/null"});
        QCOMPARE(r.exitCode, 1);
    }

    // Defect 6: import-csv of 12,000 rows wrote a JSON that evaluate then refused.
    void limitsAreCheckedOnWrite() {
        QTemporaryDir dir;
        QByteArray csv = "id,name,provider,sku,start,end,tranches,price_per_gpu_hour\n";
        for (int i = 0; i < 10001; ++i)
            csv += QString("k%1,K %1,P,H100,2027-01-01,2027-12-31,2027-01-01:10,2\n").arg(i).toUtf8();
        QFile f(dir.filePath("many.csv"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(csv);
        f.close();
        const auto r = run({"import-csv", QStringLiteral(EXAMPLE_JSON), dir.filePath("many.csv"), "--out",
                            dir.filePath("all.json")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("contracts: 10002 entries; at most 10000") ||
                     r.err.contains("contracts: 10003 entries; at most 10000"),
                 qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(dir.filePath("all.json")));
        // A note too long for the reader's limit (a 400 MB note once made an unreadable JSON).
        QFile note(dir.filePath("note.csv"));
        QVERIFY(note.open(QIODevice::WriteOnly));
        note.write("id,name,provider,sku,start,end,tranches,price_per_gpu_hour,notes\nk1,K,P,H100,2027-01-01,"
                   "2027-12-31,2027-01-01:10,2," +
                   QByteArray(100001, 'n') + "\n");
        note.close();
        const auto n = run({"import-csv", QStringLiteral(EXAMPLE_JSON), dir.filePath("note.csv"), "--out",
                            dir.filePath("note.json")});
        QCOMPARE(n.exitCode, 1);
        QCOMPARE(n.err,
                 dir.filePath("note.csv") + ": row 2, column notes: 100001 bytes long; at most 100000\n");
        QVERIFY(!QFileInfo::exists(dir.filePath("note.json")));
    }

    // Defect 2: inputs the rules allowed ended in exit 2.
    void acceptedInputsEvaluate() {
        QTemporaryDir dir;
        // More memory than the machine has: a one-line refusal, not std::bad_alloc.
        auto r = run({"evaluate", QStringLiteral(EXAMPLE_JSON), "--simulate", "--memory-budget", "1073741824",
                      "--paths", "1000000000"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith("computeledger evaluate: paths: 1000000000 paths need ") &&
                     r.err.contains(" MB of memory this machine has; run fewer paths\n"),
                 qPrintable(r.err));
        // The largest discount rate below zero still allowed, over 40 years.
        QFile in(QStringLiteral(EXAMPLE_JSON));
        QVERIFY(in.open(QIODevice::ReadOnly));
        QJsonObject o = QJsonDocument::fromJson(in.readAll()).object();
        QJsonObject a = o["assumptions"].toObject();
        a["discount_rate"] = -0.5;
        a["horizon_end"] = "2066-12-31";
        o["assumptions"] = a;
        QFile out(dir.filePath("low-rate.json"));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(o).toJson());
        out.close();
        r = run({"evaluate", dir.filePath("low-rate.json"), "--json", "--simulate", "--paths", "64"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    // Defect 10: a killed save left NAME.saving-<id> and its journal; killed reports left
    // computeledger-* in $TMPDIR. The next open or run removes them, and says so; never a running
    // process's, another machine's, another file's (a name is text, not a pattern) or a link's.
    void leftoversOfKilledRunsAreRemoved() {
        QTemporaryDir dir;
        const QString doc = dir.filePath("deal[1].cledger");
        QCOMPARE(run({"convert", QStringLiteral(EXAMPLE_JSON), doc}).exitCode, 0);
        const QString host = ledger::data::leftoverTag().section('-', 1, 1); // this machine
        const qint64 dead = deadPid();
        const QString stale = QString("deal[1].cledger.saving-%1-%2-0b8f7c1e-aaaa").arg(dead).arg(host);
        auto touch = [&](const QString& name) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("numbers");
        };
        for (const QString& name : {stale, stale + "-journal"})
            touch(name);
        // These stay: a running process's (this test's), another machine's, another document's
        // whose name a wildcard "deal[1]" would match, and a link to a file elsewhere.
        const QStringList kept{QString("deal[1].cledger.saving-%1-%2-live").arg(::getpid()).arg(host),
                               QString("deal[1].cledger.saving-%1-0000beef-other-host").arg(dead),
                               QString("deal1.cledger.saving-%1-%2-not-this-one").arg(dead).arg(host)};
        for (const QString& name : kept)
            touch(name);
        QTemporaryDir elsewhere;
        const QString precious = elsewhere.filePath("precious.txt");
        QFile p(precious);
        QVERIFY(p.open(QIODevice::WriteOnly));
        p.close();
        const QString link = QString("deal[1].cledger.saving-%1-%2-link").arg(dead).arg(host);
        QVERIFY(QFile::link(precious, dir.filePath(link)));
        QTemporaryDir tmp;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert("TMPDIR", tmp.path());
        QDir(tmp.path()).mkpath(QString("computeledger-%1-%2-AbC123/sub").arg(dead).arg(host));
        const auto r = run({"evaluate", doc}, env);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.err,
                 QString("computeledger: removed 1 scratch folder that interrupted runs left in %1\n"
                         "computeledger: removed 2 files an interrupted save left beside deal[1].cledger "
                         "(%2, %3)\n")
                     .arg(tmp.path(), stale, stale + "-journal"));
        QStringList expected = kept + QStringList{"deal[1].cledger", link};
        expected.sort();
        QStringList left = QDir(dir.path()).entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot);
        left.sort();
        QCOMPARE(left, expected);
        QVERIFY(QFileInfo::exists(precious));
        QCOMPARE(QDir(tmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());
        // A missing document: its leftovers go too, and the message says the file is missing.
        QVERIFY(QFile::remove(doc));
        touch(stale);
        const auto missing = run({"evaluate", doc}, env);
        QCOMPARE(missing.exitCode, 1);
        QCOMPARE(missing.err,
                 QString("computeledger: removed 1 file an interrupted save left beside deal[1].cledger "
                         "(%1)\n%2: no such file\n")
                     .arg(stale, doc));
    }

    // Defect 12: names with escape sequences reached the terminal raw (the Monte Carlo table).
    void escapesInNamesNeverReachTheTerminal() {
        QTemporaryDir dir;
        QFile in(QStringLiteral(EXAMPLE_JSON));
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray text = in.readAll();
        text.replace("\"id\": \"rent\"", "\"id\": \"r\\u001b[31ment\"")
            .replace("\"spot_covers\": \"rent\"", "\"spot_covers\": \"r\\u001b[31ment\"");
        QFile out(dir.filePath("escape.json"));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(text);
        out.close();
        const auto r = run({"evaluate", dir.filePath("escape.json"), "--simulate", "--paths", "64"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(!r.out.contains(QChar(0x1b)), "an escape character reached the terminal");
        QVERIFY(r.out.contains("r\\u001b[31ment"));
    }
};

QTEST_MAIN(HardeningTest)
#include "tst_hardening.moc"
