#include "ui/report/ReportExport.h"

#include "data/EvaluationJson.h"
#include "data/Leftovers.h"
#include "data/OutputFiles.h"
#include "data/SimulationJson.h"
#include "ui/report/PdfReport.h"
#include "ui/report/ReportFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

namespace ledger::report {

QString defaultReportBase(const QString& documentPath, const QString& documentsFolder) {
    const QFileInfo source(documentPath);
    // A Qt resource path is no folder to write into: the first export from the example failed there.
    if (documentPath.isEmpty() || documentPath.startsWith(':'))
        return QDir(documentsFolder)
            .filePath((documentPath.isEmpty() ? QString("computeledger") : source.completeBaseName()) +
                      "-report");
    return source.absoluteDir().filePath(source.completeBaseName() + "-report");
}

namespace {

// A writer that makes its file at a path of its own (the PDF and the workbook), run in a private
// scratch folder; the finished bytes then join the set.
template <class Write>
bool stageBuiltFile(data::OutputSet& set, const QString& target, QString* error, Write&& write) {
    const QTemporaryDir scratch(data::temporaryFolderTemplate());
    if (!scratch.isValid()) {
        *error = target + ": cannot create a temporary folder: " + scratch.errorString();
        return false;
    }
    const QString draft = scratch.filePath(QFileInfo(target).fileName());
    QString writeError;
    if (!write(draft, &writeError)) {
        *error = writeError.replace(draft, target);
        return false;
    }
    QFile built(draft);
    if (!built.open(QIODevice::ReadOnly)) {
        *error = target + ": cannot read the finished file back: " + built.errorString();
        return false;
    }
    return set.add(target, built.readAll(), error);
}

} // namespace

QString reportOutputProblem(const ReportRequest& request, const QStringList& inputs) {
    QStringList outputs;
    for (const QString& file : {request.pdfPath, request.xlsxPath}) {
        if (file.isEmpty())
            continue;
        if (const QString problem = data::outputFileProblem(file); !problem.isEmpty())
            return problem;
        outputs << file;
    }
    if (!request.csvDir.isEmpty()) {
        if (QFileInfo::exists(request.csvDir) && !QFileInfo(request.csvDir).isDir())
            return request.csvDir + ": is not a folder; --csv names the folder for the tables";
        outputs << request.csvDir;
        for (const QString& name : QDir(request.csvDir).entryList({"*.csv"}, QDir::Files))
            outputs << QDir(request.csvDir).filePath(name);
    }
    return data::outputOverwritesInput(outputs, inputs);
}

bool writeReport(const ReportContent& c, const ReportRequest& request, QString* error,
                 const QStringList& inputs, QStringList* written) {
    if (*error = reportOutputProblem(request, inputs); !error->isEmpty())
        return false;
    QJsonObject numbers = data::evaluationToJson(c.evaluation);
    if (c.simulation)
        numbers["simulation"] = data::simulationToJson(*c.simulation);
    if (const QString bad = data::firstNonFinite(numbers); !bad.isEmpty()) {
        *error = bad +
                 " overflows (not a finite number); the inputs are too large to compute: lower the largest "
                 "prices, GPU counts, escalators or volatilities; no report written";
        return false;
    }
    const auto tables = reportTables(c);
    // Everything is staged first and put in place together: a failure anywhere leaves no file of
    // this report, and the files of an earlier report where they were.
    data::OutputSet set;
    if (!request.csvDir.isEmpty()) {
        if (!set.makeFolder(request.csvDir, error))
            return false;
        QStringList written;
        for (const auto& t : tables) {
            written << t.name + ".csv";
            if (!set.add(QDir(request.csvDir).filePath(t.name + ".csv"), tableCsv(t), error))
                return false;
        }
        // A folder holds one report: the simulation tables of an earlier run with --simulate (or the
        // scenarios of a portfolio that had them) would otherwise sit beside tables of another
        // portfolio or run. Only those names: the user's own files stay.
        for (const QString& table :
             simulationTableNames() + QStringList{scenariosTableName(), optionsTableName()}) {
            const QString path = QDir(request.csvDir).filePath(table + ".csv");
            if (!written.contains(table + ".csv") && QFileInfo(path).isFile())
                set.removeOnCommit(path);
        }
    }
    if (!request.xlsxPath.isEmpty() &&
        !stageBuiltFile(set, request.xlsxPath, error, [&](const QString& draft, QString* e) {
            return writeXlsxReport(c, tables, draft, e);
        }))
        return false;
    if (!request.pdfPath.isEmpty() &&
        !stageBuiltFile(set, request.pdfPath, error,
                        [&](const QString& draft, QString* e) { return writePdfReport(c, draft, e); }))
        return false;
    if (!set.commit(error))
        return false;
    if (written) {
        const auto absolute = [](const QString& path) { return QFileInfo(path).absoluteFilePath(); };
        if (!request.pdfPath.isEmpty())
            *written << QObject::tr("PDF: %1").arg(absolute(request.pdfPath));
        if (!request.csvDir.isEmpty())
            *written << QObject::tr("CSV: %1 (%2 tables)").arg(absolute(request.csvDir)).arg(tables.size());
        if (!request.xlsxPath.isEmpty())
            *written << QObject::tr("Workbook: %1 (%2 sheets)")
                            .arg(absolute(request.xlsxPath))
                            .arg(workbookSheetCount(tables));
    }
    return true;
}

} // namespace ledger::report
