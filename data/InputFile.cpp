#include "data/InputFile.h"

#include "data/MessageText.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ledger::data {

namespace {

QString problemOf(const struct stat& st, const QString& what) {
    if (S_ISDIR(st.st_mode))
        return "is a directory, not a " + what;
    if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
        return "is a device, not a " + what;
    if (S_ISSOCK(st.st_mode))
        return "is a socket, not a " + what;
    return {};
}

QString systemError() {
    return QString::fromLocal8Bit(std::strerror(errno));
}

// The bundled files (":/examples/...") live in the executable, where the system calls cannot look.
bool isResource(const QString& path) {
    return path.startsWith(QLatin1String(":/"));
}

} // namespace

bool isRegularFile(const QString& path) {
    if (isResource(path))
        return QFileInfo(path).isFile();
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 && S_ISREG(st.st_mode);
}

QString inputFileProblem(const QString& path, const QString& what) {
    if (isResource(path))
        return QFileInfo(path).isFile() ? QString() : oneLine(path + ": no such file");
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return oneLine(path +
                       (errno == ENOENT ? QString(": no such file") : ": cannot be read: " + systemError()));
    const QString problem = problemOf(st, what);
    return problem.isEmpty() ? QString() : oneLine(path + ": " + problem);
}

InputFile readInputFile(const QString& path, const QString& what, qint64 maxBytes) {
    InputFile in;
    if (in.error = inputFileProblem(path, what); !in.error.isEmpty())
        return in;
    if (isResource(path)) {
        QFile f(path);
        in.regular = true;
        if (!f.open(QIODevice::ReadOnly))
            in.error = oneLine(path + ": cannot be read: " + f.errorString());
        else
            in.bytes = f.readAll();
        return in;
    }
    // Non-blocking, so that opening a named pipe nobody writes returns at once; reads then block as
    // usual, and such a pipe reads as empty (no writer: end of file).
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        in.error = oneLine(path + ": cannot be read: " + systemError());
        return in;
    }
    struct stat st {};
    const QString replaced = ::fstat(fd, &st) != 0 ? "cannot be read: " + systemError() : problemOf(st, what);
    if (!replaced.isEmpty()) { // replaced since the check
        in.error = oneLine(path + ": " + replaced);
        ::close(fd);
        return in;
    }
    in.regular = S_ISREG(st.st_mode);
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    const QString tooLarge =
        oneLine(path + QString(": is larger than %1 MB; not a %2").arg(maxBytes >> 20).arg(what));
    if (in.regular && st.st_size > maxBytes) {
        in.error = tooLarge;
        ::close(fd);
        return in;
    }
    // The cap bounds what a stream or a growing file can make us hold, whatever size() says.
    QByteArray bytes;
    char buffer[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            in.error = oneLine(path + ": cannot be read: " + systemError());
            break;
        }
        if (n == 0)
            break;
        if (bytes.size() + n > maxBytes) {
            in.error = tooLarge;
            break;
        }
        bytes.append(buffer, qsizetype(n));
    }
    ::close(fd);
    if (in.ok() && !in.regular && bytes.isEmpty())
        in.error = oneLine(path + ": is empty (a pipe or stream that nothing was written to)");
    if (in.ok())
        in.bytes = std::move(bytes);
    return in;
}

} // namespace ledger::data
