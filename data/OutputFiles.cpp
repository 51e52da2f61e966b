#include "data/OutputFiles.h"

#include "data/Leftovers.h"
#include "data/MessageText.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

namespace ledger::data {

namespace {

QString stagePrefix(const QString& target) {
    return "." + QFileInfo(target).fileName() + ".computeledger-";
}

// Where the bytes go: through a link to an existing file, to that file (as QSaveFile does), so the
// link stays a link.
QString destinationOf(const QString& target) {
    const QFileInfo info(target);
    return info.isSymLink() && info.exists() ? info.canonicalFilePath() : info.absoluteFilePath();
}

// The mode the finished file gets: the file's own when it replaces one, else what a new file gets
// under this process's umask (read from /proc, since umask() can only be read by changing it).
mode_t finalMode(const QString& destination) {
    struct stat st {};
    if (::stat(QFile::encodeName(destination).constData(), &st) == 0)
        return st.st_mode & 07777;
    mode_t mask = 022;
    QFile status("/proc/self/status");
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : status.readAll().split('\n')) {
            if (line.startsWith("Umask:")) {
                bool ok = false;
                const uint m = line.mid(6).trimmed().toUInt(&ok, 8);
                if (ok)
                    mask = mode_t(m);
            }
        }
    }
    return 0666 & ~mask;
}

} // namespace

QString outputFileProblem(const QString& path) {
    const QByteArray name = QFile::encodeName(path);
    struct stat link {};
    if (::lstat(name.constData(), &link) != 0)
        return {}; // nothing there yet: a new file
    struct stat st {};
    if (::stat(name.constData(), &st) != 0)
        return oneLine(path + ": is a link to a missing file; give the path of a file to write");
    if (S_ISREG(st.st_mode))
        return {};
    const char* what = S_ISDIR(st.st_mode)                          ? "a directory"
                       : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "a device"
                       : S_ISFIFO(st.st_mode)                       ? "a FIFO (named pipe)"
                       : S_ISSOCK(st.st_mode)                       ? "a socket"
                                                                    : "not a regular file";
    return oneLine(path + ": is " + what + ", not a file; give the path of a file to write");
}

bool sameFile(const QString& a, const QString& b) {
    struct stat x {
    }, y{};
    return ::stat(QFile::encodeName(a).constData(), &x) == 0 &&
           ::stat(QFile::encodeName(b).constData(), &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino;
}

QString outputOverwritesInput(const QStringList& outputs, const QStringList& inputs) {
    for (const QString& out : outputs) {
        for (const QString& in : inputs) {
            if (sameFile(out, in))
                return oneLine(out + ": is " + (out == in ? QString("an input") : "the input " + in) +
                               " of this command; writing it would destroy what is being read; write "
                               "elsewhere");
        }
    }
    return {};
}

OutputSet::~OutputSet() {
    if (committed_)
        return;
    for (const Staged& s : staged_)
        QFile::remove(s.part);
    for (auto it = createdFolders_.rbegin(); it != createdFolders_.rend(); ++it)
        QDir().rmdir(*it); // only when empty: never what someone else put there meanwhile
}

bool OutputSet::makeFolder(const QString& dir, QString* error) {
    QStringList missing;
    for (QFileInfo at(QDir::cleanPath(QDir(dir).absolutePath())); !at.exists() && !at.isRoot();
         at = QFileInfo(at.absolutePath()))
        missing.prepend(at.absoluteFilePath());
    for (const QString& m : missing) {
        if (!QDir().mkdir(m)) {
            *error = oneLine(dir + ": cannot create the folder");
            return false;
        }
        createdFolders_ << m;
    }
    if (!QFileInfo(dir).isDir()) {
        *error = oneLine(dir + ": is not a folder");
        return false;
    }
    return true;
}

bool OutputSet::add(const QString& target, const QByteArray& bytes, QString* error) {
    if (*error = outputFileProblem(target); !error->isEmpty())
        return false;
    for (const Staged& s : staged_) {
        if (QFileInfo(s.target).absoluteFilePath() == QFileInfo(target).absoluteFilePath() ||
            sameFile(s.target, target)) {
            *error = oneLine(target + ": is asked for twice in one command");
            return false;
        }
    }
    const QString destination = destinationOf(target);
    const QString dir = QFileInfo(destination).absolutePath();
    if (!QFileInfo(dir).isDir()) {
        *error = oneLine(target + ": cannot be written: the folder " + dir + " does not exist");
        return false;
    }
    removeLeftovers(dir, stagePrefix(destination)); // a killed run's staged copy of the same file
    const QString part = QDir(dir).filePath(stagePrefix(destination) + leftoverTag() +
                                            QString::number(staged_.size()) + ".part");
    QFile f(part);
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        *error = oneLine(target + ": cannot be written: " + f.errorString());
        return false;
    }
    staged_.push_back({destination, part});
    // Private while it is written; the final mode once it is whole.
    const bool ok = ::fchmod(f.handle(), 0600) == 0 && f.write(bytes) == bytes.size() && f.flush() &&
                    ::fchmod(f.handle(), finalMode(destination)) == 0 && ::fsync(f.handle()) == 0;
    if (!ok) {
        *error = oneLine(target + ": cannot be written: " + f.errorString());
        return false;
    }
    f.close();
    return true;
}

void OutputSet::removeOnCommit(const QString& path) {
    obsolete_ << path;
}

bool OutputSet::commit(QString* error) {
    // Checked again at the last moment: a target may have become a link or a device since add().
    for (const Staged& s : staged_) {
        if (*error = outputFileProblem(s.target); !error->isEmpty())
            return false;
    }
    for (const Staged& s : staged_) {
        if (std::rename(QFile::encodeName(s.part).constData(), QFile::encodeName(s.target).constData()) !=
            0) {
            *error = oneLine(s.target +
                             ": cannot be put in place: " + QString::fromLocal8Bit(std::strerror(errno)));
            return false;
        }
    }
    for (const QString& path : obsolete_)
        QFile::remove(path);
    committed_ = true;
    return true;
}

} // namespace ledger::data
