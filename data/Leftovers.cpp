#include "Leftovers.h"

#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <csignal>
#include <sys/types.h>
#include <unistd.h>

namespace ledger::data {

namespace {

// kill(pid, 0) asks without sending: a process that exists, even one of another user, is running.
bool running(qint64 pid) {
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

} // namespace

QString leftoverTag() {
    return QString::number(::getpid()) + "-";
}

QStringList removeLeftovers(const QString& dir, const QString& prefix) {
    QStringList removed;
    const QDir folder(dir);
    const auto entries = folder.entryInfoList({prefix + "*"}, QDir::Files | QDir::Dirs | QDir::Hidden |
                                                                  QDir::System | QDir::NoDotAndDotDot);
    for (const QFileInfo& entry : entries) {
        const QString rest = entry.fileName().mid(prefix.size());
        const qsizetype dash = rest.indexOf('-');
        bool number = false;
        const qint64 pid = rest.left(dash).toLongLong(&number);
        if (dash <= 0 || !number || running(pid) || entry.isSymLink())
            continue;
        const bool gone =
            entry.isDir() ? QDir(entry.filePath()).removeRecursively() : QFile::remove(entry.filePath());
        if (gone)
            removed << entry.fileName();
    }
    return removed;
}

QString temporaryFolderTemplate() {
    return QDir::temp().filePath("computeledger-" + leftoverTag() + "XXXXXX");
}

QStringList removeTemporaryLeftovers() {
    const QStringList removed = removeLeftovers(QDir::tempPath(), "computeledger-");
    if (removed.isEmpty())
        return {};
    return {QString("removed %1 scratch %2 that interrupted runs left in %3")
                .arg(removed.size())
                .arg(removed.size() == 1 ? "folder" : "folders", QDir::tempPath())};
}

} // namespace ledger::data
