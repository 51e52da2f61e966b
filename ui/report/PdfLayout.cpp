#include "ui/report/PdfLayout.h"

#include "ui/charts/LedgerCharts.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QPagedPaintDevice>

#include <algorithm>
#include <numeric>

namespace ledger::report {

namespace {
const QColor kRule(0x9a, 0xa5, 0xb1);
const QColor kHeaderFill(0xe8, 0xee, 0xf4);
const QColor kBand(0xf6, 0xf8, 0xfa);
const QColor kMuted(0x55, 0x5f, 0x6b);
} // namespace

PdfLayout::PdfLayout(QPagedPaintDevice* device, PageDecoration decoration)
    : device_(device)
    , decoration_(std::move(decoration)) {
    painter_.begin(device_);
    painter_.setRenderHint(QPainter::Antialiasing);
    dpi_ = device_->logicalDpiY();
    const QRect paint = device_->pageLayout().paintRectPixels(device_->logicalDpiX());
    width_ = paint.width();
    height_ = paint.height();
    top_ = pt(30);
    bottom_ = height_ - pt(26);
    y_ = top_;
}

PdfLayout::~PdfLayout() {
    decorate();
    painter_.end();
}

QFont PdfLayout::font(double size, bool bold) const {
    QFont f("DejaVu Sans");
    f.setStyleHint(QFont::SansSerif);
    f.setPointSizeF(size);
    f.setBold(bold);
    // No ligatures: "fl" stays two letters, so text copied or searched in the PDF matches.
    f.setStyleStrategy(QFont::PreferNoShaping);
    return f;
}

void PdfLayout::decorate() {
    painter_.save();
    painter_.setPen(kMuted);
    painter_.setFont(font(7.5));
    const double line = pt(10);
    painter_.drawText(QRectF(0, 0, width_, line), Qt::AlignLeft | Qt::AlignVCenter, decoration_.headerLeft);
    painter_.drawText(QRectF(0, 0, width_, line), Qt::AlignRight | Qt::AlignVCenter,
                      pageSections_.join(QString::fromUtf8("  \u00b7  ")));
    painter_.setPen(QPen(kRule, pt(0.5)));
    painter_.drawLine(QPointF(0, pt(14)), QPointF(width_, pt(14)));
    painter_.drawLine(QPointF(0, height_ - pt(16)), QPointF(width_, height_ - pt(16)));
    painter_.setPen(kMuted);
    const QRectF foot(0, height_ - line, width_, line);
    painter_.drawText(foot, Qt::AlignLeft | Qt::AlignVCenter, decoration_.footerLeft);
    const QString number =
        decoration_.totalPages > 0
            ? QCoreApplication::translate("PdfLayout", "Page %1 of %2").arg(page_).arg(decoration_.totalPages)
            : QCoreApplication::translate("PdfLayout", "Page %1").arg(page_);
    painter_.drawText(foot, Qt::AlignRight | Qt::AlignVCenter, number);
    painter_.restore();
}

void PdfLayout::breakPage() {
    decorate();
    device_->newPage();
    ++page_;
    y_ = top_;
    pageSections_ = QStringList{section_}; // a section running on from the page before
}

void PdfLayout::newSection(const QString& name, bool fresh) {
    const bool first = section_.isEmpty() && y_ <= top_;
    if (!first && (fresh || bottom_ - y_ < 0.4 * (bottom_ - top_))) {
        breakPage(); // the page left behind keeps its own sections' names
        pageSections_.clear();
    } else if (!first) {
        y_ += pt(6);
        painter_.setPen(QPen(kRule, pt(0.5)));
        painter_.drawLine(QPointF(0, y_), QPointF(width_, y_));
        y_ += pt(12);
    }
    section_ = name;
    pageSections_ << name;
}

void PdfLayout::ensure(double deviceHeight) {
    if (y_ + deviceHeight > bottom_ && y_ > top_)
        breakPage();
}

void PdfLayout::keepTogether(double points) {
    ensure(pt(points));
}

void PdfLayout::space(double points) {
    y_ += pt(points);
}

void PdfLayout::heading(const QString& text, double size) {
    keepTogether(size * 1.6 + 90); // never a heading alone at the foot of a page
    const QFont f = font(size, true);
    const QFontMetricsF m(f, device_);
    painter_.setFont(f);
    painter_.setPen(QColor(0x1b, 0x3a, 0x5c));
    const QRectF box = m.boundingRect(QRectF(0, 0, width_, 1e6), Qt::TextWordWrap, text);
    painter_.drawText(QRectF(0, y_, width_, box.height()), Qt::TextWordWrap, text);
    y_ += box.height() + pt(size * 0.4);
}

void PdfLayout::paragraph(const QString& text, double size, bool bold, QColor color) {
    const QFont f = font(size, bold);
    const QFontMetricsF m(f, device_);
    painter_.setFont(f);
    painter_.setPen(color);
    const QRectF box = m.boundingRect(QRectF(0, 0, width_, 1e6), Qt::TextWordWrap, text);
    if (box.height() <= bottom_ - top_) {
        ensure(box.height());
        painter_.drawText(QRectF(0, y_, width_, box.height()), Qt::TextWordWrap, text);
        y_ += box.height() + pt(size * 0.5);
        return;
    }
    // Longer than a page: line by line.
    for (const QString& line : text.split('\n'))
        paragraph(line, size, bold, color);
}

double PdfLayout::rowHeight(const PdfTable&, const QStringList& cells, const std::vector<double>& widths,
                            const QFont& f) const {
    const QFontMetricsF m(f, device_);
    double h = m.height();
    for (int c = 0; c < cells.size(); ++c) {
        const QRectF box =
            m.boundingRect(QRectF(0, 0, widths[std::size_t(c)] - pt(6), 1e6), Qt::TextWordWrap, cells[c]);
        h = std::max(h, box.height());
    }
    return h + pt(4);
}

void PdfLayout::drawRow(const PdfTable& t, const QStringList& cells, const std::vector<double>& widths,
                        const QFont& f, double h, bool header) {
    painter_.setFont(f);
    if (header)
        painter_.fillRect(QRectF(0, y_, width_, h), kHeaderFill);
    double x = 0;
    painter_.setPen(Qt::black);
    for (int c = 0; c < cells.size(); ++c) {
        const double w = widths[std::size_t(c)];
        const bool right = std::size_t(c) < t.rightAligned.size() && t.rightAligned[std::size_t(c)];
        const QRectF cell(x + pt(3), y_ + pt(2), w - pt(6), h - pt(4));
        painter_.drawText(cell, Qt::TextWordWrap | (right ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignTop,
                          cells[c]);
        x += w;
    }
    painter_.setPen(QPen(header ? kRule : QColor(0xdd, 0xe2, 0xe8), pt(header ? 0.7 : 0.4)));
    painter_.drawLine(QPointF(0, y_ + h), QPointF(width_, y_ + h));
    y_ += h;
}

void PdfLayout::table(const PdfTable& t, double fontSize) {
    const double total = std::accumulate(t.widths.begin(), t.widths.end(), 0.0);
    std::vector<double> widths;
    for (double w : t.widths)
        widths.push_back(width_ * w / total);
    const QFont body = font(fontSize);
    const QFont bold = font(fontSize, true);
    const double headerHeight = rowHeight(t, t.header, widths, bold);
    auto header = [&] { drawRow(t, t.header, widths, bold, headerHeight, true); };
    // The header and at least one row stay together.
    ensure(headerHeight + (t.rows.empty() ? 0.0 : rowHeight(t, t.rows.front(), widths, body)));
    header();
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const bool emphasized =
            std::find(t.emphasized.begin(), t.emphasized.end(), int(r)) != t.emphasized.end();
        const QFont& f = emphasized ? bold : body;
        const double h = rowHeight(t, t.rows[r], widths, f);
        if (y_ + h > bottom_) {
            breakPage();
            header();
        }
        if (r % 2 == 1)
            painter_.fillRect(QRectF(0, y_, width_, h), kBand);
        drawRow(t, t.rows[r], widths, f, h, false);
    }
    y_ += pt(10);
}

void PdfLayout::chart(std::unique_ptr<QChart> chart, double heightPt) {
    const double h = pt(heightPt);
    ensure(h);
    ui::applyPrintStyle(chart.get());
    // Lay the chart out as on a screen of this aspect, then scale it into place as vectors.
    const QSizeF logical(640.0, 640.0 * h / width_);
    QGraphicsScene scene;
    QChart* c = chart.release();
    scene.addItem(c); // the scene owns the chart from here
    c->resize(logical);
    c->setPos(0, 0);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    if (c->layout())
        c->layout()->activate();
    scene.setSceneRect(QRectF(QPointF(0, 0), logical));
    scene.render(&painter_, QRectF(0, y_, width_, h), QRectF(QPointF(0, 0), logical));
    y_ += h + pt(8);
}

} // namespace ledger::report
