#pragma once
// Reading what a user names as an input (a portfolio, a CSV file) once and boundedly: a regular file
// or a stream (a pipe, `<(cat deal.json)`, /dev/stdin) is read at most up to its cap; a directory,
// a device (/dev/zero, a terminal) or a socket is refused before a byte is read, and a named pipe
// that no program writes is read as empty, never waited on.
#include <QByteArray>
#include <QString>

namespace ledger::data {

struct InputFile {
    QByteArray bytes;
    bool regular = false; // a regular file (after links); false: a stream, read once
    QString error;        // "<path>: <problem>" when it could not be read
    bool ok() const { return error.isEmpty(); }
};

// `what` names the kind of file in messages ("portfolio file", "CSV file"). maxBytes: the cap
// (portfolio/Limits.h kMaxFileBytes); a longer input is refused after reading maxBytes + 1.
InputFile readInputFile(const QString& path, const QString& what, qint64 maxBytes);

// The problem with `path` as an input of this kind without reading it ("no such file", "is a
// directory", "is a device"), or empty.
QString inputFileProblem(const QString& path, const QString& what);

// True when the path names a regular file (after links).
bool isRegularFile(const QString& path);

} // namespace ledger::data
