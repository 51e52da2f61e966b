#pragma once
// The computeledger executable run as a user runs it (COMPUTELEDGER_BIN, set by tests/app's CMake):
// its exit code, stdout and stderr.
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace ledger::testing {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

// Fatal when the program does not finish within `timeoutMs`.
inline Run run(const QStringList& args, int timeoutMs = 120000,
               const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment()) {
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(COMPUTELEDGER_BIN), args);
    if (!p.waitForFinished(timeoutMs))
        qFatal("computeledger did not finish");
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace ledger::testing
