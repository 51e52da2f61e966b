#include "data/Leftovers.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>

#include <cerrno>
#include <csignal>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

namespace ledger::data {

namespace {

// kill(pid, 0) asks without sending: a process that exists, even one of another user, is running.
bool running(qint64 pid) {
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

// This machine, in eight hex digits: a document on a shared drive may be saved from another
// machine right now, whose process ids mean nothing here.
QString hostTag() {
    static const QString tag = QString::fromLatin1(
        QCryptographicHash::hash(QSysInfo::machineHostName().toUtf8() + QSysInfo::bootUniqueId(),
                                 QCryptographicHash::Sha256)
            .toHex()
            .left(8));
    return tag;
}

} // namespace

QString leftoverTag() {
    return QString::number(::getpid()) + "-" + hostTag() + "-";
}

QStringList removeLeftovers(const QString& dir, const QString& prefix) {
    QStringList removed;
    // Every entry, compared by text: a name may hold characters a wildcard would take as a pattern.
    const QStringList names =
        QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    for (const QString& name : names) {
        if (!name.startsWith(prefix))
            continue;
        // prefix, then "<pid>-<host>-", then anything.
        const QStringList parts = name.mid(prefix.size()).split('-');
        bool number = false;
        const qint64 pid = parts.value(0).toLongLong(&number);
        if (parts.size() < 3 || !number || pid <= 0 || parts[1] != hostTag() || running(pid))
            continue;
        // Only what this user made, looked at without following a link (never a link's target).
        const QString path = QDir(dir).filePath(name);
        struct stat st {};
        if (::lstat(QFile::encodeName(path).constData(), &st) != 0 || st.st_uid != ::getuid())
            continue;
        bool gone = false;
        if (S_ISREG(st.st_mode))
            gone = QFile::remove(path);
        else if (S_ISDIR(st.st_mode))
            gone = QDir(path).removeRecursively();
        if (gone)
            removed << name;
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
