#include "ui/ItemEditor.h"

#include "analytics/NewsDecoder.h"
#include "models/FieldCatalog.h"
#include "models/NumberInput.h"
#include "models/PortfolioDocument.h"
#include "portfolio/SkuCatalog.h"

#include <QCheckBox>
#include <QEvent>
#include <QFormLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace ledger::ui {

namespace {

const std::vector<models::FieldSpec>* fieldsFor(const QString& prefix) {
    if (prefix.isEmpty())
        return &models::assumptionFields();
    if (prefix.startsWith("contracts["))
        return &models::contractFields();
    if (prefix.startsWith("fleets["))
        return &models::fleetFields();
    return nullptr;
}

QString pathOf(const QString& prefix, const QString& key) {
    return prefix.isEmpty() ? key : prefix + "." + key;
}

// What a field shows for its stored value. A number in the locale, never in scientific notation, and
// read back by commit() to exactly the stored double (models/NumberInput: 14.2B, 60,000, 0.09).
QString textOf(const QJsonValue& v, const models::FieldSpec& f, const QLocale& locale) {
    if (v.isArray()) { // tranches: "date:gpus;date:gpus", the CSV cell form
        QStringList parts;
        for (const QJsonValue& t : v.toArray())
            parts << t["date"].toString() + ":" + models::plainNumber(t["gpus"].toDouble());
        return parts.join(';');
    }
    if (v.isDouble())
        return models::showNumber(v.toDouble(), models::numberFormOf(f), locale);
    if (v.isString())
        return v.toString();
    return {};
}

} // namespace

ItemEditor::ItemEditor(models::PortfolioDocument* doc, QWidget* parent)
    : QWidget(parent)
    , doc_(doc) {
    auto* layout = new QVBoxLayout(this);
    title_ = new QLabel(this);
    title_->setWordWrap(true);
    formHost_ = new QWidget(this);
    form_ = new QFormLayout(formHost_);
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

QString ItemEditor::idAt(const QString& prefix) const {
    if (prefix.isEmpty() || !doc_->hasPortfolio())
        return {};
    if (prefix.startsWith("alternatives[")) {
        static const QRegularExpression re(R"(^alternatives\[(\d+)\]$)");
        const auto m = re.match(prefix);
        const auto& alts = doc_->evaluation().alternatives;
        const std::size_t i = m.hasMatch() ? m.captured(1).toULongLong() : alts.size();
        return i + 1 < alts.size() ? QString::fromStdString(alts[i].id) : QString();
    }
    return doc_->value(prefix + ".id").toString();
}

void ItemEditor::follow() {
    if (prefix_.isEmpty()) {
        refreshValues();
        return;
    }
    QString found;
    const auto& p = doc_->portfolio();
    const std::string id = itemId_.toStdString();
    if (prefix_.startsWith("contracts[")) {
        for (std::size_t i = 0; i < p.contracts.size() && found.isEmpty(); ++i)
            if (p.contracts[i].id == id)
                found = QString("contracts[%1]").arg(i);
    } else if (prefix_.startsWith("fleets[")) {
        for (std::size_t i = 0; i < p.fleets.size() && found.isEmpty(); ++i)
            if (p.fleets[i].id == id)
                found = QString("fleets[%1]").arg(i);
    } else {
        const auto& alts = doc_->evaluation().alternatives;
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
    pending_ = {};
    implied_ = nullptr; // removed with its row
    while (form_->rowCount() > 0)
        form_->removeRow(0);
    const auto* fields = fieldsFor(prefix_);
    if (!fields) {
        static const QRegularExpression alternative(R"(^alternatives\[(\d+)\]$)");
        const auto m = alternative.match(prefix_);
        if (m.hasMatch())
            buildAlternative(m.captured(1).toInt());
        else
            title_->clear();
        return;
    }
    const QString name = prefix_.isEmpty() ? QString() : doc_->value(prefix_ + ".name").toString();
    title_->setText(
        prefix_.isEmpty()
            ? tr("<b>Assumptions</b>")
            : tr("<b>%1</b> <span style='color:gray'>%2</span>").arg(name.toHtmlEscaped(), prefix_));
    for (const auto& f : *fields) {
        auto* edit = new QLineEdit(formHost_);
        edit->setObjectName(f.key);
        edit->setProperty("jsonKey", f.key);
        edit->setToolTip(f.tooltip);
        edit->setPlaceholderText(f.placeholder);
        connect(edit, &QLineEdit::editingFinished, this, [this, edit] { commit(edit); });
        auto* label =
            new QLabel(f.unit.isEmpty() ? f.label : QString("%1 (%2)").arg(f.label, f.unit), formHost_);
        label->setToolTip(f.tooltip);
        form_->addRow(label, edit);
        if (f.key == "total_contract_value") {
            implied_ = new QLabel(formHost_);
            implied_->setObjectName("impliedTerms");
            implied_->setWordWrap(true);
            implied_->setStyleSheet("color: gray;");
            implied_->setToolTip(tr("From the evaluation: the price per GPU-hour the total value implies "
                                    "over the tranches (MODEL.md 3.2), and, by the news decoder, the "
                                    "same value as a constant number of GPUs over the term at that price "
                                    "and their IT megawatts (the SKU's kW per GPU)."));
            form_->addRow(QString(), implied_);
        }
    }
    refreshValues();
}

void ItemEditor::buildAlternative(int index) {
    const auto& alts = doc_->evaluation().alternatives;
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
        form_->addRow(QString(), box);
    };
    for (const auto& c : p.contracts)
        addItem(c.id, tr("Contract: %1").arg(QString::fromStdString(c.name)).toStdString());
    for (const auto& f : p.fleets)
        addItem(f.id, tr("Fleet: %1").arg(QString::fromStdString(f.name)).toStdString());
}

void ItemEditor::commitAlternative(int index) {
    // The whole list is written (a portfolio without one gets the one-per-item defaults made explicit).
    const auto& alts = doc_->evaluation().alternatives;
    QJsonArray list;
    for (std::size_t a = 0; a + 1 < alts.size(); ++a) {
        QJsonArray items;
        QString name = QString::fromStdString(alts[a].name);
        if (int(a) == index) {
            if (auto* edit = formHost_->findChild<QLineEdit*>("alternative.name"))
                name = edit->text().trimmed();
            for (QCheckBox* box : formHost_->findChildren<QCheckBox*>())
                if (box->isChecked())
                    items.append(box->property("itemId").toString());
        } else {
            for (const auto& id : alts[a].items)
                items.append(QString::fromStdString(id));
        }
        list.append(
            QJsonObject{{"id", QString::fromStdString(alts[a].id)}, {"name", name}, {"items", items}});
    }
    QString error;
    if (!doc_->setValue("alternatives", list, &error, QString("alternatives[%1]").arg(index))) {
        message_->setText(error);
        // Back to the document's values, once the check box that called is done emitting.
        QMetaObject::invokeMethod(
            this, [this] { rebuild(); }, Qt::QueuedConnection);
        return;
    }
    message_->clear();
}

void ItemEditor::refreshValues() {
    const auto* fields = fieldsFor(prefix_);
    if (!fields || !doc_->hasPortfolio())
        return;
    for (const auto& f : *fields) {
        if (QLineEdit* edit = field(f.key)) {
            if (pathOf(prefix_, f.key) == pending_.first)
                continue; // typed, waiting for its companion
            if (!edit->hasFocus() || edit->text() == edit->property("shown").toString()) {
                const QString text = textOf(doc_->value(pathOf(prefix_, f.key)), f, locale());
                edit->setText(text);
                edit->setProperty("shown", text);
            }
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
        const auto& items = doc_->evaluation().items;
        const auto r = std::find_if(items.begin(), items.end(), [&](const ItemResult& x) {
            return x.kind == "contract" && x.id == c.id;
        });
        if (r != items.end() && r->impliedPricePerGpuHour) {
            const QLocale l = locale();
            const QString price = l.toString(*r->impliedPricePerGpuHour, 'f', 2);
            text = tr("implies %1 per GPU-hour").arg(price);
            placeholder = tr("empty: %1, implied by the total value").arg(price);
            const Sku* sku = doc_->catalog().find(p, c.sku);
            const DealTerms terms{*c.totalContractValue,      c.start,     c.end,
                                  *r->impliedPricePerGpuHour, c.escalator, sku ? sku->itKwPerGpu : 0.0};
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
    const auto* fields = fieldsFor(prefix_);
    QLineEdit* price = field("price_per_gpu_hour");
    if (!fields || !price)
        return;
    for (const auto& f : *fields)
        if (f.key == "price_per_gpu_hour")
            price->setPlaceholderText(placeholder.isEmpty() ? f.placeholder : placeholder);
}

QString ItemEditor::impliedText() const {
    return implied_ && !implied_->isHidden() ? implied_->text() : QString();
}

void ItemEditor::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LocaleChange)
        refreshValues();
    QWidget::changeEvent(event);
}

void ItemEditor::commit(QLineEdit* edit) {
    const QString key = edit->property("jsonKey").toString();
    const QString text = edit->text().trimmed();
    if (text == edit->property("shown").toString())
        return;
    const auto* fields = fieldsFor(prefix_);
    const auto spec =
        std::find_if(fields->begin(), fields->end(), [&](const auto& f) { return f.key == key; });
    QJsonValue value;
    switch (spec->kind) {
    case models::FieldKind::Text:
    case models::FieldKind::Date:
        value = text;
        break;
    case models::FieldKind::OptionalChoice:
        value = text.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(text);
        break;
    case models::FieldKind::OptionalDate:
        value = text.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(text);
        break;
    case models::FieldKind::Tranches: {
        // "2027-01-01:5000;2027-07-01:8000", the CSV cell form; the engine checks dates and order.
        QJsonArray tranches;
        QLocale c = QLocale::c();
        c.setNumberOptions(QLocale::RejectGroupSeparator);
        for (const QString& part : text.split(';', Qt::SkipEmptyParts)) {
            const QStringList dg = part.trimmed().split(':');
            bool number = false;
            const double gpus = dg.size() == 2 ? c.toDouble(dg[1].trimmed(), &number) : 0.0;
            if (!number) {
                message_->setText(
                    tr("%1: \"%2\" is not date:gpus").arg(pathOf(prefix_, key), part.trimmed()));
                edit->setText(edit->property("shown").toString());
                return;
            }
            tranches.append(QJsonObject{{"date", dg[0].trimmed()}, {"gpus", gpus}});
        }
        value = tranches;
        break;
    }
    case models::FieldKind::Number:
    case models::FieldKind::Integer:
    case models::FieldKind::OptionalNumber: {
        if (text.isEmpty() && spec->kind == models::FieldKind::OptionalNumber) {
            value = QJsonValue(QJsonValue::Undefined);
            break;
        }
        // As people type them, in the widget's locale: 60,000, 14.2B, $5.04, 9% (models/NumberInput).
        const models::NumberReading read = models::readNumber(
            text, models::numberFormOf(*spec), locale(), QString::fromStdString(doc_->portfolio().currency));
        if (!read.value) {
            message_->setText(QString("%1: %2").arg(pathOf(prefix_, key), read.error));
            edit->setText(edit->property("shown").toString());
            return;
        }
        // The stored value written another way ("14,200M" for 14.2B): nothing to change.
        if (const QJsonValue stored = doc_->value(pathOf(prefix_, key));
            stored.isDouble() && stored.toDouble() == *read.value && pending_.first.isEmpty()) {
            edit->setText(edit->property("shown").toString());
            message_->clear();
            return;
        }
        value = *read.value;
        break;
    }
    }
    if (const QString together = models::givenTogetherWith(key); !together.isEmpty()) {
        commitTogether(edit, key, value, together);
        return;
    }
    QString error;
    // A price replaces a contract value and the other way round (a contract has one of the two).
    const QString other = key == "price_per_gpu_hour"     ? QString("total_contract_value")
                          : key == "total_contract_value" ? QString("price_per_gpu_hour")
                                                          : QString();
    const bool swap =
        !other.isEmpty() && !value.isUndefined() && !doc_->value(pathOf(prefix_, other)).isUndefined();
    const bool ok2 = swap ? doc_->setValues({{pathOf(prefix_, key), value},
                                             {pathOf(prefix_, other), QJsonValue(QJsonValue::Undefined)}},
                                            tr("Set %1").arg(pathOf(prefix_, key)), &error)
                          : doc_->setValue(pathOf(prefix_, key), value, &error);
    if (!ok2) {
        message_->setText(error);
        edit->setText(edit->property("shown").toString());
        return;
    }
    message_->clear();
}

// Two fields given together or not at all (a lease's classification and rate): on an item without
// them the first one typed waits, shown, for the other, and the two are then one edit; clearing the
// classification ends the lease, both fields in one edit.
void ItemEditor::commitTogether(QLineEdit* edit, const QString& key, const QJsonValue& value,
                                const QString& other) {
    const QString path = pathOf(prefix_, key), otherPath = pathOf(prefix_, other);
    const bool otherSet = !doc_->value(otherPath).isUndefined();
    QString error;
    bool done = false;
    if (value.isUndefined() && models::clearingEndsBoth(key)) {
        done =
            doc_->setValues({{path, value}, {otherPath, value}}, tr("Set %1: no lease").arg(prefix_), &error);
    } else if (otherSet || value.isUndefined()) {
        done = doc_->setValue(path, value, &error);
    } else if (pending_.first == otherPath) {
        done = doc_->setValues({{path, value}, {otherPath, pending_.second}},
                               tr("Set %1: a lease").arg(prefix_), &error);
    } else {
        pending_ = {path, value};
        edit->setProperty("shown", edit->text().trimmed());
        message_->setText(
            tr("%1: now enter %2 as well; the lease is set when both are given.").arg(path, otherPath));
        return;
    }
    pending_ = {};
    if (!done) {
        message_->setText(error);
        edit->setText(edit->property("shown").toString());
        refreshValues();
        return;
    }
    message_->clear();
}

QLineEdit* ItemEditor::field(const QString& key) const {
    return formHost_->findChild<QLineEdit*>(key);
}

QString ItemEditor::message() const {
    return message_->text();
}

} // namespace ledger::ui
