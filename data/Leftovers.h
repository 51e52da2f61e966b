#pragma once
// What a killed process leaves behind: a document being built beside its destination
// (deal.cledger.saving-<pid>-<uuid> and its journal), the staged files of a report
// (.report.pdf.computeledger-<pid>-<n>.part), scratch folders in the temporary folder
// (computeledger-<pid>-XXXXXX). Every such name carries the process id and a tag of the machine, so
// the next run can remove exactly those whose process is gone, never a running one's, nor one
// another machine is writing to a shared drive; and only this user's, never through a link.
#include <QString>
#include <QStringList>

namespace ledger::data {

// "<pid>-<machine>-": put right after a scratch name's prefix.
QString leftoverTag();

// Removes the files and folders in `dir` named prefix + "<pid>-<machine>-..." of this machine whose
// process no longer runs and which this user owns; returns the names removed.
QStringList removeLeftovers(const QString& dir, const QString& prefix);

// The template for a QTemporaryDir of this process: <temporary folder>/computeledger-<pid>-XXXXXX.
QString temporaryFolderTemplate();

// Removes what killed runs left in the temporary folder; a line for the user when there was any.
QStringList removeTemporaryLeftovers();

} // namespace ledger::data
