// Build-time tool: renders the SVG icon to the PNG sizes desktops look for (hicolor theme).
// Usage: render_icon IN.svg OUT_DIR SIZE...  writes OUT_DIR/<size>x<size>/computeledger.png
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextStream>

int main(int argc, char* argv[]) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4) {
        QTextStream(stderr) << "usage: render_icon IN.svg OUT_DIR SIZE...\n";
        return 1;
    }
    QSvgRenderer svg(args[1]);
    if (!svg.isValid()) {
        QTextStream(stderr) << args[1] << ": not a valid SVG\n";
        return 1;
    }
    for (const QString& text : args.mid(3)) {
        const int size = text.toInt();
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        svg.render(&painter);
        painter.end();
        const QString dir = QString("%1/%2x%2").arg(args[2]).arg(size);
        if (!QDir().mkpath(dir) || !image.save(dir + "/computeledger.png")) {
            QTextStream(stderr) << dir << ": cannot write the icon\n";
            return 1;
        }
    }
    return 0;
}
