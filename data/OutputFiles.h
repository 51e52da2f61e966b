#pragma once
// Writing what a command was asked to write without destroying anything else: an output that is
// one of the command's inputs (the same file, also through a link) is refused; so is an output
// that names a device, a FIFO, a socket, a directory or a dangling link (replacing /dev/null as
// root would be a disaster); and every output of one command is staged beside its destination
// and put in place together, or none is.
#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace ledger::data {

// "<path>: <problem>" when path cannot be written as a regular file, or empty.
QString outputFileProblem(const QString& path);

// True when both paths name one existing file (after links: the same device and inode).
bool sameFile(const QString& a, const QString& b);

// The first output that is one of the inputs, as a one-line message naming both, or empty.
QString outputOverwritesInput(const QStringList& outputs, const QStringList& inputs);

// The outputs of one command. Each add() writes the bytes to a hidden file beside the destination
// (through a link to an existing file: beside that file, whose mode the new one keeps, and the link
// stays a link; ".NAME.computeledger-<pid>-<machine>-<n>.part", so a rename puts it in place and a killed
// run's leftovers are recognised, data/Leftovers.h); commit() renames them all into place; destroying a set
// that was not committed removes every staged file and every folder it created.
class OutputSet {
public:
    OutputSet() = default;
    ~OutputSet();
    OutputSet(const OutputSet&) = delete;
    OutputSet& operator=(const OutputSet&) = delete;

    // Creates the folder (and its parents) when missing; removed again unless committed.
    bool makeFolder(const QString& dir, QString* error);
    bool add(const QString& target, const QByteArray& bytes, QString* error);
    // A file this set makes obsolete (a table an earlier report left in the same folder), removed
    // on commit.
    void removeOnCommit(const QString& path);
    bool commit(QString* error);

private:
    struct Staged {
        QString target;
        QString part;
    };
    std::vector<Staged> staged_;
    QStringList obsolete_;
    QStringList createdFolders_; // outermost first
    bool committed_ = false;
};

} // namespace ledger::data
