#pragma once
// Flowing layout on paged paint devices (QPdfWriter for files, QPrinter for the preview): headings,
// paragraphs, tables that repeat their header and never split a row, and vector charts, with a
// header naming the page's sections and a "page N of M" footer on every page.
#include <QChart>
#include <QFont>
#include <QPainter>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

class QPagedPaintDevice;

namespace ledger::report {

struct PdfTable {
    QStringList header;
    std::vector<QStringList> rows;
    std::vector<double> widths;     // relative column widths
    std::vector<bool> rightAligned; // numbers: right-aligned
    std::vector<int> emphasized;    // rows in bold (totals)
};

struct PageDecoration {
    QString headerLeft; // e.g. the product and the portfolio
    QString footerLeft; // e.g. valuation date and inputs hash
    int totalPages = 0; // 0 while counting
};

class PdfLayout {
public:
    PdfLayout(QPagedPaintDevice* device, PageDecoration decoration);
    ~PdfLayout();
    PdfLayout(const PdfLayout&) = delete;
    PdfLayout& operator=(const PdfLayout&) = delete;

    // Sizes in typographic points (1/72 inch), converted to the device's units.
    double pt(double points) const { return points * dpi_ / 72.0; }
    double width() const { return width_; }

    // A new section: on a fresh page when `fresh` or when less than 40% of this page is left, else
    // after a rule below what came before (no page left mostly empty). The page header names the
    // sections on the page.
    void newSection(const QString& name, bool fresh = false);
    void heading(const QString& text, double size = 14);
    void paragraph(const QString& text, double size = 10, bool bold = false, QColor color = Qt::black);
    void table(const PdfTable& t, double fontSize = 8.5);
    // The chart is drawn as vectors into the full width, `heightPt` high; the layout takes it.
    void chart(std::unique_ptr<QChart> chart, double heightPt);
    void space(double points);
    // Moves to a new page when less than `points` are left (keeps a heading with what follows).
    void keepTogether(double points);
    double height() const { return height_; }

    int pages() const { return page_; }
    QFont font(double size, bool bold = false) const;

private:
    void ensure(double deviceHeight);
    void breakPage();
    void decorate();
    double rowHeight(const PdfTable& t, const QStringList& cells, const std::vector<double>& widths,
                     const QFont& f) const;
    void drawRow(const PdfTable& t, const QStringList& cells, const std::vector<double>& widths,
                 const QFont& f, double h, bool header);

    QPagedPaintDevice* device_;
    QPainter painter_;
    PageDecoration decoration_;
    QString section_;
    QStringList pageSections_; // the sections on this page, for its header
    double dpi_ = 300;
    double width_ = 0;
    double height_ = 0;
    double top_ = 0;    // where content starts below the header
    double bottom_ = 0; // where content ends above the footer
    double y_ = 0;
    int page_ = 1;
};

} // namespace ledger::report
