#include "ui/ItemEditor.h"

#include "analytics/NewsDecoder.h"
#include "models/EditWords.h"
#include "models/FieldCatalog.h"
#include "models/NumberInput.h"
#include "models/PortfolioDocument.h"
#include "models/PriceSeriesFit.h"
#include "portfolio/SkuCatalog.h"
#include "ui/CorrelationGrid.h"
#include "ui/CurveGrid.h"
#include "ui/OptionsGrid.h"
#include "ui/PriceFitPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QUndoStack>
#include <QVBoxLayout>

namespace ledger::ui {

namespace {

const std::vector<models::FieldSpec>* fieldsFor(const QString& prefix) {
    if (prefix.isEmpty())
        return &models::assumptionFields();
    if (prefix == "market")
        return &models::marketFields();
    if (prefix.startsWith("skus["))
        return &models::skuFields();
    if (prefix.startsWith("contracts["))
        return &models::contractFields();
    if (prefix.startsWith("fleets["))
        return &models::fleetFields();
    return nullptr;
}

const models::FieldSpec* specOf(const QString& prefix, const QString& key) {
    const auto* fields = fieldsFor(prefix);
    if (!fields)
        return nullptr;
    const auto f = std::find_if(fields->begin(), fields->end(), [&](const auto& x) { return x.key == key; });
    return f == fields->end() ? nullptr : &*f;
}

// Wide enough for its text or, when empty, what the emptiness means: the form puts a long one under
// its label (QFormLayout::WrapLongRows) rather than cut it.
void fitWidth(QLineEdit* edit) {
    const QFontMetrics m = edit->fontMetrics();
    const int text = std::max(m.horizontalAdvance(edit->text()),
                              edit->text().isEmpty() ? m.horizontalAdvance(edit->placeholderText()) : 0);
    edit->setMinimumWidth(std::max(80, text + 2 * m.averageCharWidth() + 8));
}

} // namespace

ItemEditor::ItemEditor(models::PortfolioDocument* doc, QWidget* parent)
    : QWidget(parent)
    , doc_(doc) {
    auto* layout = new QVBoxLayout(this);
    title_ = new QLabel(this);
    title_->setObjectName("editorTitle");
    title_->setWordWrap(true);
    formHost_ = new QWidget(this);
    form_ = new QFormLayout(formHost_);
    // A field whose text is wider than the room beside its label goes under the label, whole.
    form_->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    message_ = new QLabel(this);
    message_->setWordWrap(true);
    message_->setObjectName("validationMessage");
    message_->setStyleSheet("color: #c62828;");
    layout->addWidget(title_);
    layout->addWidget(formHost_);
    layout->addWidget(message_);
    layout->addStretch(1);
    connect(doc_, &models::PortfolioDocument::evaluationChanged, this, &ItemEditor::follow);
    showItem(QString());
}

void ItemEditor::showItem(const QString& prefix) {
    // The same item again (the tree re-selects it after a change): keep the fields, and the one
    // being typed in, as they are.
    if (prefix == prefix_ && idAt(prefix) == itemId_ && form_->rowCount() > 0)
        return;
    prefix_ = prefix;
    itemId_ = idAt(prefix);
    message_->clear();
    rebuild();
}

QString ItemEditor::skuId() const {
    return prefix_.startsWith("skus[") ? prefix_.mid(5).chopped(1) : QString();
}

QString ItemEditor::pathOf(const QString& key) const {
    if (prefix_.isEmpty())
        return key;
    if (prefix_.startsWith("skus[")) {
        // The portfolio's own SKU by its file path (its sources, validation's messages); a bundled
        // one by its id until an edit copies it in.
        const auto& skus = doc_->portfolio().skus;
        for (std::size_t i = 0; i < skus.size(); ++i)
            if (skus[i].id == skuId().toStdString())
                return QString("skus[%1].%2").arg(i).arg(key);
        return "skus." + skuId() + "." + key;
    }
    return prefix_ + "." + key;
}

QJsonValue ItemEditor::storedValue(const QString& key) const {
    return prefix_.startsWith("skus[") ? doc_->skuValue(skuId(), key) : doc_->value(pathOf(key));
}

QString ItemEditor::idAt(const QString& prefix) const {
    if (prefix.isEmpty() || prefix == "market" || !doc_->hasPortfolio())
        return {};
    if (prefix.startsWith("skus["))
        return prefix.mid(5).chopped(1);
    if (prefix.startsWith("alternatives[")) {
        static const QRegularExpression re(R"(^alternatives\[(\d+)\]$)");
        const auto m = re.match(prefix);
        const auto& alts = doc_->baseEvaluation().alternatives;
        const std::size_t i = m.hasMatch() ? m.captured(1).toULongLong() : alts.size();
        return i + 1 < alts.size() ? QString::fromStdString(alts[i].id) : QString();
    }
    return doc_->value(prefix + ".id").toString();
}

void ItemEditor::follow() {
    if (!doc_->hasPortfolio())
        return;
    if (prefix_.isEmpty() || prefix_ == "market") {
        refreshValues();
        return;
    }
    QString found;
    const auto& p = doc_->portfolio();
    const std::string id = itemId_.toStdString();
    if (prefix_.startsWith("skus[")) {
        if (doc_->sku(itemId_))
            found = prefix_;
    } else if (prefix_.startsWith("contracts[")) {
        for (std::size_t i = 0; i < p.contracts.size() && found.isEmpty(); ++i)
            if (p.contracts[i].id == id)
                found = QString("contracts[%1]").arg(i);
    } else if (prefix_.startsWith("fleets[")) {
        for (std::size_t i = 0; i < p.fleets.size() && found.isEmpty(); ++i)
            if (p.fleets[i].id == id)
                found = QString("fleets[%1]").arg(i);
    } else {
        const auto& alts = doc_->baseEvaluation().alternatives;
        for (std::size_t i = 0; i + 1 < alts.size() && found.isEmpty(); ++i)
            if (alts[i].id == id)
                found = QString("alternatives[%1]").arg(i);
    }
    const bool alternative = prefix_.startsWith("alternatives[");
    if (found == prefix_ && !alternative) {
        refreshValues();
        return;
    }
    // Moved, gone, or an alternative (its check boxes mirror the document): rebuild, after the
    // widget that caused the change has finished emitting.
    prefix_ = found;
    if (found.isEmpty())
        itemId_.clear();
    QMetaObject::invokeMethod(
        this, [this] { rebuild(); }, Qt::QueuedConnection);
}

void ItemEditor::rebuild() {
    pending_.clear();
    implied_ = nullptr; // removed with its row
    while (form_->rowCount() > 0)
        form_->removeRow(0);
    const auto* fields = fieldsFor(prefix_);
    if (!fields || !doc_->hasPortfolio()) {
        static const QRegularExpression alternative(R"(^alternatives\[(\d+)\]$)");
        const auto m = alternative.match(prefix_);
        if (m.hasMatch())
            buildAlternative(m.captured(1).toInt());
        else
            title_->clear();
        return;
    }
    updateTitle();
    for (const auto& f : *fields) {
        if (prefix_ == "market" && f.key == "next_generation.launch_earliest") {
            auto* modelled = new QCheckBox(tr("Model a next-generation launch"), formHost_);
            modelled->setObjectName("nextGenerationModelled");
            modelled->setToolTip(
                tr("At a launch date drawn from the window the market price drops by a share "
                   "drawn from the range (docs/model.md, \"12.3 The next generation's launch\"); one "
                   "undo step."));
            connect(modelled, &QCheckBox::toggled, this, [this, modelled](bool on) {
                QString error;
                if (!doc_->setNextGenerationModelled(on, &error)) {
                    say(error);
                    const QSignalBlocker block(modelled); // back to the document's state
                    modelled->setChecked(!on);
                }
            });
            form_->addRow(modelled);
        }
        if (f.kind == models::FieldKind::Tranches) {
            addCurve("tranches", tr("Tranches: GPUs committed from each date"), false);
            addOptions(); // the contract's rights, under the GPUs they extend, add or end
        } else
            addField(f);
        // Under the three fields it sets: the fit of the GPU price to a price series.
        if (prefix_ == "market" && f.key == "gpu_price.volatility")
            addPriceFit();
    }
    if (prefix_.isEmpty())
        addCurve("utilization",
                 tr("Utilization: the share of capacity used from each date (every item's, "
                    "unless it has its own)"),
                 false);
    if (prefix_.startsWith("contracts[") || prefix_.startsWith("fleets["))
        addCurve("utilization", tr("Utilization of its own (empty: the portfolio's curve)"), true);
    if (prefix_ == "market")
        addCurve("gpu_price.forward_curve",
                 tr("<b>GPU price forward curve</b> (docs/model.md 12.2): prices on dates, in place of the "
                    "trend; interpolated log-linearly, flat before the first point and after the last. "
                    "Empty: the trend applies."),
                 true);
    if (prefix_ == "market") {
        auto* heading = new QLabel(tr("<b>Correlation of the shocks</b>"), formHost_);
        form_->addRow(heading);
        auto* grid = new CorrelationGrid(doc_, formHost_);
        grid->setObjectName("correlation");
        connect(grid, &CorrelationGrid::refused, this, &ItemEditor::say);
        form_->addRow(grid);
    }
    refreshValues();
}

void ItemEditor::updateTitle() {
    if (prefix_.isEmpty()) {
        title_->setText(tr("<b>Assumptions</b>"));
    } else if (prefix_ == "market") {
        title_->setText(
            tr("<b>Market model</b><br>The GPU market price, the next generation's launch, the "
               "power price and utilization factors and how their shocks correlate (docs/model.md, "
               "\"12. Monte Carlo\"): what the Monte Carlo draws and the deterministic run follows at its "
               "median."));
    } else if (prefix_.startsWith("skus[")) {
        title_->setText(
            (doc_->skuIsOwn(skuId())
                 ? tr("<b>%1</b> <span style='color:gray'>this portfolio's SKU</span>")
                 : tr("<b>%1</b> <span style='color:gray'>from the bundled catalog; an edit copies it into "
                      "this portfolio, which then uses its own figures</span>"))
                .arg(skuId().toHtmlEscaped()));
    } else {
        const QString name = doc_->value(prefix_ + ".name").toString();
        title_->setText(
            tr("<b>%1</b> <span style='color:gray'>%2</span>").arg(name.toHtmlEscaped(), prefix_));
    }
}

void ItemEditor::addField(const models::FieldSpec& f) {
    QWidget* edit = nullptr;
    if (f.kind == models::FieldKind::Choice || f.kind == models::FieldKind::OptionalChoice) {
        auto* box = new QComboBox(formHost_);
        if (f.kind == models::FieldKind::OptionalChoice)
            box->addItem(f.placeholder.isEmpty() ? tr("(none)") : f.placeholder, QString());
        for (const QString& c : f.choices)
            box->addItem(models::choiceLabel(c), c);
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        connect(box, &QComboBox::activated, this, [this, box] { commit(box); });
        edit = box;
    } else if (f.kind == models::FieldKind::LongText) {
        // Wrapped over a few lines, whole; committed when the field is left (eventFilter).
        auto* text = new QPlainTextEdit(formHost_);
        text->setTabChangesFocus(true);
        text->setFixedHeight(text->fontMetrics().lineSpacing() * 4 + 12);
        text->installEventFilter(this);
        edit = text;
    } else {
        auto* line = new QLineEdit(formHost_);
        line->setPlaceholderText(f.placeholder);
        line->installEventFilter(this);
        connect(line, &QLineEdit::editingFinished, this, [this, line] { commit(line); });
        edit = line;
    }
    edit->setObjectName(f.key);
    edit->setProperty("jsonKey", f.key);
    edit->setProperty("tooltipWithoutSource", f.tooltip);
    QString tip = f.tooltip;
    // Where the portfolio says the figure comes from: under the field, and in full in its tooltip.
    const auto& sources = doc_->portfolio().sources;
    const auto source = sources.find(pathOf(f.key).toStdString());
    if (source != sources.end())
        tip += "\n\n" + tr("Source: %1").arg(QString::fromStdString(source->second));
    edit->setToolTip(tip);
    edit->setProperty("fieldTip", tip);
    auto* label = new QLabel(f.unit.isEmpty() ? f.label : QString("%1 (%2)").arg(f.label, f.unit), formHost_);
    label->setToolTip(tip);
    if (f.kind == models::FieldKind::LongText) {
        form_->addRow(label);
        form_->addRow(edit);
    } else {
        form_->addRow(label, edit);
    }
    // Every field has its source row, shown when the portfolio cites one: an edit in the window makes
    // the value the user's ("entered by the user on ..."), and undo brings the file's source back.
    auto* cited = new QLabel(formHost_);
    cited->setObjectName("source." + f.key);
    cited->setWordWrap(true);
    cited->setStyleSheet("color: gray; font-size: small;");
    form_->addRow(QString(), cited);
    showSource(f.key);
    if (f.key == "total_contract_value") {
        implied_ = new QLabel(formHost_);
        implied_->setObjectName("impliedTerms");
        implied_->setWordWrap(true);
        implied_->setStyleSheet("color: gray;");
        implied_->setToolTip(tr("From the evaluation: the price per GPU-hour the total value implies "
                                "over the tranches (docs/model.md, \"3.5 Implied price from a total "
                                "contract value\"), and, by the news decoder (\"3.6 The news decoder\"), the "
                                "same value as a constant number of GPUs over the term at that price "
                                "and their IT megawatts (the SKU's kW per GPU)."));
        form_->addRow(QString(), implied_);
    }
}

void ItemEditor::addCurve(const QString& name, const QString& title, bool clearable) {
    const QString path = prefix_.isEmpty() ? name : prefix_ + "." + name;
    auto* heading = new QLabel(title, formHost_);
    heading->setWordWrap(true);
    form_->addRow(heading);
    auto* grid = new CurveGrid(doc_, path, clearable, formHost_);
    grid->setObjectName("curve." + name);
    connect(grid, &CurveGrid::refused, this, &ItemEditor::say);
    form_->addRow(grid);
}

void ItemEditor::addOptions() {
    static const QRegularExpression re(R"(^contracts\[(\d+)\]$)");
    const auto m = re.match(prefix_);
    if (!m.hasMatch())
        return;
    auto* heading = new QLabel(
        tr("<b>Options</b> (docs/model.md 17): the customer's rights to extend, expand or terminate the "
           "contract on an exercise date, each valued on its own (Overview, Monte Carlo)."),
        formHost_);
    heading->setWordWrap(true);
    form_->addRow(heading);
    auto* grid = new OptionsGrid(doc_, m.captured(1).toULongLong(), formHost_);
    grid->setObjectName("options");
    connect(grid, &OptionsGrid::refused, this, &ItemEditor::say);
    form_->addRow(grid);
}

OptionsGrid* ItemEditor::options() const {
    return formHost_->findChild<OptionsGrid*>("options");
}

void ItemEditor::addPriceFit() {
    if (!priceFit_) // the series and tier chosen stay while the form is rebuilt
        priceFit_ = new models::PriceSeriesFit(this);
    auto* panel = new PriceFitPanel(doc_, priceFit_, formHost_);
    panel->setObjectName("priceFit");
    connect(panel, &PriceFitPanel::refused, this, &ItemEditor::say);
    form_->addRow(panel);
}

PriceFitPanel* ItemEditor::priceFit() const {
    return formHost_->findChild<PriceFitPanel*>("priceFit");
}

void ItemEditor::buildAlternative(int index) {
    const auto& alts = doc_->baseEvaluation().alternatives;
    if (index < 0 || std::size_t(index) + 1 >= alts.size())
        return;
    const auto& alt = alts[index];
    title_->setText(
        tr("<b>Alternative</b> <span style='color:gray'>%1</span><br>A set of contracts and fleets "
           "compared as one way to meet the need.")
            .arg(QString::fromStdString(alt.id)));
    auto* name = new QLineEdit(QString::fromStdString(alt.name), formHost_);
    name->setObjectName("alternative.name");
    connect(name, &QLineEdit::editingFinished, this, [this, index] { commitAlternative(index); });
    form_->addRow(tr("Name"), name);
    const auto& p = doc_->portfolio();
    auto addItem = [&](const std::string& id, const std::string& label) {
        auto* box = new QCheckBox(QString::fromStdString(label), formHost_);
        box->setObjectName(QString::fromStdString("alternative.item." + id));
        box->setProperty("itemId", QString::fromStdString(id));
        box->setChecked(std::find(alt.items.begin(), alt.items.end(), id) != alt.items.end());
        connect(box, &QCheckBox::toggled, this, [this, index] { commitAlternative(index); });
        form_->addRow(box); // the whole width: a long name is not cut
    };
    for (const auto& c : p.contracts)
        addItem(c.id, tr("Contract: %1").arg(QString::fromStdString(c.name)).toStdString());
    for (const auto& f : p.fleets)
        addItem(f.id, tr("Fleet: %1").arg(QString::fromStdString(f.name)).toStdString());
}

void ItemEditor::commitAlternative(int index) {
    // The whole list is written (a portfolio without one gets the one-per-item defaults made explicit).
    const auto& alts = doc_->baseEvaluation().alternatives;
    QJsonArray list;
    QStringList words; // the change in words, for the undo stack
    for (std::size_t a = 0; a + 1 < alts.size(); ++a) {
        QJsonArray items;
        QString name = QString::fromStdString(alts[a].name);
        if (int(a) == index) {
            if (auto* edit = formHost_->findChild<QLineEdit*>("alternative.name"))
                name = edit->text().trimmed();
            if (name != QString::fromStdString(alts[a].name))
                words << tr("renamed %1").arg(name);
            for (QCheckBox* box : formHost_->findChildren<QCheckBox*>()) {
                const std::string id = box->property("itemId").toString().toStdString();
                const bool was =
                    std::find(alts[a].items.begin(), alts[a].items.end(), id) != alts[a].items.end();
                if (box->isChecked())
                    items.append(QString::fromStdString(id));
                if (box->isChecked() != was)
                    words << (box->isChecked() ? tr("adds %1") : tr("drops %1"))
                                 .arg(box->text().section(": ", 1));
            }
        } else {
            for (const auto& id : alts[a].items)
                items.append(QString::fromStdString(id));
        }
        list.append(
            QJsonObject{{"id", QString::fromStdString(alts[a].id)}, {"name", name}, {"items", items}});
    }
    QString error;
    const QString described = QString::fromStdString(alts[std::size_t(index)].name) + ": " +
                              (words.isEmpty() ? tr("unchanged") : words.join(", "));
    if (!doc_->setValue("alternatives", list, &error, QString("alternatives[%1]").arg(index), described)) {
        message_->setText(error);
        // Back to the document's values, once the check box that called is done emitting.
        QMetaObject::invokeMethod(
            this, [this] { rebuild(); }, Qt::QueuedConnection);
        return;
    }
    message_->clear();
}

void ItemEditor::showSource(const QString& key) {
    auto* cited = formHost_->findChild<QLabel*>("source." + key);
    if (!cited)
        return;
    const auto& sources = doc_->portfolio().sources;
    const auto source = sources.find(pathOf(key).toStdString());
    const bool shown = source != sources.end();
    form_->setRowVisible(cited, shown);
    // The field's tooltip ends with its source in full, as the row under it shows it.
    for (QWidget* edit : formHost_->findChildren<QWidget*>(key))
        if (edit->property("jsonKey").toString() == key) {
            const QString tip = edit->property("tooltipWithoutSource").toString();
            edit->setToolTip(
                shown ? tip + "\n\n" + tr("Source: %1").arg(QString::fromStdString(source->second)) : tip);
        }
    if (!shown) {
        cited->clear();
        return;
    }
    QString text = QString::fromStdString(source->second);
    const QString full = tr("Source: %1").arg(text);
    if (text.size() > 120)
        text = text.left(117).trimmed() + "...";
    cited->setText(tr("Source: %1").arg(text.toHtmlEscaped()));
    cited->setToolTip(full);
}

void ItemEditor::refreshValues() {
    const auto* fields = fieldsFor(prefix_);
    if (!fields || !doc_->hasPortfolio())
        return;
    if (prefix_.startsWith("skus["))
        updateTitle(); // copied into the portfolio by the first edit, or back out by undo
    const bool nextGeneration = doc_->portfolio().market.nextGeneration.has_value();
    if (auto* modelled = formHost_->findChild<QCheckBox*>("nextGenerationModelled")) {
        const QSignalBlocker block(modelled);
        modelled->setChecked(nextGeneration);
    }
    for (const auto& f : *fields) {
        showSource(f.key);
        if (QComboBox* box = choice(f.key)) {
            const QString stored = storedValue(f.key).toString();
            const QSignalBlocker block(box);
            box->setCurrentIndex(std::max(0, box->findData(stored)));
            box->setProperty("shown", stored);
            continue;
        }
        if (auto* text = formHost_->findChild<QPlainTextEdit*>(f.key)) {
            const QString stored = storedValue(f.key).toString();
            if (!text->hasFocus() || text->toPlainText() == text->property("shown").toString())
                text->setPlainText(stored);
            text->setProperty("shown", stored);
            continue;
        }
        QLineEdit* edit = field(f.key);
        if (!edit)
            continue;
        if (prefix_ == "market" && f.key.startsWith("next_generation."))
            edit->setEnabled(nextGeneration);
        // On a forward curve the trend is not used, and the file does not take both.
        if (prefix_ == "market" && f.key == "gpu_price.trend_per_year") {
            const bool curve = doc_->portfolio().market.gpuPrice.forwardCurve.has_value();
            edit->setEnabled(!curve);
            edit->setToolTip(curve
                                 ? tr("Not used: the forward curve below gives the trend. Clear the curve to "
                                      "use a trend.")
                                 : edit->property("fieldTip").toString());
        }
        if (pending_.contains(pathOf(f.key)))
            continue; // typed, waiting for the rest of its group
        if (!edit->hasFocus() || edit->text() == edit->property("shown").toString()) {
            const QString text = models::shownText(storedValue(f.key), f, locale());
            edit->setText(text);
            edit->setCursorPosition(0);
            edit->setProperty("shown", text);
            fitWidth(edit);
        }
    }
    refreshImplied();
}

// A contract given by its total value and no price: the price the evaluation implies (ItemResult's
// impliedPricePerGpuHour), and by the news decoder the GPUs and MW that value is at that price.
void ItemEditor::refreshImplied() {
    if (!implied_)
        return;
    QString text;
    QString placeholder;
    static const QRegularExpression re(R"(^contracts\[(\d+)\]$)");
    const auto m = re.match(prefix_);
    const auto& p = doc_->portfolio();
    const std::size_t i = m.hasMatch() ? m.captured(1).toULongLong() : p.contracts.size();
    if (i < p.contracts.size() && p.contracts[i].totalContractValue && !p.contracts[i].pricePerGpuHour) {
        const Contract& c = p.contracts[i];
        const auto& items = doc_->baseEvaluation().items;
        const auto r = std::find_if(items.begin(), items.end(), [&](const ItemResult& x) {
            return x.kind == "contract" && x.id == c.id;
        });
        if (r != items.end() && r->impliedPricePerGpuHour) {
            const QLocale l = locale();
            const QString price = l.toString(*r->impliedPricePerGpuHour, 'f', 2);
            text = tr("implies %1 per GPU-hour").arg(price);
            placeholder = tr("empty: implied, %1").arg(price);
            const Sku* sku = doc_->catalog().find(p, c.sku);
            DealTerms terms;
            terms.totalContractValue = *c.totalContractValue;
            terms.start = c.start;
            terms.end = c.end;
            terms.pricePerGpuHour = *r->impliedPricePerGpuHour;
            terms.escalator = c.escalator;
            terms.itKwPerGpu = sku ? sku->itKwPerGpu : 0.0;
            if (!validateDealTerms(terms)) {
                const DecodedDeal d = decodeDeal(terms);
                // The GPUs as many GPU-hours over the whole term amount to, and their IT power.
                text += d.itMegawatts > 0
                            ? tr(" (%1 GPUs, %2 MW)")
                                  .arg(l.toString(d.gpus, 'f', 0), l.toString(d.itMegawatts, 'f', 1))
                            : tr(" (%1 GPUs)").arg(l.toString(d.gpus, 'f', 0));
            }
        }
    }
    implied_->setText(text);
    implied_->setVisible(!text.isEmpty());
    // Only a contract's form has the field (the shown item may have changed kind since).
    QLineEdit* price = field("price_per_gpu_hour");
    const models::FieldSpec* spec = specOf(prefix_, "price_per_gpu_hour");
    if (price && spec) {
        price->setPlaceholderText(placeholder.isEmpty() ? spec->placeholder : placeholder);
        fitWidth(price);
    }
}

QString ItemEditor::impliedText() const {
    return implied_ && !implied_->isHidden() ? implied_->text() : QString();
}

void ItemEditor::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LocaleChange)
        refreshValues();
    QWidget::changeEvent(event);
}

// Ctrl+Z in a field: a field with unsaved text goes back to its value first; a field as saved hands
// the key to the document's undo (a line edit would otherwise take it for its own text and the
// document's edits could not be undone from the editor). Ctrl+Y / Ctrl+Shift+Z redo the document's.
bool ItemEditor::eventFilter(QObject* watched, QEvent* event) {
    auto* notes = qobject_cast<QPlainTextEdit*>(watched);
    if (notes && event->type() == QEvent::FocusOut)
        commit(notes);
    auto* edit = qobject_cast<QWidget*>(watched);
    if (!(qobject_cast<QLineEdit*>(watched) || notes) ||
        (event->type() != QEvent::ShortcutOverride && event->type() != QEvent::KeyPress))
        return QWidget::eventFilter(watched, event);
    auto* key = static_cast<QKeyEvent*>(event);
    const bool undo = key->matches(QKeySequence::Undo), redo = key->matches(QKeySequence::Redo);
    if (!undo && !redo)
        return QWidget::eventFilter(watched, event);
    event->accept();
    if (event->type() == QEvent::ShortcutOverride)
        return true; // the key comes to the field as a key press, below, not to the window's action
    const QString text = notes ? notes->toPlainText() : static_cast<QLineEdit*>(edit)->text();
    const bool typed = text.trimmed() != edit->property("shown").toString();
    if (undo && typed) {
        revert(edit);
        message_->clear();
    } else if (undo) {
        doc_->undoStack()->undo();
    } else {
        if (typed)
            revert(edit);
        doc_->undoStack()->redo();
    }
    return true;
}

void ItemEditor::revert(QWidget* edit) {
    if (auto* line = qobject_cast<QLineEdit*>(edit)) {
        line->setText(line->property("shown").toString());
        line->setCursorPosition(0);
    } else if (auto* box = qobject_cast<QComboBox*>(edit)) {
        const QSignalBlocker block(box);
        box->setCurrentIndex(std::max(0, box->findData(box->property("shown"))));
    } else if (auto* text = qobject_cast<QPlainTextEdit*>(edit)) {
        text->setPlainText(text->property("shown").toString());
    }
}

void ItemEditor::say(const QString& error) {
    message_->setText(error);
}

void ItemEditor::commit(QWidget* widget) {
    const QString key = widget->property("jsonKey").toString();
    const models::FieldSpec* spec = specOf(prefix_, key);
    if (!spec)
        return;
    if (auto* box = qobject_cast<QComboBox*>(widget)) {
        const QString keyword = box->currentData().toString();
        if (keyword == box->property("shown").toString())
            return;
        commitValue(box, key, keyword.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(keyword));
        return;
    }
    if (auto* notes = qobject_cast<QPlainTextEdit*>(widget)) {
        const QString text = notes->toPlainText().trimmed();
        if (text != notes->property("shown").toString())
            commitValue(notes, key, text);
        return;
    }
    auto* edit = static_cast<QLineEdit*>(widget);
    const QString text = edit->text().trimmed();
    if (text == edit->property("shown").toString())
        return;
    // As people type them, in the widget's locale: 60,000, 14.2B, $5.04, 9% (models/NumberInput).
    QString problem;
    const auto value = models::typedValue(*spec, text, locale(),
                                          QString::fromStdString(doc_->portfolio().currency), &problem);
    if (!value) {
        message_->setText(QString("%1: %2").arg(pathOf(key), problem));
        revert(edit);
        return;
    }
    // The stored value written another way ("14,200M" for 14.2B): nothing to change.
    if (const QJsonValue stored = storedValue(key); value->isDouble() && stored.isDouble() &&
                                                    stored.toDouble() == value->toDouble() &&
                                                    pending_.isEmpty()) {
        revert(edit);
        message_->clear();
        return;
    }
    commitValue(edit, key, *value);
}

void ItemEditor::commitValue(QWidget* edit, const QString& key, const QJsonValue& value) {
    if (const models::FieldGroup* group = models::fieldGroupOf(key)) {
        commitTogether(edit, key, value, *group);
        return;
    }
    QString error;
    bool done = false;
    if (prefix_.startsWith("skus[")) {
        done = doc_->setSkuValue(skuId(), key, value, &error);
    } else {
        // A price replaces a contract value and the other way round (a contract has one of the two).
        const QString other = key == "price_per_gpu_hour"     ? QString("total_contract_value")
                              : key == "total_contract_value" ? QString("price_per_gpu_hour")
                                                              : QString();
        const bool swap =
            !other.isEmpty() && !value.isUndefined() && !doc_->value(pathOf(other)).isUndefined();
        // In words: "CoreWeave 2025 (GB300) price per GPU-hour empty -> 4.8, instead of its total
        // contract value".
        const models::FieldSpec* replaced = specOf(prefix_, other);
        const QString described =
            swap ? tr("%1 %2 -> %3, instead of its %4")
                       .arg(models::fieldInWords(doc_->portfolio(), pathOf(key)),
                            models::valueInWords(doc_->value(pathOf(key))), models::valueInWords(value),
                            replaced ? replaced->label.toLower() : other)
                 : QString();
        done =
            swap ? doc_->setValues({{pathOf(key), value}, {pathOf(other), QJsonValue(QJsonValue::Undefined)}},
                                   described, &error)
                 : doc_->setValue(pathOf(key), value, &error);
    }
    if (!done) {
        message_->setText(error);
        revert(edit);
        return;
    }
    message_->clear();
}

// Fields given together or not at all (models::FieldGroup: a lease's classification and rate, a capex
// range, a delivery delay): on an item without them the first ones given wait, shown, for the rest,
// and the group is then one edit; clearing one (a lease: its classification) clears the group.
void ItemEditor::commitTogether(QWidget* edit, const QString& key, const QJsonValue& value,
                                const models::FieldGroup& group) {
    const QString path = pathOf(key);
    QString error;
    bool done = false;
    bool othersSet = true, othersReady = true;
    QStringList missing;
    for (const QString& k : group.keys) {
        if (k == key)
            continue;
        const bool set = !doc_->value(pathOf(k)).isUndefined();
        othersSet = othersSet && set;
        if (!set && !pending_.contains(pathOf(k))) {
            othersReady = false;
            missing << pathOf(k);
        }
    }
    if (value.isUndefined() && (group.anyClears || key == group.keys.front())) {
        QList<std::pair<QString, QJsonValue>> cleared;
        for (const QString& k : group.keys)
            cleared.push_back({pathOf(k), QJsonValue(QJsonValue::Undefined)});
        done = doc_->setValues(cleared, tr("%1: %2").arg(itemName(), group.none), &error);
    } else if (othersSet || value.isUndefined()) {
        done = doc_->setValue(path, value, &error);
    } else if (othersReady) {
        // Named in the group's own order: a lease (classification, rate), a range (low .. high).
        QList<std::pair<QString, QJsonValue>> values;
        QStringList words;
        for (const QString& k : group.keys) {
            const QString at = pathOf(k);
            const QJsonValue v = k == key                ? value
                                 : pending_.contains(at) ? pending_.value(at)
                                                         : doc_->value(at);
            if (k == key || pending_.contains(at))
                values.push_back({at, v});
            words << models::valueInWords(v);
        }
        const QString unit = group.unit.isEmpty() ? QString() : " " + group.unit;
        done = doc_->setValues(
            values, tr("%1: %2 (%3%4)").arg(itemName(), group.what, words.join(group.separator), unit),
            &error);
    } else {
        pending_.insert(path, value);
        if (auto* line = qobject_cast<QLineEdit*>(edit))
            line->setProperty("shown", line->text().trimmed());
        else
            edit->setProperty("shown", value.toString());
        message_->setText(
            tr("%1: now enter %2 as well; %3").arg(path, missing.join(tr(" and ")), group.setWhen));
        return;
    }
    pending_.clear();
    if (!done) {
        message_->setText(error);
        revert(edit);
        refreshValues();
        return;
    }
    message_->clear();
}

QString ItemEditor::itemName() const {
    return doc_->value(prefix_ + ".name").toString();
}

QLineEdit* ItemEditor::field(const QString& key) const {
    return formHost_->findChild<QLineEdit*>(key);
}

QComboBox* ItemEditor::choice(const QString& key) const {
    return formHost_->findChild<QComboBox*>(key);
}

CurveGrid* ItemEditor::curve(const QString& name) const {
    return formHost_->findChild<CurveGrid*>("curve." + name);
}

CorrelationGrid* ItemEditor::correlation() const {
    return formHost_->findChild<CorrelationGrid*>("correlation");
}

QString ItemEditor::message() const {
    return message_->text();
}

} // namespace ledger::ui
