#include "ui/DealLibraryDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace ledger::ui {

namespace {
QString joined(const std::vector<std::string>& v) {
    QStringList out;
    for (const auto& s : v)
        out << QString::fromStdString(s);
    return out.join(", ");
}
} // namespace

DealLibraryDialog::DealLibraryDialog(std::vector<Deal> deals, QWidget* parent)
    : QDialog(parent)
    , deals_(std::move(deals)) {
    setWindowTitle(tr("Add a public deal as a contract"));
    auto* layout = new QVBoxLayout(this);
    list_ = new QListWidget(this);
    const QLocale en(QLocale::English);
    for (const Deal& d : deals_)
        list_->addItem(tr("%1 - USD %2 B, %3 .. %4")
                           .arg(QString::fromStdString(d.title),
                                en.toString(d.totalContractValue / 1e9, 'f', 1),
                                QString::fromStdString(formatIsoDate(d.start)),
                                QString::fromStdString(formatIsoDate(d.end))));
    details_ = new QLabel(this);
    details_->setWordWrap(true);
    details_->setTextFormat(Qt::RichText);
    details_->setOpenExternalLinks(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add as contract"));
    layout->addWidget(list_, 1);
    layout->addWidget(details_);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(list_, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        const Deal& d = deals_[row];
        QStringList links;
        for (const auto& s : d.sources)
            links << QString("<a href=\"%1\">%1</a>").arg(QString::fromStdString(s).toHtmlEscaped());
        details_->setText(tr("<b>%1</b> (%2 buys from %3, announced %4)<br>%5<br><b>Public facts:</b> %6<br>"
                             "<b>Assumptions you set:</b> %7<br>%8<br>%9")
                              .arg(QString::fromStdString(d.title).toHtmlEscaped(),
                                   QString::fromStdString(d.buyer).toHtmlEscaped(),
                                   QString::fromStdString(d.provider).toHtmlEscaped(),
                                   QString::fromStdString(formatIsoDate(d.announced)),
                                   QString::fromStdString(d.delivered).toHtmlEscaped(),
                                   joined(d.facts).toHtmlEscaped(), joined(d.assumptions).toHtmlEscaped(),
                                   QString::fromStdString(d.notes).toHtmlEscaped(), links.join("<br>")));
    });
    list_->setCurrentRow(0);
    resize(760, 560);
}

const Deal* DealLibraryDialog::selectedDeal() const {
    const int row = list_->currentRow();
    return row >= 0 && std::size_t(row) < deals_.size() ? &deals_[row] : nullptr;
}

} // namespace ledger::ui
