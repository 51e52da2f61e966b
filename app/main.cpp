// The executable wires; it does not compute: the GUI, or the command line when a subcommand is given.
#include "app/CommandLine.h"
#include "app/ReportCommand.h"
#include "data/Leftovers.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCoreApplication>
#include <QIcon>
#include <QTextStream>

#include <cstdlib>

namespace {

// The subcommand the headless library leaves to the executable: it draws charts.
constexpr ledger::app::Command kReport{"report", &ledger::app::reportCommand};

void setIdentity() {
    QCoreApplication::setOrganizationName("ComputeLedger");
    QCoreApplication::setApplicationName("computeledger");
    QCoreApplication::setApplicationVersion(QStringLiteral(COMPUTELEDGER_VERSION));
}

// Qt aborts when the xcb platform finds no X server; say so and print the evaluation instead.
bool displayAvailable() {
    if (!qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        return true;
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

// The command line promises one line per error on stderr; Qt's note about a missing
// XDG_RUNTIME_DIR (a headless shell, a CI job) is not the user's problem, so it is dropped.
void quietHeadlessNotes(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    if (message.startsWith("QStandardPaths: XDG_RUNTIME_DIR"))
        return;
    QTextStream(stderr) << qFormatLogMessage(type, context, message) << "\n";
}

} // namespace

int main(int argc, char* argv[]) {
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);

    // A report draws charts: it needs the widgets machinery, offscreen when there is no display.
    if (args.value(1) == "report") {
        if (!displayAvailable())
            qputenv("QT_QPA_PLATFORM", "offscreen");
        qInstallMessageHandler(quietHeadlessNotes);
        QApplication app(argc, argv);
        setIdentity();
        return ledger::app::runCommandLine(app.arguments(), {&kReport, 1});
    }
    if (ledger::app::isCommandLineInvocation(args)) {
        QCoreApplication app(argc, argv);
        setIdentity();
        return ledger::app::runCommandLine(app.arguments());
    }
    if (!displayAvailable()) {
        QCoreApplication app(argc, argv);
        setIdentity();
        QTextStream(stderr)
            << "computeledger: no display found; printing the evaluation instead of opening the window\n";
        return ledger::app::printEvaluation(args.value(1));
    }
    QApplication app(argc, argv);
    setIdentity();
    QApplication::setWindowIcon(QIcon(":/desktop/computeledger.svg"));
    QApplication::setDesktopFileName("computeledger");
    // What killed runs left in the temporary folder (the command line does the same on each run).
    for (const QString& notice : ledger::data::removeTemporaryLeftovers())
        QTextStream(stderr) << "computeledger: " << notice << "\n";
    ledger::ui::MainWindow window;
    if (!window.openInitial(args.value(1)))
        return ledger::app::kUserError;
    window.show();
    return app.exec();
}
